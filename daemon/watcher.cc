#include "daemon/watcher.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>

#include "core/ascii.h"
#include "core/digest.h"
#include "core/timestamp.h"
#include "diff/word_diff.h"
#include "extract/charset.h"
#include "extract/extract_article.h"

namespace revwatch {
namespace {

// Retry-After from a raw header block: delta-seconds or an HTTP-date;
// 0 when absent or unreadable. Capped at a week.
UnixSeconds RetryAfterSeconds(std::string_view headers, UnixSeconds now) {
  constexpr UnixSeconds kMaxWait = 7 * 24 * 3600;
  std::size_t pos = 0;
  while (pos < headers.size()) {
    std::size_t end = headers.find('\n', pos);
    if (end == std::string_view::npos) end = headers.size();
    std::string_view line = headers.substr(pos, end - pos);
    pos = end + 1;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (!EqualsIgnoreAsciiCase(line.substr(0, colon), "retry-after")) continue;
    std::string value(line.substr(colon + 1));
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r") + 1);
    if (!value.empty() && std::all_of(value.begin(), value.end(),
                                      [](unsigned char c) { return std::isdigit(c); })) {
      return value.size() > 7 ? kMaxWait : std::min<UnixSeconds>(kMaxWait, std::stoll(value));
    }
    if (const auto at = ParseInternetTime(value)) {  // an HTTP-date
      return std::clamp<UnixSeconds>(*at - now, 0, kMaxWait);
    }
    return 0;
  }
  return 0;
}

FetchRecord RecordOf(const FetchedPage& page, UnixSeconds at) {
  FetchRecord fetch;
  fetch.fetched_at = at;
  fetch.http_status = page.status;
  fetch.final_url = page.final_url;
  fetch.etag = page.etag;
  fetch.last_modified = page.last_modified;
  fetch.bytes = static_cast<std::int64_t>(page.body.size());
  return fetch;
}

ChangeRecord FirstRevisionChange(const Article& article) {
  ChangeRecord change;
  change.paragraphs_added = static_cast<int>(article.paragraphs.size());
  for (const std::string& p : article.paragraphs) {
    change.words_added += CountWords(p);
  }
  return change;
}

ChangeRecord ChangeOf(const ArticleDiff& diff) {
  ChangeRecord change;
  change.words_added = diff.stats.words_added;
  change.words_removed = diff.stats.words_removed;
  change.paragraphs_added = diff.stats.paragraphs_added;
  change.paragraphs_removed = diff.stats.paragraphs_removed;
  change.paragraphs_changed = diff.stats.paragraphs_changed;
  change.paragraphs_moved = diff.stats.paragraphs_moved;
  change.tags = diff.tags;
  change.substantive = diff.substantive;
  change.score = diff.score;
  return change;
}

// Records a failed attempt and returns the error to report. If even the
// record fails, both reasons are reported.
tl::unexpected<Error> Fail(RevisionStore& store, const Watch& watch,
                           FetchRecord fetch, Error error) {
  fetch.error = error.message;
  if (Status s = store.RecordFailedCheck(watch.id, fetch); !s) {
    error.message += " (and recording the attempt failed: " +
                     s.error().message + ")";
  }
  return tl::unexpected(std::move(error));
}

int WordsOf(const Article& article) {
  int words = CountWords(article.title);
  for (const std::string& p : article.paragraphs) words += CountWords(p);
  return words;
}

// A version this much shorter than a substantial last one is more likely a
// broken page than an edit.
bool Collapsed(int before, int after) {
  constexpr int kSubstantialWords = 100;
  constexpr double kFraction = 0.3;
  return before >= kSubstantialWords && after < kFraction * before;
}

bool ContainsAny(const std::string& haystack, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(), [&](std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
  });
}

// Pages served with 200 that are not the article: a bot check or an
// "enable JavaScript" shell (short text saying so), or a redirect to a
// login, consent or subscription page. "" when the page looks like one.
std::string SoftError(const FetchedPage& page, const Article& article, const std::string& url) {
  if (page.final_url != url) {
    const std::string target = AsciiLower(page.final_url);
    if (ContainsAny(target, {"/login", "/signin", "/sign-in", "/auth", "/consent",
                             "consent.", "/subscribe", "/paywall", "/register"})) {
      return "redirected to " + page.final_url;
    }
  }
  constexpr int kShortPage = 120;
  if (WordsOf(article) >= kShortPage) return "";
  const std::string text = AsciiLower(article.title + " " + [&] {
    std::string joined;
    for (const std::string& p : article.paragraphs) joined += p + " ";
    return joined;
  }());
  if (ContainsAny(text, {"enable javascript", "javascript is disabled", "javascript is required",
                         "captcha", "verify you are human", "are you a robot",
                         "unusual traffic", "access denied", "checking your browser",
                         "subscribe to continue", "to continue reading", "sign in to continue",
                         "увімкніть javascript", "включите javascript", "подтвердите, что вы не робот",
                         "підтвердіть, що ви не робот"})) {
    return "the page is a bot check, script shell or paywall";
  }
  return "";
}

CheckReport Report(CheckOutcome outcome, int revision) {
  CheckReport report;
  report.outcome = outcome;
  report.revision = revision;
  return report;
}

std::string StatusReason(long status) {
  return "HTTP " + std::to_string(status);
}

}  // namespace

