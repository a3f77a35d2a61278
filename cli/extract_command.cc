// revwatch extract: the article of an HTML file, no database involved.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_context.h"
#include "cli/input_file.h"
#include "extract/extract_article.h"

namespace revwatch {
namespace {

struct ExtractArgs {
  std::string path;
  std::string url;  // where the page came from; fills in canonical_url
  std::string format = "text";
};

// The body paragraphs separated by blank lines (the headline is "title").
std::string BodyText(const Article& article) {
  std::string text;
  for (const std::string& paragraph : article.paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  return text;
}

nlohmann::json ToJson(const ExtractedArticle& extracted,
                      const std::string& url) {
  const Article& a = extracted.article;
  return {{"title", a.title},
          {"byline", a.byline},
          {"published", a.published},
          {"modified", extracted.modified},
          {"lang", extracted.lang},
          {"canonical_url",
           extracted.canonical_url.empty() ? url : extracted.canonical_url},
          {"charset", extracted.charset},
          {"text", BodyText(a)},
          {"paragraphs", a.paragraphs}};
}

int RunExtract(const ExtractArgs& args) {
  const std::string& path = args.path;
  auto page = ReadInputFile(path);
  if (!page) return ReportError(page.error());
  ExtractOptions options;
  options.page_url = args.url;  // resolves a relative canonical URL
  auto extracted = ExtractArticle(*page, options);
  if (!extracted) {
    std::cerr << "revwatch: " << path << ": " << extracted.error().message
              << "\n";
    return kExitFailure;
  }
  if (args.format == "json") {
    // Invalid UTF-8 cannot reach here (pages are decoded), but never throw.
    std::cout << ToJson(*extracted, args.url)
                     .dump(2, ' ', false,
                           nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << FormatArticleText(extracted->article);
  }
  return kExitOk;
}

}  // namespace

void RegisterExtractCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* extract =
      app.add_subcommand("extract", "Extract the article from an HTML file")
          ->footer(
              "Examples:\n  revwatch extract page.html\n"
              "  curl -s URL | revwatch extract --url URL --format json -");
  extract->add_option("file", args->path, "HTML file, or - for standard input")
      ->required();
  extract->add_option("--url", args->url,
                      "the page's address (canonical_url when the page "
                      "names none)");
  extract->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  extract->callback([&ctx, args] { ctx.exit_code = RunExtract(*args); });
}

}  // namespace revwatch
