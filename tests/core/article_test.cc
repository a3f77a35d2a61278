#include "core/article.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(ArticleTextTest, FormatThenParseRoundTrips) {
  Article article{"Headline", "", "", {"First paragraph.", "Second one."}};
  const std::string text = FormatArticleText(article);
  EXPECT_EQ(text, "Headline\n\nFirst paragraph.\n\nSecond one.\n");
  EXPECT_EQ(ParseArticleText(text), article);
}

TEST(ArticleTextTest, ParseJoinsWrappedLinesAndToleratesCrlf) {
  const Article article = ParseArticleText(
      "\r\n\r\nTitle here\r\n\r\n\r\nA paragraph\r\n  wrapped   over\r\nlines.\r\n\r\nNext.");
  EXPECT_EQ(article.title, "Title here");
  ASSERT_EQ(article.paragraphs.size(), 2u);
  EXPECT_EQ(article.paragraphs[0], "A paragraph wrapped over lines.");
  EXPECT_EQ(article.paragraphs[1], "Next.");
}

TEST(ArticleTextTest, ParseOfEmptyTextIsEmptyArticle) {
  EXPECT_EQ(ParseArticleText(" \n\n "), Article{});
}

TEST(ArticleTextTest, CountWordsCountsRunsOfNonSpace) {
  EXPECT_EQ(CountWords(""), 0);
  EXPECT_EQ(CountWords("  one two\tthree\n"), 3);
  EXPECT_EQ(CountWords("Київ, 27 січня"), 3);
}

}  // namespace
}  // namespace revwatch
