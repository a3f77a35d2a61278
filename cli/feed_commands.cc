// revwatch feed add | list | items | check | rm
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "cli/config.h"
#include "cli/json_values.h"
#include "cli/watch_settings.h"
#include "daemon/feed_poller.h"
#include "fetch/curl_fetcher.h"

namespace revwatch {
namespace {

constexpr UnixSeconds kDefaultFeedInterval = 15 * 60;

struct FeedAddArgs {
  std::string url;
  int follow_days = 14;
  WatchSettingArgs settings;  // --every: how often the feed is polled
};

// "URL: 25 articles (RSS 2.0), 3 new watches, ..." for one poll.
std::string Describe(const FeedPollReport& report, int follow_days) {
  if (report.not_modified) return "not modified";
  const FeedReconciliation& r = report.reconciliation;
  std::string line = std::to_string(report.items) + " articles (" + report.format + "), " +
                     std::to_string(r.added.size()) + " new watches";
  if (r.already_watched > 0) line += ", " + std::to_string(r.already_watched) + " already watched";
  if (r.too_old > 0) {
    line += ", " + std::to_string(r.too_old) + " older than " + std::to_string(follow_days) +
            " days (not watched)";
  }
  if (r.undated > 0) {
    line += ", " + std::to_string(r.undated) +
            " undated at the first poll of a sitemap (its backlog, not watched)";
  }
  if (report.private_links > 0) {
    line += ", " + std::to_string(report.private_links) +
            " on a private network address (not watched: the feed is not)";
  }
  if (!r.retitled.empty()) {
    line += ", " + std::to_string(r.retitled.size()) + " retitled (checked next)";
  }
  if (report.skipped > 0) line += ", " + std::to_string(report.skipped) + " without a link";
  if (report.truncated) line += "; the feed was cut at its item limit";
  return line;
}

void PrintWarnings(const std::string& url, const FeedPollReport& report) {
  for (const std::string& warning : report.warnings) {
    std::cerr << "revwatch: " << url << ": warning: " << warning << "\n";
  }
}

// The URL of the feed to follow: `url` itself, or the first feed the HTML
// page at `url` announces.
Result<std::string> FindFeedUrl(Fetcher& fetcher, const std::string& url) {
  auto page = fetcher.Fetch({url, "", ""});
  if (!page) return tl::unexpected(page.error());
  if (page->status < 200 || page->status > 299) {
    return MakeError(ErrorCode::kHttpStatus, url + ": HTTP " + std::to_string(page->status));
  }
  if (!LooksLikeHtml(page->content_type, page->body)) return url;
  const auto feeds = DiscoverFeeds(page->body, page->final_url.empty() ? url : page->final_url);
  if (feeds.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     url + ": an HTML page that announces no feed (no <link rel=\"alternate\" "
                           "type=\"application/rss+xml\"> or Atom); give the feed's own URL");
  }
  std::cout << "found the feed " << feeds.front() << " on the page"
            << (feeds.size() > 1 ? " (the first of " + std::to_string(feeds.size()) + ")" : "")
            << "\n";
  return feeds.front();
}

int RunFeedAdd(const CliContext& ctx, const FeedAddArgs& args) {
  if (!IsFetchableUrl(args.url)) {
    std::cerr << "revwatch: " << args.url << ": not a valid http:// or https:// URL\n";
    return kExitUsage;
  }
  const auto settings = CheckWatchSettings(args.settings, ctx.config_path);
  if (!settings) return kExitUsage;
  auto config = LoadConfig(ctx.config_path);
  if (!config) return ReportError(config.error());
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  if (auto followed = (*store)->FindFeed(args.url); followed) {
    std::cerr << "revwatch: " << args.url << ": followed already, as feed " << followed->id
              << "\n";
    return kExitUsage;
  }
  CurlFetcher fetcher(config->fetch);
  auto feed_url = FindFeedUrl(fetcher, args.url);
  if (!feed_url) return ReportError(feed_url.error());
  FeedSettings feed_settings{args.settings.label, args.settings.notify, settings->alert_on,
                             args.follow_days,
                             settings->every_seconds > 0 ? settings->every_seconds
                                                         : kDefaultFeedInterval};
  auto feed = (*store)->AddFeed(*feed_url, feed_settings);
  if (!feed) return ReportError(feed.error());
  // Polled at once: a URL that is no feed is not kept.
  FeedPoller poller(fetcher, **store, FeedPollOptionsFrom(*config));
  auto report = poller.Poll(*feed, NowUnixSeconds());
  if (!report) {
    if (Status s = (*store)->RemoveFeed(feed->id); !s) return ReportError(s.error());
    std::cerr << "revwatch: " << report.error().message << "; the feed was not added\n";
    return kExitFailure;
  }
  PrintWarnings(feed->url, *report);
  std::cout << "feed " << feed->id << ": "
            << (report->title.empty() ? feed->url : report->title) << ": "
            << Describe(*report, feed->follow_days) << "\n";
  if (!report->reconciliation.added.empty()) {
    std::cout << "`revwatch daemon` checks them at once and then by age, for "
              << feed->follow_days << " days; `revwatch check --all` checks them now\n";
  }
  return kExitOk;
}

int RunFeedCheck(const CliContext& ctx, const std::vector<std::string>& targets) {
  auto config = LoadConfig(ctx.config_path);
  if (!config) return ReportError(config.error());
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  std::vector<Feed> feeds;
  if (targets.empty()) {
    auto all = (*store)->ListFeeds();
    if (!all) return ReportError(all.error());
    feeds = std::move(*all);
    if (feeds.empty()) {
      std::cout << "no feeds; `revwatch feed add URL` to follow one\n";
      return kExitOk;
    }
  } else {
    for (const std::string& target : targets) {
      auto feed = (*store)->FindFeed(target);
      if (!feed) return ReportError(feed.error());
      feeds.push_back(std::move(*feed));
    }
  }
  CurlFetcher fetcher(config->fetch);
  FeedPoller poller(fetcher, **store, FeedPollOptionsFrom(*config));
  FeedCycle cycle;
  for (const Feed& feed : feeds) {
    ++cycle.polled;
    auto report = poller.Poll(feed, NowUnixSeconds());
    if (!report) {
      ++cycle.failed;
      std::string reason = report.error().message;
      if (reason.starts_with(feed.url + ": ")) reason.erase(0, feed.url.size() + 2);
      std::cout << feed.url << ": error: " << reason << std::endl;
      continue;
    }
    PrintWarnings(feed.url, *report);
    cycle.new_watches += static_cast<int>(report->reconciliation.added.size());
    cycle.retitled += static_cast<int>(report->reconciliation.retitled.size());
    std::cout << feed.url << ": " << Describe(*report, feed.follow_days) << std::endl;
  }
  if (feeds.size() > 1) std::cout << DescribeFeedCycle(cycle) << "\n";
  return cycle.failed == 0 ? kExitOk : kExitFailure;
}

int RunFeedList(const CliContext& ctx, bool json) {
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto feeds = (*store)->ListFeeds();
  if (!feeds) return ReportError(feeds.error());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Feed& f : *feeds) {
      out.push_back({{"id", f.id},
                     {"url", f.url},
                     {"label", f.label},
                     {"title", f.title},
                     {"format", f.format},
                     {"items", f.items},
                     {"watches", f.watches},
                     {"follow_days", f.follow_days},
                     {"every_seconds", f.every_seconds},
                     {"notify", f.notify},
                     {"alert_on", f.alert_on},
                     {"created", FormatIso8601Utc(f.created_at)},
                     {"last_polled", JsonTime(f.last_polled_at)},
                     {"next_poll", JsonTime(f.next_poll_at)},
                     {"failures", f.failures},
                     {"last_error", f.last_error.empty() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(f.last_error)}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  if (feeds->empty()) {
    std::cout << "no feeds; `revwatch feed add URL` to follow one\n";
    return kExitOk;
  }
  for (const Feed& f : *feeds) {
    std::cout << f.id << "\t" << (f.last_error.empty() ? "ok" : "failing") << "\t"
              << (f.format.empty() ? "?" : f.format) << "\t" << f.items << " items, "
              << f.watches << " watches\tpolled " << HumanTime(f.last_polled_at) << "\t"
              << f.url;
    const std::string& name = f.label.empty() ? f.title : f.label;
    if (!name.empty()) std::cout << "\t" << name;
    if (!f.last_error.empty()) std::cout << "\n\t" << f.last_error;
    std::cout << "\n";
  }
  return kExitOk;
}

int RunFeedItems(const CliContext& ctx, const std::string& target, bool json) {
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto feed = (*store)->FindFeed(target);
  if (!feed) return ReportError(feed.error());
  auto entries = (*store)->ListFeedEntries(feed->id);
  if (!entries) return ReportError(entries.error());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const FeedEntry& e : *entries) {
      out.push_back({{"url", e.url},
                     {"title", e.title},
                     {"summary", e.summary},
                     {"published", e.published},
                     {"watch", JsonId(e.watch_id)},
                     {"first_seen", FormatIso8601Utc(e.first_seen)},
                     {"last_seen", FormatIso8601Utc(e.last_seen)}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  for (const FeedEntry& e : *entries) {
    std::cout << (e.watch_id != 0 ? std::to_string(e.watch_id) : "-") << "\t"
              << HumanTime(e.published_at != 0 ? e.published_at : e.first_seen) << "\t"
              << e.url << "\t" << e.title << "\n";
  }
  return kExitOk;
}

int RunFeedRemove(const CliContext& ctx, const std::string& target) {
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto feed = (*store)->FindFeed(target);
  if (!feed) return ReportError(feed.error());
  if (Status s = (*store)->RemoveFeed(feed->id); !s) return ReportError(s.error());
  std::cout << "stopped following feed " << feed->id << " (" << feed->url << ")";
  if (feed->watches > 0) {
    std::cout << "; its " << feed->watches
              << " watches stay, with their history, until they expire";
  }
  std::cout << "\n";
  return kExitOk;
}

}  // namespace

void RegisterFeedCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* feed =
      app.add_subcommand("feed", "Follow RSS/Atom/JSON feeds and sitemaps: new articles are watched")
          ->require_subcommand(1)
          ->footer("Examples:\n  revwatch feed add https://news.example/rss.xml --follow-days 7\n"
                   "  revwatch feed add https://news.example/   (finds the feed the page "
                   "announces)\n  revwatch feed list\n  revwatch list --feed 1");

  auto add_args = std::make_shared<FeedAddArgs>();
  CLI::App* add = feed->add_subcommand("add", "Follow a feed or sitemap (or the feed a page announces)")
                      ->footer("Every article it lists from now on becomes a watch with these "
                               "settings,\nchecked at once and then by its age, for --follow-days "
                               "from its date.\nAccepts RSS 2.0, RSS 1.0, Atom, JSON Feed, sitemaps, "
                               "sitemap indexes\nand Google News sitemaps.");
  add->add_option("url", add_args->url, "The feed's URL, or a page that announces one")->required();
  add->add_option("--follow-days", add_args->follow_days,
                  "Watch each article for this many days from its date (default 14)")
      ->check(CLI::Range(1, 3650));
  AddWatchSettingOptions(*add, add_args->settings, "Poll the feed this often (default 15m)");
  add->callback([&ctx, add_args] { ctx.exit_code = RunFeedAdd(ctx, *add_args); });

  auto json = std::make_shared<bool>(false);
  CLI::App* list = feed->add_subcommand("list", "List the feeds followed");
  list->add_flag("--json", *json, "Print JSON");
  list->callback([&ctx, json] { ctx.exit_code = WithPager([&] { return RunFeedList(ctx, *json); }); });

  auto target = std::make_shared<std::string>();
  CLI::App* items = feed->add_subcommand("items", "List the articles a feed has listed, newest first")
                        ->footer("Each with its watch id (- when none: older than the follow "
                                 "window, or removed),\nits date and the feed's title for it.");
  items->add_option("feed", *target, "Feed id or URL")->required();
  items->add_flag("--json", *json, "Print JSON");
  items->callback([&ctx, target, json] {
    ctx.exit_code = WithPager([&] { return RunFeedItems(ctx, *target, *json); });
  });

  auto targets = std::make_shared<std::vector<std::string>>();
  CLI::App* check = feed->add_subcommand("check", "Poll feeds now, whether due or not")
                        ->footer("Examples:\n  revwatch feed check\n  revwatch feed check 2");
  check->add_option("feeds", *targets, "Feed ids or URLs (default: all)");
  check->callback([&ctx, targets] { ctx.exit_code = RunFeedCheck(ctx, *targets); });

  CLI::App* rm = feed->add_subcommand("rm", "Stop following a feed (its watches stay)");
  rm->add_option("feed", *target, "Feed id or URL")->required();
  rm->callback([&ctx, target] { ctx.exit_code = RunFeedRemove(ctx, *target); });
}

}  // namespace revwatch
