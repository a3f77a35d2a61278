// revwatch log | show | diff: reading a watch's revision history.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "core/timestamp.h"
#include "diff/diff_render.h"
#include "diff/word_diff.h"

namespace revwatch {
namespace {

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& tag : tags) out += (out.empty() ? "" : ", ") + tag;
  return out;
}

int RunLog(const CliContext& ctx, const std::string& target, bool json) {
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(target);
  if (!watch) return ReportError(watch.error());
  auto revisions = (*store)->ListRevisions(watch->id);
  if (!revisions) return ReportError(revisions.error());

  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const RevisionSummary& r : *revisions) {
      list.push_back({{"number", r.number},
                      {"first_seen", FormatIso8601Utc(r.first_seen)},
                      {"last_seen", FormatIso8601Utc(r.last_seen)},
                      {"title", r.title},
                      {"words_added", r.change.words_added},
                      {"words_removed", r.change.words_removed},
                      {"tags", r.change.tags},
                      {"substantive", r.change.substantive},
                      {"score", r.change.score}});
    }
    std::cout << nlohmann::json{{"url", watch->url}, {"revisions", list}}.dump(2)
              << "\n";
    return kExitOk;
  }
  if (revisions->empty()) {
    std::cout << watch->url << ": no revisions yet; `revwatch check "
              << watch->id << "` fetches one\n";
    return kExitOk;
  }
  for (const RevisionSummary& r : *revisions) {
    std::cout << "revision " << r.number << "  " << FormatIso8601Utc(r.first_seen)
              << "  +" << r.change.words_added << " -" << r.change.words_removed
              << " words";
    if (!r.change.tags.empty()) std::cout << "  [" << JoinTags(r.change.tags) << "]";
    std::cout << "\n    " << r.title << "\n";
  }
  return kExitOk;
}

int RunShow(const CliContext& ctx, const std::string& target, int number) {
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(target);
  if (!watch) return ReportError(watch.error());
  if (number == 0) {
    auto latest = (*store)->LatestRevision(watch->id);
    if (!latest) return ReportError(latest.error());
    if (!*latest) {
      return ReportError({ErrorCode::kNotFound,
                          watch->url + ": no revisions yet; `revwatch check " +
                              std::to_string(watch->id) + "` fetches one"});
    }
    std::cout << FormatArticleText((*latest)->article);
    return kExitOk;
  }
  auto revision = (*store)->GetRevision(watch->id, number);
  if (!revision) return ReportError(revision.error());
  std::cout << FormatArticleText(revision->article);
  return kExitOk;
}

int RunDiff(const CliContext& ctx, const std::string& target,
            std::vector<int> numbers) {
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(target);
  if (!watch) return ReportError(watch.error());
  if (numbers.size() < 2) {
    auto latest = (*store)->LatestRevision(watch->id);
    if (!latest) return ReportError(latest.error());
    const int newest = *latest ? (*latest)->number : 0;
    if (numbers.empty()) {
      if (newest < 2) {
        return ReportError({ErrorCode::kNotFound,
                            watch->url + ": " + std::to_string(newest) +
                                " revision(s); a diff needs two"});
      }
      numbers = {newest - 1, newest};
    } else {
      numbers.push_back(newest);
    }
  }
  auto older = (*store)->GetRevision(watch->id, numbers[0]);
  if (!older) return ReportError(older.error());
  auto newer = (*store)->GetRevision(watch->id, numbers[1]);
  if (!newer) return ReportError(newer.error());

  const ArticleDiff diff = DiffArticles(older->article, newer->article);
  std::cout << "revision " << older->number << " (" << FormatIso8601Utc(older->first_seen)
            << ") -> revision " << newer->number << " ("
            << FormatIso8601Utc(newer->first_seen) << ")\n"
            << RenderSummary(diff) << "\n\n"
            << RenderDiff(diff, StdoutWantsColor() ? DiffStyle::kAnsi
                                                   : DiffStyle::kText);
  return kExitOk;
}

}  // namespace

void RegisterHistoryCommands(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string target;
    bool json = false;
    int number = 0;
    std::vector<int> numbers;
  };
  auto log_args = std::make_shared<Args>();
  CLI::App* log = app.add_subcommand("log", "List a watch's revisions, newest first")
                      ->footer("Example: revwatch log https://example.org/news/1 --json");
  log->add_option("watch", log_args->target, "URL or watch id")->required();
  log->add_flag("--json", log_args->json, "Print JSON");
  log->callback([&ctx, log_args] {
    ctx.exit_code = RunLog(ctx, log_args->target, log_args->json);
  });

  auto show_args = std::make_shared<Args>();
  CLI::App* show = app.add_subcommand("show", "Print the article text of a revision")
                       ->footer("Example: revwatch show 3 2   (revision 2 of watch 3)");
  show->add_option("watch", show_args->target, "URL or watch id")->required();
  show->add_option("revision", show_args->number, "Revision number (default: latest)")
      ->check(CLI::PositiveNumber);
  show->callback([&ctx, show_args] {
    ctx.exit_code = RunShow(ctx, show_args->target, show_args->number);
  });

  auto diff_args = std::make_shared<Args>();
  CLI::App* diff = app.add_subcommand("diff", "Word diff between two revisions")
                       ->footer("Examples:\n  revwatch diff 3        (latest two)\n"
                                "  revwatch diff 3 1      (1 -> latest)\n"
                                "  revwatch diff 3 1 2");
  diff->add_option("watch", diff_args->target, "URL or watch id")->required();
  diff->add_option("revisions", diff_args->numbers, "REV_A [REV_B]")
      ->expected(0, 2)
      ->check(CLI::PositiveNumber);
  diff->callback([&ctx, diff_args] {
    ctx.exit_code = RunDiff(ctx, diff_args->target, diff_args->numbers);
  });
}

}  // namespace revwatch
