// revwatch log | show | diff: reading a watch's revision history.
#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <utility>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "core/timestamp.h"
#include "diff/blame.h"
#include "diff/diff_render.h"
#include "diff/word_diff.h"

namespace revwatch {
namespace {

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& tag : tags) out += (out.empty() ? "" : ", ") + tag;
  return out;
}

struct LogArgs {
  std::string target;
  bool json = false;
  bool substantive = false;  // only revisions whose change is substantive
  bool patch = false;        // each revision's diff inline
};

int RunLog(const CliContext& ctx, const LogArgs& args) {
  const bool json = args.json;
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(args.target);
  if (!watch) return ReportError(watch.error());
  auto revisions = (*store)->ListRevisions(watch->id);
  if (!revisions) return ReportError(revisions.error());
  if (args.substantive) {
    std::erase_if(*revisions, [](const RevisionSummary& r) { return !r.change.substantive; });
  }

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
    std::cout << "revision " << r.number << "  " << HumanTime(r.first_seen)
              << (r.last_seen > r.first_seen ? " .. " + HumanTime(r.last_seen) : "")
              << "  +" << r.change.words_added << " -" << r.change.words_removed
              << " words";
    if (!r.change.tags.empty()) std::cout << "  [" << JoinTags(r.change.tags) << "]";
    std::cout << "\n    " << r.title << "\n";
    if (args.patch && r.number > 1) {
      auto older = (*store)->GetRevision(watch->id, r.number - 1);
      auto newer = (*store)->GetRevision(watch->id, r.number);
      if (!older) return ReportError(older.error());
      if (!newer) return ReportError(newer.error());
      std::cout << "\n"
                << RenderDiff(DiffArticles(older->article, newer->article),
                              StdoutWantsColor() ? DiffStyle::kAnsi : DiffStyle::kText)
                << "\n";
    }
  }
  return kExitOk;
}

struct ShowArgs {
  std::string target;
  int number = 0;
  bool raw = false;      // the stored page bytes
  bool headers = false;  // the response headers
  bool meta = false;     // charset, hashes, fetch time
};

int RunShow(const CliContext& ctx, const ShowArgs& args) {
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(args.target);
  if (!watch) return ReportError(watch.error());
  std::optional<StoredRevision> revision;
  if (args.number == 0) {
    auto latest = (*store)->LatestRevision(watch->id);
    if (!latest) return ReportError(latest.error());
    if (!*latest) {
      return ReportError({ErrorCode::kNotFound,
                          watch->url + ": no revisions yet; `revwatch check " +
                              std::to_string(watch->id) + "` fetches one"});
    }
    revision = std::move(**latest);
  } else {
    auto numbered = (*store)->GetRevision(watch->id, args.number);
    if (!numbered) return ReportError(numbered.error());
    revision = std::move(*numbered);
  }
  if (!args.raw && !args.headers && !args.meta) {
    std::cout << FormatArticleText(revision->article);
    return kExitOk;
  }
  auto page = (*store)->GetSnapshot(watch->id, revision->number);
  if (!page) return ReportError(page.error());
  if (args.meta) {
    std::cout << "revision: " << revision->number << "\nfirst seen: "
              << FormatIso8601Utc(revision->first_seen)
              << "\nlast seen: " << FormatIso8601Utc(revision->last_seen)
              << "\nfetched: " << FormatIso8601Utc(page->fetched_at)
              << "\nurl: " << (page->final_url.empty() ? watch->url : page->final_url)
              << "\nhttp status: " << page->http_status << "\ncharset: " << page->charset
              << "\npage bytes: " << page->body.size() << "\npage sha256: " << page->sha256
              << "\ntext sha256: " << revision->text_hash << "\n";
  }
  if (args.headers) std::cout << page->headers;
  if (args.raw) std::cout << page->body;
  return kExitOk;
}

