#include "storage/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>

#include "core/digest.h"
#include "core/url_canon.h"
#include "storage/schema.h"
#include "storage/snapshot_codec.h"
#include "storage/sqlite_statement.h"
#include "storage/stored_lists.h"

namespace revwatch {
namespace {

constexpr std::string_view kSelectWatch = R"sql(
  SELECT w.id, w.url, w.label, w.created_at, COALESCE(w.last_checked_at, 0),
         w.etag, w.last_modified,
         (SELECT COUNT(*) FROM revisions r WHERE r.watch_id = w.id),
         (SELECT COALESCE(MAX(r.first_seen), 0) FROM revisions r
           WHERE r.watch_id = w.id),
         w.state, COALESCE(w.every_seconds, 0), COALESCE(w.next_check_at, 0),
         w.failures, w.pinned, w.suspect_hash, w.checking_since, w.crashes,
         w.notify, w.alert_on,
         COALESCE((SELECT c.tags FROM changes c JOIN revisions r ON r.id = c.to_revision_id
                    WHERE r.watch_id = w.id ORDER BY r.number DESC LIMIT 1), ''),
         COALESCE(w.feed_id, 0), w.expires_at, w.published_at
    FROM watches w )sql";

Watch ReadWatch(const Statement& row) {
  Watch w;
  w.id = row.Int(0);
  w.url = row.Text(1);
  w.label = row.Text(2);
  w.created_at = row.Int(3);
  w.last_checked_at = row.Int(4);
  w.etag = row.Text(5);
  w.last_modified = row.Text(6);
  w.revisions = static_cast<int>(row.Int(7));
  w.last_changed_at = row.Int(8);
  w.state = row.Text(9);
  w.every_seconds = row.Int(10);
  w.next_check_at = row.Int(11);
  w.failures = static_cast<int>(row.Int(12));
  w.pinned = row.Int(13) != 0;
  w.suspect_hash = row.Text(14);
  w.checking_since = row.Int(15);
  w.crashes = static_cast<int>(row.Int(16));
  w.notify = Split(row.Text(17), ',', /*keep_empty=*/false);
  w.alert_on = Split(row.Text(18), ',', /*keep_empty=*/false);
  w.last_tags = Split(row.Text(19), ',', /*keep_empty=*/false);
  w.feed_id = row.Int(20);
  w.expires_at = row.Int(21);
  w.published_at = row.Int(22);
  return w;
}

constexpr std::string_view kSelectAlert = R"sql(
  SELECT a.id, c.watch_id, w.url, w.label,
         COALESCE((SELECT number FROM revisions WHERE id = c.from_revision_id), 0),
         (SELECT number FROM revisions WHERE id = c.to_revision_id),
         c.tags, a.recipient, a.status, a.created_at, a.attempts,
         a.next_attempt_at, a.last_error, a.message_id, COALESCE(a.sent_at, 0),
         a.thread_root, a.sent_as
    FROM alerts a JOIN changes c ON c.id = a.change_id JOIN watches w ON w.id = c.watch_id )sql";

AlertRecord ReadAlert(const Statement& row) {
  AlertRecord a;
  a.id = row.Int(0);
  a.watch_id = row.Int(1);
  a.url = row.Text(2);
  a.label = row.Text(3);
  a.old_number = static_cast<int>(row.Int(4));
  a.new_number = static_cast<int>(row.Int(5));
  a.tags = Split(row.Text(6), ',', /*keep_empty=*/false);
  a.recipient = row.Text(7);
  a.status = row.Text(8);
  a.created_at = row.Int(9);
  a.attempts = static_cast<int>(row.Int(10));
  a.next_attempt_at = row.Int(11);
  a.last_error = row.Text(12);
  a.message_id = row.Text(13);
  a.sent_at = row.Int(14);
  a.thread_root = row.Text(15);
  a.sent_as = row.Text(16);
  return a;
}

constexpr std::string_view kSelectRevision = R"sql(
  SELECT number, title, byline, published, body, text_hash, first_seen,
         last_seen FROM revisions )sql";

