#include "diff/lexicon.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

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

// The built-in lexicon is frozen at build time (diff/lexicon_snapshot.cc):
// it must answer as the list files loaded at run time do, for every line
// of them read as text.
TEST(LexiconTest, BuiltInAnswersAsItsListFiles) {
  Lexicon loaded;
  std::string all;
  for (const char* name : {"lexicon/en.txt", "lexicon/uk.txt", "lexicon/ru.txt"}) {
    std::ifstream in(std::string(REVWATCH_SOURCE_DIR) + "/diff/" + name, std::ios::binary);
    const std::string text(std::istreambuf_iterator<char>(in), {});
    ASSERT_FALSE(text.empty()) << name;
    ASSERT_TRUE(loaded.Add(text, name));
    all += text;
  }
  const Lexicon& built_in = Lexicon::BuiltIn();
  std::size_t lines = 0;
  for (std::size_t pos = 0, end; pos < all.size(); pos = end + 1) {
    end = all.find('\n', pos);
    if (end == std::string::npos) end = all.size();
    const std::vector<std::string_view> words = Folded(all.substr(pos, end - pos));
    for (std::size_t i = 0; i < words.size(); ++i) {
      ASSERT_EQ(built_in.StartMask(words[i]), loaded.StartMask(words[i])) << words[i];
      ASSERT_EQ(built_in.NumberValue(words[i]), loaded.NumberValue(words[i])) << words[i];
      ASSERT_EQ(built_in.UnitSymbol(words[i]), loaded.UnitSymbol(words[i])) << words[i];
      ASSERT_EQ(built_in.SameSourceStems(words[i]), loaded.SameSourceStems(words[i])) << words[i];
      for (std::size_t list = 0; list < kLexiconListCount; ++list) {
        const auto id = static_cast<LexiconList>(list);
        ASSERT_EQ(built_in.MatchAt(id, words, i), loaded.MatchAt(id, words, i)) << words[i];
        ASSERT_EQ(built_in.MatchedEntry(id, words, i), loaded.MatchedEntry(id, words, i));
        if (id == LexiconList::kSource) {
          ASSERT_EQ(built_in.SameSourceAs(built_in.MatchedEntry(id, words, i)),
                    loaded.SameSourceAs(loaded.MatchedEntry(id, words, i)))
              << words[i];
        }
      }
    }
    ++lines;
  }
  EXPECT_GT(lines, 1000u);
}

TEST(LexiconTest, PhrasesAndWildcardsMatchAtAPosition) {
  const Lexicon& lexicon = Lexicon::BuiltIn();
  const auto words = Folded("The report is not true at all");
  EXPECT_EQ(lexicon.MatchAt(LexiconList::kDenial, words, 3), 2u);  // "not true"
  EXPECT_EQ(lexicon.MatchAt(LexiconList::kDenial, words, 0), 0u);
}

TEST(LexiconTest, AMarkAloneIsAWordOfAnEntry) {
  Lexicon lexicon;
  ASSERT_TRUE(lexicon.Add("[negation-exception]\n, until not\n", "mine.txt"));
  const std::vector<std::string_view> words = {"waited", ",", "until", "not", "until", "not"};
  EXPECT_EQ(lexicon.MatchAt(LexiconList::kNegationException, words, 1), 3u);
  EXPECT_EQ(lexicon.MatchAt(LexiconList::kNegationException, words, 4), 0u);
}

TEST(LexiconTest, AStarAloneInAPhraseIsAnyOneWord) {
  Lexicon lexicon;
  ASSERT_TRUE(lexicon.Add("[negative-verb]\nturn* the * down\n", "mine.txt"));
  EXPECT_EQ(lexicon.MatchAt(LexiconList::kNegativeVerb, Folded("turned the offer down"), 0), 4u);
  EXPECT_EQ(lexicon.MatchAt(LexiconList::kNegativeVerb, Folded("turned the big offer down"), 0),
            0u);
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
  auto unit = lexicon.Add("[unit]\nfurlong*\n", "z.txt");
  ASSERT_FALSE(unit);
  EXPECT_NE(unit.error().message.find("z.txt:2"), std::string::npos);
}

