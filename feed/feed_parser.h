// Reads the article links out of a news feed or sitemap: RSS 2.0, RSS 1.0
// (RDF), Atom, JSON Feed, sitemaps, sitemap indexes and Google News
// sitemaps.
//
// XML is parsed by libxml2 with everything that reaches beyond the
// document turned off: no network, no external DTD, no entity
// declarations at all (a document type with an internal subset is refused
// before parsing, which stops billion-laughs and external-entity attacks;
// in an encoding that byte scan cannot read, such as UTF-16, libxml2's own
// entity-loop guard and a check of the parsed document type refuse it),
// libxml2's own depth limit (256), and a size limit. Feeds that declare
// entities such as &nbsp; are refused with the rest.
#ifndef REVWATCH_FEED_FEED_PARSER_H_
#define REVWATCH_FEED_FEED_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/timestamp.h"

namespace revwatch {

enum class FeedFormat { kRss2, kRdf, kAtom, kJsonFeed, kSitemap, kNewsSitemap, kSitemapIndex };

// "RSS 2.0", "RSS 1.0", "Atom", "JSON Feed", "sitemap", "news sitemap",
// "sitemap index".
std::string_view FeedFormatName(FeedFormat format);

struct FeedItem {
  std::string url;        // absolute http(s), as the feed gives it
  std::string title;      // plain text, whitespace collapsed; may be ""
  std::string summary;    // description/summary as plain text, collapsed, capped
  std::string published;  // the date as written; "" if none
  UnixSeconds published_at = 0;  // 0: none, or unreadable
};

struct ParsedFeed {
  FeedFormat format = FeedFormat::kRss2;
  std::string title;
  std::vector<FeedItem> items;        // in the feed's order
  std::vector<std::string> sitemaps;  // a sitemap index's, newest <lastmod> first
  int skipped = 0;                    // items without an http(s) link
  bool truncated = false;             // more than max_items; the rest ignored
};

struct FeedLimits {
  std::size_t max_bytes = 16 * 1024 * 1024;
  std::size_t max_items = 50000;
};

// Parses `body`, fetched from `feed_url` (relative links resolve against
// it, and against Atom's xml:base). Fails with kParse and a message saying
// what is wrong: not well-formed (with line), not a feed, over a limit, a
// refused entity declaration.
[[nodiscard]] Result<ParsedFeed> ParseFeed(std::string_view body, std::string_view feed_url,
                                           const FeedLimits& limits = {});

// Whether a fetched body is an HTML page rather than a feed: by its first
// markup (feeds are often served as text/html), else by its Content-Type.
bool LooksLikeHtml(std::string_view content_type, std::string_view body);

// The feeds an HTML page announces (<link rel="alternate"
// type="application/rss+xml | application/atom+xml | application/feed+json"
// href=...>), resolved against `page_url` (or the page's <base href>), in
// page order.
std::vector<std::string> DiscoverFeeds(std::string_view html, std::string_view page_url);

}  // namespace revwatch

#endif  // REVWATCH_FEED_FEED_PARSER_H_
