#include "daemon/watcher.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/daemon/fake_fetcher.h"

namespace revwatch {
namespace {

std::string Page(const std::string& title, const std::vector<std::string>& paragraphs) {
  std::string html = "<html><head><title>" + title + "</title></head><body>"
                     "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
                     "<article><h1>" + title + "</h1>";
  for (const std::string& p : paragraphs) html += "<p>" + p + "</p>";
  return html + "</article><footer>© Outlet</footer></body></html>";
}

const std::vector<std::string> kBody = {
    "The Financial Times, citing eight people familiar with the talks, reported the plan.",
    "Officials in Kyiv said they had not been shown any written proposal so far."};

class WatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(":memory:");
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    auto watch = store_->AddWatch("https://example.org/a", "");
    ASSERT_TRUE(watch);
    watch_id_ = watch->id;
  }
  Result<CheckReport> Check() {
    auto watch = store_->FindWatch(std::to_string(watch_id_));
    EXPECT_TRUE(watch);
    return Watcher(fetcher_, *store_).Check(*watch);
  }

  FakeFetcher fetcher_;
  std::unique_ptr<SqliteStore> store_;
  WatchId watch_id_ = 0;
};

TEST_F(WatcherTest, FirstCheckStoresRevisionOne) {
  fetcher_.Serve(Page("US ties guarantees to concessions", kBody), "\"e1\"");
  auto report = Check();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->outcome, CheckOutcome::kNewRevision);
  EXPECT_EQ(report->revision, 1);
  auto latest = store_->LatestRevision(watch_id_);
  ASSERT_TRUE(latest && *latest);
  EXPECT_EQ((*latest)->article.title, "US ties guarantees to concessions");
  EXPECT_EQ((*latest)->article.paragraphs, kBody);
  EXPECT_TRUE(fetcher_.requests[0].etag.empty());
}

TEST_F(WatcherTest, SameTextIsUnchangedAndSendsValidators) {
  fetcher_.Serve(Page("Headline", kBody), "\"e1\"");
  ASSERT_TRUE(Check());
  auto report = Check();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->outcome, CheckOutcome::kUnchanged);
  EXPECT_EQ(report->revision, 1);
  EXPECT_EQ(fetcher_.requests[1].etag, "\"e1\"");
  EXPECT_EQ(store_->ListRevisions(watch_id_)->size(), 1u);
}

TEST_F(WatcherTest, NotModifiedSkipsParsing) {
  fetcher_.Serve(Page("Headline", kBody), "\"e1\"");
  ASSERT_TRUE(Check());
  fetcher_.page.status = 304;
  fetcher_.page.body = "not html at all";  // would fail extraction if parsed
  auto report = Check();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->outcome, CheckOutcome::kNotModified);
}

TEST_F(WatcherTest, EditedPageBecomesRevisionTwoWithTags) {
  fetcher_.Serve(Page("US ties guarantees to concessions", kBody));
  ASSERT_TRUE(Check());
  std::vector<std::string> edited = kBody;
  edited.push_back("The White House said the report was totally false.");
  fetcher_.Serve(Page("White House denies linking guarantees to concessions", edited));
  auto report = Check();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->outcome, CheckOutcome::kNewRevision);
  EXPECT_EQ(report->revision, 2);
  EXPECT_TRUE(report->substantive);
  EXPECT_EQ(report->tags, (std::vector<std::string>{"headline", "denial", "paragraph-added"}));
  auto revisions = store_->ListRevisions(watch_id_);
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[0].change.paragraphs_added, 1);
}

TEST_F(WatcherTest, HttpErrorIsRecordedWithoutRevision) {
  fetcher_.Serve("<html>Not found</html>");
  fetcher_.page.status = 404;
  auto report = Check();
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kHttpStatus);
  EXPECT_NE(report.error().message.find("HTTP 404"), std::string::npos);
  EXPECT_NE(report.error().message.find("https://example.org/a"), std::string::npos);
  EXPECT_TRUE(store_->ListRevisions(watch_id_)->empty());
  EXPECT_NE(store_->FindWatch("1")->last_checked_at, 0);
}

