#include "daemon/feed_poller.h"

#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "daemon/scheduler.h"
#include "storage/sqlite_store.h"

namespace revwatch {
namespace {

constexpr UnixSeconds kNow = 1769520960;  // 2026-01-27T13:36:00Z
const std::string kLastmod = "<lastmod>2026-01-27</lastmod>";

// Serves pages by URL, with ETags answered by 304 like a static server.
class MapFetcher final : public Fetcher {
 public:
  Result<FetchedPage> Fetch(const FetchRequest& request) override {
    requests.push_back(request.url);
    const auto it = pages.find(request.url);
    if (it == pages.end()) {
      return MakeError(ErrorCode::kNetwork, request.url + ": connection refused");
    }
    FetchedPage page = it->second;
    page.final_url = request.url;
    if (!page.etag.empty() && request.etag == page.etag) {
      page.status = 304;
      page.body.clear();
    }
    return page;
  }
  void Serve(const std::string& url, std::string body, std::string content_type,
             std::string etag = "") {
    FetchedPage page;
    page.status = 200;
    page.content_type = std::move(content_type);
    page.etag = std::move(etag);
    page.body = std::move(body);
    pages[url] = std::move(page);
  }

  std::map<std::string, FetchedPage> pages;
  std::vector<std::string> requests;
};

std::string Rss(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gazette</title>";
  for (const auto& [link, title] : items) {
    xml += "<item><title>" + title + "</title><link>" + link + "</link></item>";
  }
  return xml + "</channel></rss>";
}

std::string ArticlePage(const std::string& title) {
  return "<html><body><article><h1>" + title +
         "</h1><p>A paragraph long enough to be the article text of this small test "
         "page.</p></article></body></html>";
}

class FeedPollerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(":memory:");
    ASSERT_TRUE(store);
    store_ = std::move(*store);
    FeedSettings settings;
    settings.every_seconds = 600;
    auto feed = store_->AddFeed(kFeedUrl, settings);
    ASSERT_TRUE(feed);
    feed_id_ = feed->id;
  }

  Feed CurrentFeed() { return *store_->FindFeed(std::to_string(feed_id_)); }

  static constexpr const char* kFeedUrl = "https://gazette.example/rss.xml";
  MapFetcher fetcher_;
  std::unique_ptr<SqliteStore> store_;
  FeedId feed_id_ = 0;
};

TEST_F(FeedPollerTest, NewItemsBecomeCanonicalWatchesAndThePollIsRecorded) {
  fetcher_.Serve(kFeedUrl,
                 Rss({{"https://Gazette.example/a?utm_source=rss#top", "A"},
                      {"https://gazette.example/a", "A again, without tracking"},
                      {"https://gazette.example/b?id=2&amp;fbclid=x", "B"}}),
                 "application/rss+xml", "\"v1\"");
  FeedPoller poller(fetcher_, *store_);
  auto report = poller.Poll(CurrentFeed(), kNow);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->format, "RSS 2.0");
  EXPECT_EQ(report->items, 2);  // the same article twice is one item
  EXPECT_EQ(report->reconciliation.added.size(), 2u);
  EXPECT_TRUE(store_->FindWatch("https://gazette.example/a"));
  EXPECT_TRUE(store_->FindWatch("https://gazette.example/b?id=2"));
  const Feed feed = CurrentFeed();
  EXPECT_EQ(feed.title, "Gazette");
  EXPECT_EQ(feed.etag, "\"v1\"");
  EXPECT_EQ(feed.next_poll_at, kNow + 600);
  EXPECT_EQ(feed.last_polled_at, kNow);
}

TEST_F(FeedPollerTest, AnUnchangedFeedIsNotModifiedAndAGrownOneAddsOnlyItsNewItems) {
  fetcher_.Serve(kFeedUrl, Rss({{"https://gazette.example/a", "A"}}), "application/rss+xml",
                 "\"v1\"");
  FeedPoller poller(fetcher_, *store_);
  ASSERT_TRUE(poller.Poll(CurrentFeed(), kNow));
  auto same = poller.Poll(CurrentFeed(), kNow + 600);
  ASSERT_TRUE(same);
  EXPECT_TRUE(same->not_modified);
  fetcher_.Serve(kFeedUrl,
                 Rss({{"https://gazette.example/b", "B"}, {"https://gazette.example/a", "A"}}),
                 "application/rss+xml", "\"v2\"");
  auto grown = poller.Poll(CurrentFeed(), kNow + 1200);
  ASSERT_TRUE(grown);
  EXPECT_FALSE(grown->not_modified);
  EXPECT_EQ(grown->reconciliation.new_items, 1);
  EXPECT_EQ(grown->reconciliation.added.size(), 1u);
  EXPECT_EQ(store_->ListWatches()->size(), 2u);
}

