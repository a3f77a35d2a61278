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
  int interval_minutes = 15;
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
  std::cerr << "revwatch daemon: checking every " << args.interval_minutes
            << " min\n";
  if (Status s = scheduler.Run(g_stop); !s) return ReportError(s.error());
  std::cerr << "revwatch daemon: stopped\n";
  return kExitOk;
}

}  // namespace

void RegisterDaemonCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<DaemonArgs>();
  CLI::App* daemon =
      app.add_subcommand("daemon", "Check every watch on a schedule until stopped")
          ->footer("Examples:\n  revwatch daemon --interval 10\n"
                   "  revwatch daemon --once   (check what is due, then exit; for cron)");
  daemon->add_flag("--once", args->once, "Run the due checks once and exit");
  daemon->add_option("--interval", args->interval_minutes,
                     "Minutes between checks of one watch (default 15)")
      ->check(CLI::Range(1, 7 * 24 * 60));
  daemon->callback([&ctx, args] { ctx.exit_code = RunDaemon(ctx, *args); });
}

}  // namespace revwatch
