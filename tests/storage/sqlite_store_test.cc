#include "storage/sqlite_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "storage/schema.h"
#include "storage/snapshot_codec.h"

namespace revwatch {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/revwatch-store-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/test.db";
    auto store = SqliteStore::Open(path_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  static NewRevision MakeRevision(std::string title, int parent) {
    NewRevision r;
    r.article = {std::move(title), "By A. Writer", "2026-01-27", {"One.", "Two."}};
    r.text_hash = "hash-" + r.article.title;
    r.snapshot = {"<html>page " + r.article.title + "</html>",
                  "HTTP/1.1 200 OK\r\n", "utf-8"};
    r.change.words_added = 2;
    r.change.tags = {"headline", "paragraph-added"};
    r.change.substantive = parent > 0;
    r.parent_number = parent;
    return r;
  }

  static FetchRecord Fetch(UnixSeconds at, long status = 200) {
    FetchRecord f;
    f.fetched_at = at;
    f.http_status = status;
    f.etag = "\"v" + std::to_string(at) + "\"";
    f.bytes = 100;
    return f;
  }

  // Runs one query on a second connection and returns the first column.
  std::string Query(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    std::string result;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(stmt, 0);
      result = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(stmt);
    sqlite3_close_v2(db);
    return result;
  }

  std::string dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, NewDatabaseIsMigratedToCurrentVersionInWalMode) {
  EXPECT_EQ(Query("PRAGMA user_version"), std::to_string(SqliteStore::SchemaVersion()));
  EXPECT_EQ(Query("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE name IN "
                  "('watches','fetches','snapshots','revisions','changes','alerts')"),
            "6");
}

TEST_F(SqliteStoreTest, ReopeningDoesNotMigrateAgain) {
  ASSERT_TRUE(store_->AddWatch("https://example.org/a", "a"));
  store_.reset();
  auto again = SqliteStore::Open(path_);
  ASSERT_TRUE(again) << again.error().message;
  auto watches = (*again)->ListWatches();
  ASSERT_TRUE(watches);
  EXPECT_EQ(watches->size(), 1u);
}

TEST_F(SqliteStoreTest, NewerSchemaIsRefused) {
  store_.reset();
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto again = SqliteStore::Open(path_);
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("newer"), std::string::npos);
}

TEST_F(SqliteStoreTest, AddWatchRefusesDuplicatesAndFindsByIdOrUrl) {
  auto watch = store_->AddWatch("https://example.org/a", "label");
  ASSERT_TRUE(watch) << watch.error().message;
  auto duplicate = store_->AddWatch("https://example.org/a", "");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->FindWatch(std::to_string(watch->id))->url, "https://example.org/a");
  EXPECT_EQ(store_->FindWatch("https://example.org/a")->label, "label");
  auto missing = store_->FindWatch("https://example.org/b");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("revwatch add"), std::string::npos);
}

TEST_F(SqliteStoreTest, NewRevisionsAreNumberedAndListedNewestFirst) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  ASSERT_TRUE(watch);
  ASSERT_EQ(*store_->RecordNewRevision(watch->id, Fetch(100), MakeRevision("First", 0)), 1);
  ASSERT_EQ(*store_->RecordNewRevision(watch->id, Fetch(200), MakeRevision("Second", 1)), 2);

  auto revisions = store_->ListRevisions(watch->id);
  ASSERT_TRUE(revisions) << revisions.error().message;
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[0].number, 2);
  EXPECT_EQ((*revisions)[0].title, "Second");
  EXPECT_EQ((*revisions)[0].change.tags,
            (std::vector<std::string>{"headline", "paragraph-added"}));
  EXPECT_TRUE((*revisions)[0].change.substantive);
  EXPECT_EQ((*revisions)[1].first_seen, 100);

  auto latest = store_->LatestRevision(watch->id);
  ASSERT_TRUE(latest && *latest);
  EXPECT_EQ((*latest)->article.paragraphs, (std::vector<std::string>{"One.", "Two."}));
  EXPECT_EQ((*latest)->article.byline, "By A. Writer");
  EXPECT_EQ(store_->FindWatch("https://example.org/a")->etag, "\"v200\"");
  EXPECT_EQ(Query("SELECT count(*) FROM changes"), "2");
  EXPECT_EQ(Query("SELECT count(*) FROM changes WHERE from_revision_id IS NULL"), "1");
}

