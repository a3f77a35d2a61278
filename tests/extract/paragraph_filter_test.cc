#include "extract/paragraph_filter.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(IsTemplatePlaceholderTest, RecognisesUnrenderedTemplateText) {
  EXPECT_TRUE(IsTemplatePlaceholder("client/title.list_title"));
  EXPECT_TRUE(IsTemplatePlaceholder("news.read_more"));
  EXPECT_TRUE(IsTemplatePlaceholder("partials/related"));
  EXPECT_TRUE(IsTemplatePlaceholder("LABEL_READ_MORE"));
  EXPECT_TRUE(IsTemplatePlaceholder("{{ article.title }}"));
  EXPECT_TRUE(IsTemplatePlaceholder("Posted {% date %}"));
}

TEST(IsTemplatePlaceholderTest, KeepsOrdinaryText) {
  EXPECT_FALSE(IsTemplatePlaceholder("example.com"));
  EXPECT_FALSE(IsTemplatePlaceholder("Node.js"));
  EXPECT_FALSE(IsTemplatePlaceholder("The vote was 52/48."));
  EXPECT_FALSE(IsTemplatePlaceholder("NATO"));
  EXPECT_FALSE(IsTemplatePlaceholder("Kyiv/Warsaw"));
  EXPECT_FALSE(IsTemplatePlaceholder("Good."));
}

TEST(IsWidgetLabelTest, RecognisesLabelsInAnyCase) {
  EXPECT_TRUE(IsWidgetLabel("Tags:"));
  EXPECT_TRUE(IsWidgetLabel("READ ALSO"));
  EXPECT_TRUE(IsWidgetLabel("Read also :"));
  EXPECT_TRUE(IsWidgetLabel("Читайте також:"));
  EXPECT_TRUE(IsWidgetLabel("ТЕГИ"));
  EXPECT_FALSE(IsWidgetLabel("Read also the full report by the commission."));
  EXPECT_FALSE(IsWidgetLabel("He said:"));
}

TEST(IsArticleParagraphTest, DropsMostlyLinkText) {
  EXPECT_FALSE(IsArticleParagraph({"Watch the video", 13, 13}));
  EXPECT_TRUE(IsArticleParagraph({"The architects promised more", 25, 8}));
}

TEST(IsArticleParagraphTest, DropsDateLinesAndTextWithoutWords) {
  EXPECT_FALSE(IsArticleParagraph({"4 March 10:15", 11, 0, 11}));
  EXPECT_FALSE(IsArticleParagraph({"* * *", 3, 0, 0}));
  EXPECT_FALSE(IsArticleParagraph({"\uFFFD\uFFFD", 2, 0, 0}));
  EXPECT_TRUE(IsArticleParagraph({"On 4 March it snowed.", 17, 0, 7}));
  EXPECT_TRUE(IsArticleParagraph({"1945", 4, 0, 0}));
}

}  // namespace
}  // namespace revwatch
