// revwatch add | rm | list
#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "alert/mail_header.h"
#include "alert/outbox.h"
#include "cli/config.h"
#include "cli/input_file.h"
#include "core/timestamp.h"
#include "fetch/curl_fetcher.h"

namespace revwatch {
namespace {

struct AddArgs {
  std::vector<std::string> urls;
  std::string from;  // a file of URLs, one per line ("-": standard input)
  std::string label;
  std::vector<std::string> notify;    // addresses
  std::vector<std::string> alert_on;  // tags, comma-separated or repeated
  std::string every;                  // own interval ("10m"), "" by age
};

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

// Every URL is checked before any is added; all are added in one
// transaction. Prints each new watch's id; a URL already watched is named
// on stderr and makes the exit status 2, the others are still added.
int RunAdd(const CliContext& ctx, const AddArgs& args) {
  std::vector<std::string> urls = args.urls;
  if (!args.from.empty()) {
    auto text = ReadInputFile(args.from);
    if (!text) return ReportError(text.error());
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
      const auto begin = line.find_first_not_of(" \t\r");
      if (begin == std::string::npos || line[begin] == '#') continue;
      urls.push_back(line.substr(begin, line.find_last_not_of(" \t\r") + 1 - begin));
    }
  }
  if (urls.empty()) {
    std::cerr << "revwatch: add: no URL given\n";
    return kExitUsage;
  }
  for (const std::string& url : urls) {
    if (!IsFetchableUrl(url)) {
      std::cerr << "revwatch: " << url << ": not a valid http:// or https:// URL\n";
      return kExitUsage;
    }
  }
  for (const std::string& address : args.notify) {
    if (!IsValidMailAddress(address)) {
      std::cerr << "revwatch: --notify: \"" << OneLine(address)
                << "\" is not a plain address like desk@example.org\n";
      return kExitUsage;
    }
  }
  const auto tags = AlertTags(args.alert_on);
  if (!tags) return kExitUsage;
  if (!args.notify.empty()) {
    auto config = LoadConfig(ctx.config_path);
    if (config && !config->smtp.configured()) {
      std::cerr << "revwatch: note: no [smtp] table in the configuration yet; alerts for "
                   "--notify wait in the outbox until there is one\n";
    }
  }
  UnixSeconds every = 0;
  if (!args.every.empty()) {
    const auto seconds = ParseDuration(args.every);
    if (!seconds || *seconds < 60) {
      std::cerr << "revwatch: --every: expected a duration of a minute or more, such as 10m, 6h "
                   "or 1d, not \""
                << args.every << "\"\n";
      return kExitUsage;
    }
    every = *seconds;
  }
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto ids = (*store)->AddWatches(urls, WatchSettings{args.label, args.notify, *tags, every});
  if (!ids) return ReportError(ids.error());
  int status = kExitOk;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    if ((*ids)[i] == 0) {
      std::cerr << "revwatch: " << urls[i] << ": already watched\n";
      status = kExitUsage;
    } else {
      std::cout << (*ids)[i] << "\n";
    }
  }
  return status;
}

// Paused watches are left alone by the daemon and check --all; resuming
// makes one due at once.
int RunPause(const CliContext& ctx, const std::string& target, bool pause) {
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(target);
  if (!watch) return ReportError(watch.error());
  const Status s = (*store)->SetPaused(watch->id, pause);
  if (!s) return ReportError(s.error());
  std::cout << (pause ? "paused " : "resumed ") << watch->id << " (" << watch->url << ")"
            << (!pause && watch->state != "paused" ? "; it was " + watch->state : "") << "\n";
  return kExitOk;
}

int RunRemove(const CliContext& ctx, const std::string& target) {
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(target);
  if (!watch) return ReportError(watch.error());
  if (Status s = (*store)->RemoveWatch(watch->id); !s) {
    return ReportError(s.error());
  }
  std::cout << "removed watch " << watch->id << " (" << watch->url
            << ") and its history\n";
  return kExitOk;
}

struct ListArgs {
  bool json = false;
  std::string changed_since;  // "2d" or a time
  std::string tag;            // the last change carries this tag
};

