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

TEST(ContentRootTest, NamedPostBodyBeatsLongerSidebar) {
  std::string sidebar;
  for (int i = 0; i < 6; ++i) sidebar += P(kProse);
  const Article article =
      Extract("<body><div id=main><div class=entry><div class=entry-content>" +
              P("A short post: the ferry now leaves at nine, not eight.") +
              "</div></div></div><div id=gamma><div>" + sidebar +
              "</div></div></body>");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{"A short post: the ferry now leaves at nine, not "
                        "eight."}));
}

TEST(ContentRootTest, SeveralNamedPostBodiesAreNotTrusted) {
  std::string column;
  for (int i = 0; i < 6; ++i) column += P(kProse);
  const Article article = Extract(
      "<body><div class=post-body>" + P("First teaser of a post list.") +
      "</div><div class=post-body>" + P("Second teaser of a post list.") +
      "</div><div id=story>" + column + "</div></body>");
  EXPECT_EQ(article.paragraphs.size(), 6u);
}

TEST(ContentRootTest, KeepsShortPostInsideDateAndWidgetWrappers) {
  std::string sidebar;
  for (int i = 0; i < 3; ++i) sidebar += P(kProse);
  const Article article = Extract(
      "<body><div class=\"widget Blog\"><div class=date-outer>"
      "<div class=post-body>" +
      P("Pencil, not a photograph. Mind blown.") +
      "</div></div></div><div class=sidebar><div class=\"widget Text\">" +
      sidebar + "</div></div></body>");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{"Pencil, not a photograph. Mind blown."}));
}

TEST(ContentRootTest, DropsCollapsedBlock) {
  const Article article = Extract(
      "<body><div>" + P(kProse) + P("Full details after the break.") +
      "<div id=box><div>Show full PR text</div><div>" +
      P(std::string("PRESS RELEASE. ") + kProse) + "</div></div></div></body>");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{kProse, "Full details after the break."}));
}

TEST(ContentRootTest, WidgetHeadingDropsItsSectionOnly) {
  const Article article =
      Extract("<body><div>" + P(kProse) + "<div><h3>Related posts</h3>" +
              P("Why the ferry was late again last week, and what it cost") +
              "</div>" + P("The council will meet on Monday.") +
              "<section><h2>Don\u2019t Miss</h2>" + P("Slideshow") +
              P("Ten harbours to visit before winter comes to the coast") +
              "</section></div></body>");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{kProse, "The council will meet on Monday."}));
}

TEST(ContentRootTest, ArticleHeadingEndsWidgetSection) {
  const Article article =
      Extract("<body><div>" + P(kProse) + "<h2>Related</h2>" +
              P("Another story about boats on the river bank") +
              "<h2>What happens next</h2>" + P(kProse) + "</div></body>");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{kProse, "What happens next", kProse}));
}

TEST(ContentRootTest, ClimbsToNamedBodyHoldingBestCandidate) {
  const Article article =
      Extract("<body><div class=post-body><div class=image-wrapper><div>" +
              P("The first shirt, printed in two colours.") +
              "</div></div><div class=image-wrapper><div>" + P(kProse) +
              P(kProse) + "</div></div></div><div class=sidebar>" +
              P("Archive links") + "</div></body>");
  EXPECT_EQ(
      article.paragraphs,
      (Paragraphs{"The first shirt, printed in two colours.", kProse, kProse}));
}

}  // namespace
}  // namespace revwatch
