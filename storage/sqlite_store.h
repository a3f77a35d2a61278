// RevisionStore in one SQLite file.
#ifndef REVWATCH_STORAGE_SQLITE_STORE_H_
#define REVWATCH_STORAGE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "storage/revision_store.h"
#include "storage/writer_group.h"

struct sqlite3;

namespace revwatch {
class Statement;
class WriteTransaction;
}  // namespace revwatch

namespace revwatch {

struct SqliteStoreOptions {
  // Open without write access; schema must already be current.
  bool read_only = false;
  int busy_timeout_ms = 10000;
  // Connections of one process to one file (a pool of check workers) share
  // one group: writes queue on its mutex, durable commits are synced
  // together. Null: a group of this connection alone.
  std::shared_ptr<WriterGroup> group;
};

// The schema is created and upgraded by numbered migrations tracked in
// PRAGMA user_version. The file runs in WAL mode with every write inside
// BEGIN IMMEDIATE, so readers (the CLI) never block the writer (the daemon)
// and a crash of the process loses nothing committed. A new revision, its
// change and the list of watches are on disk when the call returns (the
// log is synced after the commit, together with other workers' commits:
// WriterGroup); the record of an unchanged or failed check is not synced
// (synchronous=NORMAL): a power loss may roll back the last few such
// records, which the next check writes again, and that saves an fsync per
// check.
//
// Not thread-safe: use one SqliteStore per thread. Several processes may
// open the same file.
class SqliteStore final : public RevisionStore {
 public:
  // `path` may be ":memory:" for tests. Fails with kStorage naming the path.
  [[nodiscard]] static Result<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, const SqliteStoreOptions& options = {});
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // The schema version this build creates and understands.
  static int SchemaVersion();

  Result<Watch> AddWatch(const std::string& url,
                         const std::string& label) override;
  Result<std::vector<WatchId>> AddWatches(const std::vector<std::string>& urls,
                                          const WatchSettings& settings) override;
  Result<Watch> FindWatch(std::string_view url_or_id) override;
  Result<std::vector<Watch>> ListWatches() override;
  Status RemoveWatch(WatchId id) override;
  Result<std::optional<StoredRevision>> LatestRevision(WatchId id) override;
  Result<StoredRevision> GetRevision(WatchId id, int number) override;
  Result<std::vector<RevisionSummary>> ListRevisions(WatchId id) override;
  [[nodiscard]] Status SetSchedule(WatchId id, UnixSeconds next_check_at, int failures,
                                   std::string_view state) override;
  [[nodiscard]] Status MarkChecking(WatchId id, UnixSeconds since, int crashes) override;
  [[nodiscard]] Status SetCrashes(WatchId id, int crashes, std::string_view state) override;
  [[nodiscard]] Status SetSuspect(WatchId id, std::string_view text_hash) override;
  Status RecordFailedCheck(WatchId id, const FetchRecord& fetch) override;
  Status RecordUnchangedCheck(WatchId id, const FetchRecord& fetch,
                              int number) override;
  Result<int> RecordNewRevision(WatchId id, const FetchRecord& fetch,
                                const NewRevision& revision) override;
  Result<std::vector<AlertRecord>> ListAlerts(bool pending_only, UnixSeconds now) override;
  Result<StoredSnapshot> GetSnapshot(WatchId id, int number) override;
  Result<int> IndexForSearch() override;
  Status SetPaused(WatchId id, bool paused) override;
  Result<std::vector<SearchHit>> Search(const std::string& match, WatchId watch,
                                        UnixSeconds since, const std::string& open,
                                        const std::string& close) override;
  Result<Feed> AddFeed(const std::string& url, const FeedSettings& settings) override;
  Result<Feed> FindFeed(std::string_view url_or_id) override;
  Result<std::vector<Feed>> ListFeeds() override;
  Status RemoveFeed(FeedId id) override;
  Result<std::vector<FeedEntry>> ListFeedEntries(FeedId id) override;
  Result<FeedReconciliation> ReconcileFeed(FeedId id, const std::vector<FeedEntry>& entries,
                                           UnixSeconds now, bool watch_undated) override;
  Status RecordFeedPoll(FeedId id, const FeedPoll& poll) override;
  Result<bool> ClaimAlert(std::int64_t id, UnixSeconds now, UnixSeconds until) override;
  Status MarkAlertsSent(const std::vector<std::int64_t>& ids, UnixSeconds at,
                        const std::string& sent_as) override;
  Status MarkAlertFailed(std::int64_t id, const std::string& error, UnixSeconds next_attempt_at,
                         bool failed) override;

 private:
  SqliteStore(sqlite3* db, std::string path, std::shared_ptr<WriterGroup> group);

  Result<WriteTransaction> BeginWrite();
  // Commits, then waits until the commit is on disk: for what no later
  // check can observe again (a new revision, the list of watches).
  Status CommitDurably(WriteTransaction& txn);
  // Runs a single-statement write (its own transaction) in the group.
  Status RunWrite(Statement& stmt);
  // Runs `sql`, a DELETE of the row with id `id` (bound as ?1), and syncs
  // it; kNotFound naming `what` ("watch 3 does not exist") if none was.
  Status DeleteDurably(std::string_view sql, std::int64_t id, std::string_view what);

  sqlite3* db_;  // owned; closed with sqlite3_close_v2
  std::string path_;
  std::shared_ptr<WriterGroup> group_;
};

}  // namespace revwatch

#endif  // REVWATCH_STORAGE_SQLITE_STORE_H_
