// revwatch daemon [--once] [--interval MINUTES]
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/alert_delivery.h"
#include "cli/check_worker.h"
#include "cli/cli_context.h"
#include "cli/config.h"
#include "daemon/scheduler.h"
#include "fetch/curl_fetcher.h"

namespace revwatch {
namespace {

volatile std::sig_atomic_t g_stop = 0;
volatile std::sig_atomic_t g_reload = 0;

// Only set flags; the scheduler loop notices them within a second.
extern "C" void OnStopSignal(int) { g_stop = 1; }
extern "C" void OnReloadSignal(int) { g_reload = 1; }

struct DaemonArgs {
  bool once = false;
  int interval_minutes = 0;  // 0: by each article's age
};

SchedulerOptions SchedulerOptionsFrom(const Config& config, const DaemonArgs& args) {
  SchedulerOptions options;
  options.policy = config.schedule;
  options.workers = config.daemon_workers;
  options.hosts = config.hosts;
  options.interval_seconds = args.interval_minutes > 0 ? UnixSeconds{args.interval_minutes} * 60
                                                       : config.daemon_interval;
  return options;
}

int RunDaemon(const CliContext& ctx, const DaemonArgs& args) {
  auto config = LoadConfig(ctx.config_path);
  if (!config) return ReportError(config.error());
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto lexicon = LexiconWith(config->lexicons);
  if (!lexicon) return ReportError(lexicon.error());
  CurlFetcher fetcher(config->fetch);
  Watcher watcher(fetcher, **store, *lexicon);
  Config active = *config;  // replaced on SIGHUP
  watcher.SetAlertPolicy(AlertPolicyFrom(active));
  // Each worker gets its own connection and fetcher; all classify with
  // the same (read-only) word lists.
  auto make_worker = [&ctx, &lexicon, &fetcher, &active] {
    return OpenCheckWorker(ctx, fetcher.options(), *lexicon, AlertPolicyFrom(active));
  };
  // After each cycle the new revisions are indexed for search and the due
  // alerts go out; a failure is said, not fatal.
  auto deliver = [&]() -> std::string {
    std::string said;
    if (auto indexed = (*store)->IndexForSearch(); !indexed) {
      said = "search index not updated: " + indexed.error().message + "; ";
    }
    auto delivery = DeliverAlerts(**store, active, *lexicon, /*everything=*/false);
    if (!delivery) return said + "alerts not sent: " + delivery.error().message;
    const std::string line = DescribeDelivery(*delivery);
    return line.empty() && !said.empty() ? said.substr(0, said.size() - 2) : said + line;
  };
  // Feeds are polled on the main connection, before each cycle's checks.
  FeedPoller feeds(fetcher, **store, FeedPollOptionsFrom(*config));
  auto scheduler_options = [&](const Config& c) {
    SchedulerOptions options = SchedulerOptionsFrom(c, args);
    options.make_worker = make_worker;
    options.after_cycle = deliver;
    options.feeds = &feeds;
    return options;
  };
  Scheduler scheduler(watcher, **store, Log::ForStderr(), scheduler_options(*config));
  if (args.once) {
    auto summary = scheduler.RunDueChecks(NowUnixSeconds());
    if (!summary) return ReportError(summary.error());
    if (const std::string message = deliver(); !message.empty()) std::cerr << message << "\n";
    return summary->failed == 0 ? kExitOk : kExitFailure;
  }
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  action.sa_handler = OnReloadSignal;
  sigaction(SIGHUP, &action, nullptr);
  // SIGHUP: read the configuration again; a broken file keeps the old one.
  auto reload = [&]() -> std::string {
    auto fresh = LoadConfig(ctx.config_path);
    if (!fresh) return "configuration not reloaded: " + fresh.error().message;
    auto words = LexiconWith(fresh->lexicons);
    if (!words) return "configuration not reloaded: " + words.error().message;
    *lexicon = std::move(*words);  // in place: the watcher refers to it
    fetcher.SetOptions(fresh->fetch);
    active = *fresh;
    watcher.SetAlertPolicy(AlertPolicyFrom(active));
    scheduler.SetOptions(scheduler_options(*fresh));
    return "configuration reloaded" + (fresh->source.empty() ? "" : " from " + fresh->source);
  };
  if (args.interval_minutes > 0 || config->daemon_interval > 0) {
    std::cerr << "revwatch daemon: checking every "
              << SchedulerOptionsFrom(*config, args).interval_seconds / 60 << " min\n";
  } else {
    std::cerr << "revwatch daemon: checking by article age (5 min when new, daily after a "
                 "week, expiring after 30 days)\n";
  }
  if (Status s = scheduler.Run(g_stop, &g_reload, reload); !s) return ReportError(s.error());
  std::cerr << "revwatch daemon: stopped\n";
  return kExitOk;
}

}  // namespace

void RegisterDaemonCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<DaemonArgs>();
  CLI::App* daemon =
      app.add_subcommand("daemon", "Check every watch on a schedule until stopped")
          ->footer("A watch is checked every 5 min in its first 6 hours, every 15 min\n"
                   "to a day, hourly to 3 days, every 6 hours to a week, then daily,\n"
                   "and expires after 30 days; failures back off to at most a day and\n"
                   "a server's Retry-After is honoured. Followed feeds are polled at\n"
                   "the start of each cycle (`revwatch feed add`), and the articles they\n"
                   "add are checked in the same cycle. The schedule is kept in the\n"
                   "database, so it survives restarts.\n"
                   "Examples:\n  revwatch daemon\n  revwatch daemon --interval 10\n"
                   "  revwatch daemon --once   (check what is due, then exit; for cron)");
  daemon->add_flag("--once", args->once, "Run the due checks once and exit");
  daemon->add_option("--interval", args->interval_minutes,
                     "Check every watch this many minutes apart instead of by age")
      ->check(CLI::Range(1, 7 * 24 * 60));
  daemon->callback([&ctx, args] { ctx.exit_code = RunDaemon(ctx, *args); });
}

}  // namespace revwatch
