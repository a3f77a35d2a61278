#include "daemon/scheduler.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/daemon/fake_fetcher.h"

namespace revwatch {
namespace {

constexpr const char* kPage =
    "<html><body><article><h1>Headline</h1><p>A paragraph long enough to be "
    "the article text of this small test page.</p></article></body></html>";

// "Tue, 27 Jan 2026 13:36:00 GMT".
std::string HttpDate(UnixSeconds t) {
  const std::time_t time = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return text;
}

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
  Scheduler scheduler(watcher, *store_, Log(log_, false), options);

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
  Scheduler scheduler(watcher, *store_, Log(log_, false));
  auto summary = scheduler.RunDueChecks(NowUnixSeconds());
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->checked, 2);
  EXPECT_EQ(summary->failed, 2);
  EXPECT_NE(log_.str().find("check failed: https://example.org/a: timeout"), std::string::npos);
}

TEST_F(SchedulerTest, YoungWatchIsCheckedAgainAfterFiveMinutesNotBefore) {
  Watcher watcher(fetcher_, *store_);
  SchedulerOptions options;
  options.seed = 7;
  Scheduler scheduler(watcher, *store_, Log(log_, false), options);
  const UnixSeconds now = NowUnixSeconds();
  ASSERT_EQ(scheduler.RunDueChecks(now)->checked, 2);
  EXPECT_EQ(scheduler.RunDueChecks(now + 4 * 60)->checked, 0);   // under 5 min - 10%
  EXPECT_EQ(scheduler.RunDueChecks(now + 6 * 60)->checked, 2);   // over 5 min + 10%
}

TEST_F(SchedulerTest, ScheduleLivesInTheDatabase) {
  Watcher watcher(fetcher_, *store_);
  const UnixSeconds now = NowUnixSeconds();
  {
    Scheduler scheduler(watcher, *store_, Log(log_, false));
    ASSERT_EQ(scheduler.RunDueChecks(now)->checked, 2);
  }
  auto watch = store_->FindWatch("https://example.org/a");
  ASSERT_TRUE(watch);
  EXPECT_GE(watch->next_check_at, now + 270);
  EXPECT_LE(watch->next_check_at, now + 330);
  // A new scheduler (a restarted daemon) keeps to it.
  Scheduler restarted(watcher, *store_, Log(log_, false));
  EXPECT_EQ(restarted.RunDueChecks(now + 60)->checked, 0);
}

TEST_F(SchedulerTest, FailingWatchBacksOffAndRetryAfterIsKept) {
  fetcher_.page.status = 503;
  fetcher_.page.headers = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7200\r\n\r\n";
  Watcher watcher(fetcher_, *store_);
  Scheduler scheduler(watcher, *store_, Log(log_, false));
  const UnixSeconds now = NowUnixSeconds();
  ASSERT_EQ(scheduler.RunDueChecks(now)->failed, 2);
  auto watch = store_->FindWatch("https://example.org/a");
  ASSERT_TRUE(watch);
  EXPECT_EQ(watch->failures, 1);
  EXPECT_EQ(watch->next_check_at, now + 7200);
  EXPECT_EQ(scheduler.RunDueChecks(now + 3600)->checked, 0);
}

TEST_F(SchedulerTest, RetryAfterMayBeAnHttpDate) {
  const UnixSeconds now = NowUnixSeconds();
  fetcher_.page.status = 429;
  fetcher_.page.headers = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: " +
                          HttpDate(now + 3 * 3600) + "\r\n\r\n";
  Watcher watcher(fetcher_, *store_);
  Scheduler scheduler(watcher, *store_, Log(log_, false));
  ASSERT_EQ(scheduler.RunDueChecks(now)->failed, 2);
  const UnixSeconds next = store_->FindWatch("https://example.org/a")->next_check_at;
  EXPECT_GE(next, now + 3 * 3600 - 2);  // the clock may tick between the two reads
  EXPECT_LE(next, now + 3 * 3600);
}

