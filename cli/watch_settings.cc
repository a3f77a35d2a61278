#include "cli/watch_settings.h"

#include <algorithm>
#include <iostream>

#include <CLI/CLI.hpp>

#include "alert/mail_header.h"
#include "alert/outbox.h"
#include "cli/config.h"

namespace revwatch {
namespace {

// The tags of --alert-on, split at commas; every one must be substantive.
std::optional<std::vector<std::string>> AlertTags(const std::vector<std::string>& args) {
  std::vector<std::string> tags;
  for (const std::string& arg : args) {
    std::size_t start = 0;
    while (start <= arg.size()) {
      const std::size_t comma = std::min(arg.find(',', start), arg.size());
      std::string tag = arg.substr(start, comma - start);
      if (!tag.empty()) {
        if (!IsAlertTag(tag)) {
          std::cerr << "revwatch: --alert-on: unknown tag \"" << tag
                    << "\" (substantive tags: headline, denial, negation, quote, number, entity, "
                       "attribution, paragraph-added, paragraph-removed, correction)\n";
          return std::nullopt;
        }
        tags.push_back(std::move(tag));
      }
      start = comma + 1;
    }
  }
  return tags;
}

}  // namespace

void AddWatchSettingOptions(CLI::App& command, WatchSettingArgs& args,
                            const std::string& every_help) {
  command.add_option("--label", args.label, "A name to show in lists");
  command.add_option("--every", args.every, every_help);
  command.add_option("--notify", args.notify,
                     "Also e-mail this address about substantive edits (repeatable)");
  command.add_option("--alert-on", args.alert_on,
                     "Alert only on edits with one of these tags, e.g. denial,quote,headline "
                     "(default: any substantive edit)");
}

std::optional<CheckedSettings> CheckWatchSettings(const WatchSettingArgs& args,
                                                  const std::string& config_path) {
  for (const std::string& address : args.notify) {
    if (!IsValidMailAddress(address)) {
      std::cerr << "revwatch: --notify: \"" << OneLine(address)
                << "\" is not a plain address like desk@example.org\n";
      return std::nullopt;
    }
  }
  CheckedSettings checked;
  auto tags = AlertTags(args.alert_on);
  if (!tags) return std::nullopt;
  checked.alert_on = std::move(*tags);
  if (!args.notify.empty()) {
    auto config = LoadConfig(config_path);
    if (config && !config->smtp.configured()) {
      std::cerr << "revwatch: note: no [smtp] table in the configuration yet; alerts for "
                   "--notify wait in the outbox until there is one\n";
    }
  }
  if (!args.every.empty()) {
    const auto seconds = ParseDuration(args.every);
    if (!seconds || *seconds < 60) {
      std::cerr << "revwatch: --every: expected a duration of a minute or more, such as 10m, 6h "
                   "or 1d, not \""
                << args.every << "\"\n";
      return std::nullopt;
    }
    checked.every_seconds = *seconds;
  }
  return checked;
}

}  // namespace revwatch