Result<CheckReport> Watcher::Check(const Watch& watch) {
  retry_after_ = 0;
  // The stored version is read only once the page has come back changed:
  // most checks end in a 304, which needs only its number.
  FetchRequest request{watch.url, "", ""};
  if (watch.revisions > 0) {  // validators only mean something once we hold a version
    request.etag = watch.etag;
    request.last_modified = watch.last_modified;
  }
  const UnixSeconds now = NowUnixSeconds();
  auto page = fetcher_.Fetch(request);
  if (!page) {
    FetchRecord fetch;
    fetch.fetched_at = now;
    return Fail(store_, watch, fetch, page.error());
  }
  const FetchRecord fetch = RecordOf(*page, now);

  if (page->NotModified() && watch.revisions > 0) {
    // Revision numbers run 1..n without gaps, so the latest is the count.
    if (Status s = store_.RecordUnchangedCheck(watch.id, fetch, watch.revisions); !s) {
      return tl::unexpected(s.error());
    }
    return Report(CheckOutcome::kNotModified, watch.revisions);
  }
  if (page->status == 429 || page->status == 503) {
    retry_after_ = RetryAfterSeconds(page->headers, now);
  }
  if (page->status < 200 || page->status > 299) {
    return Fail(store_, watch, fetch,
                Error{ErrorCode::kHttpStatus,
                      watch.url + ": " + StatusReason(page->status)});
  }

  ExtractOptions options;
  options.http_charset = CharsetFromContentType(page->content_type);
  options.page_url = page->final_url;
  auto extracted = ExtractArticle(page->body, options);
  if (!extracted) {
    return Fail(store_, watch, fetch,
                Error{extracted.error().code,
                      watch.url + ": " + extracted.error().message});
  }
  const Article& article = extracted->article;
  const std::string text_hash = Sha256Hex(FormatArticleText(article));
  auto latest = store_.LatestRevision(watch.id);
  if (!latest) return tl::unexpected(latest.error());

  if (*latest && (*latest)->text_hash == text_hash) {
    if (Status s = store_.RecordUnchangedCheck(watch.id, fetch, (*latest)->number);
        !s) {
      return tl::unexpected(s.error());
    }
    if (!watch.suspect_hash.empty()) (void)store_.SetSuspect(watch.id, "");
    return Report(CheckOutcome::kUnchanged, (*latest)->number);
  }
  if (const std::string soft = SoftError(*page, article, watch.url); !soft.empty()) {
    return Fail(store_, watch, fetch,
                Error{ErrorCode::kHttpStatus, watch.url + ": " + soft + "; not a revision"});
  }
  if (*latest && watch.suspect_hash != text_hash) {
    const int before = WordsOf((*latest)->article);
    const int after = WordsOf(article);
    if (Collapsed(before, after)) {
      FetchRecord suspect = fetch;
      suspect.error = "suspect: text shrank from " + std::to_string(before) + " to " +
                      std::to_string(after) + " words; kept until a later check confirms it";
      if (Status s = store_.RecordFailedCheck(watch.id, suspect); !s) {
        return tl::unexpected(s.error());
      }
      if (Status s = store_.SetSuspect(watch.id, text_hash); !s) return tl::unexpected(s.error());
      return Report(CheckOutcome::kSuspect, (*latest)->number);
    }
  }
  if (!watch.suspect_hash.empty()) (void)store_.SetSuspect(watch.id, "");

  NewRevision revision;
  revision.article = article;
  revision.text_hash = text_hash;
  revision.snapshot = {std::move(page->body), std::move(page->headers),
                       extracted->charset};
  CheckReport report = Report(CheckOutcome::kNewRevision, 0);
  if (*latest) {
    const ArticleDiff diff = DiffArticles((*latest)->article, article, lexicon_);
    revision.change = ChangeOf(diff);
    revision.parent_number = (*latest)->number;
  } else {
    revision.change = FirstRevisionChange(article);
  }
  revision.alerts =
      AlertsFor(watch, revision.change, revision.parent_number + 1, alert_policy_);
  report.tags = revision.change.tags;
  report.substantive = revision.change.substantive;
  report.words_added = revision.change.words_added;
  report.words_removed = revision.change.words_removed;

  auto number = store_.RecordNewRevision(watch.id, fetch, revision);
  if (!number) return tl::unexpected(number.error());
  report.revision = *number;
  return report;
}

}  // namespace revwatch