StoredRevision ReadRevision(const Statement& row) {
  StoredRevision r;
  r.number = static_cast<int>(row.Int(0));
  r.article.title = row.Text(1);
  r.article.byline = row.Text(2);
  r.article.published = row.Text(3);
  r.article.paragraphs = Split(row.Text(4), '\n', /*keep_empty=*/true);
  r.text_hash = row.Text(5);
  r.first_seen = row.Int(6);
  r.last_seen = row.Int(7);
  return r;
}

Result<std::int64_t> InsertFetch(sqlite3* db, WatchId id,
                                 const FetchRecord& fetch) {
  auto stmt = Statement::Prepare(db, R"sql(
    INSERT INTO fetches (watch_id, fetched_at, http_status, final_url, etag,
                         last_modified, bytes, error)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?))sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id)
      .Bind(2, fetch.fetched_at)
      .Bind(3, static_cast<std::int64_t>(fetch.http_status))
      .Bind(4, fetch.final_url)
      .Bind(5, fetch.etag)
      .Bind(6, fetch.last_modified)
      .Bind(7, fetch.bytes)
      .Bind(8, fetch.error);
  if (Status s = stmt->Run(); !s) return tl::unexpected(s.error());
  return sqlite3_last_insert_rowid(db);
}

// Remembers the check time, and the validators of a full 200 response (a
// 304 keeps the ones that produced it unless it sends new ones).
Status UpdateWatchAfterCheck(sqlite3* db, WatchId id, const FetchRecord& fetch) {
  const bool full = fetch.http_status == 200;
  const bool refresh = fetch.http_status == 304 &&
                       (!fetch.etag.empty() || !fetch.last_modified.empty());
  auto stmt = Statement::Prepare(db, R"sql(
    UPDATE watches SET last_checked_at = ?,
           etag = CASE WHEN ? THEN ? ELSE etag END,
           last_modified = CASE WHEN ? THEN ? ELSE last_modified END
     WHERE id = ?)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  const std::int64_t take = (full || refresh) ? 1 : 0;
  stmt->Bind(1, fetch.fetched_at)
      .Bind(2, take)
      .Bind(3, fetch.etag)
      .Bind(4, take)
      .Bind(5, fetch.last_modified)
      .Bind(6, id);
  return stmt->Run();
}

// The costly part of storing a snapshot, done before the write lock.
struct PackedBody {
  std::string sha256;
  std::string zstd;
};

PackedBody Pack(const SnapshotRecord& snapshot) {
  return {Sha256Hex(snapshot.body), CompressSnapshot(snapshot.body)};
}

Result<std::int64_t> InsertSnapshot(sqlite3* db, WatchId id,
                                    std::int64_t fetch_id,
                                    const SnapshotRecord& snapshot, const PackedBody& packed) {
  auto stmt = Statement::Prepare(db, R"sql(
    INSERT INTO snapshots (watch_id, fetch_id, sha256, charset, headers,
                           body_size, compression, body)
    VALUES (?, ?, ?, ?, ?, ?, 'zstd', ?))sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id)
      .Bind(2, fetch_id)
      .Bind(3, packed.sha256)
      .Bind(4, snapshot.charset)
      .Bind(5, snapshot.headers)
      .Bind(6, static_cast<std::int64_t>(snapshot.body.size()))
      .BindBlob(7, packed.zstd);
  if (Status s = stmt->Run(); !s) return tl::unexpected(s.error());
  return sqlite3_last_insert_rowid(db);
}

