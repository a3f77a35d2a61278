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

TEST(ParseInternetTimeTest, W3cDateTimesAsFeedsWriteThem) {
  EXPECT_EQ(ParseInternetTime("2026-01-27T13:36:00Z"), kNow);
  EXPECT_EQ(ParseInternetTime(" 2026-01-27T13:36:00.250Z\n"), kNow);
  EXPECT_EQ(ParseInternetTime("2026-01-27T16:36:00+0300"), kNow);
  EXPECT_EQ(ParseInternetTime("2026-01-27T08:36:00-05:00"), kNow);
  EXPECT_EQ(ParseInternetTime("2026-01-27"), kNow - (13 * 3600 + 36 * 60));
}

TEST(ParseInternetTimeTest, Rfc822DatesAsRssAndHttpWriteThem) {
  EXPECT_EQ(ParseInternetTime("Tue, 27 Jan 2026 13:36:00 GMT"), kNow);
  EXPECT_EQ(ParseInternetTime("27 Jan 2026 13:36 +0000"), kNow);
  EXPECT_EQ(ParseInternetTime("Tue, 27 Jan 2026 16:36:00 +0300"), kNow);
  EXPECT_EQ(ParseInternetTime("Tue, 27 January 2026 08:36:00 EST"), kNow);
  EXPECT_EQ(ParseInternetTime("Tue,  27 jan 26 13:36:00 UT"), kNow);
  EXPECT_EQ(ParseInternetTime("Tue, 27 Jan 2026 13:36:00"), kNow);  // no zone: UTC
  EXPECT_EQ(ParseInternetTime("Tue, 27 Jan 2026 16:36:00 +03:00"), kNow);
  EXPECT_EQ(ParseInternetTime("Tue, 27 Jan 2026 13:36:00 CEST"), kNow);  // unknown: UTC
  EXPECT_EQ(ParseInternetTime("Tue, 27 Jan 2026 9:36:00 -0400"), kNow);
  EXPECT_EQ(ParseInternetTime("Sun, 01 Jan 1950 00:00:00 GMT"),
            ParseInternetTime("1950-01-01T00:00:00Z"));
}

TEST(ParseInternetTimeTest, AnythingElseIsRefused) {
  for (const char* bad : {"", "yesterday", "3 h ago", "Tue, 31 Feb 2026 10:00:00 GMT",
                          "27 Foo 2026 13:36 GMT", "27 Jan 2026 25:00 GMT", "27 Jan 2026",
                          "27 Jan 2026 13:36 +03", "27 Jan 2026 13:36 +3:00", "2026-01-27T13:36:00.Z",
                          "27 Jan 2026 13:36:00 GMT extra"}) {
    EXPECT_FALSE(ParseInternetTime(bad)) << bad;
  }
}

}  // namespace
}  // namespace revwatch
