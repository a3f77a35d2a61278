#include "alert/outbox.h"

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "storage/sqlite_store.h"

namespace revwatch {
namespace {

class FakeTransport final : public MailTransport {
 public:
  SendResult Send(const Mail& mail) override {
    sent.push_back(mail);
    return next;
  }
  std::vector<Mail> sent;
  SendResult next{true, false, ""};
};

std::string Header(const Mail& mail, const std::string& name) {
  for (const std::string& line : mail.headers) {
    if (line.rfind(name + ": ", 0) == 0) return line.substr(name.size() + 2);
  }
  return "";
}

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("revwatch-outbox-" + std::to_string(::getpid()) + ".db");
    auto store = SqliteStore::Open(path_.string());
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    auto watch = store_->AddWatch("https://example.org/a", "");
    ASSERT_TRUE(watch);
    watch_ = *watch;
    smtp_.url = "smtp://127.0.0.1:1";
    smtp_.tls_required = false;
    smtp_.from = "revwatch@example.org";
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }

  // Stores revision `number` with headline `title`; the change is
  // substantive (a headline and a denial) from the second on.
  void Store(int number, const std::string& title, const AlertPolicy& policy) {
    NewRevision revision;
    revision.article = {title, "", "", {"The report said so.", "Officials denied it " + title}};
    revision.text_hash = "hash-" + title;
    revision.snapshot = {"<html></html>", "", "utf-8"};
    revision.parent_number = number - 1;
    if (number > 1) {
      revision.change.tags = {"headline", "denial"};
      revision.change.substantive = true;
    }
    auto w = store_->FindWatch(std::to_string(watch_.id));
    ASSERT_TRUE(w);
    revision.alerts = AlertsFor(*w, revision.change, number, policy);
    FetchRecord fetch;
    fetch.fetched_at = 1000 * number;
    ASSERT_TRUE(store_->RecordNewRevision(watch_.id, fetch, revision));
  }

  std::filesystem::path path_;
  std::unique_ptr<SqliteStore> store_;
  Watch watch_;
  SmtpSettings smtp_;
  FakeTransport transport_;
};

TEST_F(OutboxTest, AlertsOnlyForSubstantiveLaterRevisionsWithAWantedTag) {
  const AlertPolicy policy{{"desk@example.org"}, "example.org"};
  ChangeRecord change;
  change.tags = {"cosmetic"};
  EXPECT_TRUE(AlertsFor(watch_, change, 2, policy).empty());
  change.tags = {"denial"};
  change.substantive = true;
  EXPECT_TRUE(AlertsFor(watch_, change, 1, policy).empty());  // the first version
  Watch picky = watch_;
  picky.alert_on = {"quote", "headline"};
  picky.notify = {"editor@example.org", "desk@example.org"};
  EXPECT_TRUE(AlertsFor(picky, change, 2, policy).empty());
  change.tags = {"denial", "quote"};
  const auto alerts = AlertsFor(picky, change, 2, policy);
  ASSERT_EQ(alerts.size(), 2u);  // desk once, editor
  EXPECT_EQ(alerts[0].recipient, "desk@example.org");
  EXPECT_EQ(alerts[1].recipient, "editor@example.org");
  EXPECT_EQ(alerts[0].message_id.rfind("<revwatch." + std::to_string(watch_.id) + ".2.", 0), 0u);
  EXPECT_NE(alerts[0].message_id, alerts[1].message_id);
}

TEST_F(OutboxTest, SendsThreadsAndMarksSent) {
  const AlertPolicy policy{{"desk@example.org"}, "example.org"};
  Store(1, "First", policy);
  Store(2, "Second", policy);
  Store(3, "Third", policy);
  Outbox outbox(*store_, transport_, Lexicon::BuiltIn(), smtp_);
  auto summary = outbox.Deliver(5000);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->sent, 2);
  ASSERT_EQ(transport_.sent.size(), 2u);
  const std::string first_id = Header(transport_.sent[0], "Message-ID");
  EXPECT_EQ(Header(transport_.sent[0], "In-Reply-To"), "");
  EXPECT_EQ(Header(transport_.sent[1], "In-Reply-To"), first_id);
  EXPECT_EQ(Header(transport_.sent[1], "References"), first_id);
  EXPECT_EQ(transport_.sent[1].to, std::vector<std::string>{"desk@example.org"});
  // Nothing is sent twice.
  ASSERT_TRUE(outbox.Deliver(6000));
  EXPECT_EQ(transport_.sent.size(), 2u);
  auto alerts = store_->ListAlerts(false, 0);
  ASSERT_TRUE(alerts);
  for (const AlertRecord& a : *alerts) EXPECT_EQ(a.status, "sent");
}