Result<std::int64_t> InsertRevision(sqlite3* db, WatchId id, int number,
                                    UnixSeconds seen,
                                    std::int64_t snapshot_id,
                                    const NewRevision& revision) {
  auto stmt = Statement::Prepare(db, R"sql(
    INSERT INTO revisions (watch_id, number, title, byline, published, body,
                           text_hash, first_seen, last_seen, snapshot_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
  if (!stmt) return tl::unexpected(stmt.error());
  const Article& a = revision.article;
  stmt->Bind(1, id)
      .Bind(2, static_cast<std::int64_t>(number))
      .Bind(3, a.title)
      .Bind(4, a.byline)
      .Bind(5, a.published)
      .Bind(6, Join(a.paragraphs, '\n'))
      .Bind(7, revision.text_hash)
      .Bind(8, seen)
      .Bind(9, seen)
      .Bind(10, snapshot_id);
  if (Status s = stmt->Run(); !s) return tl::unexpected(s.error());
  return sqlite3_last_insert_rowid(db);
}

// The alerts of a new change; each threads under the first alert about
// the same watch to the same recipient (itself, for that first one).
Status InsertAlerts(sqlite3* db, WatchId watch, std::int64_t change_id, UnixSeconds at,
                    const std::vector<NewAlert>& alerts) {
  if (alerts.empty()) return {};
  auto stmt = Statement::Prepare(db, R"sql(
    INSERT INTO alerts (change_id, recipient, created_at, next_attempt_at, message_id,
                        thread_root)
    VALUES (?1, ?2, ?3, ?3, ?4,
            COALESCE((SELECT a.message_id FROM alerts a JOIN changes c ON c.id = a.change_id
                       WHERE c.watch_id = ?5 AND a.recipient = ?2 ORDER BY a.id LIMIT 1), ?4)))sql");
  if (!stmt) return tl::unexpected(stmt.error());
  for (const NewAlert& alert : alerts) {
    stmt->Reset();
    stmt->Bind(1, change_id).Bind(2, alert.recipient).Bind(3, at).Bind(4, alert.message_id).Bind(
        5, watch);
    if (Status s = stmt->Run(); !s) return s;
  }
  return {};
}

Result<std::int64_t> InsertChange(sqlite3* db, WatchId id, std::int64_t from_revision_id,
                                  std::int64_t to_revision_id, UnixSeconds at,
                                  const ChangeRecord& change) {
  auto stmt = Statement::Prepare(db, R"sql(
    INSERT INTO changes (watch_id, from_revision_id, to_revision_id,
                         created_at, words_added, words_removed,
                         paragraphs_added, paragraphs_removed,
                         paragraphs_changed, tags, substantive,
                         paragraphs_moved, score)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id);
  if (from_revision_id == 0) {
    stmt->BindNull(2);
  } else {
    stmt->Bind(2, from_revision_id);
  }
  stmt->Bind(3, to_revision_id)
      .Bind(4, at)
      .Bind(5, std::int64_t{change.words_added})
      .Bind(6, std::int64_t{change.words_removed})
      .Bind(7, std::int64_t{change.paragraphs_added})
      .Bind(8, std::int64_t{change.paragraphs_removed})
      .Bind(9, std::int64_t{change.paragraphs_changed})
      .Bind(10, Join(change.tags, ','))
      .Bind(11, std::int64_t{change.substantive ? 1 : 0})
      .Bind(12, std::int64_t{change.paragraphs_moved})
      .Bind(13, change.score);
  if (Status s = stmt->Run(); !s) return tl::unexpected(s.error());
  return sqlite3_last_insert_rowid(db);
}

// revwatch_canonical_url(URL) in SQL, for the migration that stores
// watches' URLs in their canonical form.
void RegisterCanonicalUrl(sqlite3* db) {
  auto canonical = [](sqlite3_context* context, int, sqlite3_value** args) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
    if (text == nullptr) {
      sqlite3_result_null(context);
      return;
    }
    const std::string url = CanonicalUrl(text);
    sqlite3_result_text(context, url.data(), static_cast<int>(url.size()), SQLITE_TRANSIENT);
  };
  sqlite3_create_function(db, "revwatch_canonical_url", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                          nullptr, canonical, nullptr, nullptr);
}

Result<int> ReadUserVersion(sqlite3* db) {
  auto stmt = Statement::Prepare(db, "PRAGMA user_version");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  return static_cast<int>(stmt->Int(0));
}

// Applies the missing migrations, each in its own write transaction that
// also bumps user_version, so a crash leaves a consistent version.
Status Migrate(sqlite3* db) {
  const auto migrations = SchemaMigrations();
  for (;;) {
    auto txn = WriteTransaction::Begin(db);
    if (!txn) return tl::unexpected(txn.error());
    auto version = ReadUserVersion(db);
    if (!version) return tl::unexpected(version.error());
    if (*version > static_cast<int>(migrations.size())) {
      return MakeError(ErrorCode::kStorage,
                       "schema version " + std::to_string(*version) +
                           " is newer than this revwatch understands (" +
                           std::to_string(migrations.size()) + ")");
    }
    if (*version == static_cast<int>(migrations.size())) return {};
    if (Status s = Execute(db, migrations[static_cast<size_t>(*version)]); !s) {
      return s;
    }
    if (Status s = Execute(db, "PRAGMA user_version = " +
                                   std::to_string(*version + 1));
        !s) {
      return s;
    }
    if (Status s = txn->Commit(); !s) return s;
  }
}

}  // namespace

