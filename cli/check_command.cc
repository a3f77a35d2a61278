// revwatch check [--all | URL|ID ...]
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "cli/config.h"
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
  } else {
    for (const std::string& target : args.targets) {
      auto watch = (*store)->FindWatch(target);
      if (!watch) return ReportError(watch.error());
      watches.push_back(std::move(*watch));
    }
  }

  auto lexicon = LexiconWith(config->lexicons);
  if (!lexicon) return ReportError(lexicon.error());
  CurlFetcher fetcher(config->fetch);
  Watcher watcher(fetcher, **store, *lexicon);
  int failed = 0;
  int changed = 0;
  for (const Watch& watch : watches) {
    auto report = watcher.Check(watch);
    if (report) {
      if (report->outcome == CheckOutcome::kNewRevision) ++changed;
      std::cout << watch.url << ": " << Describe(*report) << "\n";
    } else {
      ++failed;
      // The message names the URL already; print it once, in front.
      std::string reason = report.error().message;
      if (reason.starts_with(watch.url + ": ")) {
        reason.erase(0, watch.url.size() + 2);
      }
      std::cout << watch.url << ": error: " << reason << "\n";
    }
  }
  if (watches.size() > 1) {
    std::cout << watches.size() << " checked, " << changed
              << " with new revisions, " << failed << " failed\n";
  }
  return failed == 0 ? kExitOk : kExitFailure;
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
