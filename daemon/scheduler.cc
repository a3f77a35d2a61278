#include "daemon/scheduler.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "daemon/host_gate.h"

namespace revwatch {

FeedCycle Scheduler::PollDueFeeds(UnixSeconds now) {
  FeedCycle cycle;
  auto feeds = store_.ListFeeds();
  if (!feeds) {
    Error("cannot list feeds: " + feeds.error().message);
    return cycle;
  }
  for (const Feed& feed : *feeds) {
    if (feed.next_poll_at > now) continue;
    ++cycle.polled;
    auto report = options_.feeds->Poll(feed, now, [this] { notifier_.Watchdog(); });
    if (!report) {
      ++cycle.failed;
      Warning("feed poll failed: " + report.error().message);
      continue;
    }
    for (const std::string& warning : report->warnings) Warning(feed.url + ": " + warning);
    const FeedReconciliation& r = report->reconciliation;
    cycle.new_watches += static_cast<int>(r.added.size());
    cycle.retitled += static_cast<int>(r.retitled.size());
    if (!r.added.empty() || !r.retitled.empty()) {
      Info(feed.url + ": " + std::to_string(r.added.size()) + " new watches, " +
           std::to_string(r.retitled.size()) + " retitled in the feed");
    }
  }
  return cycle;
}

Result<CycleSummary> Scheduler::RunDueChecks(UnixSeconds now) {
  CycleSummary summary;
  if (options_.feeds != nullptr) summary.feeds = PollDueFeeds(now);
  auto watches = store_.ListWatches();
  if (!watches) return tl::unexpected(watches.error());
  std::vector<Watch> due;
  std::vector<Watch> suspects;  // the daemon died in their last check
  for (Watch watch : *watches) {
    if (watch.state != "active") continue;
    if (options_.interval_seconds > 0 && watch.every_seconds == 0) {
      watch.every_seconds = options_.interval_seconds;
    }
    if (watch.next_check_at > now) continue;
    if (IsExpired(watch, now, options_.policy)) {
      ++summary.expired;
      Info(watch.url + (watch.expires_at > 0
                            ? ": expired (its feed's follow window ended; resume it to keep it)"
                            : ": expired (older than the maximum age; pin it to keep it)"));
      if (Status s = store_.SetSchedule(watch.id, 0, watch.failures, "expired"); !s) {
        Error("cannot store schedule: " + s.error().message);
      }
      continue;
    }
    // A mark left by a check that never ended: the daemon died in it. One
    // death among other checks only makes the watch a suspect (a kill from
    // outside lands on whatever is in flight): it is checked again alone,
    // after the others, and only deaths in such checks are counted.
    if (watch.checking_since > 0) {
      if (watch.crashes >= options_.quarantine_after_crashes) {
        Error(watch.url + ": the daemon stopped during " + std::to_string(watch.crashes) +
              " checks of it alone, in a row; quarantined, not checked again until resumed");
        if (Status s = store_.SetCrashes(watch.id, watch.crashes, "quarantined"); !s) {
          Error("cannot store crash count: " + s.error().message);
        }
        ++summary.quarantined;
        continue;
      }
      Error(watch.url + ": the daemon stopped during its check" +
            (watch.crashes > 0
                 ? " (" + std::to_string(watch.crashes) + " time(s) alone, in a row)"
                 : std::string()) +
            "; checking it again alone, after the others");
      suspects.push_back(std::move(watch));
      continue;
    }
    due.push_back(std::move(watch));
  }
  if (options_.workers > 1 && options_.make_worker && due.size() > 1) {
    CheckInParallel(due, now, summary);
  } else {
    for (const Watch& watch : due) {
      CheckOne(watch, now, watch.crashes, watcher_, store_, random_, summary);
    }
  }
  // The suspect that died alone most often goes last; its death, counted
  // before the check starts, stays counted if the daemon dies again.
  std::stable_sort(suspects.begin(), suspects.end(),
                   [](const Watch& a, const Watch& b) { return a.crashes < b.crashes; });
  for (const Watch& watch : suspects) {
    CheckOne(watch, now, watch.crashes + 1, watcher_, store_, random_, summary);
  }
  if (summary.checked > 0 || summary.expired > 0 || summary.quarantined > 0 ||
      summary.feeds.polled > 0) {
    std::string line = "cycle: " + std::to_string(summary.checked) + " checked, " +
                       std::to_string(summary.new_revisions) + " new revisions, " +
                       std::to_string(summary.failed) + " failed";
    if (summary.expired > 0) line += ", " + std::to_string(summary.expired) + " expired";
    if (summary.quarantined > 0) {
      line += ", " + std::to_string(summary.quarantined) + " quarantined";
    }
    if (summary.feeds.polled > 0) line += "; " + DescribeFeedCycle(summary.feeds);
    Info(line);
  }
  return summary;
}

void Scheduler::CheckOne(const Watch& watch, UnixSeconds now, int crashes_if_it_dies,
                         Watcher& watcher, RevisionStore& store, std::mt19937_64& random,
                         CycleSummary& summary) {
  if (Status s = store.MarkChecking(watch.id, now, crashes_if_it_dies); !s) {
    Error("cannot mark check: " + s.error().message);
  }
  auto report = watcher.Check(watch);
  notifier_.Watchdog();  // one check is bounded by the fetch timeout
  if (Status s = store.SetCrashes(watch.id, 0, "active"); !s) {
    Error("cannot clear check mark: " + s.error().message);
  }
  {
    std::lock_guard lock(mutex_);
    ++summary.checked;
    if (!report) {
      ++summary.failed;
    } else if (report->outcome == CheckOutcome::kNewRevision) {
      ++summary.new_revisions;
    }
  }
  if (!report) {
    Warning("check failed: " + report.error().message);
  } else if (report->outcome == CheckOutcome::kNewRevision) {
    Debug(watch.url + ": new revision " + std::to_string(report->revision));
  }
  const NextCheck next = PlanNextCheck(watch, report.has_value(), watcher.RetryAfter(), now,
                                       options_.policy, random);
  if (Status s = store.SetSchedule(watch.id, next.at, next.failures, next.state); !s) {
    Error("cannot store schedule: " + s.error().message);
  }
}

// Workers, each with its own database connection, fetcher and watcher,
// take the next due watch whose host may be fetched now (HostGate).
void Scheduler::CheckInParallel(const std::vector<Watch>& due, UnixSeconds now,
                                CycleSummary& summary) {
  std::vector<CheckWorker> workers;
  for (int i = 0; i < options_.workers && static_cast<std::size_t>(i) < due.size(); ++i) {
    auto worker = options_.make_worker();
    if (!worker) {
      Error("cannot start a check worker: " + worker.error().message);
      break;
    }
    workers.push_back(std::move(*worker));
  }
  if (workers.empty()) {
    for (const Watch& watch : due) {
      CheckOne(watch, now, watch.crashes, watcher_, store_, random_, summary);
    }
    return;
  }
  std::vector<std::mt19937_64> randoms;
  for (std::size_t i = 0; i < workers.size(); ++i) randoms.emplace_back(random_());
  HostGate gate(options_.hosts);
  ForEachOnWorkers(
      due.size(), [&](std::size_t i) { return HostOf(due[i].url); }, workers.size(), gate,
      [&](std::size_t i, std::size_t w) {
        CheckOne(due[i], now, due[i].crashes, *workers[w].watcher, *workers[w].store,
                 randoms[w], summary);
      });
}

void Scheduler::Write(int priority, const std::string& line) {
  std::lock_guard lock(mutex_);
  log_.Write(priority, line);
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
        Info(message);
        notifier_.Status(message);
      }
    }
    auto summary = RunDueChecks(NowUnixSeconds());
    if (!summary) {
      // A full disk or a database another process holds too long: said,
      // and tried again next cycle rather than taking the service down.
      Error("cycle failed: " + summary.error().message);
      notifier_.Status("last cycle failed: " + summary.error().message);
    } else if (summary->checked > 0 || summary->expired > 0) {
      notifier_.Status("last cycle: " + std::to_string(summary->checked) + " checked, " +
                       std::to_string(summary->new_revisions) + " new revisions, " +
                       std::to_string(summary->failed) + " failed");
    }
    if (options_.after_cycle) {  // also with nothing checked: retries, digests
      if (const std::string message = options_.after_cycle(); !message.empty()) Info(message);
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
