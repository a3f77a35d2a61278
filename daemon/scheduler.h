// Decides when each watch is checked and runs the checks, one at a time,
// on the age-based rhythm of schedule_policy.h (or one fixed interval).
// Per-host politeness and concurrency come later without changing how the
// CLI drives it.
#ifndef REVWATCH_DAEMON_SCHEDULER_H_
#define REVWATCH_DAEMON_SCHEDULER_H_

#include <csignal>
#include <ostream>

#include <cstdint>
#include <functional>
#include <string>
#include <random>

#include "daemon/log.h"
#include "daemon/schedule_policy.h"
#include "daemon/service_notify.h"
#include "daemon/watcher.h"
#include "storage/revision_store.h"

namespace revwatch {

struct SchedulerOptions {
  // > 0: every watch without its own interval is checked this often;
  // 0: by the article's age (SchedulePolicy).
  UnixSeconds interval_seconds = 0;
  SchedulePolicy policy;
  std::uint64_t seed = std::random_device{}();  // for the jitter
  // A watch whose check the daemon died in this many times in a row is
  // quarantined instead of taking the daemon down in a loop.
  int quarantine_after_crashes = 3;
};

struct CycleSummary {
  int checked = 0;
  int new_revisions = 0;
  int failed = 0;
  int expired = 0;
  int quarantined = 0;
};

// Borrows the watcher, store and the log's stream. Not thread-safe.
class Scheduler {
 public:
  Scheduler(Watcher& watcher, RevisionStore& store, Log log,
            SchedulerOptions options = {})
      : watcher_(watcher), store_(store), log_(log), options_(options), random_(options.seed) {}

  // Checks every active watch that is due (next_check_at reached, or never
  // scheduled), stores when each is due next, and expires watches past the
  // maximum age. Fails only when the store cannot list watches.
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
  Watcher& watcher_;
  RevisionStore& store_;
  Log log_;
  SchedulerOptions options_;
  std::mt19937_64 random_;
  ServiceNotifier notifier_;
};

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_SCHEDULER_H_
