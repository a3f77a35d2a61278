#include "diff/tokenizer.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.text);
  return out;
}

TEST(TokenizerTest, WordsKeepInnerApostrophesAndHyphens) {
  EXPECT_EQ(Texts("Don't say п'ять, пʼять or п’ять post-war"),
            (std::vector<std::string>{"Don't", "say", "п'ять", ",", "пʼять", "or",
                                      "п’ять", "post-war"}));
}

TEST(TokenizerTest, NumbersKeepTheirSeparators) {
  EXPECT_EQ(Texts("1,000.5 people, 12 000 troops (3.5%) and 12\u00a0000 more"),
            (std::vector<std::string>{"1,000.5", "people", ",", "12 000", "troops", "(",
                                      "3.5%", ")", "and", "12\u00a0000", "more"}));
}

TEST(TokenizerTest, YearsAndListsAreNotGluedIntoOneNumber) {
  EXPECT_EQ(Texts("in 2024 300 people; 1, 2, 3"),
            (std::vector<std::string>{"in", "2024", "300", "people", ";", "1", ",", "2",
                                      ",", "3"}));
}

TEST(TokenizerTest, PunctuationAndQuotesAreTokensOfTheirOwn) {
  const auto tokens = Tokenize("«Так», — сказав він. \"No!\"");
  std::vector<std::string> texts;
  for (const Token& t : tokens) texts.push_back(t.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"«", "Так", "»", ",", "—", "сказав", "він",
                                             ".", "\"", "No", "!", "\""}));
  EXPECT_EQ(tokens[0].kind, TokenKind::kQuote);
  EXPECT_EQ(tokens[3].kind, TokenKind::kPunct);
}

TEST(TokenizerTest, KeysFoldPresentationButNotCase) {
  const auto curly = Tokenize("\u201cIt\u2019s\u201d \u2014 12\u00a0000");
  const auto straight = Tokenize("\"It's\" - 12 000");
  ASSERT_EQ(curly.size(), straight.size());
  for (std::size_t i = 0; i < curly.size(); ++i) {
    EXPECT_EQ(curly[i].key, straight[i].key) << i;
  }
  EXPECT_NE(Tokenize("Kyiv")[0].key, Tokenize("kyiv")[0].key);
}

TEST(TokenizerTest, NfdAndNfcGiveTheSameTokens) {
  const auto nfc = Tokenize("Київ café");
  const auto nfd = Tokenize("Киі\u0308в cafe\u0301");
  ASSERT_EQ(nfc.size(), nfd.size());
  EXPECT_EQ(nfc[0].key, nfd[0].key);
  EXPECT_EQ(nfc[1].key, nfd[1].key);
}

TEST(TokenizerTest, RecordsSpacing) {
  const auto tokens = Tokenize("a, b");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_FALSE(tokens[1].space_before);
  EXPECT_TRUE(tokens[2].space_before);
}

TEST(TokenizerTest, InvalidUtf8DoesNotCrash) {
  const std::string bad = "ok \xff\xfe \xc3 end";
  EXPECT_FALSE(Tokenize(bad).empty());
}

TEST(TokenizerTest, FoldCaseHandlesCyrillic) {
  EXPECT_EQ(FoldCase("ЗАЯВА Білого"), "заява білого");
}

}  // namespace
}  // namespace revwatch