TEST_F(FeedPollerTest, AFailedPollIsRecordedAndBacksOff) {
  fetcher_.Serve(kFeedUrl, "<rss><channel><item>", "application/rss+xml");
  FeedPoller poller(fetcher_, *store_);
  auto report = poller.Poll(CurrentFeed(), kNow);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find(std::string(kFeedUrl) + ": not well-formed XML"),
            std::string::npos)
      << report.error().message;
  Feed feed = CurrentFeed();
  EXPECT_EQ(feed.failures, 1);
  EXPECT_EQ(feed.next_poll_at, kNow + 1200);
  EXPECT_NE(feed.last_error.find("not well-formed"), std::string::npos);
  ASSERT_FALSE(poller.Poll(feed, kNow + 1200));
  EXPECT_EQ(CurrentFeed().next_poll_at, kNow + 1200 + 2400);
  fetcher_.Serve(kFeedUrl, Rss({{"https://gazette.example/a", "A"}}), "application/rss+xml");
  ASSERT_TRUE(poller.Poll(CurrentFeed(), kNow + 4000));
  EXPECT_EQ(CurrentFeed().failures, 0);
  EXPECT_EQ(CurrentFeed().last_error, "");
}

TEST_F(FeedPollerTest, AnHtmlPageIsAnErrorThatNamesTheFeedItAnnounces) {
  fetcher_.Serve(kFeedUrl,
                 "<!DOCTYPE html><html><head><link rel=alternate type=application/atom+xml "
                 "href=/atom.xml></head><body>News</body></html>",
                 "text/html");
  FeedPoller poller(fetcher_, *store_);
  auto report = poller.Poll(CurrentFeed(), kNow);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("an HTML page, not a feed; it announces "
                                        "https://gazette.example/atom.xml"),
            std::string::npos)
      << report.error().message;
}

TEST_F(FeedPollerTest, ASitemapIndexIsFollowedToItsSitemaps) {
  fetcher_.Serve(kFeedUrl,
                 "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                 "<sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap>"
                 "<sitemap><loc>/missing.xml</loc></sitemap></sitemapindex>",
                 "application/xml");
  fetcher_.Serve("https://gazette.example/s1.xml",
                 "<urlset><url><loc>https://gazette.example/1</loc>" + kLastmod + "</url></urlset>",
                 "application/xml");
  fetcher_.Serve("https://gazette.example/s2.xml",
                 "<urlset><url><loc>https://gazette.example/2</loc>" + kLastmod + "</url>"
                 "<url><loc>https://gazette.example/1</loc>" + kLastmod + "</url></urlset>",
                 "application/xml");
  FeedPoller poller(fetcher_, *store_);
  auto report = poller.Poll(CurrentFeed(), kNow);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->format, "sitemap index");
  EXPECT_EQ(report->items, 2);
  EXPECT_EQ(report->reconciliation.added.size(), 2u);
  ASSERT_EQ(report->warnings.size(), 1u);
  EXPECT_NE(report->warnings[0].find("missing.xml: connection refused"), std::string::npos);
}

TEST_F(FeedPollerTest, AnUnchangedIndexIsStillReadThroughToItsSitemaps) {
  fetcher_.Serve(kFeedUrl,
                 "<sitemapindex><sitemap><loc>/s1.xml</loc></sitemap></sitemapindex>",
                 "application/xml", "\"index-v1\"");
  fetcher_.Serve("https://gazette.example/s1.xml",
                 "<urlset><url><loc>https://gazette.example/1</loc></url></urlset>",
                 "application/xml");
  FeedPoller poller(fetcher_, *store_);
  ASSERT_TRUE(poller.Poll(CurrentFeed(), kNow));
  EXPECT_EQ(CurrentFeed().etag, "");  // not kept for an index
  fetcher_.Serve("https://gazette.example/s1.xml",
                 "<urlset><url><loc>https://gazette.example/2</loc><lastmod>2026-01-27</lastmod>"
                 "</url><url><loc>https://gazette.example/1</loc></url></urlset>",
                 "application/xml");
  auto second = poller.Poll(CurrentFeed(), kNow + 600);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_FALSE(second->not_modified);
  EXPECT_EQ(second->reconciliation.added.size(), 1u);
}

TEST_F(FeedPollerTest, OneReadableSitemapOfManyIsEnough) {
  std::string index = "<sitemapindex>";
  for (int i = 0; i < 30; ++i) index += "<sitemap><loc>/s" + std::to_string(i) + ".xml</loc></sitemap>";
  fetcher_.Serve(kFeedUrl, index + "</sitemapindex>", "application/xml");
  fetcher_.Serve("https://gazette.example/s7.xml",
                 "<urlset><url><loc>https://gazette.example/7</loc>" + kLastmod + "</url></urlset>",
                 "application/xml");
  FeedPoller poller(fetcher_, *store_);
  auto report = poller.Poll(CurrentFeed(), kNow);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->failed_sitemaps, 19);
  EXPECT_EQ(report->reconciliation.added.size(), 1u);
  EXPECT_NE(report->warnings.back().find("10 older sitemaps in the index not read"),
            std::string::npos);
}

