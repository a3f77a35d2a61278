#include "daemon/scheduler.h"

#include <chrono>
#include <thread>

namespace revwatch {

Result<CycleSummary> Scheduler::RunDueChecks(UnixSeconds now) {
  auto watches = store_.ListWatches();
  if (!watches) return tl::unexpected(watches.error());
  CycleSummary summary;
  for (const Watch& watch : *watches) {
    const bool due = watch.last_checked_at == 0 ||
                     watch.last_checked_at + options_.interval_seconds <= now;
    if (!due) continue;
    ++summary.checked;
    auto report = watcher_.Check(watch);
    if (!report) {
      ++summary.failed;
      log_ << "check failed: " << report.error().message << "\n";
    } else if (report->outcome == CheckOutcome::kNewRevision) {
      ++summary.new_revisions;
      log_ << watch.url << ": new revision " << report->revision << "\n";
    }
  }
  if (summary.checked > 0) {
    log_ << "cycle: " << summary.checked << " checked, "
         << summary.new_revisions << " new revisions, " << summary.failed
         << " failed" << std::endl;
  }
  return summary;
}

Status Scheduler::Run(const volatile std::sig_atomic_t& stop) {
  while (stop == 0) {
    auto summary = RunDueChecks(NowUnixSeconds());
    if (!summary) return tl::unexpected(summary.error());
    // Sleep in short steps so a signal is noticed within a second.
    for (int i = 0; i < 30 && stop == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }
  return {};
}

}  // namespace revwatch
