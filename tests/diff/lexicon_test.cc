#include "diff/lexicon.h"

#include <gtest/gtest.h>

#include "diff/tokenizer.h"

namespace revwatch {
namespace {

// Lower-cased token keys of `text`; they view a vocabulary that lives as
// long as the test binary.
std::vector<std::string_view> Folded(std::string_view text) {
  static Vocabulary vocabulary;
  return Tokenize(text, vocabulary).FoldedWords();
}

TEST(LexiconTest, BuiltInListsCoverEnglishUkrainianRussian) {
  const Lexicon& lexicon = Lexicon::BuiltIn();
  EXPECT_TRUE(lexicon.Contains(LexiconList::kDenial, Folded("The ministry denied it")));
  EXPECT_TRUE(lexicon.Contains(LexiconList::kDenial, Folded("Міністерство спростувало")));
  EXPECT_TRUE(lexicon.Contains(LexiconList::kDenial, Folded("Кремль опроверг сообщение")));
  EXPECT_TRUE(lexicon.Contains(LexiconList::kDenial,
                               Folded("это не соответствует действительности")));
  EXPECT_FALSE(lexicon.Contains(LexiconList::kDenial, Folded("He refused the invitation")));
  EXPECT_TRUE(lexicon.Contains(LexiconList::kNegation, Folded("it won't happen")));
  EXPECT_EQ(lexicon.NumberValue("five"), "5");
  EXPECT_EQ(lexicon.NumberValue("п'ять"), "5");
}

TEST(LexiconTest, PhrasesAndWildcardsMatchAtAPosition) {
  const Lexicon& lexicon = Lexicon::BuiltIn();
  const auto words = Folded("The report is not true at all");
  EXPECT_EQ(lexicon.MatchAt(LexiconList::kDenial, words, 3), 2u);  // "not true"
  EXPECT_EQ(lexicon.MatchAt(LexiconList::kDenial, words, 0), 0u);
}

TEST(LexiconTest, UsersCanAddWords) {
  Lexicon lexicon = Lexicon::BuiltIn();
  EXPECT_FALSE(lexicon.Contains(LexiconList::kDenial, Folded("pure invention")));
  ASSERT_TRUE(lexicon.Add("# mine\n[denial]\npure invention\n", "mine.txt"));
  EXPECT_TRUE(lexicon.Contains(LexiconList::kDenial, Folded("a pure invention")));
}

TEST(LexiconTest, BadFilesNameTheLine) {
  Lexicon lexicon;
  auto unknown = lexicon.Add("[denial]\nno\n\n[bogus]\n", "x.txt");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kConfig);
  EXPECT_NE(unknown.error().message.find("x.txt:4"), std::string::npos);
  auto orphan = lexicon.Add("word\n", "y.txt");
  ASSERT_FALSE(orphan);
  EXPECT_NE(orphan.error().message.find("y.txt:1"), std::string::npos);
}

}  // namespace
}  // namespace revwatch
