#include "alert/alert_mail.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace revwatch {
namespace {

EditFacts SeedLikeEdit() {
  const Article before{"FT: US ties Ukraine security guarantees to territorial concessions", "",
                       "", {"The Financial Times reported the plan on Monday, citing eight people."}};
  const Article after{"White House denies linking guarantees to concessions", "", "",
                      {"The Financial Times reported the plan on Monday, citing eight people.",
                       "The White House called the report totally false."}};
  EditFacts edit;
  edit.url = "https://example.org/news/1";
  edit.old_number = 1;
  edit.new_number = 2;
  edit.old_headline = before.title;
  edit.new_headline = after.title;
  edit.old_first_seen = 1769520960;  // 2026-01-27 13:36 UTC
  edit.new_first_seen = 1769524560;
  edit.diff = DiffArticles(before, after);
  return edit;
}

std::string Header(const Mail& mail, const std::string& name) {
  for (const std::string& line : mail.headers) {
    if (line.rfind(name + ": ", 0) == 0) return line.substr(name.size() + 2);
  }
  return "";
}

TEST(AlertMailTest, SubjectTagsAndBothPartsNameTheEdit) {
  const Mail mail = BuildAlertMail(
      SeedLikeEdit(), {"revwatch@example.org", {"desk@example.org"}, "<a.1@example.org>", "", 0});
  EXPECT_EQ(Header(mail, "Subject"),
            "[revwatch] headline, denial, paragraph-added: White House denies linking "
            "guarantees to concessions");
  EXPECT_EQ(Header(mail, "X-Revwatch-Tags"), "headline, denial, paragraph-added");
  EXPECT_EQ(Header(mail, "Message-ID"), "<a.1@example.org>");
  EXPECT_EQ(Header(mail, "Date"), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(Header(mail, "In-Reply-To"), "");  // the first alert of its thread
  EXPECT_NE(mail.text.find("{+The White House called the report totally false.+}"),
            std::string::npos);
  EXPECT_NE(mail.text.find("Headline was: FT: US ties"), std::string::npos);
  EXPECT_NE(mail.text.find("Version 1 first seen 2026-01-27 13:36 UTC"), std::string::npos);
  EXPECT_NE(mail.text.find("revwatch diff 'https://example.org/news/1' 1 2"), std::string::npos);
  EXPECT_NE(mail.html.find("<ins style="), std::string::npos);
  EXPECT_NE(mail.html.find(">denial</span>"), std::string::npos);
  // CRLF line ends only.
  for (const std::string* part : {&mail.text, &mail.html}) {
    for (std::size_t i = 0; i < part->size(); ++i) {
      if ((*part)[i] == '\n') {
        ASSERT_TRUE(i > 0 && (*part)[i - 1] == '\r') << i;
      }
    }
  }
}

TEST(AlertMailTest, LaterAlertsReferToTheFirstOfTheirThread) {
  const Mail mail = BuildAlertMail(SeedLikeEdit(), {"revwatch@example.org", {"desk@example.org"},
                                                    "<a.2@example.org>", "<a.1@example.org>", 0});
  EXPECT_EQ(Header(mail, "In-Reply-To"), "<a.1@example.org>");
  EXPECT_EQ(Header(mail, "References"), "<a.1@example.org>");
}

TEST(AlertMailTest, AHostileHeadlineStaysInTheSubject) {
  EditFacts edit = SeedLikeEdit();
  edit.new_headline = "Denied\r\nBcc: evil@example.net\r\n\r\nbody";
  const Mail mail = BuildAlertMail(edit, {"r@example.org", {"d@example.org"}, "<x@y.org>", "", 0});
  for (const std::string& line : mail.headers) {
    EXPECT_EQ(line.rfind("Bcc", 0), std::string::npos) << line;
    for (std::size_t i = line.find('\r'); i != std::string::npos; i = line.find('\r', i + 1)) {
      EXPECT_EQ(line.compare(i, 3, "\r\n "), 0) << line;  // folding only
    }
  }
  EXPECT_NE(Header(mail, "Subject").find("Denied Bcc: evil@example.net body"), std::string::npos);
  EXPECT_EQ(mail.to, std::vector<std::string>{"d@example.org"});
}

TEST(AlertMailTest, PageTextIsEscapedInHtml) {
  EditFacts edit = SeedLikeEdit();
  edit.new_headline = "<script>alert(1)</script> & \"more\"";
  const Mail mail = BuildAlertMail(edit, {"r@example.org", {"d@example.org"}, "<x@y.org>", "", 0});
  EXPECT_EQ(mail.html.find("<script>"), std::string::npos);
  EXPECT_NE(mail.html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"),
            std::string::npos);
}

TEST(AlertMailTest, ADigestListsEveryEdit) {
  EditFacts second = SeedLikeEdit();
  second.url = "https://example.org/news/2";
  const Mail mail = BuildDigestMail({SeedLikeEdit(), second},
                                    {"r@example.org", {"d@example.org"}, "<dg@y.org>", "", 0});
  EXPECT_EQ(Header(mail, "Subject"), "[revwatch] 2 edits to watched articles");
  EXPECT_NE(mail.text.find("https://example.org/news/1"), std::string::npos);
  EXPECT_NE(mail.text.find("https://example.org/news/2"), std::string::npos);
}

}  // namespace
}  // namespace revwatch