int RunList(const CliContext& ctx, const ListArgs& args) {
  const bool json = args.json;
  UnixSeconds since = 0;
  if (!args.changed_since.empty()) {
    const UnixSeconds now = NowUnixSeconds();
    const auto span = ParseDuration(args.changed_since);
    const auto when = span ? std::optional<UnixSeconds>(now - *span)
                           : ParseTime(args.changed_since, now);
    if (!when) {
      std::cerr << "revwatch: list: --changed-since \"" << args.changed_since
                << "\" is neither a duration (2d, 6h) nor a time\n";
      return kExitUsage;
    }
    since = *when;
  }
  auto store = ctx.OpenStore();  // the first command may create the database
  if (!store) return ReportError(store.error());
  auto watches = (*store)->ListWatches();
  if (!watches) return ReportError(watches.error());
  std::erase_if(*watches, [&](const Watch& w) {
    if (since > 0 && w.last_changed_at < since) return true;
    return !args.tag.empty() &&
           std::find(w.last_tags.begin(), w.last_tags.end(), args.tag) == w.last_tags.end();
  });
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Watch& w : *watches) {
      out.push_back({{"id", w.id},
                     {"url", w.url},
                     {"label", w.label},
                     {"revisions", w.revisions},
                     {"created", FormatIso8601Utc(w.created_at)},
                     {"last_checked", w.last_checked_at
                                          ? nlohmann::json(FormatIso8601Utc(
                                                w.last_checked_at))
                                          : nlohmann::json(nullptr)},
                     {"last_changed", w.last_changed_at
                                          ? nlohmann::json(FormatIso8601Utc(
                                                w.last_changed_at))
                                          : nlohmann::json(nullptr)},
                     {"last_tags", w.last_tags},
                     {"state", w.state}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  if (watches->empty()) {
    std::cout << "no watches; `revwatch add URL` to start\n";
    return kExitOk;
  }
  for (const Watch& w : *watches) {
    std::string tags;
    for (const std::string& tag : w.last_tags) tags += (tags.empty() ? "" : ",") + tag;
    std::cout << w.id << "\t" << w.state << "\t" << w.revisions << " rev\tchecked "
              << HumanTime(w.last_checked_at) << "\tchanged " << HumanTime(w.last_changed_at)
              << (tags.empty() ? "" : " [" + tags + "]") << "\t" << w.url;
    if (!w.label.empty()) std::cout << "\t" << w.label;
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterWatchCommands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<AddArgs>();
  CLI::App* add = app.add_subcommand("add", "Start watching article URLs")
                      ->footer("Examples:\n  revwatch add https://example.org/news/1 --label 'FT report'\n"
                               "  revwatch add --from urls.txt");
  add->add_option("urls", args->urls, "http:// or https:// URLs");
  add->add_option("--from", args->from, "Also the URLs in FILE, one per line (- for stdin)");
  add->add_option("--label", args->label, "A name to show in lists");
  add->add_option("--every", args->every,
                  "Check this often (10m, 6h, 1d) instead of by the article's age");
  add->add_option("--notify", args->notify,
                  "Also e-mail this address about substantive edits (repeatable)");
  add->add_option("--alert-on", args->alert_on,
                  "Alert only on edits with one of these tags, e.g. denial,quote,headline "
                  "(default: any substantive edit)");
  add->callback([&ctx, args] { ctx.exit_code = RunAdd(ctx, *args); });

  auto target = std::make_shared<std::string>();
  CLI::App* rm = app.add_subcommand("rm", "Stop watching and delete the history")
                     ->footer("Example: revwatch rm 3");
  rm->add_option("watch", *target, "URL or watch id")->required();
  rm->callback([&ctx, target] { ctx.exit_code = RunRemove(ctx, *target); });

  for (const bool pause : {true, false}) {
    CLI::App* command =
        app.add_subcommand(pause ? "pause" : "resume",
                           pause ? "Stop checking a watch for now (its history stays)"
                                 : "Check a paused (or expired, or quarantined) watch again")
            ->footer(pause ? "Example: revwatch pause 3" : "Example: revwatch resume 3");
    command->add_option("watch", *target, "URL or watch id")->required();
    command->callback([&ctx, target, pause] { ctx.exit_code = RunPause(ctx, *target, pause); });
  }

  auto list_args = std::make_shared<ListArgs>();
  CLI::App* list = app.add_subcommand("list", "List watched URLs")
                       ->footer("Examples:\n  revwatch list --json\n  revwatch list --changed-since 2d --tag denial");
  list->add_flag("--json", list_args->json, "Print JSON");
  list->add_option("--changed-since", list_args->changed_since,
                   "Only watches with a revision since then (2d, 6h, or a time)");
  list->add_option("--tag", list_args->tag, "Only watches whose last change has this tag");
  list->callback([&ctx, list_args] {
    ctx.exit_code = WithPager([&] { return RunList(ctx, *list_args); });
  });
}

}  // namespace revwatch
