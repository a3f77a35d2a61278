#include "diff/article_mentions.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(ArticleMentionsTest, FindsATitleBeforeANameInLatinScript) {
  const Article article{"Minister resigns", "", "",
                        {"Transport Minister Eleanor Voss said on Monday.", "Voss left."}};
  const ArticleMentions mentions(article);
  EXPECT_TRUE(mentions.Mentions("Voss"));
  EXPECT_TRUE(mentions.Titled("Voss", "minister"));
  EXPECT_FALSE(mentions.Titled("Voss", "judge"));
  EXPECT_FALSE(mentions.Titled("Hargreave", "minister"));
  EXPECT_TRUE(mentions.TitlesSomeone("minister"));
}

// Cyrillic stems are searched for by a byte after their first letter's
// lead byte (D0/D1, which nearly every byte pair of the text starts with):
// matches must still start on the stem's first byte, at the text's ends too.
TEST(ArticleMentionsTest, FindsATitleBeforeANameInCyrillicScript) {
  const Article article{"Відставка", "", "",
                        {"Коваленко", "губернатор області Віктор Лаптев заявив",
                         "Міністр Коваленко"}};
  const ArticleMentions mentions(article);
  EXPECT_TRUE(mentions.Mentions("Коваленк"));
  EXPECT_TRUE(mentions.Mentions("Лапте"));
  EXPECT_FALSE(mentions.Mentions("Петренк"));
  EXPECT_TRUE(mentions.Titled("Лапте", "губернатор"));
  EXPECT_TRUE(mentions.Titled("Коваленк", "міністр"));  // capitalised in the text
  EXPECT_FALSE(mentions.Titled("Лапте", "міністр"));
  EXPECT_FALSE(mentions.Titled("Коваленко з", "міністр"));
  EXPECT_TRUE(mentions.TitlesSomeone("губернатор"));
  EXPECT_FALSE(mentions.TitlesSomeone("заявив"));  // no name after it
  // Two Cyrillic words between the title and the name.
  const Article spokesman{"T", "", "", {"Речник прикордонної служби Олексій Гаврилюк сказав."}};
  EXPECT_TRUE(ArticleMentions(spokesman).TitlesSomeone("речн"));
}

TEST(ArticleMentionsTest, FindsATitleInTheAppositionAfterAName) {
  const Article article{"T", "", "",
                        {"Dr Helen Ashby, the museum's director, said the roof was new.",
                         "Олег Петренко, директор музею, подякував відвідувачам.",
                         "Reuters, which cited a minister, reported the talks."}};
  const ArticleMentions mentions(article);
  EXPECT_TRUE(mentions.Titled("Ashb", "direct"));
  EXPECT_TRUE(mentions.Titled("Петренк", "директор"));
  EXPECT_FALSE(mentions.Titled("Ashb", "curat"));
  // A relative clause is no apposition.
  EXPECT_FALSE(mentions.Titled("Reuter", "minist"));
}

TEST(ArticleMentionsTest, ATitleBeforeANameIsInItsPhrase) {
  const Article article{"T", "", "",
                        {"612 voted for the Workers Union and 455 against, according to the "
                         "National Labor Relations Board.",
                         "The fine is the largest, according to the prosecutor, Ines Calloway."}};
  const ArticleMentions mentions(article);
  EXPECT_FALSE(mentions.Titled("Boar", "union"));
  EXPECT_TRUE(mentions.Titled("Callow", "prosecut"));
}

TEST(ArticleMentionsTest, AStemMatchesAWordWithAShortEndingOnly) {
  const Article article{"T", "", "", {"Vossberg and Lithuania signed. Мэр Коваленком доволен."}};
  const ArticleMentions mentions(article);
  EXPECT_FALSE(mentions.Mentions("Voss"));
  EXPECT_FALSE(mentions.Mentions("Li"));
  EXPECT_TRUE(mentions.Mentions("Коваленк"));
  // A title at a sentence's end titles nobody in the next sentence.
  const Article ended{"T", "", "", {"The report was sent to the minister. Police said more."}};
  EXPECT_FALSE(ArticleMentions(ended).TitlesSomeone("minister"));
}

}  // namespace
}  // namespace revwatch
