// What the connections of one process to one database share so that a
// pool of check workers writes well: one mutex their write transactions
// queue on, and group commit for the writes that must reach the disk.
#ifndef REVWATCH_STORAGE_WRITER_GROUP_H_
#define REVWATCH_STORAGE_WRITER_GROUP_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "core/error.h"

namespace revwatch {

class WriterGroup {
 public:
  // Held for the whole of every write transaction of the group's
  // connections: they queue here instead of sleeping on SQLite's busy
  // timeout, which backs off in steps of up to 100 ms.
  std::mutex& writers() { return writers_; }

  // Returns once everything committed to the write-ahead log `wal_path`
  // before the call is on disk. Commits run with synchronous=NORMAL (no
  // fsync); one fdatasync of the log, started after a caller's commit,
  // serves every caller waiting at that moment, so N workers committing at
  // once pay for about one sync, not N in a row behind the write lock.
  [[nodiscard]] Status SyncCommitted(const std::string& wal_path);

 private:
  std::mutex writers_;

  std::mutex sync_mutex_;
  std::condition_variable synced_changed_;
  std::uint64_t requests_ = 0;  // callers so far
  std::uint64_t synced_ = 0;    // callers whose commits are on disk
  bool syncing_ = false;
  std::uint64_t failed_ = 0;    // callers covered by a sync that failed
  std::string failure_;
};

}  // namespace revwatch

#endif  // REVWATCH_STORAGE_WRITER_GROUP_H_
