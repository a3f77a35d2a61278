#include "daemon/scheduler.h"

#include <chrono>
#include <string>
#include <thread>

namespace revwatch {

Result<CycleSummary> Scheduler::RunDueChecks(UnixSeconds now) {
  auto watches = store_.ListWatches();
  if (!watches) return tl::unexpected(watches.error());
  CycleSummary summary;
  for (Watch watch : *watches) {
    if (watch.state != "active") continue;
    if (options_.interval_seconds > 0 && watch.every_seconds == 0) {
      watch.every_seconds = options_.interval_seconds;
    }
    if (watch.next_check_at > now) continue;
    if (IsExpired(watch, now, options_.policy)) {
      ++summary.expired;
      log_.Info(watch.url + ": expired (older than the maximum age; pin it to keep it)");
      if (Status s = store_.SetSchedule(watch.id, 0, watch.failures, "expired"); !s) {
        log_.Error("cannot store schedule: " + s.error().message);
      }
      continue;
    }
    // A mark left by a check that never ended: the daemon died in it.
    if (watch.checking_since > 0) {
      ++watch.crashes;
      const bool quarantine = watch.crashes >= options_.quarantine_after_crashes;
      log_.Error(watch.url + ": the daemon stopped during its check (" +
                 std::to_string(watch.crashes) + " time(s) in a row)" +
                 (quarantine ? "; quarantined, not checked again until resumed" : ""));
      if (Status s = store_.SetCrashes(watch.id, watch.crashes,
                                       quarantine ? "quarantined" : "active");
          !s) {
        log_.Error("cannot store crash count: " + s.error().message);
      }
      if (quarantine) {
        ++summary.quarantined;
        continue;
      }
    }
    if (Status s = store_.MarkChecking(watch.id, now); !s) {
      log_.Error("cannot mark check: " + s.error().message);
    }
    ++summary.checked;
    auto report = watcher_.Check(watch);
    notifier_.Watchdog();  // one check is bounded by the fetch timeout
    if (Status s = store_.SetCrashes(watch.id, 0, "active"); !s) {
      log_.Error("cannot clear check mark: " + s.error().message);
    }
    if (!report) {
      ++summary.failed;
      log_.Warning("check failed: " + report.error().message);
    } else if (report->outcome == CheckOutcome::kNewRevision) {
      ++summary.new_revisions;
      log_.Debug(watch.url + ": new revision " + std::to_string(report->revision));
    }
    const NextCheck next = PlanNextCheck(watch, report.has_value(), watcher_.RetryAfter(), now,
                                         options_.policy, random_);
    if (Status s = store_.SetSchedule(watch.id, next.at, next.failures, next.state); !s) {
      log_.Error("cannot store schedule: " + s.error().message);
    }
  }
  if (summary.checked > 0 || summary.expired > 0 || summary.quarantined > 0) {
    std::string line = "cycle: " + std::to_string(summary.checked) + " checked, " +
                       std::to_string(summary.new_revisions) + " new revisions, " +
                       std::to_string(summary.failed) + " failed";
    if (summary.expired > 0) line += ", " + std::to_string(summary.expired) + " expired";
    if (summary.quarantined > 0) {
      line += ", " + std::to_string(summary.quarantined) + " quarantined";
    }
    log_.Info(line);
  }
  return summary;
}

Status Scheduler::Run(const volatile std::sig_atomic_t& stop,
                      volatile std::sig_atomic_t* reload,
                      const std::function<std::string()>& on_reload) {
  notifier_.Ready();
  while (stop == 0) {
    if (reload != nullptr && *reload != 0) {
      *reload = 0;
      if (on_reload) {
        const std::string message = on_reload();
        log_.Info(message);
        notifier_.Status(message);
      }
    }
    auto summary = RunDueChecks(NowUnixSeconds());
    if (!summary) return tl::unexpected(summary.error());
    if (summary->checked > 0 || summary->expired > 0) {
      notifier_.Status("last cycle: " + std::to_string(summary->checked) + " checked, " +
                       std::to_string(summary->new_revisions) + " new revisions, " +
                       std::to_string(summary->failed) + " failed");
    }
    // Sleep in short steps so a signal is noticed within a second.
    for (int i = 0; i < 30 && stop == 0 && (reload == nullptr || *reload == 0); ++i) {
      if (i % 10 == 0) notifier_.Watchdog();
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }
  notifier_.Stopping();
  return {};
}

}  // namespace revwatch