TEST_F(SqliteStoreTest, SnapshotIsStoredCompressedWithItsHash) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  ASSERT_TRUE(store_->RecordNewRevision(watch->id, Fetch(100), MakeRevision("First", 0)));
  EXPECT_EQ(Query("SELECT compression || ' ' || charset || ' ' || body_size FROM snapshots"),
            "zstd utf-8 23");
  EXPECT_EQ(Query("SELECT length(sha256) FROM snapshots"), "64");
}

TEST_F(SqliteStoreTest, UnchangedCheckMovesLastSeenAndAddsNoRevision) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  ASSERT_TRUE(store_->RecordNewRevision(watch->id, Fetch(100), MakeRevision("First", 0)));
  ASSERT_TRUE(store_->RecordUnchangedCheck(watch->id, Fetch(300, 304), 1));
  auto revisions = store_->ListRevisions(watch->id);
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ((*revisions)[0].first_seen, 100);
  EXPECT_EQ((*revisions)[0].last_seen, 300);
  EXPECT_EQ(Query("SELECT count(*) FROM fetches"), "2");
  EXPECT_EQ(store_->FindWatch("1")->last_checked_at, 300);
}

TEST_F(SqliteStoreTest, StaleParentIsRefused) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  ASSERT_TRUE(store_->RecordNewRevision(watch->id, Fetch(100), MakeRevision("First", 0)));
  auto stale = store_->RecordNewRevision(watch->id, Fetch(200), MakeRevision("Other", 0));
  ASSERT_FALSE(stale);
  EXPECT_EQ(Query("SELECT count(*) FROM revisions"), "1");
  EXPECT_EQ(Query("SELECT count(*) FROM fetches"), "1");  // rolled back whole
}

TEST_F(SqliteStoreTest, FailedCheckStoresOnlyTheAttempt) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  FetchRecord failed = Fetch(100, 404);
  failed.error = "HTTP 404";
  ASSERT_TRUE(store_->RecordFailedCheck(watch->id, failed));
  EXPECT_EQ(Query("SELECT http_status || ' ' || error FROM fetches"), "404 HTTP 404");
  EXPECT_EQ(Query("SELECT count(*) FROM revisions"), "0");
  EXPECT_EQ(store_->FindWatch("1")->etag, "");  // a failure brings no validators
}

TEST_F(SqliteStoreTest, GetRevisionOutOfRangeNamesTheValidRange) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  ASSERT_TRUE(store_->RecordNewRevision(watch->id, Fetch(100), MakeRevision("First", 0)));
  auto missing = store_->GetRevision(watch->id, 5);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("1..1"), std::string::npos);
}

TEST_F(SqliteStoreTest, RemoveWatchDeletesItsHistory) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  ASSERT_TRUE(store_->RecordNewRevision(watch->id, Fetch(100), MakeRevision("First", 0)));
  ASSERT_TRUE(store_->RemoveWatch(watch->id));
  EXPECT_EQ(Query("SELECT (SELECT count(*) FROM revisions) + (SELECT count(*) FROM "
                  "snapshots) + (SELECT count(*) FROM fetches) + (SELECT count(*) FROM changes)"),
            "0");
  EXPECT_FALSE(store_->RemoveWatch(watch->id));
}

