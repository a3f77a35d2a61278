// The options `add` and `feed add` share: who is told (--notify), of what
// (--alert-on) and how often (--every), checked the same way for both.
#ifndef REVWATCH_CLI_WATCH_SETTINGS_H_
#define REVWATCH_CLI_WATCH_SETTINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "core/timestamp.h"

namespace CLI {
class App;
}

namespace revwatch {

struct WatchSettingArgs {
  std::string label;
  std::vector<std::string> notify;    // addresses
  std::vector<std::string> alert_on;  // tags, comma-separated or repeated
  std::string every;                  // "10m"; "" for the default
};

// Adds --label, --notify, --alert-on and --every (described by
// `every_help`) to `command`.
void AddWatchSettingOptions(CLI::App& command, WatchSettingArgs& args, const std::string& every_help);

struct CheckedSettings {
  std::vector<std::string> alert_on;
  UnixSeconds every_seconds = 0;  // 0 when --every was not given
};

// Checks the addresses, tags and interval, saying on stderr what is wrong
// (std::nullopt then: a usage error). Notes when --notify is given but the
// configuration (at `config_path`) has no [smtp] table yet.
std::optional<CheckedSettings> CheckWatchSettings(const WatchSettingArgs& args,
                                                  const std::string& config_path);

}  // namespace revwatch

#endif  // REVWATCH_CLI_WATCH_SETTINGS_H_