TEST(LexiconTest, UnitsHaveOneSymbolInEveryLanguage) {
  const Lexicon& lexicon = Lexicon::BuiltIn();
  for (const char* word : {"km", "kilometres", "kilometer", "км", "кілометрів", "километра"}) {
    EXPECT_EQ(lexicon.UnitSymbol(word), "km") << word;
  }
  EXPECT_EQ(lexicon.UnitSymbol("metres"), "m");
  EXPECT_EQ(lexicon.UnitSymbol("kilos"), std::nullopt);
  // A unit's symbol is no number value.
  EXPECT_EQ(lexicon.NumberValue("km"), std::nullopt);
  Lexicon mine = Lexicon::BuiltIn();
  ASSERT_TRUE(mine.Add("[unit]\nfurlong* = fur\n", "mine.txt"));
  EXPECT_EQ(mine.UnitSymbol("furlongs"), "fur");
}

TEST(LexiconTest, OppositesAreListedBothWays) {
  const Lexicon& lexicon = Lexicon::BuiltIn();
  EXPECT_TRUE(lexicon.AreOpposites("теряет", "сохраняет"));
  EXPECT_TRUE(lexicon.AreOpposites("сохраняет", "теряет"));
  EXPECT_TRUE(lexicon.AreOpposites("lost", "kept"));
  EXPECT_FALSE(lexicon.AreOpposites("lost", "found"));
  EXPECT_FALSE(lexicon.AreOpposites("bank", "allowed"));  // "ban", not "ban*"
  // An opposite is no number value, and a file needs both sides.
  EXPECT_EQ(lexicon.NumberValue("lost"), std::nullopt);
  Lexicon mine;
  EXPECT_FALSE(mine.Add("[antonym]\nrise*\n", "z.txt"));
}

// The built-in source entry a word names, by its group ("поліція" for
// "поліцейські"); -1 for no source.
int BuiltInSource(std::string_view word) {
  const Lexicon& lexicon = Lexicon::BuiltIn();
  const std::span<const std::string_view> one(&word, 1);
  return lexicon.SameSourceAs(lexicon.MatchedEntry(LexiconList::kSource, one, 0));
}

TEST(LexiconTest, ASourceCanNameAnotherEntrysSource) {
  const auto source = BuiltInSource;
  EXPECT_GE(source("поліція"), 0);
  EXPECT_EQ(source("поліцейські"), source("поліції"));
  EXPECT_EQ(source("правоохоронці"), source("поліція"));
  EXPECT_EQ(source("правоохранители"), source("полиции"));
  EXPECT_EQ(source("prosecution"), source("prosecutors"));
  EXPECT_NE(source("prosecution"), source("police"));
  EXPECT_EQ(source("weather"), -1);
  // A source without a value is its own.
  Lexicon mine;
  ASSERT_TRUE(mine.Add("[source]\nsheriff*\ndeput* = sheriff\n", "mine.txt"));
  const std::vector<std::string_view> words = {"deputies", "sheriffs", "mayor"};
  EXPECT_EQ(mine.SameSourceAs(mine.MatchedEntry(LexiconList::kSource, words, 0)),
            mine.MatchedEntry(LexiconList::kSource, words, 1));
}

// A source word's forms, not every word its stem begins: "главный" is
// main, "мережа" a network, "учения" an exercise, "судно" a ship.
TEST(LexiconTest, ASourcesFormsAreNotEveryWordOfItsStem) {
  const auto source = BuiltInSource;
  for (const std::string_view word :
       {"главными", "главное", "мережі", "мертві", "учения", "судно", "судьба", "науковий"}) {
    EXPECT_EQ(source(word), -1) << word;
  }
  EXPECT_GE(source("глава"), 0);
  EXPECT_EQ(source("главы"), source("руководителя"));
  EXPECT_EQ(source("мером"), source("голова"));
  EXPECT_EQ(source("суда"), source("суд"));
  EXPECT_EQ(source("судьи"), source("суд"));
  EXPECT_EQ(source("ученые"), source("ученого"));
  EXPECT_EQ(source("науковці"), source("науковець"));
}

// "Without" on its own and in words that say it, not every word "без"
// begins ("безопасность" is safety).
TEST(LexiconTest, PrivativeWordsSayWithout) {
  const Lexicon& lexicon = Lexicon::BuiltIn();
  auto privative = [&](std::string_view word) {
    return lexicon.MatchAt(LexiconList::kPrivative, std::span(&word, 1), 0) == 1;
  };
  for (const std::string_view word : {"без", "бездомных", "безхатченків", "without", "homeless"}) {
    EXPECT_TRUE(privative(word)) << word;
  }
  for (const std::string_view word : {"безопасность", "безпека", "беседа", "unless", "не"}) {
    EXPECT_FALSE(privative(word)) << word;
  }
}

}  // namespace
}  // namespace revwatch
