#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "storage/sqlite_store.h"

namespace revwatch {
namespace {

constexpr UnixSeconds kNow = 1769520960;  // 2026-01-27T13:36:00Z
constexpr UnixSeconds kDay = 86400;

class SqliteFeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/revwatch-feeds-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    auto store = SqliteStore::Open(dir_ + "/test.db");
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  Feed AddFeed(const std::string& url, int follow_days = 14) {
    FeedSettings settings;
    settings.label = "Gazette";
    settings.notify = {"desk@example.org"};
    settings.alert_on = {"denial"};
    settings.follow_days = follow_days;
    auto feed = store_->AddFeed(url, settings);
    EXPECT_TRUE(feed) << feed.error().message;
    return feed ? *feed : Feed{};
  }

  static FeedEntry Entry(const std::string& url, const std::string& title,
                         UnixSeconds published_at = 0) {
    FeedEntry e;
    e.url = url;
    e.title = title;
    e.published_at = published_at;
    e.published = published_at > 0 ? FormatIso8601Utc(published_at) : "";
    return e;
  }

  FeedReconciliation Reconcile(FeedId id, const std::vector<FeedEntry>& entries,
                               UnixSeconds now = kNow, bool watch_undated = true) {
    auto result = store_->ReconcileFeed(id, entries, now, watch_undated);
    EXPECT_TRUE(result) << result.error().message;
    return result ? *result : FeedReconciliation{};
  }

