#include "core/timestamp.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

constexpr UnixSeconds kNow = 1769520960;  // 2026-01-27T13:36:00Z

TEST(ParseTimeTest, Iso8601InUtcOrWithAnOffset) {
  EXPECT_EQ(FormatIso8601Utc(kNow), "2026-01-27T13:36:00Z");
  EXPECT_EQ(ParseTime("2026-01-27T13:36:00Z", 0), kNow);
  EXPECT_EQ(ParseTime("2026-01-27 13:36", 0), kNow);
  EXPECT_EQ(ParseTime("2026-01-27T15:36:00+02:00", 0), kNow);
  EXPECT_EQ(ParseTime("2026-01-27", 0), kNow - (13 * 3600 + 36 * 60));
  EXPECT_EQ(ParseTime("1970-01-01", 0), 0);
  EXPECT_EQ(ParseTime("2024-03-01", 0), 1709251200);  // after a leap day
}

TEST(ParseTimeTest, RelativeToNow) {
  EXPECT_EQ(ParseTime("now", kNow), kNow);
  EXPECT_EQ(ParseTime("yesterday", kNow), kNow - 86400);
  EXPECT_EQ(ParseTime("2 days ago", kNow), kNow - 2 * 86400);
  EXPECT_EQ(ParseTime("3 h ago", kNow), kNow - 3 * 3600);
  EXPECT_EQ(ParseTime("90min ago", kNow), kNow - 90 * 60);
  EXPECT_EQ(ParseTime("1 week ago", kNow), kNow - 604800);
}

TEST(ParseTimeTest, AnythingElseIsRefused) {
  EXPECT_TRUE(ParseTime("2024-02-29", 0));
  for (const char* bad : {"", "tomorrow", "2026-13-01", "2026-02-29", "2026-04-31",
                          "2026-01-27T13:00+25:00", "2026-01-27T25:00", "2026-1-27",
                          "2026-01-27T13:36:00Q", "ago", "5 fortnights ago", "-3 days ago"}) {
    EXPECT_FALSE(ParseTime(bad, kNow)) << bad;
  }
}

}  // namespace
}  // namespace revwatch