TEST_F(SchedulerTest, OldWatchExpiresInsteadOfBeingChecked) {
  Watcher watcher(fetcher_, *store_);
  Scheduler scheduler(watcher, *store_, Log(log_, false));
  const UnixSeconds later = NowUnixSeconds() + 31 * 24 * 3600;
  auto summary = scheduler.RunDueChecks(later);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->checked, 0);
  EXPECT_EQ(summary->expired, 2);
  EXPECT_TRUE(fetcher_.requests.empty());
  EXPECT_EQ(store_->FindWatch("https://example.org/a")->state, "expired");
  EXPECT_EQ(scheduler.RunDueChecks(later + 3600)->expired, 0);  // stays expired
}

// kPage as served from `url`.
FetchedPage ServedPage(const std::string& url) {
  FetchedPage page;
  page.status = 200;
  page.final_url = url;
  page.content_type = "text/html; charset=utf-8";
  page.body = kPage;
  return page;
}

// Serves kPage and notes, at each request, what the store says of the
// watch being fetched: what a daemon dying in that check would leave.
class WitnessFetcher final : public Fetcher {
 public:
  explicit WitnessFetcher(RevisionStore& store) : store_(store) {}
  Result<FetchedPage> Fetch(const FetchRequest& request) override {
    const Watch watch = *store_.FindWatch(request.url);
    seen.push_back({request.url, watch.checking_since > 0, watch.crashes});
    return ServedPage(request.url);
  }
  struct Seen {
    std::string url;
    bool marked;
    int crashes;
  };
  std::vector<Seen> seen;

 private:
  RevisionStore& store_;
};

TEST_F(SchedulerTest, ADeathAmongOtherChecksOnlyMakesASuspectCheckedAloneLast) {
  WitnessFetcher fetcher(*store_);
  Watcher watcher(fetcher, *store_);
  const WatchId a = store_->FindWatch("https://example.org/a")->id;
  const UnixSeconds now = NowUnixSeconds();
  ASSERT_TRUE(store_->MarkChecking(a, now - 5, 0));  // left by a daemon that died
  Scheduler restarted(watcher, *store_, Log(log_, false));
  auto summary = restarted.RunDueChecks(now);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->checked, 2);  // retried: one death is not a pattern
  EXPECT_EQ(summary->quarantined, 0);
  EXPECT_NE(log_.str().find("the daemon stopped during its check; checking it again alone"),
            std::string::npos);
  ASSERT_EQ(fetcher.seen.size(), 2u);
  EXPECT_EQ(fetcher.seen[0].url, "https://example.org/b");  // the others first
  EXPECT_EQ(fetcher.seen[0].crashes, 0);
  EXPECT_EQ(fetcher.seen[1].url, "https://example.org/a");
  EXPECT_TRUE(fetcher.seen[1].marked);
  EXPECT_EQ(fetcher.seen[1].crashes, 1);  // a death alone is counted before it can happen
  const Watch after = *store_->FindWatch("https://example.org/a");
  EXPECT_EQ(after.checking_since, 0);  // the check ended: mark and count cleared
  EXPECT_EQ(after.crashes, 0);
}

TEST_F(SchedulerTest, SuspectsThatDiedAloneMoreOftenGoLater) {
  ASSERT_TRUE(store_->AddWatch("https://example.org/c", ""));
  WitnessFetcher fetcher(*store_);
  Watcher watcher(fetcher, *store_);
  const UnixSeconds now = NowUnixSeconds();
  ASSERT_TRUE(store_->MarkChecking(store_->FindWatch("https://example.org/a")->id, now - 5, 2));
  ASSERT_TRUE(store_->MarkChecking(store_->FindWatch("https://example.org/b")->id, now - 5, 0));
  Scheduler restarted(watcher, *store_, Log(log_, false));
  ASSERT_TRUE(restarted.RunDueChecks(now));
  ASSERT_EQ(fetcher.seen.size(), 3u);
  EXPECT_EQ(fetcher.seen[0].url, "https://example.org/c");
  EXPECT_EQ(fetcher.seen[1].url, "https://example.org/b");
  EXPECT_EQ(fetcher.seen[1].crashes, 1);
  EXPECT_EQ(fetcher.seen[2].url, "https://example.org/a");
  EXPECT_EQ(fetcher.seen[2].crashes, 3);
  EXPECT_NE(log_.str().find("(2 time(s) alone, in a row)"), std::string::npos);
}

