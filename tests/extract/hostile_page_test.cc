// Pages built to make the parser slow or greedy are refused quickly with a
// clear error. Inputs are generated here so the tests stay fast and small.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "extract/extract_article.h"

namespace revwatch {
namespace {

using std::chrono::steady_clock;

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Expects `html` to be refused with kParse, naming `reason`, within 2 s.
void ExpectRefused(const std::string& html, const std::string& reason,
                   const ExtractOptions& options = {}) {
  const auto start = steady_clock::now();
  Result<ExtractedArticle> result = ExtractArticle(html, options);
  const auto elapsed = steady_clock::now() - start;
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kParse);
  EXPECT_NE(result.error().message.find(reason), std::string::npos)
      << result.error().message;
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(HostilePageTest, RefusesUnclosedFormattingElements) {
  std::string html = "<html><body>";
  for (int i = 0; i < 50000; ++i) html += "<b id=" + std::to_string(i) + ">w ";
  ExpectRefused(html, "deep");
}

TEST(HostilePageTest, RefusesNestedTables) {
  ExpectRefused("<body>" + Repeat("<table><tr><td>", 20000), "deep");
}

TEST(HostilePageTest, RefusesTagWithHugeAttributeList) {
  std::string html = "<html><body><div";
  for (int i = 0; i < 40000; ++i) html += " a" + std::to_string(i) + "=1";
  ExpectRefused(html + "><p>Text.</p>", "attributes");
}

TEST(HostilePageTest, DepthLimitIsConfigurable) {
  ExtractOptions options;
  options.max_tag_depth = 50;
  ExpectRefused("<body>" + Repeat("<div>", 60) + "<p>Deep text here.</p>",
                "over the limit of 50", options);
}

TEST(HostilePageTest, SizeLimitIsConfigurable) {
  ExtractOptions options;
  options.max_input_bytes = 1000;
  ExpectRefused("<body><p>" + std::string(2000, 'x') + "</p>", "bytes",
                options);
}

// Ten times the paragraphs may cost about ten times the time, not a
// hundred (a quadratic step): compared within the run, not against a
// clock budget that a sanitizer build or a busy machine would break.
TEST(HostilePageTest, LongFlatPageIsFineAndLinear) {
  auto seconds_for = [](int paragraphs) {
    const std::string html =
        "<html><body><article>" +
        Repeat("<p>A plain paragraph of ordinary article text, again.</p>", paragraphs) +
        "</article></body></html>";
    const auto start = steady_clock::now();
    Result<ExtractedArticle> result = ExtractArticle(html);
    const std::chrono::duration<double> took = steady_clock::now() - start;
    EXPECT_TRUE(result && result->article.paragraphs.size() == static_cast<std::size_t>(paragraphs))
        << paragraphs;
    return took.count();
  };
  seconds_for(2000);  // warm up
  const double small = seconds_for(2000);
  const double large = seconds_for(20000);
  EXPECT_LT(large, 40 * small) << "2,000 paragraphs: " << small << " s; 20,000: " << large << " s";
}

}  // namespace
}  // namespace revwatch