TEST_F(FeedPollerTest, APlainSitemapsUndatedBacklogIsNotWatchedButItsNewUrlsAre) {
  fetcher_.Serve(kFeedUrl,
                 "<urlset><url><loc>https://gazette.example/old</loc></url>"
                 "<url><loc>https://gazette.example/dated</loc><lastmod>2026-01-27</lastmod></url>"
                 "</urlset>",
                 "application/xml");
  FeedPoller poller(fetcher_, *store_);
  auto first = poller.Poll(CurrentFeed(), kNow);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->reconciliation.undated, 1);
  EXPECT_EQ(first->reconciliation.added.size(), 1u);
  fetcher_.Serve(kFeedUrl,
                 "<urlset><url><loc>https://gazette.example/new</loc></url>"
                 "<url><loc>https://gazette.example/old</loc></url></urlset>",
                 "application/xml");
  auto second = poller.Poll(CurrentFeed(), kNow + 600);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->reconciliation.added.size(), 1u);
  EXPECT_TRUE(store_->FindWatch("https://gazette.example/new"));
  EXPECT_FALSE(store_->FindWatch("https://gazette.example/old"));
}

TEST_F(FeedPollerTest, AFeedCannotPointTheDaemonAtThePrivateNetwork) {
  fetcher_.Serve(kFeedUrl,
                 Rss({{"http://169.254.169.254/latest/meta-data/", "Metadata"},
                      {"http://127.0.0.1:8080/admin", "Admin"},
                      {"http://[::1]/x", "Loopback"},
                      {"http://10.1.2.3/intranet", "Intranet"},
                      {"https://gazette.example/a", "A"}}),
                 "text/html; charset=utf-8");  // a feed served as HTML is still a feed
  FeedPoller poller(fetcher_, *store_);
  auto report = poller.Poll(CurrentFeed(), kNow);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->private_links, 4);
  EXPECT_EQ(report->reconciliation.added.size(), 1u);
  EXPECT_EQ(store_->ListWatches()->size(), 1u);
}

TEST_F(FeedPollerTest, TheDaemonChecksANewArticleInTheCycleThatFoundIt) {
  fetcher_.Serve(kFeedUrl, Rss({{"https://gazette.example/a", "Ferry resumes"}}),
                 "application/rss+xml", "\"v1\"");
  fetcher_.Serve("https://gazette.example/a", ArticlePage("Ferry resumes"), "text/html");
  FeedPoller poller(fetcher_, *store_);
  Watcher watcher(fetcher_, *store_);
  std::ostringstream log;
  SchedulerOptions options;
  options.feeds = &poller;
  Scheduler scheduler(watcher, *store_, Log(log, false), options);
  auto first = scheduler.RunDueChecks(kNow);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->feeds.polled, 1);
  EXPECT_EQ(first->feeds.new_watches, 1);
  EXPECT_EQ(first->checked, 1);
  EXPECT_EQ(first->new_revisions, 1);
  EXPECT_NE(log.str().find("1 feed polled, 1 new watches"), std::string::npos) << log.str();

  // Ten minutes on the feed is due again, the article (checked every 5
  // min when young) too; an hour later the feed retitles the article,
  // which is checked even though its next check was not yet due.
  const WatchId id = store_->FindWatch("https://gazette.example/a")->id;
  ASSERT_TRUE(store_->SetSchedule(id, kNow + 7200, 0, "active"));
  fetcher_.Serve(kFeedUrl, Rss({{"https://gazette.example/a", "Ferry will not resume"}}),
                 "application/rss+xml", "\"v2\"");
  fetcher_.Serve("https://gazette.example/a", ArticlePage("Ferry will not resume"),
                 "text/html");
  auto retitled = scheduler.RunDueChecks(kNow + 3600);
  ASSERT_TRUE(retitled);
  EXPECT_EQ(retitled->feeds.retitled, 1);
  EXPECT_EQ(retitled->checked, 1);
  EXPECT_EQ(retitled->new_revisions, 1);
}

TEST_F(FeedPollerTest, AWatchExpiresWhenItsFollowWindowEnds) {
  fetcher_.Serve(kFeedUrl, Rss({{"https://gazette.example/a", "A"}}), "application/rss+xml");
  fetcher_.Serve("https://gazette.example/a", ArticlePage("A"), "text/html");
  FeedPoller poller(fetcher_, *store_);
  Watcher watcher(fetcher_, *store_);
  std::ostringstream log;
  SchedulerOptions options;
  options.feeds = &poller;
  Scheduler scheduler(watcher, *store_, Log(log, false), options);
  ASSERT_TRUE(scheduler.RunDueChecks(kNow));
  fetcher_.pages.erase(kFeedUrl);  // the feed fails from now on; the watch stays
  auto later = scheduler.RunDueChecks(kNow + 14 * 86400);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->expired, 1);
  EXPECT_EQ(store_->FindWatch("https://gazette.example/a")->state, "expired");
  EXPECT_NE(log.str().find("its feed's follow window ended"), std::string::npos);
}

}  // namespace
}  // namespace revwatch
