// Choosing the article among the page's furniture: generic rules, each on
// a small page written for the test.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract_article.h"

namespace revwatch {
namespace {

using Paragraphs = std::vector<std::string>;

const char kProse[] =
    "Residents gathered at the pier on Saturday morning, and the first boat "
    "left on time, carrying forty passengers, two bicycles and a dog.";

std::string P(const std::string& text) { return "<p>" + text + "</p>"; }

Article Extract(const std::string& html) {
  Result<ExtractedArticle> result = ExtractArticle(html);
  EXPECT_TRUE(result) << result.error().message;
  return result ? result->article : Article{};
}

TEST(ContentRootTest, StopsAtCommentSectionHeading) {
  const Article article =
      Extract("<body><div>" + P(kProse) + P("Second paragraph of the story.") +
              "<h2>12 Comments</h2>" + P(std::string("Great post! ") + kProse) +
              P(std::string("I disagree. ") + kProse) + "</div></body>");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{kProse, "Second paragraph of the story."}));
}

TEST(ContentRootTest, KeepsArticleInsideFurnitureNamedWrapper) {
  std::string body;
  for (int i = 0; i < 10; ++i) body += P(kProse);
  const Article article =
      Extract("<body><div class=share_wrapper><div class=text>" + body +
              "</div></div><div class=sidebar>" + P(kProse) + "</div></body>");
  EXPECT_EQ(article.paragraphs.size(), 10u);
}

TEST(ContentRootTest, TaxonomyClassNamesAreNotFurniture) {
  const Article article =
      Extract("<body><div class=\"post tag-cookies category-social\">" +
              P(kProse) + P(kProse) + "</div></body>");
  EXPECT_EQ(article.paragraphs.size(), 2u);
}

TEST(ContentRootTest, KeepsArticleInsidePageWideForm) {
  const Article article =
      Extract("<body><form action=x><div>" + P(kProse) + P(kProse) +
              "</div><input name=q></form></body>");
  EXPECT_EQ(article.paragraphs.size(), 2u);
}

TEST(ContentRootTest, DropsShortBylineBoxButKeepsAuthorNamedArticle) {
  const Article article = Extract(
      "<body><div class=\"entry entry-author-jane\"><div class=post-date>"
      "Monday</div>" +
      P(kProse) + P(kProse) + "</div></body>");
  EXPECT_EQ(article.paragraphs, (Paragraphs{kProse, kProse}));
}

TEST(ContentRootTest, ScoresTextBetweenLineBreaks) {
  const std::string line = std::string(kProse) + "<br><br>";
  const Article article = Extract(
      "<body><div id=menu><a href=/>Home</a> <a href=/news>News</a></div>"
      "<div class=entry>" +
      line + line + line +
      "</div>"
      "<div class=links>" +
      P("<a href=/a>Another story with a long title</a>") + "</div></body>");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{std::string(kProse) + " " + kProse + " " + kProse}));
}

TEST(ContentRootTest, BlogHeadlineFromHeadingNamedInTitle) {
  const Article article = Extract(
      "<head><title>Jane's Blog: Ferry days are back</title></head><body>"
      "<h1>Jane's Blog</h1><div class=post><h3>Ferry days are back</h3>" +
      P(kProse) + "</div></body>");
  EXPECT_EQ(article.title, "Ferry days are back");
}

TEST(ContentRootTest, ReadsModifiedLangAndCanonical) {
  Result<ExtractedArticle> result = ExtractArticle(
      "<html lang=uk><head>"
      "<link rel=canonical href=\"https://example.org/a\">"
      "<meta property=\"article:modified_time\" content=\"2025-01-02\">"
      "</head><body>" +
      P(kProse) + "</body></html>");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->lang, "uk");
  EXPECT_EQ(result->canonical_url, "https://example.org/a");
  EXPECT_EQ(result->modified, "2025-01-02");
}

}  // namespace
}  // namespace revwatch