TEST_F(WatcherTest, TransportErrorIsRecordedWithoutRevision) {
  fetcher_.error = Error{ErrorCode::kNetwork, "https://example.org/a: Connection refused"};
  auto report = Check();
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kNetwork);
  EXPECT_TRUE(store_->ListRevisions(watch_id_)->empty());
}

TEST_F(WatcherTest, PageWithoutArticleIsAFailureNotARevision) {
  fetcher_.Serve("<html><body></body></html>");
  auto report = Check();
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kParse);
  EXPECT_TRUE(store_->ListRevisions(watch_id_)->empty());
}

std::vector<std::string> LongBody() {
  std::vector<std::string> body;
  for (int i = 0; i < 8; ++i) {
    body.push_back("Paragraph " + std::to_string(i) +
                   " of a long report on the talks between the two governments, which "
                   "officials said would continue next week in the capital.");
  }
  return body;
}

TEST_F(WatcherTest, BotCheckPageServedWith200IsNotARevision) {
  fetcher_.Serve(Page("Headline", kBody));
  ASSERT_TRUE(Check());
  fetcher_.Serve(Page("Just a moment", {"Please enable JavaScript and cookies to continue, "
                                        "we are checking your browser."}));
  auto report = Check();
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("bot check"), std::string::npos) << report.error().message;
  EXPECT_EQ((*store_->LatestRevision(watch_id_))->number, 1);
}

TEST_F(WatcherTest, RedirectToALoginPageIsNotARevision) {
  fetcher_.Serve(Page("Headline", kBody));
  ASSERT_TRUE(Check());
  fetcher_.Serve(Page("Sign in", {"Sign in to your account to read this article and more."}));
  fetcher_.page.final_url = "https://example.org/login?next=/a";
  auto report = Check();
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("redirected to"), std::string::npos);
  EXPECT_EQ((*store_->LatestRevision(watch_id_))->number, 1);
}

TEST_F(WatcherTest, CollapsedTextIsHeldUntilAnotherCheckConfirmsIt) {
  fetcher_.Serve(Page("Headline", LongBody()));
  ASSERT_TRUE(Check());
  fetcher_.Serve(Page("Headline", {LongBody().front()}));  // most of it gone
  auto first = Check();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->outcome, CheckOutcome::kSuspect);
  EXPECT_EQ((*store_->LatestRevision(watch_id_))->number, 1);
  auto second = Check();  // the same short text again: confirmed
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->outcome, CheckOutcome::kNewRevision);
  EXPECT_EQ((*store_->LatestRevision(watch_id_))->number, 2);
}

TEST_F(WatcherTest, SuspectTextThatGoesAwayIsForgotten) {
  fetcher_.Serve(Page("Headline", LongBody()));
  ASSERT_TRUE(Check());
  fetcher_.Serve(Page("Headline", {LongBody().front()}));
  ASSERT_EQ(Check()->outcome, CheckOutcome::kSuspect);
  fetcher_.Serve(Page("Headline", LongBody()));  // back to normal
  ASSERT_EQ(Check()->outcome, CheckOutcome::kUnchanged);
  EXPECT_TRUE(store_->FindWatch(std::to_string(watch_id_))->suspect_hash.empty());
  fetcher_.Serve(Page("Headline", {LongBody().front()}));
  EXPECT_EQ(Check()->outcome, CheckOutcome::kSuspect);  // suspect again, not confirmed
}

TEST_F(WatcherTest, ClassifiesWithTheConfiguredWordLists) {
  Lexicon lexicon = Lexicon::BuiltIn();
  ASSERT_TRUE(lexicon.Add("[denial]\nwaved away\n", "words.txt"));
  auto watch = store_->FindWatch(std::to_string(watch_id_));
  fetcher_.Serve(Page("Headline", kBody));
  ASSERT_TRUE(Watcher(fetcher_, *store_, lexicon).Check(*watch));
  std::vector<std::string> body = kBody;
  body.push_back("The ministry waved away the report and said the plan did not exist.");
  fetcher_.Serve(Page("Headline", body));
  auto report = Watcher(fetcher_, *store_, lexicon).Check(*watch);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_NE(std::find(report->tags.begin(), report->tags.end(), "denial"), report->tags.end());
}

}  // namespace
}  // namespace revwatch