TEST_F(SqliteStoreTest, SearchSeesIndexedRevisionsAndForgetsRemovedOnes) {
  auto a = store_->AddWatch("https://example.org/a", "");
  auto b = store_->AddWatch("https://example.org/b", "");
  ASSERT_TRUE(a && b);
  NewRevision first = MakeRevision("Totally false, said the ministry", 0);
  ASSERT_TRUE(store_->RecordNewRevision(a->id, Fetch(1), first));
  ASSERT_TRUE(store_->RecordNewRevision(b->id, Fetch(1), MakeRevision("Не відповідає дійсності", 0)));
  auto none = store_->Search("\"totally false\"", 0, 0, "[", "]");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());  // not indexed yet
  EXPECT_EQ(*store_->IndexForSearch(), 2);
  EXPECT_EQ(*store_->IndexForSearch(), 0);
  auto hits = store_->Search("\"totally false\"", 0, 0, "[", "]");
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].url, "https://example.org/a");
  EXPECT_EQ((*hits)[0].snippet, "[Totally false], said the ministry");
  EXPECT_EQ(store_->Search("\"ДІЙСНОСТІ\"", b->id, 0, "", "")->size(), 1u);
  // A revision not yet indexed can be removed too, and the index stays whole.
  ASSERT_TRUE(store_->RecordNewRevision(a->id, Fetch(2), MakeRevision("Later", 1)));
  ASSERT_TRUE(store_->RemoveWatch(a->id));
  EXPECT_TRUE(store_->Search("\"totally false\"", 0, 0, "", "")->empty());
  EXPECT_EQ(*store_->IndexForSearch(), 0);
  // The row ids of removed revisions are used again; such a revision is
  // still indexed when its turn comes.
  NewRevision again = MakeRevision("Уже інакше", 1);
  ASSERT_TRUE(store_->RecordNewRevision(b->id, Fetch(3), again));
  EXPECT_EQ(*store_->IndexForSearch(), 1);
  EXPECT_EQ(store_->Search("інакше", 0, 0, "", "")->size(), 1u);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO revisions_fts (revisions_fts) VALUES ('integrity-check')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  EXPECT_FALSE(store_->Search("AND (", 0, 0, "", ""));  // a malformed query is an error
}

TEST_F(SqliteStoreTest, APauseOutlastsScheduleWritesAndResumeRevivesAnExpiredWatch) {
  auto watch = store_->AddWatch("https://example.org/p", "");
  ASSERT_TRUE(watch);
  ASSERT_TRUE(store_->SetPaused(watch->id, true));
  // A daemon cycle that listed the watch before the pause writes its schedule.
  ASSERT_TRUE(store_->SetSchedule(watch->id, 999, 0, "active"));
  ASSERT_TRUE(store_->SetCrashes(watch->id, 0, "active"));
  EXPECT_EQ(store_->FindWatch("https://example.org/p")->state, "paused");
  ASSERT_TRUE(store_->SetPaused(watch->id, false));
  EXPECT_EQ(store_->FindWatch("https://example.org/p")->state, "active");
  ASSERT_TRUE(store_->SetSchedule(watch->id, 999, 2, "expired"));
  ASSERT_TRUE(store_->SetPaused(watch->id, false));
  const auto resumed = store_->FindWatch("https://example.org/p");
  EXPECT_EQ(resumed->state, "active");
  EXPECT_TRUE(resumed->pinned);  // or the next cycle would expire it again
  EXPECT_EQ(resumed->next_check_at, 0);
  EXPECT_EQ(resumed->failures, 0);
}