TEST_F(SchedulerTest, WatchThatKeepsKillingTheDaemonWhenCheckedAloneIsQuarantined) {
  Watcher watcher(fetcher_, *store_);
  const WatchId a = store_->FindWatch("https://example.org/a")->id;
  const UnixSeconds now = NowUnixSeconds();
  // The daemon died in a third check of it alone.
  ASSERT_TRUE(store_->MarkChecking(a, now - 5, 3));
  Scheduler restarted(watcher, *store_, Log(log_, false));
  auto summary = restarted.RunDueChecks(now);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->quarantined, 1);
  EXPECT_EQ(summary->checked, 1);  // only /b
  const Watch after = *store_->FindWatch("https://example.org/a");
  EXPECT_EQ(after.state, "quarantined");
  EXPECT_EQ(after.crashes, 3);
  EXPECT_EQ(after.checking_since, 0);
  EXPECT_EQ(restarted.RunDueChecks(now + 24 * 3600)->checked, 1);  // still left alone
  EXPECT_NE(log_.str().find("3 checks of it alone, in a row; quarantined, not checked again"),
            std::string::npos);
}

TEST_F(SchedulerTest, RunReturnsWhenTheStopFlagIsSet) {
  Watcher watcher(fetcher_, *store_);
  Scheduler scheduler(watcher, *store_, Log(log_, false));
  volatile std::sig_atomic_t stop = 1;
  EXPECT_TRUE(scheduler.Run(stop));
  EXPECT_TRUE(fetcher_.requests.empty());
}

TEST(LogTest, JournaldLinesCarryTheirPriority) {
  std::ostringstream journal;
  Log log(journal, /*journald=*/true);
  log.Info("cycle: 2 checked");
  log.Debug("https://example.org/a: new revision 2");
  log.Warning("check failed: timeout");
  EXPECT_EQ(journal.str(),
            "<6>cycle: 2 checked\n<7>https://example.org/a: new revision 2\n"
            "<4>check failed: timeout\n");
  std::ostringstream plain;
  Log(plain, false).Info("cycle: 2 checked");
  EXPECT_EQ(plain.str(), "cycle: 2 checked\n");
}

// Records how many fetches run at once, per host and in all; each fetch
// takes a little while so that workers overlap.
struct Concurrency {
  std::mutex mutex;
  std::map<std::string, int> now;
  std::map<std::string, int> most;
  int all_now = 0;
  int all_most = 0;
  std::vector<std::pair<std::string, std::chrono::steady_clock::time_point>> starts;
};