int RunDiff(const CliContext& ctx, const std::string& target, std::vector<int> numbers,
            const std::string& format, int context) {
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
  if (format == "json") {
    std::cout << RenderDiffJson(diff);
    return kExitOk;
  }
  if (format == "html") {
    std::cout << RenderDiffWithContext(diff, DiffStyle::kHtml, newer->article, context);
    return kExitOk;
  }
  const bool ansi = format == "ansi" || (format.empty() && StdoutWantsColor());
  std::cout << "revision " << older->number << " (" << FormatIso8601Utc(older->first_seen)
            << ") -> revision " << newer->number << " ("
            << FormatIso8601Utc(newer->first_seen) << ")\n"
            << RenderSummary(diff) << "\n\n"
            << RenderDiffWithContext(diff, ansi ? DiffStyle::kAnsi : DiffStyle::kText,
                                     newer->article, context);
  return kExitOk;
}

// The version live at `when`: the newest first seen at or before it.
int RunAt(const CliContext& ctx, const std::string& target, const std::string& when) {
  const auto at = ParseTime(when, NowUnixSeconds());
  if (!at) {
    std::cerr << "revwatch: at: \"" << when
              << "\" is not a time; write 2026-01-27, 2026-01-27T13:36Z or \"2 days ago\"\n";
    return kExitUsage;
  }
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(target);
  if (!watch) return ReportError(watch.error());
  auto revisions = (*store)->ListRevisions(watch->id);  // newest first
  if (!revisions) return ReportError(revisions.error());
  if (revisions->empty()) {
    return ReportError({ErrorCode::kNotFound, watch->url + ": no revisions yet"});
  }
  for (const RevisionSummary& r : *revisions) {
    if (r.first_seen > *at) continue;
    auto revision = (*store)->GetRevision(watch->id, r.number);
    if (!revision) return ReportError(revision.error());
    std::cerr << "revision " << r.number << ", first seen " << FormatIso8601Utc(r.first_seen)
              << ", last seen " << FormatIso8601Utc(r.last_seen) << "\n";
    std::cout << FormatArticleText(revision->article);
    return kExitOk;
  }
  std::cerr << "revwatch: " << watch->url << ": nothing was seen by " << FormatIso8601Utc(*at)
            << "; the first revision was first seen " << FormatIso8601Utc(revisions->back().first_seen)
            << "\n";
  return kExitFailure;
}

// Each paragraph of the latest version with the revision that gave it its
// current wording; a paragraph whose sentences come from several revisions
// is shown sentence by sentence.
int RunBlame(const CliContext& ctx, const std::string& target, bool json) {
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(target);
  if (!watch) return ReportError(watch.error());
  auto summaries = (*store)->ListRevisions(watch->id);  // newest first
  if (!summaries) return ReportError(summaries.error());
  if (summaries->empty()) {
    return ReportError({ErrorCode::kNotFound, watch->url + ": no revisions yet"});
  }
  std::vector<std::pair<int, Article>> versions;
  std::map<int, UnixSeconds> seen;
  for (auto it = summaries->rbegin(); it != summaries->rend(); ++it) {
    auto revision = (*store)->GetRevision(watch->id, it->number);
    if (!revision) return ReportError(revision.error());
    versions.emplace_back(it->number, std::move(revision->article));
    seen[it->number] = it->first_seen;
  }
  const ArticleBlame blame = BlameArticle(versions);
  if (json) {
    nlohmann::json paragraphs = nlohmann::json::array();
    for (const BlamedParagraph& p : blame.paragraphs) {
      nlohmann::json sentences = nlohmann::json::array();
      for (const BlamedSentence& s : p.sentences) {
        sentences.push_back({{"text", s.text}, {"revision", s.revision}});
      }
      paragraphs.push_back({{"revision", p.revision}, {"sentences", sentences}});
    }
    std::cout << nlohmann::json{{"url", watch->url},
                                {"headline",
                                 {{"text", blame.headline.text},
                                  {"revision", blame.headline.revision}}},
                                {"paragraphs", paragraphs}}
                     .dump(2)
              << "\n";
    return kExitOk;
  }
  auto mark = [&seen](int revision) {
    return "r" + std::to_string(revision) + " " + FormatIso8601Utc(seen[revision]).substr(0, 10);
  };
  std::cout << mark(blame.headline.revision) << "  # " << blame.headline.text << "\n";
  for (const BlamedParagraph& p : blame.paragraphs) {
    if (!p.mixed) {
      std::string text;
      for (const BlamedSentence& s : p.sentences) text += (text.empty() ? "" : " ") + s.text;
      std::cout << mark(p.revision) << "  " << text << "\n";
      continue;
    }
    std::cout << mark(p.revision) << "  (edited; by sentence:)\n";
    for (const BlamedSentence& s : p.sentences) {
      std::cout << "  " << mark(s.revision) << "  " << s.text << "\n";
    }
  }
  return kExitOk;
}

