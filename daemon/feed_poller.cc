#include "daemon/feed_poller.h"

#include <algorithm>
#include <unordered_set>

#include "core/url_canon.h"
#include "core/url_host.h"
#include "daemon/schedule_policy.h"

namespace revwatch {
namespace {

// The entries to record: canonical URLs, each once, in feed order, none on
// a private address unless `private_ok`.
std::vector<FeedEntry> EntriesOf(const std::vector<FeedItem>& items, bool private_ok,
                                 int& private_links) {
  std::vector<FeedEntry> entries;
  entries.reserve(items.size());
  std::unordered_set<std::string> seen;
  seen.reserve(items.size());
  for (const FeedItem& item : items) {
    FeedEntry entry;
    entry.url = CanonicalUrl(item.url);
    if (!private_ok && IsPrivateHost(HostOf(entry.url))) {
      ++private_links;
      continue;
    }
    if (!seen.insert(entry.url).second) continue;
    entry.title = item.title;
    entry.summary = item.summary;
    entry.published = item.published;
    entry.published_at = item.published_at;
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

Result<ParsedFeed> FeedPoller::FetchFeed(const FetchRequest& request, FetchedPage& page,
                                         const std::function<void()>& after_fetch) {
  auto fetched = fetcher_.Fetch(request);
  if (after_fetch) after_fetch();
  if (!fetched) return tl::unexpected(fetched.error());
  page = std::move(*fetched);
  if (page.NotModified()) return ParsedFeed{};
  if (page.status < 200 || page.status > 299) {
    return MakeError(ErrorCode::kHttpStatus,
                     request.url + ": HTTP " + std::to_string(page.status));
  }
  const std::string& url = page.final_url.empty() ? request.url : page.final_url;
  if (LooksLikeHtml(page.content_type, page.body)) {
    const auto announced = DiscoverFeeds(page.body, url);
    return MakeError(ErrorCode::kParse,
                     request.url + ": an HTML page, not a feed" +
                         (announced.empty() ? std::string(" (it announces no feed)")
                                            : "; it announces " + announced.front()));
  }
  auto parsed = ParseFeed(page.body, url, options_.limits);
  if (!parsed) return MakeError(ErrorCode::kParse, request.url + ": " + parsed.error().message);
  return parsed;
}

// A sitemap index's sitemaps, newest first, up to max_sitemaps, fetched
// whole (their validators are not kept). One that fails is a warning; all
// failing fails the poll.
void FeedPoller::ReadSitemaps(ParsedFeed& index, FeedPollReport& report,
                              const std::function<void()>& after_fetch) {
  const std::size_t count =
      std::min(index.sitemaps.size(), static_cast<std::size_t>(options_.max_sitemaps));
  for (std::size_t i = 0; i < count; ++i) {
    FetchedPage page;
    auto child = FetchFeed({index.sitemaps[i], "", ""}, page, after_fetch);
    if (!child) {
      report.warnings.push_back(child.error().message);
      ++report.failed_sitemaps;
    } else if (child->format == FeedFormat::kSitemapIndex) {
      report.warnings.push_back(index.sitemaps[i] + ": an index inside an index, not read");
      ++report.failed_sitemaps;
    } else {
      for (FeedItem& item : child->items) index.items.push_back(std::move(item));
      index.skipped += child->skipped;
      index.truncated = index.truncated || child->truncated;
    }
  }
  if (index.sitemaps.size() > count) {
    report.warnings.push_back(std::to_string(index.sitemaps.size() - count) +
                              " older sitemaps in the index not read (the newest " +
                              std::to_string(count) + " were)");
  }
}

Result<FeedPollReport> FeedPoller::Poll(const Feed& feed, UnixSeconds now,
                                        const std::function<void()>& after_fetch) {
  FeedPoll poll;
  poll.polled_at = now;
  const UnixSeconds interval = std::max<UnixSeconds>(60, feed.every_seconds);
  auto fail = [&](const Error& error) -> Result<FeedPollReport> {
    poll.failures = feed.failures + 1;
    poll.error = error.message;
    poll.next_poll_at = now + BackedOff(interval, poll.failures, options_.max_backoff);
    if (Status s = store_.RecordFeedPoll(feed.id, poll); !s) return tl::unexpected(s.error());
    return tl::unexpected(error);
  };

  // An index is fetched whole: a 304 for it would hide its sitemaps'
  // new articles.
  const bool index = feed.format == FeedFormatName(FeedFormat::kSitemapIndex);
  FetchedPage page;
  auto parsed = FetchFeed({feed.url, index ? "" : feed.etag, index ? "" : feed.last_modified},
                          page, after_fetch);
  if (!parsed) return fail(parsed.error());
  FeedPollReport report;
  poll.next_poll_at = now + interval;
  if (page.NotModified()) {
    report.not_modified = true;
    if (Status s = store_.RecordFeedPoll(feed.id, poll); !s) return tl::unexpected(s.error());
    return report;
  }
  if (parsed->format == FeedFormat::kSitemapIndex) {
    ReadSitemaps(*parsed, report, after_fetch);
    if (report.failed_sitemaps > 0 &&
        report.failed_sitemaps == std::min<int>(static_cast<int>(parsed->sitemaps.size()),
                                                options_.max_sitemaps)) {
      return fail(Error{ErrorCode::kParse, feed.url + ": none of its sitemaps could be read: " +
                                               report.warnings.front()});
    }
  }
  const bool private_ok = IsPrivateHost(HostOf(feed.url));
  const std::vector<FeedEntry> entries =
      EntriesOf(parsed->items, private_ok, report.private_links);
  // A plain sitemap lists a site's whole backlog, mostly undated: what it
  // lists at the first poll is not news. Later, a new URL is.
  const bool backlog = feed.items == 0 && (parsed->format == FeedFormat::kSitemap ||
                                           parsed->format == FeedFormat::kSitemapIndex);
  auto reconciled = store_.ReconcileFeed(feed.id, entries, now, /*watch_undated=*/!backlog);
  if (!reconciled) return fail(reconciled.error());
  report.format = std::string(FeedFormatName(parsed->format));
  report.title = parsed->title;
  report.items = static_cast<int>(entries.size());
  report.skipped = parsed->skipped;
  report.truncated = parsed->truncated;
  report.reconciliation = std::move(*reconciled);
  poll.fetched = true;
  poll.title = report.title;
  poll.format = report.format;
  if (parsed->format != FeedFormat::kSitemapIndex) {
    poll.etag = page.etag;
    poll.last_modified = page.last_modified;
  }
  if (Status s = store_.RecordFeedPoll(feed.id, poll); !s) return tl::unexpected(s.error());
  return report;
}

std::string DescribeFeedCycle(const FeedCycle& cycle) {
  if (cycle.polled == 0) return "";
  std::string line = std::to_string(cycle.polled) + (cycle.polled == 1 ? " feed" : " feeds") +
                     " polled, " + std::to_string(cycle.new_watches) + " new watches";
  if (cycle.retitled > 0) line += ", " + std::to_string(cycle.retitled) + " retitled";
  if (cycle.failed > 0) line += ", " + std::to_string(cycle.failed) + " failed";
  return line;
}

}  // namespace revwatch
