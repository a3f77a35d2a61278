// revwatch daemon [--once] [--interval MINUTES]
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "daemon/scheduler.h"
#include "fetch/curl_fetcher.h"

namespace revwatch {
namespace {

volatile std::sig_atomic_t g_stop = 0;

// Only sets the flag; the scheduler loop notices it within a second.
extern "C" void OnStopSignal(int) { g_stop = 1; }

struct DaemonArgs {
  bool once = false;
  int interval_minutes = 0;  // 0: by each article's age
};

int RunDaemon(const CliContext& ctx, const DaemonArgs& args) {
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  CurlFetcher fetcher;
  Watcher watcher(fetcher, **store);
  SchedulerOptions options;
  options.interval_seconds = UnixSeconds{args.interval_minutes} * 60;
  Scheduler scheduler(watcher, **store, std::cerr, options);
  if (args.once) {
    auto summary = scheduler.RunDueChecks(NowUnixSeconds());
    if (!summary) return ReportError(summary.error());
    return summary->failed == 0 ? kExitOk : kExitFailure;
  }
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  if (args.interval_minutes > 0) {
    std::cerr << "revwatch daemon: checking every " << args.interval_minutes << " min\n";
  } else {
    std::cerr << "revwatch daemon: checking by article age (5 min when new, daily after a "
                 "week, expiring after 30 days)\n";
  }
  if (Status s = scheduler.Run(g_stop); !s) return ReportError(s.error());
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
                   "a server's Retry-After is honoured. The schedule is kept in the\n"
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
