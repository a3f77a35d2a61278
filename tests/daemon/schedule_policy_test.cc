#include "daemon/schedule_policy.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

constexpr UnixSeconds kHour = 3600;
constexpr UnixSeconds kDay = 24 * kHour;
constexpr UnixSeconds kAdded = 1'700'000'000;

Watch AddedAt(UnixSeconds created_at) {
  Watch watch;
  watch.created_at = created_at;
  return watch;
}

TEST(SchedulePolicyTest, YoungArticlesAreCheckedOftenOldOnesDaily) {
  const SchedulePolicy policy;
  const Watch watch = AddedAt(kAdded);
  EXPECT_EQ(BaseInterval(watch, kAdded + kHour, policy), 5 * 60);
  EXPECT_EQ(BaseInterval(watch, kAdded + 12 * kHour, policy), 15 * 60);
  EXPECT_EQ(BaseInterval(watch, kAdded + 2 * kDay, policy), kHour);
  EXPECT_EQ(BaseInterval(watch, kAdded + 5 * kDay, policy), 6 * kHour);
  EXPECT_EQ(BaseInterval(watch, kAdded + 10 * kDay, policy), kDay);
}

TEST(SchedulePolicyTest, AFeedsArticleAgesFromItsDateNotFromWhenItWasAdded) {
  Watch watch = AddedAt(kAdded);
  watch.published_at = kAdded - 5 * kDay;  // found in a feed five days late
  EXPECT_EQ(BaseInterval(watch, kAdded + kHour, SchedulePolicy{}), 6 * kHour);
}

TEST(SchedulePolicyTest, OwnIntervalOverridesTheAgeRhythm) {
  Watch watch = AddedAt(kAdded);
  watch.every_seconds = 600;
  EXPECT_EQ(BaseInterval(watch, kAdded + 10 * kDay, SchedulePolicy{}), 600);
}

TEST(SchedulePolicyTest, NextCheckIsJitteredAroundTheInterval) {
  const SchedulePolicy policy;
  std::mt19937_64 random(1);
  const Watch watch = AddedAt(kAdded);
  UnixSeconds lowest = kDay;
  UnixSeconds highest = 0;
  for (int i = 0; i < 200; ++i) {
    const NextCheck next = PlanNextCheck(watch, true, 0, kAdded + kHour, policy, random);
    EXPECT_EQ(next.failures, 0);
    EXPECT_EQ(next.state, "active");
    lowest = std::min(lowest, next.at - (kAdded + kHour));
    highest = std::max(highest, next.at - (kAdded + kHour));
  }
  EXPECT_GE(lowest, 270);  // 300 s - 10%
  EXPECT_LE(highest, 330);
  EXPECT_LT(lowest, highest);  // not all the same
}

TEST(SchedulePolicyTest, FailuresBackOffExponentiallyUpToADay) {
  SchedulePolicy policy;
  policy.jitter = 0;
  std::mt19937_64 random(1);
  Watch watch = AddedAt(kAdded);
  const UnixSeconds now = kAdded + kHour;  // 5 min rhythm
  UnixSeconds previous = 0;
  for (int failure = 1; failure <= 12; ++failure) {
    const NextCheck next = PlanNextCheck(watch, false, 0, now, policy, random);
    EXPECT_EQ(next.failures, failure);
    const UnixSeconds wait = next.at - now;
    EXPECT_GE(wait, previous);
    EXPECT_LE(wait, kDay);
    previous = wait;
    watch.failures = next.failures;
  }
  EXPECT_EQ(previous, kDay);
  EXPECT_EQ(PlanNextCheck(watch, true, 0, now, policy, random).failures, 0);
}

TEST(SchedulePolicyTest, RetryAfterIsHonoured) {
  SchedulePolicy policy;
  policy.jitter = 0;
  std::mt19937_64 random(1);
  const NextCheck next = PlanNextCheck(AddedAt(kAdded), false, 2 * kHour, kAdded + kHour, policy,
                                       random);
  EXPECT_EQ(next.at, kAdded + kHour + 2 * kHour);
}

TEST(SchedulePolicyTest, OldWatchesExpireUnlessPinnedOrOnTheirOwnInterval) {
  const SchedulePolicy policy;
  std::mt19937_64 random(1);
  Watch watch = AddedAt(kAdded);
  const UnixSeconds month = kAdded + 31 * kDay;
  EXPECT_TRUE(IsExpired(watch, month, policy));
  EXPECT_EQ(PlanNextCheck(watch, true, 0, month, policy, random).state, "expired");
  watch.pinned = true;
  EXPECT_FALSE(IsExpired(watch, month, policy));
  watch.pinned = false;
  watch.every_seconds = kDay;
  EXPECT_FALSE(IsExpired(watch, month, policy));
}

TEST(SchedulePolicyTest, AFeedsWatchExpiresAtTheEndOfItsFollowWindow) {
  const SchedulePolicy policy;  // 30 days
  Watch watch = AddedAt(kAdded);
  watch.expires_at = kAdded + 14 * kDay;
  EXPECT_FALSE(IsExpired(watch, kAdded + 14 * kDay - 1, policy));
  EXPECT_TRUE(IsExpired(watch, kAdded + 14 * kDay, policy));
  std::mt19937_64 random(1);
  EXPECT_EQ(PlanNextCheck(watch, true, 0, kAdded + 15 * kDay, policy, random).state, "expired");
  watch.every_seconds = 600;  // an interval does not outlast the window
  EXPECT_TRUE(IsExpired(watch, kAdded + 14 * kDay, policy));
  watch.pinned = true;
  EXPECT_FALSE(IsExpired(watch, kAdded + 60 * kDay, policy));
}

}  // namespace
}  // namespace revwatch
