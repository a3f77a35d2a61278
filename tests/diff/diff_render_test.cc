#include "diff/diff_render.h"

#include <sstream>

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(DiffRenderTest, JsonSidesKeepTheirOwnSpacing) {
  // "«" follows a space in the old paragraph and opens the new one.
  const Article before{"T", "", "", {"Experts blame emigration. «People leave,» one said."}};
  const Article after{"T", "", "", {"«People leave,» one said."}};
  const std::string json = RenderDiffJson(DiffArticles(before, after));
  EXPECT_NE(json.find("\"old\": \"Experts blame emigration. «People leave,» one said.\""),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"new\": \"«People leave,» one said.\""), std::string::npos) << json;
}

TEST(DiffRenderTest, TextStyleMarksDeletionsAndInsertions) {
  const Article before{"Old headline", "", "", {"Eight people spoke."}};
  const Article after{"New headline", "", "", {"Nine people spoke.", "Added."}};
  const std::string out =
      RenderDiff(DiffArticles(before, after), DiffStyle::kText);
  EXPECT_EQ(out,
            "@@ headline [headline]\n[-Old-]{+New+} headline\n"
            "\n@@ paragraph 1 changed [number]\n[-Eight-]{+Nine+} people spoke.\n"
            "\n@@ paragraph 2 added [paragraph-added]\n{+Added.+}\n");
}

TEST(DiffRenderTest, AnsiStyleUsesColoursNotBrackets) {
  const Article before{"T", "", "", {"yes"}};
  const Article after{"T", "", "", {"no"}};
  const std::string out = RenderDiff(DiffArticles(before, after), DiffStyle::kAnsi);
  EXPECT_NE(out.find("\x1b[31;9myes\x1b[0m"), std::string::npos);
  EXPECT_NE(out.find("\x1b[32mno\x1b[0m"), std::string::npos);
  EXPECT_EQ(out.find("[-"), std::string::npos);
}

TEST(DiffRenderTest, WriteDiffWritesWhatRenderDiffReturns) {
  const Article before{"Old headline", "", "", {"Eight people spoke.", "Gone."}};
  const Article after{"New headline", "", "", {"Nine people <spoke>.", "Added."}};
  const ArticleDiff diff = DiffArticles(before, after);
  for (const DiffStyle style : {DiffStyle::kText, DiffStyle::kAnsi, DiffStyle::kHtml}) {
    std::ostringstream out;
    WriteDiff(diff, style, out);
    EXPECT_EQ(out.str(), RenderDiff(diff, style));
  }
  std::ostringstream nothing;
  WriteDiff(DiffArticles(before, before), DiffStyle::kHtml, nothing);
  EXPECT_EQ(nothing.str(), "");
}

TEST(DiffRenderTest, SummaryNamesCountsAndTags) {
  const Article before{"T", "", "", {"a b"}};
  const Article after{"T", "", "", {"a b", "Three people were hurt."}};
  EXPECT_EQ(RenderSummary(DiffArticles(before, after)),
            "+4 -0 words; tags: paragraph-added; substantive");
}

TEST(DiffRenderTest, ContextIsCutToAFewWordsAroundEachChange) {
  const std::string start = "one two three four five six seven eight";
  const std::string middle = "alpha bravo charlie delta echo foxtrot golf hotel india";
  const std::string end = "uno dos tres cuatro cinco seis siete";
  const Article before{"T", "", "", {start + " 1,200 " + middle + " were " + end}};
  const Article after{"T", "", "", {start + " 1,500 " + middle + " were not " + end}};
  const std::string out = RenderDiff(DiffArticles(before, after), DiffStyle::kText, 3);
  EXPECT_NE(out.find("\u2026 six seven eight [-1,200-]{+1,500+} alpha bravo charlie \u2026 "
                     "hotel india were {+not+} uno dos tres \u2026\n"),
            std::string::npos)
      << out;
  // Without a limit every word stays.
  EXPECT_NE(RenderDiff(DiffArticles(before, after), DiffStyle::kText).find(middle),
            std::string::npos);
}

TEST(DiffRenderTest, ParagraphsOfContextAroundEachChange) {
  const Article before{"T", "", "", {"One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven."}};
  Article after = before;
  after.paragraphs[2] = "Three changed.";
  after.paragraphs[5] = "Six changed.";
  const ArticleDiff diff = DiffArticles(before, after);
  EXPECT_EQ(RenderDiffWithContext(diff, DiffStyle::kText, after, 1),
            "@@ paragraph 3 changed [boilerplate]\n  Two.\nThree {+changed+}.\n  Four.\n"
            "\n@@ paragraph 6 changed [boilerplate]\n  Five.\nSix {+changed+}.\n  Seven.\n");
  EXPECT_EQ(RenderDiffWithContext(diff, DiffStyle::kText, after, 0),
            RenderDiff(diff, DiffStyle::kText));
}

TEST(DiffRenderTest, NothingChangedRendersNothing) {
  const Article a{"T", "", "", {"same"}};
  EXPECT_EQ(RenderDiff(DiffArticles(a, a), DiffStyle::kText), "");
}

}  // namespace
}  // namespace revwatch
