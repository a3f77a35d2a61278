// revwatch extract: the article of an HTML file, no database involved.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "cli/input_file.h"
#include "extract/extract_article.h"

namespace revwatch {
namespace {

int RunExtract(const std::string& path, const std::string& format) {
  auto page = ReadInputFile(path);
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

}  // namespace

void RegisterExtractCommand(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string path;
    std::string format = "text";
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
}

}  // namespace revwatch