int SqliteStore::SchemaVersion() {
  return static_cast<int>(SchemaMigrations().size());
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, const SqliteStoreOptions& options) {
  sqlite3* raw = nullptr;
  const int flags = options.read_only
                        ? SQLITE_OPEN_READONLY
                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqliteStore> store(new SqliteStore(raw, path, options.group));
  if (rc != SQLITE_OK) {
    return MakeError(ErrorCode::kStorage,
                     path + ": cannot open database: " +
                         (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  sqlite3_extended_result_codes(raw, 1);
  RegisterCanonicalUrl(raw);
  std::string pragmas = "PRAGMA foreign_keys = ON;";
  if (!options.read_only) {
    pragmas += "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";  // for migrations
  }
  if (Status s = Execute(raw, pragmas); !s) {
    return MakeError(ErrorCode::kStorage, path + ": " + s.error().message);
  }
  if (options.read_only) {
    auto version = ReadUserVersion(raw);
    if (!version) {
      return MakeError(ErrorCode::kStorage, path + ": " + version.error().message);
    }
    if (*version != SchemaVersion()) {
      return MakeError(ErrorCode::kStorage,
                       path + ": schema version " + std::to_string(*version) +
                           ", expected " + std::to_string(SchemaVersion()));
    }
  } else if (Status s = Migrate(raw); !s) {
    return MakeError(ErrorCode::kStorage, path + ": " + s.error().message);
  } else if (Status normal = Execute(raw, "PRAGMA synchronous = NORMAL"); !normal) {
    return MakeError(ErrorCode::kStorage, path + ": " + normal.error().message);
  }
  return store;
}

SqliteStore::SqliteStore(sqlite3* db, std::string path, std::shared_ptr<WriterGroup> group)
    : db_(db),
      path_(std::move(path)),
      group_(group ? std::move(group) : std::make_shared<WriterGroup>()) {}

Result<WriteTransaction> SqliteStore::BeginWrite() {
  return WriteTransaction::Begin(db_, &group_->writers());
}

Status SqliteStore::CommitDurably(WriteTransaction& txn) {
  if (Status s = txn.Commit(); !s) return s;
  if (path_.empty() || path_ == ":memory:") return {};
  return group_->SyncCommitted(path_ + "-wal");
}

Status SqliteStore::RunWrite(Statement& stmt) {
  std::lock_guard lock(group_->writers());
  return stmt.Run();
}

SqliteStore::~SqliteStore() { sqlite3_close_v2(db_); }

Result<Watch> SqliteStore::AddWatch(const std::string& url,
                                    const std::string& label) {
  auto ids = AddWatches({url}, WatchSettings{label, {}, {}});
  if (!ids) return tl::unexpected(ids.error());
  if (ids->front() == 0) return MakeError(ErrorCode::kInvalidArgument, url + ": already watched");
  return FindWatch(std::to_string(ids->front()));
}

Result<std::vector<WatchId>> SqliteStore::AddWatches(const std::vector<std::string>& urls,
                                                     const WatchSettings& settings) {
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  auto stmt = Statement::Prepare(
      db_, "INSERT INTO watches (url, label, created_at, notify, alert_on, every_seconds) "
           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING");
  if (!stmt) return tl::unexpected(stmt.error());
  const UnixSeconds now = NowUnixSeconds();
  std::vector<WatchId> ids;
  ids.reserve(urls.size());
  for (const std::string& url : urls) {
    stmt->Reset();
    stmt->Bind(1, url)
        .Bind(2, settings.label)
        .Bind(3, now)
        .Bind(4, Join(settings.notify, ','))
        .Bind(5, Join(settings.alert_on, ','))
        .Bind(6, settings.every_seconds);
    if (Status s = stmt->Run(); !s) return tl::unexpected(s.error());
    ids.push_back(sqlite3_changes(db_) == 1 ? sqlite3_last_insert_rowid(db_) : 0);
  }
  if (Status s = CommitDurably(*txn); !s) return tl::unexpected(s.error());
  return ids;
}

Result<Watch> SqliteStore::FindWatch(std::string_view url_or_id) {
  const bool by_id = IsDecimal(url_or_id);
  auto stmt = SelectByIdOrUrl(db_, kSelectWatch, "w.id", "w.url", url_or_id);
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) {
    // Watches added since URLs are made canonical are found by the URL
    // as the user has it (with its fragment or utm_ parameters).
    if (const std::string canonical = CanonicalUrl(url_or_id);
        !by_id && canonical != url_or_id) {
      return FindWatch(canonical);
    }
    return MakeError(ErrorCode::kNotFound,
                     std::string(url_or_id) +
                         ": not watched; `revwatch add URL` first");
  }
  return ReadWatch(*stmt);
}

Result<std::vector<Watch>> SqliteStore::ListWatches() {
  auto stmt = Statement::Prepare(db_, std::string(kSelectWatch) + "ORDER BY w.id");
  if (!stmt) return tl::unexpected(stmt.error());
  return ReadRows(*stmt, ReadWatch);
}

Status SqliteStore::RemoveWatch(WatchId id) {
  return DeleteDurably("DELETE FROM watches WHERE id = ?", id, "watch");
}

Status SqliteStore::DeleteDurably(std::string_view sql, std::int64_t id, std::string_view what) {
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  auto stmt = Statement::Prepare(db_, sql);
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id);
  if (Status s = stmt->Run(); !s) return s;
  if (sqlite3_changes(db_) == 0) {
    return MakeError(ErrorCode::kNotFound,
                     std::string(what) + " " + std::to_string(id) + " does not exist");
  }
  return CommitDurably(*txn);
}

Result<std::optional<StoredRevision>> SqliteStore::LatestRevision(WatchId id) {
  auto stmt = Statement::Prepare(
      db_, std::string(kSelectRevision) +
               "WHERE watch_id = ? ORDER BY number DESC LIMIT 1");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id);
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<StoredRevision>();
  return std::optional<StoredRevision>(ReadRevision(*stmt));
}

Result<StoredRevision> SqliteStore::GetRevision(WatchId id, int number) {
  auto stmt = Statement::Prepare(
      db_, std::string(kSelectRevision) + "WHERE watch_id = ? AND number = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id).Bind(2, std::int64_t{number});
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (*row) return ReadRevision(*stmt);
  auto latest = LatestRevision(id);
  if (!latest) return tl::unexpected(latest.error());
  const std::string range =
      *latest ? "valid revisions are 1.." + std::to_string((*latest)->number)
              : "the watch has no revisions yet";
  return MakeError(ErrorCode::kNotFound,
                   "no revision " + std::to_string(number) + "; " + range);
}

Result<std::vector<RevisionSummary>> SqliteStore::ListRevisions(WatchId id) {
  auto stmt = Statement::Prepare(db_, R"sql(
    SELECT r.number, r.first_seen, r.last_seen, r.title,
           c.words_added, c.words_removed, c.paragraphs_added,
           c.paragraphs_removed, c.paragraphs_changed, c.tags, c.substantive,
           c.paragraphs_moved, c.score
      FROM revisions r JOIN changes c ON c.to_revision_id = r.id
     WHERE r.watch_id = ? ORDER BY r.number DESC)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id);
  std::vector<RevisionSummary> revisions;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return revisions;
    RevisionSummary r;
    r.number = static_cast<int>(stmt->Int(0));
    r.first_seen = stmt->Int(1);
    r.last_seen = stmt->Int(2);
    r.title = stmt->Text(3);
    r.change.words_added = static_cast<int>(stmt->Int(4));
    r.change.words_removed = static_cast<int>(stmt->Int(5));
    r.change.paragraphs_added = static_cast<int>(stmt->Int(6));
    r.change.paragraphs_removed = static_cast<int>(stmt->Int(7));
    r.change.paragraphs_changed = static_cast<int>(stmt->Int(8));
    r.change.tags = Split(stmt->Text(9), ',', /*keep_empty=*/false);
    r.change.substantive = stmt->Int(10) != 0;
    r.change.paragraphs_moved = static_cast<int>(stmt->Int(11));
    r.change.score = stmt->Double(12);
    revisions.push_back(std::move(r));
  }
}

