// Decides when each watch is checked and runs the checks on the age-based
// rhythm of schedule_policy.h (or one fixed interval), one at a time or on
// several workers with per-host limits (host_gate.h).
#ifndef REVWATCH_DAEMON_SCHEDULER_H_
#define REVWATCH_DAEMON_SCHEDULER_H_

#include <csignal>
#include <ostream>

#include <cstdint>
#include <functional>
#include <string>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "daemon/feed_poller.h"
#include "daemon/host_gate.h"
#include "daemon/log.h"
#include "daemon/schedule_policy.h"
#include "daemon/service_notify.h"
#include "daemon/watcher.h"
#include "storage/revision_store.h"

namespace revwatch {

// What one parallel check worker owns: a database connection, a fetcher
// and the watcher over them (declared last: it refers to the other two).
struct CheckWorker {
  std::unique_ptr<RevisionStore> store;
  std::unique_ptr<Fetcher> fetcher;
  std::unique_ptr<Watcher> watcher;
};

struct SchedulerOptions {
  // > 0: every watch without its own interval is checked this often;
  // 0: by the article's age (SchedulePolicy).
  UnixSeconds interval_seconds = 0;
  SchedulePolicy policy;
  std::uint64_t seed = std::random_device{}();  // for the jitter
  // A watch whose check the daemon died in this many times in a row, each
  // time checked alone, is quarantined instead of taking the daemon down
  // in a loop.
  int quarantine_after_crashes = 3;
  // Checks run on this many workers made by `make_worker` (1, or no
  // factory: one at a time on the scheduler's own watcher), at most
  // hosts.For(host).max_in_flight at once per host, their starts
  // its min_delay apart (loopback hosts: no limit unless configured).
  int workers = 1;
  std::function<Result<CheckWorker>()> make_worker;
  HostPolicy hosts;
  // Run after every cycle of Run() (the alerts are sent there); a message
  // it returns is logged.
  std::function<std::string()> after_cycle;
  // When set, each cycle first polls the feeds that are due, so the
  // watches they add are checked in the same cycle. Borrowed.
  FeedPoller* feeds = nullptr;
};

struct CycleSummary {
  int checked = 0;
  int new_revisions = 0;
  int failed = 0;
  int expired = 0;
  int quarantined = 0;
  FeedCycle feeds;
};

// Borrows the watcher, store and the log's stream. Its methods are called
// from one thread; it runs its workers itself.
class Scheduler {
 public:
  Scheduler(Watcher& watcher, RevisionStore& store, Log log,
            SchedulerOptions options = {})
      : watcher_(watcher), store_(store), log_(log), options_(options), random_(options.seed) {}

  // Polls the due feeds (when there is a FeedPoller), then checks every
  // active watch that is due (next_check_at reached, or never scheduled),
  // stores when each is due next, and expires watches past the maximum age
  // or their feed's follow window. Fails only when the store cannot list
  // watches.
  [[nodiscard]] Result<CycleSummary> RunDueChecks(UnixSeconds now);

  // Runs cycles until `stop` becomes non-zero (set from a signal handler),
  // waking at least once a second to look at it. Tells systemd it is ready,
  // what the last cycle did (STATUS=) and that it is alive (WATCHDOG=1,
  // after every check and every few seconds while idle). Returns the first
  // storage error that prevents listing watches.
  // When `reload` is set (SIGHUP), it is cleared and `on_reload` runs; its
  // message is logged and sent as the STATUS.
  [[nodiscard]] Status Run(const volatile std::sig_atomic_t& stop,
                           volatile std::sig_atomic_t* reload = nullptr,
                           const std::function<std::string()>& on_reload = {});

  // New options take effect from the next cycle (a reloaded configuration).
  void SetOptions(const SchedulerOptions& options) { options_ = options; }

 private:
  // Polls every feed due at `now` with options_.feeds.
  FeedCycle PollDueFeeds(UnixSeconds now);
  // Checks one watch, its mark set with the crash count it leaves if the
  // daemon dies in the check, both cleared when the check ends.
  void CheckOne(const Watch& watch, UnixSeconds now, int crashes_if_it_dies, Watcher& watcher,
                RevisionStore& store, std::mt19937_64& random, CycleSummary& summary);
  void CheckInParallel(const std::vector<Watch>& due, UnixSeconds now, CycleSummary& summary);
  // Log lines, one at a time whichever worker writes them.
  void Write(int priority, const std::string& line);
  void Error(const std::string& line) { Write(3, line); }
  void Warning(const std::string& line) { Write(4, line); }
  void Info(const std::string& line) { Write(6, line); }
  void Debug(const std::string& line) { Write(7, line); }

  Watcher& watcher_;
  RevisionStore& store_;
  Log log_;
  SchedulerOptions options_;
  std::mt19937_64 random_;
  ServiceNotifier notifier_;
  std::mutex mutex_;  // the summary, the log and the workers' queue
};

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_SCHEDULER_H_