class SlowFetcher final : public Fetcher {
 public:
  explicit SlowFetcher(Concurrency& c) : c_(c) {}
  Result<FetchedPage> Fetch(const FetchRequest& request) override {
    const std::string host = HostOf(request.url);
    {
      std::lock_guard lock(c_.mutex);
      c_.most[host] = std::max(c_.most[host], ++c_.now[host]);
      c_.all_most = std::max(c_.all_most, ++c_.all_now);
      c_.starts.emplace_back(host, std::chrono::steady_clock::now());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    {
      std::lock_guard lock(c_.mutex);
      --c_.now[host];
      --c_.all_now;
    }
    return ServedPage(request.url);
  }

 private:
  Concurrency& c_;
};

class ParallelSchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("revwatch-parallel-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    auto store = SqliteStore::Open(path_.string());
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    for (int i = 0; i < 6; ++i) {
      ASSERT_TRUE(store_->AddWatch("https://a.example/" + std::to_string(i), ""));
      ASSERT_TRUE(store_->AddWatch("https://b.example/" + std::to_string(i), ""));
    }
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  SchedulerOptions Options(int workers, HostLimits limits,
                           std::map<std::string, HostLimits, std::less<>> hosts = {}) {
    SchedulerOptions options;
    options.workers = workers;
    options.hosts.defaults = limits;
    options.hosts.hosts = std::move(hosts);
    options.make_worker = [this]() -> Result<CheckWorker> {
      auto store = SqliteStore::Open(path_.string());
      if (!store) return tl::unexpected(store.error());
      CheckWorker worker;
      worker.store = std::move(*store);
      worker.fetcher = std::make_unique<SlowFetcher>(concurrency_);
      worker.watcher = std::make_unique<Watcher>(*worker.fetcher, *worker.store);
      return worker;
    };
    return options;
  }

  std::filesystem::path path_;
  std::unique_ptr<SqliteStore> store_;
  Concurrency concurrency_;
  std::ostringstream log_;
};

TEST_F(ParallelSchedulerTest, WorkersCheckAtOnceWithinTheHostLimit) {
  SlowFetcher unused(concurrency_);
  Watcher watcher(unused, *store_);
  Scheduler scheduler(watcher, *store_, Log(log_, false), Options(4, {2, std::chrono::milliseconds(0)}));
  auto summary = scheduler.RunDueChecks(NowUnixSeconds());
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->checked, 12);
  EXPECT_EQ(summary->new_revisions, 12);
  EXPECT_GT(concurrency_.all_most, 2);          // more than one host's worth at once
  EXPECT_LE(concurrency_.all_most, 4);          // the global limit
  EXPECT_LE(concurrency_.most["a.example"], 2);  // the per-host limit
  EXPECT_LE(concurrency_.most["b.example"], 2);
  const auto watches = store_->ListWatches();
  ASSERT_TRUE(watches);
  for (const Watch& watch : *watches) {
    EXPECT_EQ(watch.revisions, 1) << watch.url;
    EXPECT_GT(watch.next_check_at, 0) << watch.url;
    EXPECT_EQ(watch.checking_since, 0) << watch.url;
  }
}

TEST_F(ParallelSchedulerTest, AConfiguredHostGetsItsOwnLimit) {
  SlowFetcher unused(concurrency_);
  Watcher watcher(unused, *store_);
  Scheduler scheduler(watcher, *store_, Log(log_, false),
                      Options(4, {3, std::chrono::milliseconds(0)},
                              {{"b.example", {1, std::chrono::milliseconds(0)}}}));
  auto summary = scheduler.RunDueChecks(NowUnixSeconds());
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->checked, 12);
  EXPECT_EQ(concurrency_.most["b.example"], 1);
  EXPECT_GE(concurrency_.most["a.example"], 2);
  EXPECT_LE(concurrency_.most["a.example"], 3);
}

TEST_F(ParallelSchedulerTest, FetchesFromOneHostStartTheDelayApart) {
  SlowFetcher unused(concurrency_);
  Watcher watcher(unused, *store_);
  Scheduler scheduler(watcher, *store_, Log(log_, false),
                      Options(4, {4, std::chrono::milliseconds(100)}));
  ASSERT_TRUE(scheduler.RunDueChecks(NowUnixSeconds()));
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> by_host;
  for (const auto& [host, at] : concurrency_.starts) by_host[host].push_back(at);
  for (auto& [host, starts] : by_host) {
    ASSERT_EQ(starts.size(), 6u) << host;
    std::sort(starts.begin(), starts.end());
    // The gate lets the six fetches of a host in 100 ms apart, so they
    // span at least 500 ms less the (small, variable) time between the
    // gate and the first fetch; without the delay they would all start
    // within a few tens of milliseconds.
    EXPECT_GE(starts.back() - starts.front(), std::chrono::milliseconds(400)) << host;
  }
}

}  // namespace
}  // namespace revwatch
