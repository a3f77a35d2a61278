#include "daemon/scheduler.h"

#include <sstream>

#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/daemon/fake_fetcher.h"

namespace revwatch {
namespace {

constexpr const char* kPage =
    "<html><body><article><h1>Headline</h1><p>A paragraph long enough to be "
    "the article text of this small test page.</p></article></body></html>";

class SchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(":memory:");
    ASSERT_TRUE(store);
    store_ = std::move(*store);
    ASSERT_TRUE(store_->AddWatch("https://example.org/a", ""));
    ASSERT_TRUE(store_->AddWatch("https://example.org/b", ""));
    fetcher_.Serve(kPage);
  }

  FakeFetcher fetcher_;
  std::unique_ptr<SqliteStore> store_;
  std::ostringstream log_;
};

TEST_F(SchedulerTest, ChecksNeverCheckedWatchesThenWaitsForTheInterval) {
  Watcher watcher(fetcher_, *store_);
  SchedulerOptions options;
  options.interval_seconds = 600;
  Scheduler scheduler(watcher, *store_, log_, options);

  const UnixSeconds now = NowUnixSeconds();
  auto first = scheduler.RunDueChecks(now);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->checked, 2);
  EXPECT_EQ(first->new_revisions, 2);

  auto soon = scheduler.RunDueChecks(now + 60);
  ASSERT_TRUE(soon);
  EXPECT_EQ(soon->checked, 0);

  auto later = scheduler.RunDueChecks(now + 3600);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->checked, 2);
  EXPECT_EQ(later->new_revisions, 0);
  EXPECT_NE(log_.str().find("2 checked, 0 new revisions, 0 failed"), std::string::npos);
}

TEST_F(SchedulerTest, FailuresAreCountedAndLoggedAndDoNotStopTheCycle) {
  fetcher_.error = Error{ErrorCode::kNetwork, "https://example.org/a: timeout"};
  Watcher watcher(fetcher_, *store_);
  Scheduler scheduler(watcher, *store_, log_);
  auto summary = scheduler.RunDueChecks(NowUnixSeconds());
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->checked, 2);
  EXPECT_EQ(summary->failed, 2);
  EXPECT_NE(log_.str().find("check failed: https://example.org/a: timeout"), std::string::npos);
}

TEST_F(SchedulerTest, RunReturnsWhenTheStopFlagIsSet) {
  Watcher watcher(fetcher_, *store_);
  Scheduler scheduler(watcher, *store_, log_);
  volatile std::sig_atomic_t stop = 1;
  EXPECT_TRUE(scheduler.Run(stop));
  EXPECT_TRUE(fetcher_.requests.empty());
}

}  // namespace
}  // namespace revwatch
