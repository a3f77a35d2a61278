// revwatch add | rm | list
#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "cli/config.h"
#include "cli/input_file.h"
#include "cli/json_values.h"
#include "cli/watch_settings.h"
#include "core/timestamp.h"
#include "core/url_canon.h"
#include "fetch/curl_fetcher.h"

namespace revwatch {
namespace {

struct AddArgs {
  std::vector<std::string> urls;
  std::string from;  // a file of URLs, one per line ("-": standard input)
  WatchSettingArgs settings;  // --every: own interval, "" by age
};

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
  for (std::string& url : urls) {
    if (!IsFetchableUrl(url)) {
      std::cerr << "revwatch: " << url << ": not a valid http:// or https:// URL\n";
      return kExitUsage;
    }
    url = CanonicalUrl(url);  // as feeds' items are, so neither adds it twice
  }
  const auto settings = CheckWatchSettings(args.settings, ctx.config_path);
  if (!settings) return kExitUsage;
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto ids = (*store)->AddWatches(urls, WatchSettings{args.settings.label, args.settings.notify,
                                                      settings->alert_on, settings->every_seconds});
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
  std::string feed;           // added by this feed (id or URL)
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
  // With --feed, each watch is shown with the title its feed gives it.
  FeedId feed = 0;
  std::map<WatchId, std::string> feed_titles;
  if (!args.feed.empty()) {
    auto found = (*store)->FindFeed(args.feed);
    if (!found) return ReportError(found.error());
    feed = found->id;
    auto entries = (*store)->ListFeedEntries(feed);
    if (!entries) return ReportError(entries.error());
    for (const FeedEntry& entry : *entries) {
      if (entry.watch_id != 0) feed_titles[entry.watch_id] = entry.title;
    }
  }
  std::erase_if(*watches, [&](const Watch& w) {
    if (feed != 0 && w.feed_id != feed) return true;
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
                     {"last_checked", JsonTime(w.last_checked_at)},
                     {"last_changed", JsonTime(w.last_changed_at)},
                     {"last_tags", w.last_tags},
                     {"state", w.state},
                     {"feed", JsonId(w.feed_id)},
                     {"expires", JsonTime(w.expires_at)}});
      if (feed != 0) out.back()["feed_title"] = feed_titles[w.id];
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  if (watches->empty()) {
    std::cout << (feed != 0 ? "this feed has added no watches (yet)\n"
                            : "no watches; `revwatch add URL` to start\n");
    return kExitOk;
  }
  for (const Watch& w : *watches) {
    std::string tags;
    for (const std::string& tag : w.last_tags) tags += (tags.empty() ? "" : ",") + tag;
    std::cout << w.id << "\t" << w.state << "\t" << w.revisions << " rev\tchecked "
              << HumanTime(w.last_checked_at) << "\tchanged " << HumanTime(w.last_changed_at)
              << (tags.empty() ? "" : " [" + tags + "]") << "\t" << w.url;
    if (!w.label.empty()) std::cout << "\t" << w.label;
    if (const auto title = feed_titles.find(w.id); title != feed_titles.end()) {
      std::cout << "\t" << title->second;
    }
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
  AddWatchSettingOptions(*add, args->settings,
                         "Check this often (10m, 6h, 1d) instead of by the article's age");
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
                       ->footer("Examples:\n  revwatch list --json\n  revwatch list --changed-since 2d --tag denial\n"
                               "  revwatch list --feed 1");
  list->add_flag("--json", list_args->json, "Print JSON");
  list->add_option("--changed-since", list_args->changed_since,
                   "Only watches with a revision since then (2d, 6h, or a time)");
  list->add_option("--tag", list_args->tag, "Only watches whose last change has this tag");
  list->add_option("--feed", list_args->feed,
                   "Only the watches this feed added (id or URL), with its titles");
  list->callback([&ctx, list_args] {
    ctx.exit_code = WithPager([&] { return RunList(ctx, *list_args); });
  });
}

}  // namespace revwatch
