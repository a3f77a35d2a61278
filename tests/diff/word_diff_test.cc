#include "diff/word_diff.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(DiffWordsTest, MarksOnlyTheChangedWords) {
  const auto spans = DiffWords("The US will sign the deal.",
                               "The US will not sign the deal.");
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], (WordSpan{SpanOp::kEqual, "The US will", false}));
  EXPECT_EQ(spans[1], (WordSpan{SpanOp::kInsert, "not", true}));
  EXPECT_EQ(spans[2], (WordSpan{SpanOp::kEqual, "sign the deal.", true}));
}

TEST(DiffArticlesTest, IdenticalArticlesHaveNoChanges) {
  const Article a{"Title", "", "", {"One.", "Two."}};
  const ArticleDiff diff = DiffArticles(a, a);
  EXPECT_FALSE(diff.HasChanges());
  EXPECT_FALSE(diff.substantive);
  EXPECT_TRUE(diff.tags.empty());
}

TEST(DiffArticlesTest, InsertedParagraphIsAddedNotAPairedChange) {
  const Article before{"Title", "", "", {"Officials met on Monday.", "Talks go on."}};
  const Article after{"Title", "", "",
                      {"Officials met on Monday.",
                       "The White House called the report totally false.",
                       "Talks go on."}};
  const ArticleDiff diff = DiffArticles(before, after);
  ASSERT_EQ(diff.paragraphs.size(), 1u);
  EXPECT_EQ(diff.paragraphs[0].op, ParagraphOp::kInserted);
  EXPECT_EQ(diff.paragraphs[0].new_index, 1);
  EXPECT_EQ(diff.stats.words_added, 8);
  EXPECT_EQ(diff.stats.paragraphs_added, 1);
  EXPECT_TRUE(diff.substantive);
  EXPECT_EQ(diff.tags, (std::vector<std::string>{"denial", "paragraph-added"}));
}

TEST(DiffArticlesTest, EditedParagraphIsPairedAndWordDiffed) {
  const Article before{"Title", "", "", {"Eight people told the FT about the plan."}};
  const Article after{"Title", "", "", {"Nine people told the FT about the plan."}};
  const ArticleDiff diff = DiffArticles(before, after);
  ASSERT_EQ(diff.paragraphs.size(), 1u);
  EXPECT_EQ(diff.paragraphs[0].op, ParagraphOp::kChanged);
  EXPECT_EQ(diff.stats.words_added, 1);
  EXPECT_EQ(diff.stats.words_removed, 1);
  EXPECT_TRUE(diff.substantive);
}

TEST(DiffArticlesTest, SwappedParagraphWithATypoFixedIsMoved) {
  const std::string kept = "Approvals for house purchases rose to 64,000 in March, the highest "
                           "level since the autumn, the central bank said.";
  const Article before{"T", "", "",
                       {"Lead.", "Brokers said lenders were competeing hard for buyers.", kept,
                        "Tail."}};
  const Article after{"T", "", "",
                      {"Lead.", kept, "Brokers said lenders were competing hard for buyers.",
                       "Tail."}};
  const ArticleDiff diff = DiffArticles(before, after);
  ASSERT_EQ(diff.paragraphs.size(), 1u);
  EXPECT_EQ(diff.paragraphs[0].op, ParagraphOp::kMoved);
  EXPECT_EQ(diff.tags, (std::vector<std::string>{"moved", "cosmetic"}));
  EXPECT_FALSE(diff.substantive);
  // Changed where it stood: no move.
  Article edited = before;
  edited.paragraphs[1] = "Brokers said lenders were competing hard for buyers.";
  EXPECT_EQ(DiffArticles(before, edited).paragraphs[0].op, ParagraphOp::kChanged);
}

