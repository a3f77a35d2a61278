#include "diff/tokenizer.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  Vocabulary vocabulary;
  const TokenizedText tokens = Tokenize(text, vocabulary);
  std::vector<std::string> out;
  for (const Token& t : tokens.tokens) out.emplace_back(tokens.Text(t));
  return out;
}

std::vector<std::string> Keys(std::string_view text) {
  Vocabulary vocabulary;
  const TokenizedText tokens = Tokenize(text, vocabulary);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) out.emplace_back(tokens.Key(i));
  return out;
}

TEST(TokenizerTest, WordsKeepInnerApostrophesAndHyphens) {
  EXPECT_EQ(Texts("Don't say п'ять, пʼять or п’ять post-war"),
            (std::vector<std::string>{"Don't", "say", "п'ять", ",", "пʼять", "or",
                                      "п’ять", "post-war"}));
}

TEST(TokenizerTest, SpellingsOf64KiBAndMoreKeepTheirLength) {
  const std::string longest(0xFFFE, 'a');
  const std::string longer(0xFFFF, 'b');
  const std::string huge(200000, 'c');
  EXPECT_EQ(Texts(longest + " " + longer + " x " + huge + " é"),
            (std::vector<std::string>{longest, longer, "x", huge, "é"}));
  // NFC tokenizes again: the lengths kept apart are those of the new text.
  EXPECT_EQ(Texts(huge + " e\u0301 " + longer),
            (std::vector<std::string>{huge, "\u00e9", longer}));
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
  Vocabulary vocabulary;
  const TokenizedText tokens = Tokenize("«Так», — сказав він. \"No!\"", vocabulary);
  EXPECT_EQ(Texts("«Так», — сказав він. \"No!\""),
            (std::vector<std::string>{"«", "Так", "»", ",", "—", "сказав", "він", ".", "\"",
                                      "No", "!", "\""}));
  EXPECT_EQ(tokens.tokens[0].kind, TokenKind::kQuote);
  EXPECT_EQ(tokens.tokens[3].kind, TokenKind::kPunct);
}

TEST(TokenizerTest, KeysFoldPresentationButNotCase) {
  EXPECT_EQ(Keys("\u201cIt\u2019s\u201d \u2014 12\u00a0000"), Keys("\"It's\" - 12 000"));
  EXPECT_NE(Keys("Kyiv"), Keys("kyiv"));
}

TEST(TokenizerTest, RussianYoIsComparedAsYe) {
  EXPECT_EQ(Keys("ещё Пришёл ЁЛКА"), Keys("еще Пришел ЕЛКА"));
  EXPECT_EQ(Texts("ещё"), std::vector<std::string>{"ещё"});  // the text keeps it
  EXPECT_EQ(FoldCase("ЁЖ"), "еж");
  EXPECT_NE(Keys("ёж"), Keys("їж"));  // only ё
}

TEST(TokenizerTest, EqualKeysShareAVocabularyId) {
  Vocabulary vocabulary;
  const TokenizedText a = Tokenize("\u201cKyiv\u201d kyiv", vocabulary);
  const TokenizedText b = Tokenize("\"Kyiv\"", vocabulary);
  EXPECT_EQ(a.tokens[0].key, b.tokens[0].key);
  EXPECT_EQ(a.tokens[1].key, b.tokens[1].key);
  EXPECT_NE(a.tokens[1].key, a.tokens[3].key);  // case kept in keys
  EXPECT_EQ(a.FoldedId(1), a.FoldedId(3));  // but not when folded
  EXPECT_EQ(vocabulary.Text(a.FoldedId(1)), "kyiv");
}

TEST(TokenizerTest, JoinedTextsKeepTheirFoldedWords) {
  Vocabulary main;
  Vocabulary other;
  const TokenizedText a = Tokenize("Kyiv and Lviv", main);
  TokenizedText b = Tokenize("LVIV, Odesa", other);
  b.Rehome(main, main.Join(other));
  EXPECT_EQ(b.Folded(0), "lviv");
  EXPECT_EQ(b.FoldedId(0), a.FoldedId(2));
  EXPECT_EQ(b.Folded(2), "odesa");
  EXPECT_EQ(b.Key(2), "Odesa");
}

TEST(TokenizerTest, NfdAndNfcGiveTheSameTokens) {
  EXPECT_EQ(Keys("Київ café"), Keys("Киі\u0308в cafe\u0301"));
}

TEST(TokenizerTest, RecordsSpacing) {
  Vocabulary vocabulary;
  const auto tokens = Tokenize("a, b", vocabulary).tokens;
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_FALSE(tokens[1].space_before);
  EXPECT_TRUE(tokens[2].space_before);
}

TEST(TokenizerTest, InvalidUtf8DoesNotCrash) {
  const std::string bad = "ok \xff\xfe \xc3 end";
  EXPECT_FALSE(Texts(bad).empty());
}

TEST(TokenizerTest, FoldCaseHandlesCyrillic) {
  EXPECT_EQ(FoldCase("ЗАЯВА Білого"), "заява білого");
}

TEST(TokenizerTest, NormalisingKeepsTextAfterANul) {
  // "e" + combining acute (NFD), a NUL, then more text: all of it survives.
  const std::string text = std::string("cafe\u0301") + '\0' + "suite";
  Vocabulary vocabulary;
  const TokenizedText tokens = Tokenize(text, vocabulary);
  EXPECT_EQ(tokens.Source(), std::string("caf\u00e9") + '\0' + "suite");
  ASSERT_FALSE(tokens.tokens.empty());
  EXPECT_EQ(tokens.Text(tokens.tokens.back()), "suite");
}

}  // namespace
}  // namespace revwatch
