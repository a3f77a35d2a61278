// Decides when each watch is checked and runs the checks.
//
// This first version checks every watch on one fixed interval, one at a
// time; the age-based rhythm, per-host politeness and concurrency come later
// without changing how the CLI drives it.
#ifndef REVWATCH_DAEMON_SCHEDULER_H_
#define REVWATCH_DAEMON_SCHEDULER_H_

#include <csignal>
#include <ostream>

#include "daemon/watcher.h"
#include "storage/revision_store.h"

namespace revwatch {

struct SchedulerOptions {
  UnixSeconds interval_seconds = 15 * 60;
};

struct CycleSummary {
  int checked = 0;
  int new_revisions = 0;
  int failed = 0;
};

// Borrows the watcher, store and log stream. Not thread-safe.
class Scheduler {
 public:
  Scheduler(Watcher& watcher, RevisionStore& store, std::ostream& log,
            SchedulerOptions options = {})
      : watcher_(watcher), store_(store), log_(log), options_(options) {}

  // Checks every watch whose last check is at least one interval old (or
  // that was never checked). Fails only when the store cannot list watches.
  [[nodiscard]] Result<CycleSummary> RunDueChecks(UnixSeconds now);

  // Runs cycles until `stop` becomes non-zero (set from a signal handler),
  // waking at least once a second to look at it. Returns the first storage
  // error that prevents listing watches.
  [[nodiscard]] Status Run(const volatile std::sig_atomic_t& stop);

 private:
  Watcher& watcher_;
  RevisionStore& store_;
  std::ostream& log_;
  SchedulerOptions options_;
};

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_SCHEDULER_H_