TEST_F(OutboxTest, FailuresBackOffAndA5xxIsFinal) {
  const AlertPolicy policy{{"desk@example.org"}, "example.org"};
  Store(1, "First", policy);
  Store(2, "Second", policy);
  Outbox outbox(*store_, transport_, Lexicon::BuiltIn(), smtp_);
  transport_.next = {false, false, "connection refused"};
  auto summary = outbox.Deliver(5000);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->waiting, 1);
  auto alerts = store_->ListAlerts(true, 0);
  ASSERT_TRUE(alerts);
  ASSERT_EQ(alerts->size(), 1u);
  EXPECT_EQ((*alerts)[0].next_attempt_at, 5060);
  EXPECT_EQ((*alerts)[0].last_error, "connection refused");
  // Not due again before the minute is up; the second wait is two minutes.
  ASSERT_TRUE(outbox.Deliver(5030));
  EXPECT_EQ(transport_.sent.size(), 1u);
  ASSERT_TRUE(outbox.Deliver(5060));
  EXPECT_EQ(transport_.sent.size(), 2u);
  EXPECT_EQ((*store_->ListAlerts(true, 0))[0].next_attempt_at, 5180);
  // The same Message-ID on every attempt.
  EXPECT_EQ(Header(transport_.sent[0], "Message-ID"), Header(transport_.sent[1], "Message-ID"));
  transport_.next = {false, true, "550 no such user"};
  summary = outbox.Deliver(6000, /*everything=*/true);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->failed, 1);
  EXPECT_EQ((*store_->ListAlerts(false, 0))[0].status, "failed");
}

TEST_F(OutboxTest, AnAlertClaimedByAnotherSenderIsNotSentTwice) {
  const AlertPolicy policy{{"desk@example.org"}, "example.org"};
  Store(1, "First", policy);
  Store(2, "Second", policy);
  const auto alerts = store_->ListAlerts(true, 0);
  ASSERT_TRUE(alerts && alerts->size() == 1u);
  auto claimed = store_->ClaimAlert((*alerts)[0].id, 5000, 5600);  // another sender
  ASSERT_TRUE(claimed && *claimed);
  EXPECT_FALSE(*store_->ClaimAlert((*alerts)[0].id, 5000, 5600));
  Outbox outbox(*store_, transport_, Lexicon::BuiltIn(), smtp_);
  ASSERT_TRUE(outbox.Deliver(5100, /*everything=*/true));
  EXPECT_TRUE(transport_.sent.empty());
  // That sender died: its claim runs out and the alert goes once.
  ASSERT_TRUE(outbox.Deliver(5600));
  ASSERT_TRUE(outbox.Deliver(5700));
  EXPECT_EQ(transport_.sent.size(), 1u);
}

TEST_F(OutboxTest, AFailureThatIsNotFinalEndsTheRound) {
  const AlertPolicy policy{{"desk@example.org", "editor@example.org"}, "example.org"};
  Store(1, "First", policy);
  Store(2, "Second", policy);
  transport_.next = {false, false, "connection timed out"};
  Outbox outbox(*store_, transport_, Lexicon::BuiltIn(), smtp_);
  auto summary = outbox.Deliver(5000);
  ASSERT_TRUE(summary);
  EXPECT_EQ(transport_.sent.size(), 1u);  // the second is not tried against a dead server
  EXPECT_EQ(summary->waiting, 1);
  auto pending = store_->ListAlerts(true, 5000);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->size(), 1u);  // still due, claim released
  transport_.next = {true, false, ""};
  summary = outbox.Deliver(5000);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->sent, 1);
}

TEST_F(OutboxTest, ADigestWaitsItsIntervalThenSendsOneMessage) {
  const AlertPolicy policy{{"desk@example.org"}, "example.org"};
  Store(1, "First", policy);
  Store(2, "Second", policy);  // alert created at 2000
  Store(3, "Third", policy);   // at 3000
  Outbox outbox(*store_, transport_, Lexicon::BuiltIn(), smtp_, /*digest_seconds=*/1800);
  ASSERT_TRUE(outbox.Deliver(3500));
  EXPECT_TRUE(transport_.sent.empty());
  auto summary = outbox.Deliver(3800);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->sent, 2);
  ASSERT_EQ(transport_.sent.size(), 1u);
  EXPECT_EQ(Header(transport_.sent[0], "Subject"), "[revwatch] 2 edits to watched articles");
  auto alerts = store_->ListAlerts(false, 0);
  ASSERT_TRUE(alerts);
  for (const AlertRecord& a : *alerts) {
    EXPECT_EQ(a.sent_as, Header(transport_.sent[0], "Message-ID"));  // the digest's
    EXPECT_NE(a.message_id, a.sent_as);                               // its own kept
  }
}

}  // namespace
}  // namespace revwatch
