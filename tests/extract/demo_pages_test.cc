// The demo pages in cli/demo/ must extract to exactly the article text, so
// that `revwatch compare` on them shows the real edit and nothing else.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract_article.h"
#include "tests/extract/test_files.h"

namespace revwatch {
namespace {

using Paragraphs = std::vector<std::string>;

const Paragraphs kFtParagraphs = {
    "The Financial Times, citing eight people familiar with the course of "
    "negotiations, reported the information.",
    "Specifically, as part of a potential deal, Washington also reportedly "
    "proposed providing Ukraine with additional weaponry to strengthen its "
    "army during peacetime, on the condition that Kyiv agrees to withdraw its "
    "forces from areas of the eastern region it currently controls as part of "
    "an agreement with Russia.",
    "Zelenskyy had hoped to sign security guarantee documents and a post-war "
    "\"prosperity plan\" with the United States this month, which Kyiv "
    "intended to strengthen its position in future negotiations with Moscow. "
    "However, according to the FT, Washington is now signaling that its "
    "security commitments depend on reaching a peace agreement with Russia.",
    "Ukrainian and European officials have characterized this position as an "
    "attempt to force Kyiv into painful territorial concessions that Moscow "
    "demands in any settlement scenario. Meanwhile, the U.S. has not yet "
    "given final approval to any of the proposed agreements.",
    "A senior Ukrainian official stated that they held back every time "
    "security guarantees could be signed.",
};

const Paragraphs kDenialParagraphs = {
    "According to Reuters, in response to the Financial Times publication, "
    "White House Deputy Press Secretary Anna Kelly stated that claims about "
    "U.S. pressure on Ukraine are false.",
    "\"This is totally false — the US's only role in the peacemaking process "
    "is to bring both sides together to make a deal,\" she emphasized. She "
    "added that it was unfortunate that the Financial Times allowed bad "
    "actors to anonymously spread false information to derail the peace "
    "process, which after the historic tripartite meeting in Abu Dhabi that "
    "weekend was at an excellent stage.",
    "A person familiar with the U.S. position noted that Washington \"is not "
    "trying to force any territorial concessions upon Ukraine.\" According "
    "to this source, the U.S. believes that security guarantees depend on "
    "whether both sides agree to a peace deal, while the content of that "
    "deal should be determined by Ukraine and Russia.",
};

Result<ExtractedArticle> ExtractDemo(const std::string& name) {
  return ExtractArticle(
      ReadFileBytes(std::string(REVWATCH_DEMO_DIR) + "/" + name));
}

TEST(DemoPagesTest, FirstVersionHoldsOnlyTheFtReport) {
  Result<ExtractedArticle> result = ExtractDemo("article_v1.html");
  ASSERT_TRUE(result) << result.error().message;
  const Article& article = result->article;
  EXPECT_EQ(article.title,
            "FT: US ties Ukraine security guarantees to territorial "
            "concessions in Donbas");
  // The story first ran as the FT report alone: no lead of its own.
  const Paragraphs expected(kFtParagraphs.begin(), kFtParagraphs.end());
  EXPECT_EQ(article.paragraphs, expected);
  EXPECT_EQ(article.byline, "Espreso Global");
  EXPECT_EQ(article.published, "2026-01-27T11:02:00+02:00");
}

TEST(DemoPagesTest, PublishedVersionAddsTheDenial) {
  Result<ExtractedArticle> result = ExtractDemo("article_v2.html");
  ASSERT_TRUE(result) << result.error().message;
  const Article& article = result->article;
  EXPECT_EQ(article.title,
            "White House denies linking Ukraine security guarantees to "
            "territorial concessions");
  Paragraphs expected = {
      "The White House has denied media reports claiming that security "
      "guarantees for Ukraine are supposedly contingent on its agreement to "
      "territorial concessions regarding Donbas, calling such assertions "
      "false"};
  expected.insert(expected.end(), kFtParagraphs.begin(), kFtParagraphs.end());
  expected.insert(expected.end(), kDenialParagraphs.begin(),
                  kDenialParagraphs.end());
  EXPECT_EQ(article.paragraphs, expected);
  EXPECT_EQ(article.published, "2026-01-27T13:36:00+02:00");
}

}  // namespace
}  // namespace revwatch
