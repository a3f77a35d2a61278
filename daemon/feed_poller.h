// Polls followed feeds: a conditional GET, the feed parsed (feed/), each
// item's URL made canonical, and the items recorded, so that every new
// article becomes a watch (RevisionStore::ReconcileFeed). `revwatch feed
// add/check` and the daemon's scheduler both go through this one path.
#ifndef REVWATCH_DAEMON_FEED_POLLER_H_
#define REVWATCH_DAEMON_FEED_POLLER_H_

#include <functional>
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
  // Sitemaps of an index that could not be read (the others still count),
  // or were left for later.
  std::vector<std::string> warnings;
  int failed_sitemaps = 0;  // of an index's, those that could not be read
  int private_links = 0;    // items left out for their address (see Poll)
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
  // `after_fetch` runs after each HTTP request (a sitemap index makes
  // several): the daemon tells systemd it is alive there.
  //
  // Items on a loopback, private or link-local address literal are left
  // out unless the feed is on one too: a feed from the internet does not
  // get the daemon to fetch (and mail) pages of the local network.
  [[nodiscard]] Result<FeedPollReport> Poll(const Feed& feed, UnixSeconds now,
                                            const std::function<void()>& after_fetch = {});

 private:
  // Fetches and parses one document (a 304 is an empty ParsedFeed).
  Result<ParsedFeed> FetchFeed(const FetchRequest& request, FetchedPage& page,
                               const std::function<void()>& after_fetch);
  // Adds the articles of a sitemap index's sitemaps to `index`.
  void ReadSitemaps(ParsedFeed& index, FeedPollReport& report,
                    const std::function<void()>& after_fetch);

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
