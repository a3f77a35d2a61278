// revwatch compare OLD NEW: word diff of two article files.
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "cli/config.h"
#include "cli/input_file.h"
#include "diff/diff_render.h"
#include "diff/edit_classifier.h"
#include "diff/word_diff.h"
#include "extract/extract_article.h"

namespace revwatch {
namespace {

// An article file in the text format, or an HTML page extracted first.
Result<Article> ArticleFrom(const std::string& content, const std::string& path) {
  if (!LooksLikeHtml(content)) return ParseArticleText(content);
  auto extracted = ExtractArticle(content);
  if (!extracted) {
    return MakeError(extracted.error().code, path + ": " + extracted.error().message);
  }
  return extracted->article;
}

// A long comparison's heap grows by megabytes in small steps, on two
// threads; without padding, each step of the second thread's arena is an
// mprotect call. Padding reserves address space only: pages not touched
// are not resident, so peak memory is unchanged.
void PadHeapGrowth() {
#if defined(__GLIBC__)
  constexpr int kTopPad = 4 << 20;
  mallopt(M_TOP_PAD, kTopPad);
#endif
}

// One input file, read and parsed.
struct Input {
  Result<std::string> text;
  Result<Article> article;
};

Input Load(const std::string& path) {
  Input input{ReadInputFile(path), Article{}};
  if (input.text) input.article = ArticleFrom(*input.text, path);
  return input;
}

// Whether both inputs are regular files long enough that reading the new
// one on a second thread, while the old one is read and parsed, pays for
// starting it (~50 us; reading and parsing 100,000 words of text takes
// ~1 ms). Parsing stays on this thread: a thread that allocates the
// parsed paragraphs grows a malloc arena of its own. Standard input is
// never read ahead: an error about OLD must not wait for it.
bool WorthReadingApart(const std::string& old_path, const std::string& new_path) {
  constexpr std::uintmax_t kParallelBytes = 256 * 1024;
  std::uintmax_t bytes = 0;
  for (const std::string* path : {&old_path, &new_path}) {
    std::error_code error;
    if (*path == "-" || !std::filesystem::is_regular_file(*path, error)) return false;
    const std::uintmax_t size = std::filesystem::file_size(*path, error);
    if (error) return false;
    bytes += size;
  }
  return bytes >= kParallelBytes;
}

struct CompareArgs {
  std::string old_path;
  std::string new_path;
  std::string format;  // "" = ansi on a terminal, text otherwise
  bool json = false;
  std::vector<std::string> lexicons;
};

void Print(const ArticleDiff& diff, const std::string& format) {
  if (format == "json") {
    std::cout << RenderDiffJson(diff);
    return;
  }
  if (format == "html") {
    WriteDiff(diff, DiffStyle::kHtml, std::cout);
    return;
  }
  const bool ansi = format == "ansi" || (format.empty() && StdoutWantsColor());
  std::cout << RenderSummary(diff) << "\n";
  if (diff.HasChanges()) {
    std::cout << "\n";
    WriteDiff(diff, ansi ? DiffStyle::kAnsi : DiffStyle::kText, std::cout);
  }
}

int RunCompare(const CliContext& ctx, const CompareArgs& args) {
  PadHeapGrowth();
  const std::string& old_path = args.old_path;
  const std::string& new_path = args.new_path;
  if (old_path == "-" && new_path == "-") {
    std::cerr << "revwatch: only one of OLD and NEW can be standard input\n";
    return kExitUsage;
  }
  // Long files are read side by side; errors are reported in the order
  // the one-after-the-other path meets them.
  Input old_input;
  Input new_input;
  if (WorthReadingApart(old_path, new_path)) {
    std::future<Result<std::string>> reading =
        std::async(std::launch::async, ReadInputFile, new_path);
    old_input = Load(old_path);
    new_input.text = reading.get();
    if (new_input.text) new_input.article = ArticleFrom(*new_input.text, new_path);
  } else {
    old_input.text = ReadInputFile(old_path);
    if (!old_input.text) return ReportError(old_input.text.error());
    new_input.text = ReadInputFile(new_path);
    if (!new_input.text) return ReportError(new_input.text.error());
    old_input.article = ArticleFrom(*old_input.text, old_path);
    if (old_input.article) new_input.article = ArticleFrom(*new_input.text, new_path);
  }
  auto& old_text = old_input.text;
  auto& new_text = new_input.text;
  auto& old_article = old_input.article;
  auto& new_article = new_input.article;
  if (!old_text) return ReportError(old_text.error());
  if (!new_text) return ReportError(new_text.error());
  if (!old_article) return ReportError(old_article.error());
  if (!new_article) return ReportError(new_article.error());
  // Word lists from the configuration, then those given here.
  auto config = LoadConfig(ctx.config_path);
  if (!config) return ReportError(config.error());
  std::vector<std::string> lexicons = config->lexicons;
  lexicons.insert(lexicons.end(), args.lexicons.begin(), args.lexicons.end());
  std::optional<Lexicon> extended;
  if (!lexicons.empty()) {
    auto lexicon = LexiconWith(lexicons);
    if (!lexicon) return ReportError(lexicon.error());
    extended = std::move(*lexicon);
  }
  // The raw files matter only for this; freed before the comparison, which
  // on long articles is what sets the peak memory.
  // (Swapped out: assigning an empty string would keep the capacity.)
  const bool files_differ = *old_text != *new_text;
  std::string().swap(*old_text);
  std::string().swap(*new_text);
  ArticleDiff diff =
      DiffArticles(*old_article, *new_article, extended ? *extended : Lexicon::BuiltIn());
  if (files_differ) MarkInvisibleChange(diff);  // e.g. whitespace only
  Print(diff, args.json ? "json" : args.format);
  return kExitOk;
}

}  // namespace

void RegisterCompareCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* compare =
      app.add_subcommand("compare", "Word diff of two article files")
          ->footer("Files hold the headline, a blank line, then paragraphs\n"
                   "separated by blank lines (what `revwatch extract` prints);\n"
                   "HTML files are extracted first. Tags: headline, denial,\n"
                   "negation, quote, number, entity, attribution, paragraph-added,\n"
                   "paragraph-removed, correction (substantive); moved, reworded,\n"
                   "cosmetic, boilerplate (not).\n"
                   "Examples:\n  revwatch compare before.txt after.txt\n"
                   "  revwatch compare --json before.html after.html\n"
                   "  revwatch compare --lexicon my-words.txt a.txt b.txt");
  compare->add_option("old", args->old_path, "Older version")->required();
  compare->add_option("new", args->new_path, "Newer version")->required();
  compare->add_option("--format", args->format, "ansi, text, html or json (default: ansi on a terminal, else text)")
      ->check(CLI::IsMember({"ansi", "text", "html", "json"}));
  compare->add_flag("--json", args->json, "Same as --format json");
  compare->add_option("--lexicon", args->lexicons,
                      "Extra word lists (format of diff/lexicon/en.txt); repeatable");
  compare->callback([&ctx, args] { ctx.exit_code = RunCompare(ctx, *args); });
}

}  // namespace revwatch