  std::string dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteFeedsTest, AFeedIsFollowedOnceAndFoundByIdOrUrl) {
  const Feed feed = AddFeed("https://gazette.example/rss.xml");
  EXPECT_EQ(feed.follow_days, 14);
  EXPECT_EQ(feed.every_seconds, 15 * 60);
  EXPECT_EQ(feed.notify, std::vector<std::string>{"desk@example.org"});
  auto again = store_->AddFeed("https://gazette.example/rss.xml", {});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->FindFeed(std::to_string(feed.id))->url, feed.url);
  EXPECT_EQ(store_->FindFeed(feed.url)->id, feed.id);
  EXPECT_EQ(store_->FindFeed("99").error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteFeedsTest, NewItemsBecomeWatchesWithTheFeedsSettingsDueAtOnce) {
  const Feed feed = AddFeed("https://gazette.example/rss.xml");
  const auto result = Reconcile(feed.id, {Entry("https://gazette.example/a", "A", kNow - kDay),
                                          Entry("https://gazette.example/b", "B")});
  EXPECT_EQ(result.new_items, 2);
  ASSERT_EQ(result.added.size(), 2u);
  auto watch = store_->FindWatch("https://gazette.example/a");
  ASSERT_TRUE(watch) << watch.error().message;
  EXPECT_EQ(watch->feed_id, feed.id);
  EXPECT_EQ(watch->label, "Gazette");
  EXPECT_EQ(watch->notify, std::vector<std::string>{"desk@example.org"});
  EXPECT_EQ(watch->alert_on, std::vector<std::string>{"denial"});
  EXPECT_EQ(watch->next_check_at, 0);  // due at once
  // Followed for 14 days from the item's date, or from now without one.
  EXPECT_EQ(watch->expires_at, kNow - kDay + 14 * kDay);
  EXPECT_EQ(store_->FindWatch("https://gazette.example/b")->expires_at, kNow + 14 * kDay);
  const Feed listed = *store_->FindFeed(std::to_string(feed.id));
  EXPECT_EQ(listed.items, 2);
  EXPECT_EQ(listed.watches, 2);
}

TEST_F(SqliteFeedsTest, ASecondPollAddsOnlyWhatIsNew) {
  const Feed feed = AddFeed("https://gazette.example/rss.xml");
  Reconcile(feed.id, {Entry("https://gazette.example/a", "A")});
  const auto second = Reconcile(feed.id, {Entry("https://gazette.example/b", "B"),
                                          Entry("https://gazette.example/a", "A")},
                                kNow + 600);
  EXPECT_EQ(second.new_items, 1);
  EXPECT_EQ(second.added.size(), 1u);
  EXPECT_TRUE(second.retitled.empty());
  EXPECT_EQ(store_->ListWatches()->size(), 2u);
}

TEST_F(SqliteFeedsTest, AUrlWatchedAlreadyIsNotAddedTwiceAcrossFeeds) {
  const Feed one = AddFeed("https://gazette.example/rss.xml");
  const Feed two = AddFeed("https://gazette.example/world.xml");
  ASSERT_TRUE(store_->AddWatches({"https://gazette.example/by-hand"}, {}));
  Reconcile(one.id, {Entry("https://gazette.example/shared", "Shared")});
  const auto result = Reconcile(two.id, {Entry("https://gazette.example/shared", "Shared"),
                                         Entry("https://gazette.example/by-hand", "Hand")});
  EXPECT_EQ(result.new_items, 2);
  EXPECT_TRUE(result.added.empty());
  EXPECT_EQ(result.already_watched, 2);
  EXPECT_EQ(store_->ListWatches()->size(), 2u);
  // The watch stays the first feed's; the second lists it too.
  EXPECT_EQ(store_->FindWatch("https://gazette.example/shared")->feed_id, one.id);
  const auto entries = store_->ListFeedEntries(two.id);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_NE((*entries)[0].watch_id, 0);
}

TEST_F(SqliteFeedsTest, ItemsDatedBeforeTheFollowWindowAreKeptWithoutAWatch) {
  const Feed feed = AddFeed("https://gazette.example/sitemap.xml", 3);
  const auto result =
      Reconcile(feed.id, {Entry("https://gazette.example/old", "Old", kNow - 4 * kDay),
                          Entry("https://gazette.example/new", "New", kNow - 2 * kDay)});
  EXPECT_EQ(result.too_old, 1);
  EXPECT_EQ(result.added.size(), 1u);
  // Not reconsidered on the next poll.
  const auto again =
      Reconcile(feed.id, {Entry("https://gazette.example/old", "Old", kNow - 4 * kDay)});
  EXPECT_EQ(again.new_items, 0);
}

TEST_F(SqliteFeedsTest, AChangedTitleInTheFeedMakesTheWatchDueNow) {
  const Feed feed = AddFeed("https://gazette.example/rss.xml");
  Reconcile(feed.id, {Entry("https://gazette.example/a", "Minister resigns")});
  const WatchId id = store_->FindWatch("https://gazette.example/a")->id;
  ASSERT_TRUE(store_->SetSchedule(id, kNow + 3600, 0, "active"));
  const auto same = Reconcile(feed.id, {Entry("https://gazette.example/a", "Minister resigns")});
  EXPECT_TRUE(same.retitled.empty());
  EXPECT_EQ(store_->FindWatch(std::to_string(id))->next_check_at, kNow + 3600);
  const auto changed =
      Reconcile(feed.id, {Entry("https://gazette.example/a", "Minister denies resigning")});
  EXPECT_EQ(changed.retitled, std::vector<WatchId>{id});
  EXPECT_EQ(store_->FindWatch(std::to_string(id))->next_check_at, 0);
  EXPECT_EQ(store_->ListFeedEntries(feed.id)->front().title, "Minister denies resigning");
  // A paused watch stays paused.
  ASSERT_TRUE(store_->SetPaused(id, true));
  const auto paused = Reconcile(feed.id, {Entry("https://gazette.example/a", "Third title")});
  EXPECT_TRUE(paused.retitled.empty());
  EXPECT_EQ(store_->FindWatch(std::to_string(id))->state, "paused");
}

TEST_F(SqliteFeedsTest, RemovingAFeedKeepsItsWatchesAndRemovingAWatchKeepsTheItem) {
  const Feed feed = AddFeed("https://gazette.example/rss.xml");
  Reconcile(feed.id, {Entry("https://gazette.example/a", "A"),
                      Entry("https://gazette.example/b", "B")});
  const WatchId a = store_->FindWatch("https://gazette.example/a")->id;
  ASSERT_TRUE(store_->RemoveWatch(a));
  const auto again = Reconcile(feed.id, {Entry("https://gazette.example/a", "A")});
  EXPECT_EQ(again.new_items, 0);  // not added back
  EXPECT_TRUE(again.added.empty());
  ASSERT_TRUE(store_->RemoveFeed(feed.id));
  auto b = store_->FindWatch("https://gazette.example/b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->feed_id, 0);
  EXPECT_EQ(b->expires_at, kNow + 14 * kDay);
  EXPECT_TRUE(store_->ListFeeds()->empty());
  EXPECT_EQ(store_->RemoveFeed(feed.id).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteFeedsTest, APollKeepsItsValidatorsAndAFailureKeepsTheOldOnes) {
  const Feed feed = AddFeed("https://gazette.example/rss.xml");
  FeedPoll ok;
  ok.fetched = true;
  ok.polled_at = kNow;
  ok.next_poll_at = kNow + 900;
  ok.title = "Gazette";
  ok.format = "RSS 2.0";
  ok.etag = "\"v1\"";
  ASSERT_TRUE(store_->RecordFeedPoll(feed.id, ok));
  FeedPoll failed;
  failed.polled_at = kNow + 900;
  failed.next_poll_at = kNow + 2700;
  failed.failures = 1;
  failed.error = "connection refused";
  ASSERT_TRUE(store_->RecordFeedPoll(feed.id, failed));
  const Feed after = *store_->FindFeed(std::to_string(feed.id));
  EXPECT_EQ(after.title, "Gazette");
  EXPECT_EQ(after.format, "RSS 2.0");
  EXPECT_EQ(after.etag, "\"v1\"");
  EXPECT_EQ(after.last_error, "connection refused");
  EXPECT_EQ(after.failures, 1);
  EXPECT_EQ(after.next_poll_at, kNow + 2700);
  // A 200 without validators forgets the old ones: they would be stale.
  FeedPoll plain;
  plain.fetched = true;
  plain.polled_at = kNow + 2700;
  plain.title = "Gazette";
  ASSERT_TRUE(store_->RecordFeedPoll(feed.id, plain));
  EXPECT_EQ(store_->FindFeed(feed.url)->etag, "");
}

TEST_F(SqliteFeedsTest, AnEmptyTitleOrSummaryIsNoChangeAndKeepsTheStoredOne) {
  const Feed feed = AddFeed("https://gazette.example/sitemap.xml");
  FeedEntry entry = Entry("https://gazette.example/a", "Minister resigns");
  entry.summary = "The minister resigned.";
  Reconcile(feed.id, {entry});
  const WatchId id = store_->FindWatch("https://gazette.example/a")->id;
  ASSERT_TRUE(store_->SetSchedule(id, kNow + 3600, 0, "active"));
  const auto silent = Reconcile(feed.id, {Entry("https://gazette.example/a", "")});
  EXPECT_TRUE(silent.retitled.empty());
  EXPECT_EQ(store_->ListFeedEntries(feed.id)->front().title, "Minister resigns");
  EXPECT_EQ(store_->ListFeedEntries(feed.id)->front().summary, "The minister resigned.");
  entry.summary = "The minister denied resigning.";  // the summary alone changes
  const auto summary = Reconcile(feed.id, {entry});
  EXPECT_EQ(summary.retitled, std::vector<WatchId>{id});
}

TEST_F(SqliteFeedsTest, UndatedItemsCanBeLeftUnwatchedAndDatedOnesAgeFromTheirDate) {
  const Feed feed = AddFeed("https://gazette.example/sitemap.xml");
  const auto first =
      Reconcile(feed.id, {Entry("https://gazette.example/old-undated", "Old"),
                          Entry("https://gazette.example/dated", "Dated", kNow - 3 * kDay)},
                kNow, /*watch_undated=*/false);
  EXPECT_EQ(first.undated, 1);
  ASSERT_EQ(first.added.size(), 1u);
  EXPECT_FALSE(store_->FindWatch("https://gazette.example/old-undated"));
  auto dated = store_->FindWatch("https://gazette.example/dated");
  ASSERT_TRUE(dated);
  EXPECT_EQ(dated->published_at, kNow - 3 * kDay);
  // An item dated in the future ages from now.
  Reconcile(feed.id, {Entry("https://gazette.example/future", "F", kNow + kDay)});
  EXPECT_EQ(store_->FindWatch("https://gazette.example/future")->published_at, kNow);
}

}  // namespace
}  // namespace revwatch
