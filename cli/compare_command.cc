// revwatch compare OLD NEW: word diff of two article files.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "cli/input_file.h"
#include "diff/diff_render.h"
#include "diff/word_diff.h"
#include "extract/extract_article.h"

namespace revwatch {
namespace {

// An article file in the text format, or an HTML page extracted first.
Result<Article> LoadArticle(const std::string& path) {
  auto content = ReadInputFile(path);
  if (!content) return tl::unexpected(content.error());
  if (!LooksLikeHtml(*content)) return ParseArticleText(*content);
  auto extracted = ExtractArticle(*content);
  if (!extracted) {
    return MakeError(extracted.error().code,
                     path + ": " + extracted.error().message);
  }
  return extracted->article;
}

int RunCompare(const std::string& old_path, const std::string& new_path) {
  if (old_path == "-" && new_path == "-") {
    std::cerr << "revwatch: only one of OLD and NEW can be standard input\n";
    return kExitUsage;
  }
  auto old_article = LoadArticle(old_path);
  if (!old_article) return ReportError(old_article.error());
  auto new_article = LoadArticle(new_path);
  if (!new_article) return ReportError(new_article.error());
  const ArticleDiff diff = DiffArticles(*old_article, *new_article);
  std::cout << RenderSummary(diff) << "\n";
  if (diff.HasChanges()) {
    std::cout << "\n"
              << RenderDiff(diff, StdoutWantsColor() ? DiffStyle::kAnsi
                                                     : DiffStyle::kText);
  }
  return kExitOk;
}

}  // namespace

void RegisterCompareCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string old_path;
    std::string new_path;
  };
  auto args = std::make_shared<Args>();
  CLI::App* compare =
      app.add_subcommand("compare", "Word diff of two article files")
          ->footer("Files hold the headline, a blank line, then paragraphs\n"
                   "separated by blank lines (what `revwatch extract` prints);\n"
                   "HTML files are extracted first.\n"
                   "Example: revwatch compare before.txt after.txt");
  compare->add_option("old", args->old_path, "Older version")->required();
  compare->add_option("new", args->new_path, "Newer version")->required();
  compare->callback([&ctx, args] {
    ctx.exit_code = RunCompare(args->old_path, args->new_path);
  });
}

}  // namespace revwatch
