// Wall-clock time as revwatch stores it: whole seconds since the Unix epoch,
// UTC. Stored as integers so SQLite can compare and index them.
#ifndef REVWATCH_CORE_TIMESTAMP_H_
#define REVWATCH_CORE_TIMESTAMP_H_

#include <cstdint>
#include <string>

namespace revwatch {

using UnixSeconds = std::int64_t;

UnixSeconds NowUnixSeconds();

// "2026-01-27T13:36:00Z".
std::string FormatIso8601Utc(UnixSeconds t);

}  // namespace revwatch

#endif  // REVWATCH_CORE_TIMESTAMP_H_
