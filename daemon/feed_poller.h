// Polls followed feeds: a conditional GET, the feed parsed (feed/), each
// item's URL made canonical, and the items recorded, so that every new
// article becomes a watch (RevisionStore::ReconcileFeed). `revwatch feed
// add/check` and the daemon's scheduler both go through this one path.
#ifndef REVWATCH_DAEMON_FEED_POLLER_H_
#define REVWATCH_DAEMON_FEED_POLLER_H_

#include <string>
#include <vector>

#include "core/error.h"
#include "feed/feed_parser.h"
#include "fetch/fetcher.h"
#include "storage/revision_store.h"

namespace revwatch {

struct FeedPollOptions {
  FeedLimits limits;
  // A sitemap index's sitemaps fetched per poll, in its order.
  int max_sitemaps = 20;
  // Failed polls back off, doubling from the feed's interval up to this.
  UnixSeconds max_backoff = 24 * 3600;
};

struct FeedPollReport {
  bool not_modified = false;  // a 304: nothing parsed or recorded
  std::string format;         // FeedFormatName
  std::string title;
  int items = 0;    // distinct article URLs in the feed this time
  int skipped = 0;  // items without an http(s) link
  bool truncated = false;
  FeedReconciliation reconciliation;
  // Sitemaps of an index that could not be read; the others still count.
  std::vector<std::string> warnings;
};

// Borrows the fetcher and store, which must outlive it. Not thread-safe.
class FeedPoller {
 public:
  FeedPoller(Fetcher& fetcher, RevisionStore& store, FeedPollOptions options = {})
      : fetcher_(fetcher), store_(store), options_(std::move(options)) {}

  // Polls `feed` at `now`, records the outcome and when it is due next. A
  // failure (network, HTTP status, an HTML page or a feed that does not
  // parse) is recorded on the feed, which backs off, and returned as an
  // Error whose message names the feed's URL; other feeds are untouched.
  [[nodiscard]] Result<FeedPollReport> Poll(const Feed& feed, UnixSeconds now);

 private:
  // Fetches and parses one document; sets `not_modified` on a 304.
  Result<ParsedFeed> FetchFeed(const FetchRequest& request, FetchedPage& page);

  Fetcher& fetcher_;
  RevisionStore& store_;
  FeedPollOptions options_;
};

// What the polls of one daemon cycle (or one `feed check`) did.
struct FeedCycle {
  int polled = 0;
  int failed = 0;
  int new_watches = 0;
  int retitled = 0;
};
// "2 feeds polled, 5 new watches, 1 retitled, 1 failed"; "" when nothing
// was polled.
std::string DescribeFeedCycle(const FeedCycle& cycle);

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_FEED_POLLER_H_