struct SearchArgs {
  std::string query;
  std::string url;
  std::string since;
  bool removed = false;  // only articles whose latest version no longer says it
  bool fts = false;      // the query is FTS5 syntax, not a phrase
  bool json = false;
};

// FTS5 phrase for the words of `query`: "totally false" finds those two
// words in a row, in any case.
std::string Phrase(const std::string& query) {
  std::string out = "\"";
  for (char c : query) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

int RunSearch(const CliContext& ctx, const SearchArgs& args) {
  UnixSeconds since = 0;
  if (!args.since.empty()) {
    const auto parsed = ParseTime(args.since, NowUnixSeconds());
    if (!parsed) {
      std::cerr << "revwatch: search: --since \"" << args.since << "\" is not a time\n";
      return kExitUsage;
    }
    since = *parsed;
  }
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  WatchId watch = 0;
  if (!args.url.empty()) {
    auto found = (*store)->FindWatch(args.url);
    if (!found) return ReportError(found.error());
    watch = found->id;
  }
  const bool color = !args.json && StdoutWantsColor();
  auto hits = (*store)->Search(args.fts ? args.query : Phrase(args.query), watch, since,
                               color ? "\x1b[1;33m" : (args.json ? "" : "**"),
                               color ? "\x1b[0m" : (args.json ? "" : "**"));
  if (!hits) return ReportError(hits.error());
  // One result per article: the revisions that say it, and where.
  struct Article {
    const SearchHit* last = nullptr;
    std::vector<int> revisions;
  };
  std::vector<Article> articles;
  for (const SearchHit& hit : *hits) {
    if (articles.empty() || articles.back().last->watch_id != hit.watch_id) articles.push_back({});
    articles.back().last = &hit;
    articles.back().revisions.push_back(hit.number);
  }
  if (args.removed) {
    std::erase_if(articles, [](const Article& a) { return a.revisions.back() == a.last->latest; });
  }
  nlohmann::json list = nlohmann::json::array();
  for (const Article& a : articles) {
    if (args.json) {
      list.push_back({{"url", a.last->url},
                      {"revisions", a.revisions},
                      {"latest", a.last->latest},
                      {"still_there", a.revisions.back() == a.last->latest},
                      {"snippet", a.last->snippet}});
      continue;
    }
    std::string numbers;
    for (int n : a.revisions) numbers += (numbers.empty() ? "" : ",") + std::to_string(n);
    std::cout << a.last->url << "\n  revisions " << numbers << " of " << a.last->latest
              << (a.revisions.back() == a.last->latest
                      ? ""
                      : "; gone since revision " + std::to_string(a.revisions.back() + 1))
              << "\n  " << a.last->snippet << "\n";
  }
  if (args.json) std::cout << list.dump(2) << "\n";
  return articles.empty() ? kExitFailure : kExitOk;
}

}  // namespace

