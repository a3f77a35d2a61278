#include "extract/paragraph_filter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/text_normalize.h"

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

namespace revwatch {
namespace {

using Paragraphs = std::vector<std::string>;

constexpr char kProse[] =
    "Residents gathered at the pier on Saturday morning, and the first boat "
    "left on time, carrying forty passengers.";

TextBlock Block(std::string text, std::size_t link_chars = 0,
                bool list_item = false) {
  TextBlock block;
  block.chars = CountVisibleChars(text);
  block.link_chars = link_chars == 0 ? 0 : std::min(link_chars, block.chars);
  block.text = std::move(text);
  block.list_item = list_item;
  return block;
}

TEST(SelectArticleParagraphsTest, DropsBylineAndDateAboveBody) {
  const Paragraphs paragraphs = SelectArticleParagraphs(
      {Block("Ferry returns"), Block("By Jane Doe"),
       Block("November 13, 2012 6:15 AM"), Block(kProse),
       Block("By the way, the timetable changes on Monday.")},
      "Ferry returns", "Jane Doe");
  EXPECT_EQ(
      paragraphs,
      (Paragraphs{kProse, "By the way, the timetable changes on Monday."}));
}

TEST(SelectArticleParagraphsTest, DropsDateLineBelowBody) {
  const Paragraphs paragraphs = SelectArticleParagraphs(
      {Block(kProse), Block("Posted on November 13, 2012 at 6:15 AM")}, "", "");
  EXPECT_EQ(paragraphs, (Paragraphs{kProse}));
}

TEST(SelectArticleParagraphsTest, KeepsIntroducedLinkListInsideBody) {
  const std::string item = "A report on the harbour repairs";
  const Paragraphs paragraphs = SelectArticleParagraphs(
      {Block(kProse), Block("The council published three documents:"),
       Block(item, 1000, true), Block(item, 1000, true), Block(kProse)},
      "", "");
  EXPECT_EQ(paragraphs,
            (Paragraphs{kProse, "The council published three documents:", item,
                        item, kProse}));
}

TEST(SelectArticleParagraphsTest, KeepsIntroducedLinkItemsWithOwnText) {
  const std::string link = "2TB portable drive for $161.99 at a shop";
  const std::string item = link + " (normally $180)";
  const Paragraphs paragraphs =
      SelectArticleParagraphs({Block(kProse), Block("Other deals:"),
                               Block(item, CountVisibleChars(link), true)},
                              "", "");
  EXPECT_EQ(paragraphs, (Paragraphs{kProse, "Other deals:", item}));
}

TEST(SelectArticleParagraphsTest, DropsBareLinkListAfterBody) {
  const std::string item = "Another story from the same site";
  const Paragraphs paragraphs = SelectArticleParagraphs(
      {Block(kProse), Block("More stories from the Gazette:"),
       Block(item, 1000, true), Block(item, 1000, true)},
      "", "");
  EXPECT_EQ(paragraphs, (Paragraphs{kProse, "More stories from the Gazette:"}));
}

TEST(SelectArticleParagraphsTest, DropsLinkListWithoutIntroduction) {
  const std::string item = "A report on the harbour repairs";
  const Paragraphs paragraphs = SelectArticleParagraphs(
      {Block(kProse), Block(item, 1000, true), Block(kProse)}, "", "");
  EXPECT_EQ(paragraphs, (Paragraphs{kProse, kProse}));
}

TEST(SelectArticleParagraphsTest, KeepsLinkedSentenceBetweenProse) {
  const std::string sentence =
      "This week's new game is a really fun, quick, easy and profoundly silly "
      "party game called Say Anything.";
  const Paragraphs paragraphs = SelectArticleParagraphs(
      {Block(kProse), Block(sentence, CountVisibleChars(sentence) - 1),
       Block(kProse)},
      "", "");
  EXPECT_EQ(paragraphs, (Paragraphs{kProse, sentence, kProse}));
}

TEST(SelectArticleParagraphsTest, DropsLabelledTeaserSentence) {
  const std::string teaser =
      "Agencies have not yet been able to identify the luminous objects seen "
      "over the border.";
  const Paragraphs paragraphs = SelectArticleParagraphs(
      {Block(kProse), Block("Video"),
       Block(teaser, CountVisibleChars(teaser) - 1), Block(kProse)},
      "", "");
  EXPECT_EQ(paragraphs, (Paragraphs{kProse, kProse}));
}

}  // namespace
}  // namespace revwatch
