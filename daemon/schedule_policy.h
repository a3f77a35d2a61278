// When a watch is checked next: often while the article is young (stealth
// edits happen in the first hours), less as it ages, never after a maximum
// age unless pinned; failures back off exponentially, a server's
// Retry-After is honoured, and jitter keeps watches added together from
// being fetched in step. A pure function of the stored watch, so the
// schedule survives restarts (next_check_at lives in the database).
#ifndef REVWATCH_DAEMON_SCHEDULE_POLICY_H_
#define REVWATCH_DAEMON_SCHEDULE_POLICY_H_

#include <array>
#include <random>
#include <string>

#include "core/timestamp.h"
#include "storage/revision_store.h"

namespace revwatch {

struct AgeStep {
  UnixSeconds younger_than;  // article age below this...
  UnixSeconds interval;      // ...is checked this often
};

struct SchedulePolicy {
  // 5 min in the first 6 h, 15 min to a day, hourly to 3 days, every 6 h to
  // a week, then daily.
  std::array<AgeStep, 4> steps = {{{6 * 3600, 5 * 60},
                                   {24 * 3600, 15 * 60},
                                   {3 * 24 * 3600, 3600},
                                   {7 * 24 * 3600, 6 * 3600}}};
  UnixSeconds oldest_interval = 24 * 3600;
  UnixSeconds max_age = 30 * 24 * 3600;  // then the watch expires
  UnixSeconds max_backoff = 24 * 3600;
  double jitter = 0.1;                   // +-10% of the interval
};

// Whether the watch has outlived its feed's follow window (expires_at),
// else the policy's maximum age (pinned watches never expire, nor do
// watches with their own interval and no window).
bool IsExpired(const Watch& watch, UnixSeconds now, const SchedulePolicy& policy);

// How often the watch is checked when all is well: its own interval if it
// has one, else the step for its age (since its feed's date for the
// article, else since it was added).
UnixSeconds BaseInterval(const Watch& watch, UnixSeconds now, const SchedulePolicy& policy);

// `interval` doubled per consecutive failure, up to `max_backoff`.
UnixSeconds BackedOff(UnixSeconds interval, int failures, UnixSeconds max_backoff);

struct NextCheck {
  UnixSeconds at = 0;
  int failures = 0;
  std::string state = "active";
};

// After a check at `now`: `ok` says whether it succeeded; `retry_after` is
// the server's Retry-After in seconds (0 if none).
NextCheck PlanNextCheck(const Watch& watch, bool ok, UnixSeconds retry_after, UnixSeconds now,
                        const SchedulePolicy& policy, std::mt19937_64& random);

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_SCHEDULE_POLICY_H_