Status SqliteStore::SetSchedule(WatchId id, UnixSeconds next_check_at, int failures,
                                std::string_view state) {
  auto stmt = Statement::Prepare(
      db_, "UPDATE watches SET next_check_at = ?, failures = ?, "
           "state = CASE WHEN state = 'paused' THEN state ELSE ? END WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, next_check_at).Bind(2, std::int64_t{failures}).Bind(3, state).Bind(4, id);
  return RunWrite(*stmt);
}

Status SqliteStore::SetPaused(WatchId id, bool paused) {
  auto stmt = Statement::Prepare(
      db_, paused ? "UPDATE watches SET state = 'paused' WHERE id = ?"
                  // Resumed: due now; an expired watch is pinned, or the next
                  // cycle would expire it again; a quarantined one starts over.
                  : "UPDATE watches SET pinned = CASE WHEN state = 'expired' THEN 1 ELSE pinned END,"
                    " state = 'active', next_check_at = 0, failures = 0, crashes = 0 WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id);
  return RunWrite(*stmt);
}

Status SqliteStore::MarkChecking(WatchId id, UnixSeconds since, int crashes) {
  auto stmt = Statement::Prepare(
      db_, "UPDATE watches SET checking_since = ?, crashes = ? WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, since).Bind(2, std::int64_t{crashes}).Bind(3, id);
  return RunWrite(*stmt);
}

Status SqliteStore::SetCrashes(WatchId id, int crashes, std::string_view state) {
  auto stmt = Statement::Prepare(
      db_, "UPDATE watches SET crashes = ?, checking_since = 0, "
           "state = CASE WHEN state = 'paused' THEN state ELSE ? END WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, std::int64_t{crashes}).Bind(2, state).Bind(3, id);
  return RunWrite(*stmt);
}

Status SqliteStore::SetSuspect(WatchId id, std::string_view text_hash) {
  auto stmt = Statement::Prepare(db_, "UPDATE watches SET suspect_hash = ? WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, text_hash).Bind(2, id);
  return RunWrite(*stmt);
}

Status SqliteStore::RecordFailedCheck(WatchId id, const FetchRecord& fetch) {
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  if (auto fetch_id = InsertFetch(db_, id, fetch); !fetch_id) {
    return tl::unexpected(fetch_id.error());
  }
  auto stmt = Statement::Prepare(
      db_, "UPDATE watches SET last_checked_at = ? WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, fetch.fetched_at).Bind(2, id);
  if (Status s = stmt->Run(); !s) return s;
  return txn->Commit();
}

Status SqliteStore::RecordUnchangedCheck(WatchId id, const FetchRecord& fetch,
                                         int number) {
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  if (auto fetch_id = InsertFetch(db_, id, fetch); !fetch_id) {
    return tl::unexpected(fetch_id.error());
  }
  auto stmt = Statement::Prepare(db_, R"sql(
    UPDATE revisions SET last_seen = MAX(last_seen, ?)
     WHERE watch_id = ? AND number = ?)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, fetch.fetched_at).Bind(2, id).Bind(3, std::int64_t{number});
  if (Status s = stmt->Run(); !s) return s;
  if (Status s = UpdateWatchAfterCheck(db_, id, fetch); !s) return s;
  return txn->Commit();
}

Result<int> SqliteStore::RecordNewRevision(WatchId id, const FetchRecord& fetch,
                                           const NewRevision& revision) {
  const PackedBody packed = Pack(revision.snapshot);
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  auto latest = Statement::Prepare(db_, R"sql(
    SELECT COALESCE(MAX(number), 0),
           COALESCE((SELECT id FROM revisions WHERE watch_id = ?1
                      ORDER BY number DESC LIMIT 1), 0)
      FROM revisions WHERE watch_id = ?1)sql");
  if (!latest) return tl::unexpected(latest.error());
  latest->Bind(1, id);
  if (auto row = latest->Step(); !row) return tl::unexpected(row.error());
  const int parent = static_cast<int>(latest->Int(0));
  const std::int64_t parent_id = latest->Int(1);
  if (parent != revision.parent_number) {
    return MakeError(ErrorCode::kStorage,
                     "revision " + std::to_string(parent) +
                         " was added by another check meanwhile; check again");
  }
  auto fetch_id = InsertFetch(db_, id, fetch);
  if (!fetch_id) return tl::unexpected(fetch_id.error());
  auto snapshot_id = InsertSnapshot(db_, id, *fetch_id, revision.snapshot, packed);
  if (!snapshot_id) return tl::unexpected(snapshot_id.error());
  const int number = parent + 1;
  auto revision_id = InsertRevision(db_, id, number, fetch.fetched_at,
                                    *snapshot_id, revision);
  if (!revision_id) return tl::unexpected(revision_id.error());
  auto change_id =
      InsertChange(db_, id, parent_id, *revision_id, fetch.fetched_at, revision.change);
  if (!change_id) return tl::unexpected(change_id.error());
  if (Status s = InsertAlerts(db_, id, *change_id, fetch.fetched_at, revision.alerts);
      !s) {
    return tl::unexpected(s.error());
  }
  if (Status s = UpdateWatchAfterCheck(db_, id, fetch); !s) {
    return tl::unexpected(s.error());
  }
  if (Status s = CommitDurably(*txn); !s) return tl::unexpected(s.error());
  return number;
}

Result<std::vector<AlertRecord>> SqliteStore::ListAlerts(bool pending_only, UnixSeconds now) {
  std::string sql(kSelectAlert);
  if (pending_only) {
    sql += "WHERE a.status = 'pending'";
    if (now > 0) sql += " AND a.next_attempt_at <= ?";
  }
  auto stmt = Statement::Prepare(db_, sql + " ORDER BY a.id");
  if (!stmt) return tl::unexpected(stmt.error());
  if (pending_only && now > 0) stmt->Bind(1, now);
  return ReadRows(*stmt, ReadAlert);
}

Result<int> SqliteStore::IndexForSearch() {
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  if (Status s = Execute(db_, R"sql(
        INSERT INTO revisions_fts (rowid, title, body)
          SELECT r.id, r.title, r.body FROM search_pending p JOIN revisions r ON r.id = p.revision_id
           ORDER BY r.id)sql");
      !s) {
    return tl::unexpected(s.error());
  }
  const int added = sqlite3_changes(db_);
  if (Status s = Execute(db_, "DELETE FROM search_pending"); !s) return tl::unexpected(s.error());
  if (Status s = txn->Commit(); !s) return tl::unexpected(s.error());
  return added;
}

Result<StoredSnapshot> SqliteStore::GetSnapshot(WatchId id, int number) {
  auto stmt = Statement::Prepare(db_, R"sql(
    SELECT s.body, s.headers, s.charset, s.sha256, f.fetched_at, f.final_url, f.http_status
      FROM revisions r JOIN snapshots s ON s.id = r.snapshot_id
      JOIN fetches f ON f.id = s.fetch_id
     WHERE r.watch_id = ? AND r.number = ?)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id).Bind(2, std::int64_t{number});
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) {
    auto missing = GetRevision(id, number);  // names the valid range
    if (!missing) return tl::unexpected(missing.error());
    return MakeError(ErrorCode::kStorage, "revision " + std::to_string(number) + " has no page");
  }
  auto body = DecompressSnapshot(stmt->Blob(0));
  if (!body) return tl::unexpected(body.error());
  StoredSnapshot snapshot;
  snapshot.body = std::move(*body);
  snapshot.headers = stmt->Text(1);
  snapshot.charset = stmt->Text(2);
  snapshot.sha256 = stmt->Text(3);
  snapshot.fetched_at = stmt->Int(4);
  snapshot.final_url = stmt->Text(5);
  snapshot.http_status = static_cast<long>(stmt->Int(6));
  return snapshot;
}

Result<std::vector<SearchHit>> SqliteStore::Search(const std::string& match, WatchId watch,
                                                  UnixSeconds since, const std::string& open,
                                                  const std::string& close) {
  auto stmt = Statement::Prepare(db_, R"sql(
    SELECT r.watch_id, w.url, r.number,
           (SELECT MAX(number) FROM revisions x WHERE x.watch_id = r.watch_id
               AND x.id NOT IN (SELECT revision_id FROM search_pending)),
           r.first_seen, snippet(revisions_fts, -1, ?2, ?3, '…', 16)
      FROM revisions_fts
      JOIN revisions r ON r.id = revisions_fts.rowid
      JOIN watches w ON w.id = r.watch_id
     WHERE revisions_fts MATCH ?1 AND (?4 = 0 OR r.watch_id = ?4) AND r.first_seen >= ?5
     ORDER BY r.watch_id, r.number)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, match).Bind(2, open).Bind(3, close).Bind(4, watch).Bind(5, since);
  std::vector<SearchHit> hits;
  for (;;) {
    auto row = stmt->Step();
    if (!row) {
      // FTS5 reports a malformed query as an error of the statement.
      return MakeError(ErrorCode::kInvalidArgument,
                       "cannot search for " + match + ": " + row.error().message);
    }
    if (!*row) return hits;
    SearchHit hit;
    hit.watch_id = stmt->Int(0);
    hit.url = stmt->Text(1);
    hit.number = static_cast<int>(stmt->Int(2));
    hit.latest = static_cast<int>(stmt->Int(3));
    hit.first_seen = stmt->Int(4);
    hit.snippet = stmt->Text(5);
    hits.push_back(std::move(hit));
  }
}

Result<bool> SqliteStore::ClaimAlert(std::int64_t id, UnixSeconds now, UnixSeconds until) {
  auto stmt = Statement::Prepare(db_, R"sql(
    UPDATE alerts SET sending_until = ?
     WHERE id = ? AND status = 'pending' AND sending_until <= ?)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, until).Bind(2, id).Bind(3, now);
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  if (Status s = stmt->Run(); !s) return tl::unexpected(s.error());
  const bool claimed = sqlite3_changes(db_) == 1;
  if (Status s = txn->Commit(); !s) return tl::unexpected(s.error());
  return claimed;
}

Status SqliteStore::MarkAlertsSent(const std::vector<std::int64_t>& ids, UnixSeconds at,
                                   const std::string& sent_as) {
  auto stmt = Statement::Prepare(db_, R"sql(
    UPDATE alerts SET status = 'sent', sent_at = ?, sent_as = ?, last_error = '',
                      attempts = attempts + 1, sending_until = 0
     WHERE id = ?)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  for (const std::int64_t id : ids) {
    stmt->Reset();
    stmt->Bind(1, at).Bind(2, sent_as).Bind(3, id);
    if (Status s = stmt->Run(); !s) return s;
  }
  return CommitDurably(*txn);  // a re-send after a crash must stay the exception
}

Status SqliteStore::MarkAlertFailed(std::int64_t id, const std::string& error,
                                    UnixSeconds next_attempt_at, bool failed) {
  auto stmt = Statement::Prepare(db_, R"sql(
    UPDATE alerts SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                      sending_until = 0, status = CASE WHEN ? THEN 'failed' ELSE status END
     WHERE id = ?)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, error).Bind(2, next_attempt_at).Bind(3, std::int64_t{failed ? 1 : 0}).Bind(4, id);
  return RunWrite(*stmt);
}

}  // namespace revwatch
