#include "alert/mail_header.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

// Decodes "=?UTF-8?B?...?=" words (joined by folding whitespace) back to
// UTF-8, enough to check the encoder.
std::string DecodeWords(const std::string& value) {
  static const std::string kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t pos = 0;
  while ((pos = value.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const std::size_t start = pos + 10;
    const std::size_t end = value.find("?=", start);
    unsigned bits = 0;
    int count = 0;
    for (std::size_t i = start; i < end; ++i) {
      if (value[i] == '=') break;
      bits = (bits << 6) | static_cast<unsigned>(kDigits.find(value[i]));
      count += 6;
      if (count >= 8) {
        count -= 8;
        out += static_cast<char>((bits >> count) & 0xFF);
      }
    }
    pos = end + 2;
  }
  return out;
}

TEST(MailHeaderTest, OneLineRemovesLineBreaksAndControls) {
  EXPECT_EQ(OneLine("Headline\r\nBcc: evil@example.org"), "Headline Bcc: evil@example.org");
  EXPECT_EQ(OneLine(std::string("a\0b\tc\x7f  d\n", 11)), "a b c d");
  EXPECT_EQ(OneLine("  plain  "), "plain");
}

TEST(MailHeaderTest, AsciiStaysAsItIs) {
  EXPECT_EQ(EncodeHeaderValue("Subject", "[revwatch] denial: White House denies"),
            "[revwatch] denial: White House denies");
}

TEST(MailHeaderTest, CyrillicBecomesEncodedWordsThatDecodeBack) {
  const std::string headline =
      "[revwatch] denial, headline: Білий дім спростував повідомлення FT про гарантії "
      "безпеки для України — «це абсолютна неправда»";
  const std::string value = EncodeHeaderValue("Subject", headline);
  EXPECT_EQ(DecodeWords(value), headline);
  // Every encoded word is at most 75 characters, every line at most 78
  // (the first counting "Subject: "), lines joined by CRLF SP only.
  std::size_t line_start = 0;
  bool first = true;
  for (;;) {
    const std::size_t end = value.find("\r\n", line_start);
    const std::string line = value.substr(line_start, end - line_start);
    EXPECT_LE(line.size() + (first ? 9 : 0), 78u) << line;
    for (std::size_t word = line.find("=?UTF-8?B?"); word != std::string::npos;) {
      const std::size_t close = line.find("?=", word + 10);
      ASSERT_NE(close, std::string::npos) << line;
      EXPECT_LE(close + 2 - word, 75u) << line;
      word = line.find("=?UTF-8?B?", close + 2);
    }
    EXPECT_EQ(line.find('\r'), std::string::npos);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    if (end == std::string::npos) break;
    EXPECT_EQ(value[end + 2], ' ');
    line_start = end + 2;
    first = false;
  }
}

TEST(MailHeaderTest, AHostileHeadlineCannotAddAHeader) {
  const std::string value = EncodeHeaderValue("Subject", "Тест\r\nBcc: evil@example.org\r\n");
  EXPECT_EQ(value.find("\r\nBcc"), std::string::npos);
  EXPECT_EQ(DecodeWords(value), "Тест Bcc: evil@example.org");
  // ASCII that looks like an encoded word is encoded itself.
  EXPECT_EQ(DecodeWords(EncodeHeaderValue("Subject", "=?UTF-8?B?x?=")), "=?UTF-8?B?x?=");
}

TEST(MailHeaderTest, AddressesAreCheckedStrictly) {
  for (const char* good : {"desk@example.org", "first.last+news@mail.example.co.uk",
                           "a_b-c@x-y.example"}) {
    EXPECT_TRUE(IsValidMailAddress(good)) << good;
  }
  for (const char* bad :
       {"", "desk", "@example.org", "desk@", "desk@localhost", "desk@example..org",
        ".desk@example.org", "de..sk@example.org", "desk@-example.org", "desk @example.org",
        "desk@example.org\r\nRCPT TO:<evil@example.org>", "<desk@example.org>",
        "\"quoted\"@example.org", "desk@[127.0.0.1]", "десk@example.org", "a@b@example.org"}) {
    EXPECT_FALSE(IsValidMailAddress(bad)) << bad;
  }
}

}  // namespace
}  // namespace revwatch