TEST(DiffArticlesTest, AParagraphSplitOpensASentence) {
  // Split while reworded: "According" after the pilcrow that joins the two
  // halves starts a sentence, no name.
  const Article before{
      "T", "", "",
      {"Lead.",
       "The national energy regulator on Friday approved an increase of 6.5 percent in grid fees, "
       "a rise that will add about 3 euros to the average monthly bill from January. The "
       "regulator said the increase would pay for new power lines to connect wind farms.",
       "Tail."}};
  const Article after{
      "T", "", "",
      {"Lead.",
       "From January, the average monthly bill will go up by about 3 euros after the national "
       "energy regulator on Friday approved a 6.5 percent increase in grid fees.",
       "According to the regulator, the increase will pay for new power lines to connect wind "
       "farms.",
       "Tail."}};
  const ArticleDiff diff = DiffArticles(before, after);
  EXPECT_FALSE(diff.substantive);
  EXPECT_EQ(diff.tags, std::vector<std::string>{"reworded"});
}

TEST(DiffArticlesTest, AParagraphSplitWhileRecastIsOneParagraphChanged) {
  const Article before{
      "T", "", "",
      {"Около 500 жителей поселка Сосновка в воскресенье собрались на сход, чтобы потребовать "
       "закрытия мусорного полигона, расположенного в двух километрах от их домов. По словам "
       "участников, летом неприятный запах становится невыносимым, а над поселком неделями "
       "висит дым.",
       "Tail."}};
  const Article after{
      "T", "", "",
      {"В воскресенье около 500 жителей поселка Сосновка собрались на сход и потребовали закрыть "
       "мусорный полигон, который находится в двух километрах от их домов.",
       "По словам участников схода, летом неприятный запах становится невыносимым, а над "
       "поселком неделями висит дым.",
       "Tail."}};
  const ArticleDiff diff = DiffArticles(before, after);
  EXPECT_FALSE(diff.substantive);
  EXPECT_EQ(diff.stats.paragraphs_added, 0);
}

TEST(DiffArticlesTest, HeadlineChangeIsTagged) {
  const Article before{"FT: US ties guarantees to concessions", "", "", {"Body."}};
  const Article after{"White House denies linking guarantees to concessions", "", "", {"Body."}};
  const ArticleDiff diff = DiffArticles(before, after);
  EXPECT_TRUE(diff.title_changed);
  EXPECT_EQ(diff.tags, (std::vector<std::string>{"headline", "denial"}));
  EXPECT_TRUE(diff.substantive);
}

TEST(DiffArticlesTest, PunctuationAndCaseOnlyIsCosmetic) {
  const Article before{"Title", "", "", {"the talks, officials said , go on"}};
  const Article after{"Title", "", "", {"The talks (officials said) go on."}};
  const ArticleDiff diff = DiffArticles(before, after);
  EXPECT_TRUE(diff.HasChanges());
  EXPECT_FALSE(diff.substantive);
  EXPECT_EQ(diff.tags, std::vector<std::string>{"cosmetic"});
}

TEST(DiffArticlesTest, RemovedParagraphIsTagged) {
  const Article before{"T", "", "", {"Keep this.", "A quote that vanished later."}};
  const Article after{"T", "", "", {"Keep this."}};
  const ArticleDiff diff = DiffArticles(before, after);
  EXPECT_EQ(diff.stats.paragraphs_removed, 1);
  EXPECT_EQ(diff.stats.words_removed, 5);
  EXPECT_EQ(diff.tags, std::vector<std::string>{"paragraph-removed"});
}

TEST(DiffArticlesTest, LongComparisonKeepsOrderAndCounts) {
  // Enough changed text that the pairs are classified on two threads.
  Article before{"Title", "", "", {}};
  Article after{"Title", "", "", {}};
  for (int p = 0; p < 600; ++p) {
    std::string text;
    for (int w = 0; w < 60; ++w) text += "word" + std::to_string(p * 100 + w) + " ";
    before.paragraphs.push_back(text + "ends here.");
    after.paragraphs.push_back(text + "ends " + std::to_string(p) + " here.");
  }
  const ArticleDiff diff = DiffArticles(before, after);
  ASSERT_EQ(diff.paragraphs.size(), 600u);
  for (std::size_t p = 0; p < diff.paragraphs.size(); ++p) {
    EXPECT_EQ(diff.paragraphs[p].new_index, static_cast<int>(p));
    EXPECT_EQ(diff.paragraphs[p].tags, (std::vector<std::string>{"number"}));
  }
  EXPECT_EQ(diff.stats.words_added, 600);
  EXPECT_EQ(diff.stats.paragraphs_changed, 600);
}

}  // namespace
}  // namespace revwatch
