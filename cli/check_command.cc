// revwatch check [--all | URL|ID ...]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/alert_delivery.h"
#include "cli/check_worker.h"
#include "cli/cli_context.h"
#include "cli/config.h"
#include "daemon/host_gate.h"
#include "daemon/watcher.h"
#include "fetch/curl_fetcher.h"

namespace revwatch {
namespace {

struct CheckArgs {
  bool all = false;
  std::vector<std::string> targets;
};

std::string Describe(const CheckReport& report) {
  switch (report.outcome) {
    case CheckOutcome::kNotModified:
      return "not modified (revision " + std::to_string(report.revision) + ")";
    case CheckOutcome::kUnchanged:
      return "unchanged (revision " + std::to_string(report.revision) + ")";
    case CheckOutcome::kSuspect:
      return "suspect: the text shrank to a fraction of revision " +
             std::to_string(report.revision) + "; stored only if the next check confirms it";
    case CheckOutcome::kNewRevision:
      break;
  }
  std::string line = "new revision " + std::to_string(report.revision);
  if (report.revision == 1) return line + " (first version)";
  line += " (+" + std::to_string(report.words_added) + " -" +
          std::to_string(report.words_removed) + " words";
  for (std::size_t i = 0; i < report.tags.size(); ++i) {
    line += (i == 0 ? "; " : ", ") + report.tags[i];
  }
  return line + ")";
}

int RunCheck(const CliContext& ctx, const CheckArgs& args) {
  if (args.all == !args.targets.empty()) {
    std::cerr << "revwatch: check needs either --all or URLs/ids\n";
    return kExitUsage;
  }
  auto config = LoadConfig(ctx.config_path);
  if (!config) return ReportError(config.error());
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());

  std::vector<Watch> watches;
  if (args.all) {
    auto all = (*store)->ListWatches();
    if (!all) return ReportError(all.error());
    watches = std::move(*all);
    std::erase_if(watches, [](const Watch& w) {
      return w.state == "paused" || w.state == "quarantined";  // `check ID` still does them
    });
  } else {
    for (const std::string& target : args.targets) {
      auto watch = (*store)->FindWatch(target);
      if (!watch) return ReportError(watch.error());
      watches.push_back(std::move(*watch));
    }
  }

  auto lexicon = LexiconWith(config->lexicons);
  if (!lexicon) return ReportError(lexicon.error());
  // Checked on up to [daemon] workers threads, each with its own database
  // connection, fetcher and watcher, within the per-host limits; lines are
  // printed as checks finish, and on a terminal a progress line is kept up
  // to date on stderr.
  const std::size_t total = watches.size();
  const int threads = static_cast<int>(std::min<std::size_t>(
      total, static_cast<std::size_t>(std::max(1, config->daemon_workers))));
  HostGate gate(config->hosts);
  std::mutex mutex;  // the counts and the output
  int done = 0;
  int failed = 0;
  int changed = 0;
  const bool progress = ::isatty(STDERR_FILENO) == 1 && total > 1;
  const auto started = std::chrono::steady_clock::now();
  auto report_progress = [&] {  // with `mutex` held
    if (!progress) return;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double rate = seconds > 0 ? done / seconds : 0;
    const double eta = rate > 0 ? (static_cast<double>(total) - done) / rate : 0;
    std::fprintf(stderr, "\r[%d/%zu] %.1f pages/s, %d errors, %.0f s left ", done, total, rate,
                 failed, eta);
    std::fflush(stderr);
  };
  CurlFetcher fetcher(config->fetch);
  Watcher main_watcher(fetcher, **store, *lexicon);
  const AlertPolicy alert_policy = AlertPolicyFrom(*config);
  main_watcher.SetAlertPolicy(alert_policy);
  std::vector<Watcher*> watchers = {&main_watcher};
  std::vector<CheckWorker> extra;
  for (int i = 1; i < threads; ++i) {
    auto worker = OpenCheckWorker(ctx, config->fetch, *lexicon, alert_policy);
    if (!worker) break;  // fewer workers; the checks still all run
    watchers.push_back(worker->watcher.get());
    extra.push_back(std::move(*worker));
  }
  ForEachOnWorkers(
      total, [&](std::size_t i) { return HostOf(watches[i].url); }, watchers.size(), gate,
      [&](std::size_t i, std::size_t w) {
        const Watch& watch = watches[i];
        auto report = watchers[w]->Check(watch);
        std::lock_guard lock(mutex);
        ++done;
        if (progress) std::fputs("\r\033[K", stderr);  // clear the progress line
        if (report) {
          if (report->outcome == CheckOutcome::kNewRevision) ++changed;
          std::cout << watch.url << ": " << Describe(*report) << std::endl;
        } else {
          ++failed;
          // The message names the URL already; print it once, in front.
          std::string reason = report.error().message;
          if (reason.starts_with(watch.url + ": ")) reason.erase(0, watch.url.size() + 2);
          std::cout << watch.url << ": error: " << reason << std::endl;
        }
        report_progress();
      });
  if (progress) std::fputs("\r\033[K", stderr);
  if (total > 1) {
    std::cout << total << " checked, " << changed << " with new revisions, " << failed
              << " failed\n";
  }
  // A search index that cannot be updated now catches up next time; the
  // alerts still go.
  auto indexed = (*store)->IndexForSearch();
  if (!indexed) std::cerr << "revwatch: search index not updated: " << indexed.error().message << "\n";
  // The alerts of these checks (and any earlier ones still waiting).
  auto delivery = DeliverAlerts(**store, *config, *lexicon, /*everything=*/false);
  if (!delivery) return ReportError(delivery.error());
  if (const std::string line = DescribeDelivery(*delivery); !line.empty()) {
    std::cout << line << "\n";
  }
  return failed == 0 && indexed ? kExitOk : kExitFailure;
}

}  // namespace

void RegisterCheckCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* check =
      app.add_subcommand("check", "Fetch watched URLs once and record edits")
          ->footer("Examples:\n  revwatch check --all\n  revwatch check 3 https://example.org/news/1");
  check->add_flag("--all", args->all, "Check every watch");
  check->add_option("watches", args->targets, "URLs or watch ids");
  check->callback([&ctx, args] { ctx.exit_code = RunCheck(ctx, *args); });
}

}  // namespace revwatch
