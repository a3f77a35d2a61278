// revwatch demo: the whole pipeline on a machine without internet. A tiny
// HTTP server inside this process serves the earlier version of a real
// article, revwatch checks it through libcurl into a temporary database, the
// page is edited (the White House denial is added), and the second check
// shows what a user would be told.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "cli/demo_pages.h"
#include "cli/demo_server.h"
#include "daemon/watcher.h"
#include "diff/diff_render.h"
#include "diff/word_diff.h"
#include "fetch/curl_fetcher.h"
#include "storage/sqlite_store.h"

namespace revwatch {
namespace {

constexpr const char* kArticlePath =
    "/global/white-house-denies-linking-ukraine-security-guarantees";

// A fresh directory under $TMPDIR, removed on destruction unless kept.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "revwatch-demo-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    if (!keep_ && !path_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(path_, ignored);
    }
  }
  const std::string& path() const { return path_; }
  void Keep() { keep_ = true; }

 private:
  std::string path_;
  bool keep_ = false;
};

void PrintCheck(const std::string& step, const Result<CheckReport>& report) {
  std::cout << step;
  if (!report) {
    std::cout << "error: " << report.error().message << "\n";
    return;
  }
  std::cout << "revision " << report->revision << " stored\n";
}

int RunDemo(bool keep) {
  TempDir dir;
  if (dir.path().empty()) {
    std::cerr << "revwatch: cannot create a temporary directory\n";
    return kExitFailure;
  }
  DemoServer server(kArticlePath);
  server.Serve(kDemoPageBefore);
  const int port = server.Start();
  if (port < 0) {
    std::cerr << "revwatch: cannot listen on 127.0.0.1\n";
    return kExitFailure;
  }
  const std::string url =
      "http://127.0.0.1:" + std::to_string(port) + kArticlePath;
  const std::string db_path = dir.path() + "/revwatch.db";
  auto store = SqliteStore::Open(db_path);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->AddWatch(url, "Espreso Global: security guarantees");
  if (!watch) return ReportError(watch.error());

  std::cout << "revwatch demo: a news article is edited after publication.\n\n"
            << "Serving the first version at " << url << "\n"
            << "Database: " << db_path << "\n\n";
  CurlFetcher fetcher;
  Watcher watcher(fetcher, **store);
  auto first = watcher.Check(*watch);
  PrintCheck("1. First check:  ", first);
  if (!first) return kExitFailure;

  auto unchanged = watcher.Check(*watch);
  if (!unchanged) return ReportError(unchanged.error());
  std::cout << "2. Check again:  unchanged, no new revision\n";

  std::cout << "3. The outlet edits the page (new headline, White House denial added)\n";
  server.Serve(kDemoPageAfter);
  auto second = watcher.Check(*watch);
  PrintCheck("4. Next check:   ", second);
  if (!second) return kExitFailure;

  auto before = (*store)->GetRevision(watch->id, 1);
  auto after = (*store)->GetRevision(watch->id, second->revision);
  if (!before) return ReportError(before.error());
  if (!after) return ReportError(after.error());
  const ArticleDiff diff = DiffArticles(before->article, after->article);
  std::cout << "\nHeadline before: " << before->article.title << "\n"
            << "Headline after:  " << after->article.title << "\n"
            << "Edit: " << RenderSummary(diff) << "\n\n"
            << "Word diff, revision 1 -> " << after->number << ":\n\n"
            << RenderDiff(diff, StdoutWantsColor() ? DiffStyle::kAnsi
                                                   : DiffStyle::kText);
  if (keep) {
    dir.Keep();
    std::cout << "\nThe database is kept; try:\n"
              << "  revwatch --db " << db_path << " log 1\n"
              << "  revwatch --db " << db_path << " diff 1\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, CliContext& ctx) {
  auto keep = std::make_shared<bool>(false);
  CLI::App* demo =
      app.add_subcommand("demo", "Show revwatch catching a real edit, offline")
          ->footer("Runs an HTTP server on 127.0.0.1 inside the process; needs no internet.\n"
                   "Example: revwatch demo --keep");
  demo->add_flag("--keep", *keep, "Keep the demo database to explore with log/diff");
  demo->callback([&ctx, keep] { ctx.exit_code = RunDemo(*keep); });
}

}  // namespace revwatch
