#include "diff/blame.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(BlameTest, SplitsSentencesAfterTheirEndAndClosingQuotes) {
  EXPECT_EQ(SplitSentences("One. \"Two!\" she said. Три? «Чотири.» П'ять… Six"),
            (std::vector<std::string>{"One.", "\"Two!\" she said.", "Три?", "«Чотири.»",
                                      "П'ять…", "Six"}));
  EXPECT_EQ(SplitSentences("3.5 per cent. U.S. officials"),
            (std::vector<std::string>{"3.5 per cent.", "U.S. officials"}));
  EXPECT_EQ(SplitSentences("У 2020 р. в Києві Mr. Smith спростував. Далі."),
            (std::vector<std::string>{"У 2020 р. в Києві Mr. Smith спростував.", "Далі."}));
}

TEST(BlameTest, EachSentenceKeepsTheRevisionThatIntroducedItsWording) {
  const Article v1{"Headline", "", "", {"First fact. Second fact.", "Kept paragraph."}};
  const Article v2{"Headline", "", "", {"First fact. Second fact changed.", "Kept paragraph."}};
  const Article v3{"New headline", "", "",
                   {"Kept paragraph.", "First fact. Second fact changed again.", "Added."}};
  const ArticleBlame blame = BlameArticle({{1, v1}, {2, v2}, {3, v3}});
  EXPECT_EQ(blame.headline.revision, 3);
  ASSERT_EQ(blame.paragraphs.size(), 3u);
  EXPECT_EQ(blame.paragraphs[0].revision, 1);  // moved, unchanged
  EXPECT_FALSE(blame.paragraphs[0].mixed);
  const BlamedParagraph& edited = blame.paragraphs[1];  // edited twice
  EXPECT_TRUE(edited.mixed);
  EXPECT_EQ(edited.revision, 3);
  ASSERT_EQ(edited.sentences.size(), 2u);
  EXPECT_EQ(edited.sentences[0].revision, 1);
  EXPECT_EQ(edited.sentences[1].revision, 3);
  EXPECT_EQ(blame.paragraphs[2].revision, 3);
}

TEST(BlameTest, WordingThatComesBackStartsAgain) {
  const Article a{"T", "", "", {"It was said."}};
  const Article b{"T", "", "", {"It was not said."}};
  const ArticleBlame blame = BlameArticle({{1, a}, {2, b}, {3, a}});
  EXPECT_EQ(blame.paragraphs[0].revision, 3);  // restored by revision 3
}

}  // namespace
}  // namespace revwatch
