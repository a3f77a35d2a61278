// Wall-clock time as revwatch stores it: whole seconds since the Unix epoch,
// UTC. Stored as integers so SQLite can compare and index them.
#ifndef REVWATCH_CORE_TIMESTAMP_H_
#define REVWATCH_CORE_TIMESTAMP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace revwatch {

using UnixSeconds = std::int64_t;

UnixSeconds NowUnixSeconds();

// "2026-01-27T13:36:00Z".
std::string FormatIso8601Utc(UnixSeconds t);

// A moment as people write it: ISO 8601 in UTC ("2026-01-27",
// "2026-01-27T13:36", "2026-01-27 13:36:05Z", "2026-01-27T13:36:05+02:00")
// or relative to `now` ("now", "yesterday", "3 h ago", "2 days ago",
// "90min ago", "1 week ago"). std::nullopt if it is neither.
std::optional<UnixSeconds> ParseTime(std::string_view text, UnixSeconds now);

// A moment as feeds, sitemaps and HTTP headers write it: ISO 8601 / W3C
// date-time (fractions of a second and "+0200" offsets allowed), or RFC
// 822/1123 ("Tue, 10 Jun 2003 04:00:00 GMT", "+0300", "+03:00", "EST";
// unknown zone names count as UTC).
std::optional<UnixSeconds> ParseInternetTime(std::string_view text);

}  // namespace revwatch

#endif  // REVWATCH_CORE_TIMESTAMP_H_
