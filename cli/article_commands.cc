// revwatch extract | compare: work on files, no database involved.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "diff/diff_render.h"
#include "diff/word_diff.h"
#include "extract/extract_article.h"

namespace revwatch {
namespace {

// Reads a whole file, or standard input for "-".
Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kStorage, path + ": cannot open file");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kStorage, path + ": read error");
  return buffer.str();
}

bool LooksLikeHtml(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (start == std::string_view::npos || text[start] != '<') return false;
  return true;
}

int RunExtract(const std::string& path, const std::string& format) {
  auto page = ReadInput(path);
  if (!page) return ReportError(page.error());
  auto extracted = ExtractArticle(*page);
  if (!extracted) {
    std::cerr << "revwatch: " << path << ": " << extracted.error().message
              << "\n";
    return kExitFailure;
  }
  const Article& a = extracted->article;
  if (format == "json") {
    nlohmann::json out{{"title", a.title},
                       {"byline", a.byline},
                       {"published", a.published},
                       {"charset", extracted->charset},
                       {"text", FormatArticleText(a)},
                       {"paragraphs", a.paragraphs}};
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << FormatArticleText(a);
  }
  return kExitOk;
}

// An article file in the text format, or an HTML page extracted first.
Result<Article> LoadArticle(const std::string& path) {
  auto content = ReadInput(path);
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

void RegisterArticleCommands(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string path;
    std::string format = "text";
    std::string old_path;
    std::string new_path;
  };
  auto args = std::make_shared<Args>();
  CLI::App* extract =
      app.add_subcommand("extract", "Extract the article from an HTML file")
          ->footer("Examples:\n  revwatch extract page.html\n"
                   "  curl -s URL | revwatch extract --format json -");
  extract->add_option("file", args->path, "HTML file, or - for standard input")
      ->required();
  extract->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  extract->callback([&ctx, args] {
    ctx.exit_code = RunExtract(args->path, args->format);
  });

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
