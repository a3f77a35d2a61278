// Values the --json outputs share: a time or an id that may be absent.
#ifndef REVWATCH_CLI_JSON_VALUES_H_
#define REVWATCH_CLI_JSON_VALUES_H_

#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"

namespace revwatch {

// ISO 8601 in UTC, or null for 0 ("never").
inline nlohmann::json JsonTime(UnixSeconds t) {
  return t != 0 ? nlohmann::json(FormatIso8601Utc(t)) : nlohmann::json(nullptr);
}

// The id, or null for 0 ("none").
inline nlohmann::json JsonId(std::int64_t id) {
  return id != 0 ? nlohmann::json(id) : nlohmann::json(nullptr);
}

}  // namespace revwatch

#endif  // REVWATCH_CLI_JSON_VALUES_H_
