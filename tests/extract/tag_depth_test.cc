#include "extract/tag_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace revwatch {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(EstimateTagDepthTest, CountsNestedElements) {
  EXPECT_EQ(EstimateTagDepth("<div><section><span>x</span></section></div>"),
            3u);
  EXPECT_EQ(EstimateTagDepth(Repeat("<div>", 500)), 500u);
}

TEST(EstimateTagDepthTest, IgnoresVoidAndImplicitlyClosedElements) {
  EXPECT_EQ(EstimateTagDepth(Repeat("<p>text<br><img src=x>", 1000)), 0u);
  EXPECT_EQ(EstimateTagDepth("<ul>" + Repeat("<li><a href=#>x", 1000)), 1u);
}

TEST(EstimateTagDepthTest, SkipsCommentsScriptsAndQuotedAttributes) {
  EXPECT_EQ(EstimateTagDepth("<!--" + Repeat("<div>", 100) + "-->"), 0u);
  EXPECT_EQ(
      EstimateTagDepth("<script>" + Repeat("<div>", 100) + "</script><b>x</b>"),
      1u);
  EXPECT_EQ(EstimateTagDepth("<div title='<div><div>'>x</div>"), 1u);
}

TEST(EstimateTagDepthTest, SelfClosingNestsOutsideSvgOnly) {
  EXPECT_EQ(EstimateTagDepth(Repeat("<div/>", 50)), 50u);
  EXPECT_EQ(EstimateTagDepth("<svg>" + Repeat("<path d='M0'/>", 50) + "</svg>"),
            1u);
  // An HTML tag inside <svg> leaves SVG content, so "/>" nests again.
  EXPECT_EQ(EstimateTagDepth("<svg><div/>" + Repeat("<div/>", 50)), 52u);
}

TEST(WithoutCodeTest, EmptiesScriptsAndStylesButNotJsonOrText) {
  const std::string html =
      "<head><style>p{color:red}</style>"
      "<script type=\"application/ld+json\">{\"headline\":\"H\"}</script>"
      "<SCRIPT src=a.js>var a = '<p>not text</p>';</SCRIPT >"
      "<script>document.write('<!-- x -->')</script></head>"
      "<body><p title=\"<script>\">Text</p><!-- <style>keep</style> -->"
      "<textarea><script>typed</script></textarea><script>unterminated";
  const MarkupShape shape = MeasureMarkup(html);
  EXPECT_EQ(WithoutCode(html, shape),
            "<head><style></style>"
            "<script type=\"application/ld+json\">{\"headline\":\"H\"}</script>"
            "<SCRIPT src=a.js></SCRIPT >"
            "<script>document.write('<!-- x -->')</script></head>"
            "<body><p title=\"<script>\">Text</p><!-- <style>keep</style> -->"
            "<textarea><script>typed</script></textarea><script>");
}

}  // namespace
}  // namespace revwatch
