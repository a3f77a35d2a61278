#include "daemon/schedule_policy.h"

#include <algorithm>
#include <cmath>

namespace revwatch {

UnixSeconds BaseInterval(const Watch& watch, UnixSeconds now, const SchedulePolicy& policy) {
  if (watch.every_seconds > 0) return watch.every_seconds;
  // A feed's article is as old as its date says, not as its watch.
  const UnixSeconds born = watch.published_at > 0 ? watch.published_at : watch.created_at;
  const UnixSeconds age = std::max<UnixSeconds>(0, now - born);
  for (const AgeStep& step : policy.steps) {
    if (age < step.younger_than) return step.interval;
  }
  return policy.oldest_interval;
}

bool IsExpired(const Watch& watch, UnixSeconds now, const SchedulePolicy& policy) {
  if (watch.pinned) return false;
  if (watch.expires_at > 0) return now >= watch.expires_at;  // a feed's follow window
  return watch.every_seconds == 0 && now - watch.created_at >= policy.max_age;
}

UnixSeconds BackedOff(UnixSeconds interval, int failures, UnixSeconds max_backoff) {
  const int doublings = std::clamp(failures, 0, 20);
  return std::min<UnixSeconds>(max_backoff, interval << doublings);
}

NextCheck PlanNextCheck(const Watch& watch, bool ok, UnixSeconds retry_after, UnixSeconds now,
                        const SchedulePolicy& policy, std::mt19937_64& random) {
  NextCheck next;
  if (IsExpired(watch, now, policy)) {
    next.state = "expired";
    return next;
  }
  UnixSeconds interval = BaseInterval(watch, now, policy);
  next.failures = ok ? 0 : watch.failures + 1;
  if (!ok) interval = BackedOff(interval, next.failures, policy.max_backoff);
  std::uniform_real_distribution<double> spread(1.0 - policy.jitter, 1.0 + policy.jitter);
  const auto jittered = static_cast<UnixSeconds>(std::llround(static_cast<double>(interval) * spread(random)));
  next.at = now + std::max<UnixSeconds>({1, jittered, retry_after});
  return next;
}

}  // namespace revwatch
