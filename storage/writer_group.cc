#include "storage/writer_group.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace revwatch {
namespace {

// fdatasync of the file at `path` (any descriptor of a file syncs its data).
Status SyncFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return MakeError(ErrorCode::kStorage, path + ": cannot open to sync: " + std::strerror(errno));
  }
  const int rc = ::fdatasync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) {
    return MakeError(ErrorCode::kStorage, path + ": cannot sync: " + std::strerror(error));
  }
  return {};
}

}  // namespace

Status WriterGroup::SyncCommitted(const std::string& wal_path) {
  std::unique_lock lock(sync_mutex_);
  // Callers are numbered after their commit, so a sync that starts once
  // caller `mine` is numbered covers its commit.
  const std::uint64_t mine = ++requests_;
  while (synced_ < mine) {
    if (failed_ >= mine) return MakeError(ErrorCode::kStorage, failure_);
    if (syncing_) {
      synced_changed_.wait(lock);
      continue;
    }
    syncing_ = true;
    const std::uint64_t covers = requests_;
    lock.unlock();
    Status s = SyncFile(wal_path);
    lock.lock();
    syncing_ = false;
    if (s) {
      synced_ = covers;
    } else {
      failed_ = covers;
      failure_ = s.error().message;
    }
    synced_changed_.notify_all();
  }
  return {};
}

}  // namespace revwatch