// Check workers write many times a second; with no busy timeout at all,
// connections sharing the writers' mutex never meet a locked database.
TEST_F(SqliteStoreTest, ConnectionsSharingTheWritersMutexNeverFindItLocked) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  ASSERT_TRUE(watch);
  ASSERT_TRUE(store_->RecordNewRevision(watch->id, Fetch(1), MakeRevision("A", 0)));
  SqliteStoreOptions options;
  options.busy_timeout_ms = 0;
  options.group = std::make_shared<WriterGroup>();
  std::vector<std::unique_ptr<SqliteStore>> stores;
  for (int i = 0; i < 4; ++i) {
    auto store = SqliteStore::Open(path_, options);
    ASSERT_TRUE(store) << store.error().message;
    stores.push_back(std::move(*store));
  }
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (auto& store : stores) {
    threads.emplace_back([&errors, &store, id = watch->id] {
      for (int i = 0; i < 200; ++i) {
        if (!store->RecordUnchangedCheck(id, Fetch(2 + i), 1)) ++errors;
        if (!store->SetSchedule(id, 100 + i, 0, "active")) ++errors;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(Query("SELECT count(*) FROM fetches"), "801");
}

TEST_F(SqliteStoreTest, ReadOnlyOpenReadsWhileWriterHoldsTheFile) {
  auto watch = store_->AddWatch("https://example.org/a", "");
  ASSERT_TRUE(store_->RecordNewRevision(watch->id, Fetch(100), MakeRevision("First", 0)));
  SqliteStoreOptions options;
  options.read_only = true;
  auto reader = SqliteStore::Open(path_, options);
  ASSERT_TRUE(reader) << reader.error().message;
  auto revisions = (*reader)->ListRevisions(watch->id);
  ASSERT_TRUE(revisions);
  EXPECT_EQ(revisions->size(), 1u);
  EXPECT_FALSE((*reader)->AddWatch("https://example.org/b", ""));
}

}  // namespace
}  // namespace revwatch

namespace revwatch {
namespace {

TEST(SqliteStoreMigrationTest, UpgradesAVersionOneDatabaseKeepingItsData) {
  char pattern[] = "/tmp/revwatch-migrate-test-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  const std::string path = std::string(pattern) + "/old.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string v1(SchemaMigrations()[0]);
    ASSERT_EQ(sqlite3_exec(db, v1.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "PRAGMA user_version = 1;"
                           "INSERT INTO watches (url, created_at) VALUES ('https://example.org/old', 1);",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->FindWatch("https://example.org/old")->id, 1);
  NewRevision revision;
  revision.article = {"T", "", "", {"P."}};
  revision.text_hash = "h";
  revision.change.score = 0.75;
  revision.change.paragraphs_moved = 2;
  FetchRecord fetch;
  fetch.fetched_at = 5;
  ASSERT_TRUE((*store)->RecordNewRevision(1, fetch, revision));
  auto revisions = (*store)->ListRevisions(1);
  ASSERT_TRUE(revisions);
  EXPECT_DOUBLE_EQ((*revisions)[0].change.score, 0.75);
  EXPECT_EQ((*revisions)[0].change.paragraphs_moved, 2);
  store->reset();
  std::filesystem::remove_all(pattern);
}

TEST(SqliteStoreMigrationTest, WatchesGetTheirCanonicalUrlsInVersionEight) {
  char pattern[] = "/tmp/revwatch-migrate-test-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  const std::string path = std::string(pattern) + "/v7.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    for (std::size_t i = 0; i < 7; ++i) {
      const std::string migration(SchemaMigrations()[i]);
      ASSERT_EQ(sqlite3_exec(db, migration.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << i;
    }
    ASSERT_EQ(sqlite3_exec(db,
                           "PRAGMA user_version = 7;"
                           "INSERT INTO watches (url, created_at) VALUES "
                           "('https://Example.org/a?utm_source=x#top', 1),"
                           "('https://example.org/b?id=1', 1),"
                           "('https://example.org/c#one', 1), ('https://example.org/c#two', 1);",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store) << store.error().message;
  auto watches = (*store)->ListWatches();
  ASSERT_TRUE(watches);
  std::vector<std::string> urls;
  for (const Watch& w : *watches) urls.push_back(w.url);
  // Two spellings of one URL: one takes the canonical form, one keeps its own.
  EXPECT_EQ(urls, (std::vector<std::string>{"https://example.org/a", "https://example.org/b?id=1",
                                            "https://example.org/c",
                                            "https://example.org/c#two"}));
  store->reset();
  std::filesystem::remove_all(pattern);
}

}  // namespace
}  // namespace revwatch
