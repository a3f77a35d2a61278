#include "daemon/feed_poller.h"

#include <algorithm>
#include <unordered_set>

#include "core/url_canon.h"

namespace revwatch {
namespace {

// The entries to record: canonical URLs, each once, in feed order.
std::vector<FeedEntry> EntriesOf(const std::vector<FeedItem>& items) {
  std::vector<FeedEntry> entries;
  entries.reserve(items.size());
  std::unordered_set<std::string> seen;
  seen.reserve(items.size());
  for (const FeedItem& item : items) {
    FeedEntry entry;
    entry.url = CanonicalUrl(item.url);
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

Result<ParsedFeed> FeedPoller::FetchFeed(const FetchRequest& request, FetchedPage& page) {
  auto fetched = fetcher_.Fetch(request);
  if (!fetched) return tl::unexpected(fetched.error());
  page = std::move(*fetched);
  if (page.NotModified()) return ParsedFeed{};
  if (page.status < 200 || page.status > 299) {
    return MakeError(ErrorCode::kHttpStatus,
                     request.url + ": HTTP " + std::to_string(page.status));
  }
  if (LooksLikeHtml(page.content_type, page.body)) {
    const auto announced = DiscoverFeeds(page.body, page.final_url.empty() ? request.url
                                                                           : page.final_url);
    return MakeError(ErrorCode::kParse,
                     request.url + ": an HTML page, not a feed" +
                         (announced.empty() ? std::string(" (it announces no feed)")
                                            : "; it announces " + announced.front()));
  }
  auto parsed = ParseFeed(page.body, page.final_url.empty() ? request.url : page.final_url,
                          options_.limits);
  if (!parsed) return MakeError(ErrorCode::kParse, request.url + ": " + parsed.error().message);
  return parsed;
}

Result<FeedPollReport> FeedPoller::Poll(const Feed& feed, UnixSeconds now) {
  FeedPoll poll;
  poll.polled_at = now;
  auto fail = [&](const Error& error) -> Result<FeedPollReport> {
    poll.failures = feed.failures + 1;
    poll.error = error.message;
    const int doublings = std::min(poll.failures, 20);
    poll.next_poll_at =
        now + std::min<UnixSeconds>(options_.max_backoff,
                                    std::max<UnixSeconds>(60, feed.every_seconds) << doublings);
    if (Status s = store_.RecordFeedPoll(feed.id, poll); !s) return tl::unexpected(s.error());
    return tl::unexpected(error);
  };

  FetchedPage page;
  auto parsed = FetchFeed({feed.url, feed.etag, feed.last_modified}, page);
  if (!parsed) return fail(parsed.error());
  FeedPollReport report;
  poll.next_poll_at = now + std::max<UnixSeconds>(60, feed.every_seconds);
  if (page.NotModified()) {
    report.not_modified = true;
    if (Status s = store_.RecordFeedPoll(feed.id, poll); !s) return tl::unexpected(s.error());
    return report;
  }
  // A sitemap index: its sitemaps' articles, fetched now (without
  // validators: they are not kept per sitemap).
  if (parsed->format == FeedFormat::kSitemapIndex) {
    const std::size_t count =
        std::min(parsed->sitemaps.size(), static_cast<std::size_t>(options_.max_sitemaps));
    for (std::size_t i = 0; i < count; ++i) {
      FetchedPage child_page;
      auto child = FetchFeed({parsed->sitemaps[i], "", ""}, child_page);
      if (!child) {
        report.warnings.push_back(child.error().message);
      } else if (child->format == FeedFormat::kSitemapIndex) {
        report.warnings.push_back(parsed->sitemaps[i] + ": an index inside an index, not read");
      } else {
        for (FeedItem& item : child->items) parsed->items.push_back(std::move(item));
        parsed->skipped += child->skipped;
        parsed->truncated = parsed->truncated || child->truncated;
      }
    }
    if (parsed->sitemaps.size() > count) {
      report.warnings.push_back(std::to_string(parsed->sitemaps.size() - count) +
                                " more sitemaps in the index not read (the first " +
                                std::to_string(count) + " were)");
    }
    if (count > 0 && report.warnings.size() >= count) {
      return fail(Error{ErrorCode::kParse,
                        feed.url + ": none of its sitemaps could be read: " +
                            report.warnings.front()});
    }
  }
  const std::vector<FeedEntry> entries = EntriesOf(parsed->items);
  auto reconciled = store_.ReconcileFeed(feed.id, entries, now);
  if (!reconciled) return tl::unexpected(reconciled.error());
  report.format = std::string(FeedFormatName(parsed->format));
  report.title = parsed->title;
  report.items = static_cast<int>(entries.size());
  report.skipped = parsed->skipped;
  report.truncated = parsed->truncated;
  report.reconciliation = std::move(*reconciled);
  poll.title = report.title;
  poll.format = report.format;
  poll.etag = page.etag;
  poll.last_modified = page.last_modified;
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