void RegisterHistoryCommands(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string target;
    bool json = false;
    int number = 0;
    std::vector<int> numbers;
  };
  auto log_args = std::make_shared<LogArgs>();
  CLI::App* log = app.add_subcommand("log", "List a watch's revisions, newest first")
                      ->footer("Examples:\n  revwatch log https://example.org/news/1 --json\n"
                               "  revwatch log 3 --substantive -p");
  log->add_option("watch", log_args->target, "URL or watch id")->required();
  log->add_flag("--json", log_args->json, "Print JSON");
  log->add_flag("--substantive", log_args->substantive, "Only substantive edits");
  log->add_flag("-p,--patch", log_args->patch, "Show each revision's word diff");
  log->callback([&ctx, log_args] {
    ctx.exit_code = WithPager([&] { return RunLog(ctx, *log_args); });
  });

  auto show_args = std::make_shared<ShowArgs>();
  CLI::App* show = app.add_subcommand("show", "Print the article text of a revision")
                       ->footer("Examples:\n  revwatch show 3 2   (revision 2 of watch 3)\n"
                                "  revwatch show 3 --raw > page.html\n  revwatch show 3 --meta");
  show->add_option("watch", show_args->target, "URL or watch id")->required();
  show->add_option("revision", show_args->number, "Revision number (default: latest)")
      ->check(CLI::PositiveNumber);
  show->add_flag("--raw", show_args->raw, "The stored page bytes instead of the article");
  show->add_flag("--headers", show_args->headers, "The response headers");
  show->add_flag("--meta", show_args->meta, "Charset, hashes and fetch times");
  show->callback([&ctx, show_args] {
    ctx.exit_code = show_args->raw ? RunShow(ctx, *show_args)
                                   : WithPager([&] { return RunShow(ctx, *show_args); });
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
  auto diff_format = std::make_shared<std::string>();
  auto diff_context = std::make_shared<int>(0);
  diff->add_option("--context,-C", *diff_context,
                   "Show N unchanged paragraphs around each change")
      ->check(CLI::NonNegativeNumber);
  diff->add_option("--format", *diff_format,
                   "ansi, text, html or json (default: ansi on a terminal, else text)")
      ->check(CLI::IsMember({"ansi", "text", "html", "json"}));
  diff->callback([&ctx, diff_args, diff_format, diff_context] {
    ctx.exit_code = WithPager(
        [&] {
          return RunDiff(ctx, diff_args->target, diff_args->numbers, *diff_format, *diff_context);
        });
  });

  auto at_args = std::make_shared<std::pair<std::string, std::string>>();
  CLI::App* at = app.add_subcommand("at", "Print the version that was live at a time")
                     ->footer("Examples:\n  revwatch at 3 2026-01-27T13:36Z\n"
                              "  revwatch at https://example.org/news/1 '2 days ago'");
  at->add_option("watch", at_args->first, "URL or watch id")->required();
  at->add_option("time", at_args->second,
                 "ISO 8601 (UTC unless it says otherwise) or \"N minutes|hours|days ago\"")
      ->required();
  at->callback([&ctx, at_args] { ctx.exit_code = RunAt(ctx, at_args->first, at_args->second); });

  auto blame_args = std::make_shared<Args>();
  CLI::App* blame =
      app.add_subcommand("blame", "Show which revision gave each paragraph its wording")
          ->footer("Each paragraph of the latest version, with the revision (and its date)\n"
                   "that introduced its current wording; an edited paragraph whose sentences\n"
                   "come from several revisions is shown sentence by sentence.\n"
                   "Example: revwatch blame https://example.org/news/1");
  blame->add_option("watch", blame_args->target, "URL or watch id")->required();
  blame->add_flag("--json", blame_args->json, "Print JSON");
  blame->callback([&ctx, blame_args] {
    ctx.exit_code = WithPager([&] { return RunBlame(ctx, blame_args->target, blame_args->json); });
  });

  auto search_args = std::make_shared<SearchArgs>();
  CLI::App* search =
      app.add_subcommand("search", "Search every stored version of every article")
          ->footer("Examples:\n  revwatch search 'totally false'\n"
                   "  revwatch search 'totally false' --removed   (said it, then took it out)\n"
                   "  revwatch search 'спростував' --since '7 days ago'\n"
                   "  revwatch search --fts 'denied NEAR(report, 5)'\n"
                   "Exit 1 when nothing matches.");
  search->add_option("query", search_args->query, "Words to find, in this order")->required();
  search->add_option("--url", search_args->url, "Only this watch (URL or id)");
  search->add_option("--since", search_args->since, "Only versions first seen since then");
  search->add_flag("--removed", search_args->removed,
                   "Only articles whose latest version no longer says it");
  search->add_flag("--fts", search_args->fts, "QUERY is SQLite FTS5 syntax (AND, OR, NEAR, *)");
  search->add_flag("--json", search_args->json, "Print JSON");
  search->callback([&ctx, search_args] {
    ctx.exit_code = WithPager([&] { return RunSearch(ctx, *search_args); });
  });
}

}  // namespace revwatch
