#include "extract/extract_article.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "tests/extract/test_files.h"

namespace revwatch {
namespace {

using Paragraphs = std::vector<std::string>;

// Extracts `html`, failing the test (not crashing) if extraction fails.
Article Extract(const std::string& html, const ExtractOptions& options = {}) {
  Result<ExtractedArticle> result = ExtractArticle(html, options);
  EXPECT_TRUE(result) << result.error().message;
  return result ? result->article : Article{};
}

std::string Page(const std::string& body) {
  return "<!DOCTYPE html><html><head><meta charset=utf-8>"
         "<title>T</title></head><body>" +
         body + "</body></html>";
}

TEST(ExtractArticleTest, ExtractsUtf8Fixture) {
  Result<ExtractedArticle> result =
      ExtractArticle(ReadTestData("utf8_article.html"));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->charset, "utf-8");
  const Article& article = result->article;
  EXPECT_EQ(article.title, "Kyiv reopens the Podil ferry after eight years");
  EXPECT_EQ(article.byline, "Olena Kovalchuk");
  EXPECT_EQ(article.published, "2025-06-14T09:30:00+03:00");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{
                "The ferry between Podil and Trukhaniv Island — closed since "
                "2017 — carried its first passengers on Saturday, the city’s "
                "transport department said.",
                "“We waited a long time for this,” said Mariia Hnatiuk, who "
                "lives on Naberezhno-Khreshchatytska Street. The crossing "
                "takes seven minutes and costs 20 hryvnias.",
                "Timetable",
                "Boats leave every half hour:",
                "from 7:00 to 11:00 on weekdays;",
                "from 9:00 to 21:00 at weekends.",
                "Назва «Поділ» походить від слова «діл» — низина.",
                "Ticket sales open at the pier on Poshtova Square.",
            }));
}

TEST(ExtractArticleTest, DecodesWindows1251DeclaredByMeta) {
  Result<ExtractedArticle> result =
      ExtractArticle(ReadTestData("cp1251_article.html"));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->charset, "windows-1251");
  EXPECT_EQ(result->article.title,
            "Львів висадить тисячу лип уздовж Личаківської");
  EXPECT_EQ(result->article.paragraphs,
            (Paragraphs{
                "Міська рада Львова ухвалила програму озеленення, за якою вже "
                "цієї осені вздовж Личаківської вулиці з’являться нові липи.",
                "«Ми обрали дерева, які добре переносять спеку та сіль "
                "узимку», — пояснила заступниця міського голови Ірина Ґудзь.",
                "Перші сто саджанців привезуть у жовтні; решту — навесні "
                "наступного року.",
            }));
}

TEST(ExtractArticleTest, UsesCharsetFromHttp) {
  ExtractOptions options;
  options.http_charset = "koi8-u";
  Result<ExtractedArticle> result =
      ExtractArticle(ReadTestData("koi8u_http_charset_article.html"), options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->charset, "koi8-u");
  EXPECT_EQ(result->article.title, "Ужгород відкрив сезон сакур");
  ASSERT_EQ(result->article.paragraphs.size(), 2u);
  EXPECT_EQ(result->article.paragraphs[0],
            "На набережній Ужа зацвіли перші японські вишні, повідомляє "
            "міська рада.");
}

TEST(ExtractArticleTest, DecodesUtf16PageWithByteOrderMark) {
  Result<ExtractedArticle> result =
      ExtractArticle(ReadTestData("utf16le_bom_article.html"));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->charset, "utf-16le");
  EXPECT_EQ(result->article.title, "Odesa port handles record grain volumes");
  EXPECT_EQ(result->article.paragraphs,
            (Paragraphs{"Ports of Greater Odesa handled 4.1 million tonnes of "
                        "grain in March — a record since 2021.",
                        "Exporters credit the maritime corridor that opened "
                        "in August 2023."}));
}

TEST(ExtractArticleTest, ReplacesInvalidBytes) {
  const Article article = Extract(ReadTestData("invalid_utf8_article.html"));
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{"Trains will run until 01:00 on Fridays \uFFFD and "
                        "Saturdays, the operator said.",
                        "The change starts in May \uFFFD( and applies to all "
                        "three lines \uFFFD of the network."}));
}

TEST(ExtractArticleTest, KeepsOnlyArticleParagraphsAmongFurniture) {
  const Article article = Extract(ReadTestData("furniture_article.html"));
  EXPECT_EQ(article.title, "Chernihiv rebuilds its bombed library");
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{
                "Restoration of the Chernihiv regional youth library, a "
                "neo-Gothic building from 1899 damaged by a Russian air "
                "strike in March 2022, has begun, the regional administration "
                "said on Wednesday.",
                "The first stage covers the roof and the facade; the "
                "architects promised to keep the original brickwork wherever "
                "possible.",
                "Money from donors",
                "Work is funded by a grant of 1.2 million euros from European "
                "donors and by the city budget.",
                "\"The library survived two world wars, and it will survive "
                "this one,\" said its director, Nataliia Vasylenko.",
                "The library plans to reopen its reading rooms in autumn 2026.",
            }));
}

TEST(ExtractArticleTest, RejectsAbsurdNestingQuickly) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep text that nobody will ever read.</p>";
  const auto start = std::chrono::steady_clock::now();
  Result<ExtractedArticle> result = ExtractArticle(html);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kParse);
  EXPECT_NE(result.error().message.find("deep"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(ExtractArticleTest, ExtractsFromDeepButPlausibleNesting) {
  std::string html = "<html><body>";
  for (int i = 0; i < 1000; ++i) html += "<div>";
  html += "<p>A paragraph at the bottom of a thousand levels.</p>";
  const Article article = Extract(html);
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{"A paragraph at the bottom of a thousand levels."}));
}

TEST(ExtractArticleTest, SurvivesRandomTagSoup) {
  const char* const pieces[] = {"<div>",
                                "</div>",
                                "<p>",
                                "</p>",
                                "<a href=x>",
                                "</a>",
                                "<table>",
                                "<td>",
                                "<tr>",
                                "</table>",
                                "<svg>",
                                "<path/>",
                                "</svg>",
                                "<b>",
                                "</i>",
                                "<i>",
                                "<!--",
                                "-->",
                                "<script>",
                                "</script>",
                                "<article>",
                                "</article>",
                                "<li>",
                                "<ul>",
                                "text ",
                                "слово ",
                                "\xFF",
                                "&nbsp;",
                                "<br>",
                                "<h1>",
                                "<template>",
                                "<select><option>",
                                "<frameset>",
                                "<math><mi>",
                                "<title>",
                                "<noscript>",
                                "<form>",
                                "<button>",
                                "<em>",
                                "<div class=share>",
                                "<p itemprop=articleBody>",
                                "<time>",
                                "\"",
                                "'",
                                "<meta charset=cp1251>",
                                "<![CDATA[",
                                "]]>",
                                "<plaintext>"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string html;
    for (int i = 0; i < round * 10; ++i) html += pieces[pick(rng)];
    Result<ExtractedArticle> result = ExtractArticle(html);
    if (!result) {
      EXPECT_EQ(result.error().code, ErrorCode::kParse);
    }
  }
}

TEST(ExtractArticleTest, NormalisesSpacesHyphensAndZeroWidthCharacters) {
  const Article article = Extract(
      Page("<article><p>\u00A0 Prime\u00A0Minister Yulia Svyry\u00ADdenko "
           "said\u200B the 2026&nbsp;budget\u2009is&#8203; ready. \u2060</p>"
           "<p>Tab\tand\nnewline</p></article>"));
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{"Prime Minister Yulia Svyrydenko said the 2026 budget "
                        "is ready.",
                        "Tab and newline"}));
}

TEST(ExtractArticleTest, ComposesDecomposedTextToNfc) {
  const Article article =
      Extract(Page("<h1>Зеленськии\u0306</h1><article><p>Украі\u0308на "
                   "e\u0301lue</p></article>"));
  EXPECT_EQ(article.title, "Зеленський");
  EXPECT_EQ(article.paragraphs, (Paragraphs{"Україна élue"}));
}

TEST(ExtractArticleTest, KeepsInlineTextTogetherAndBlocksApart) {
  const Article article = Extract(
      Page("<article><p>One <a href=#>linked</a> <em>word</em>s and "
           "<b>bold</b>.<br>After break.</p><div>Div text<p>Inner</p>tail</div>"
           "<ul><li>first</li><li>second</li></ul></article>"));
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{"One linked words and bold. After break.", "Div text",
                        "Inner", "tail", "first", "second"}));
}

TEST(ExtractArticleTest, DoesNotRepeatHeadlineAsParagraph) {
  const Article article = Extract(Page(
      "<article><h2>Same headline</h2><p>Body.</p></article>"
      "<script type=\"application/ld+json\">"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Same headline\"}</script>"));
  EXPECT_EQ(article.title, "Same headline");
  EXPECT_EQ(article.paragraphs, (Paragraphs{"Body."}));
}

TEST(ExtractArticleTest, StripsSiteSuffixFromDocumentTitle) {
  const Article article = Extract(
      "<html><head><title>Rada passes the budget | Kyiv Post</title></head>"
      "<body><p>The parliament approved the budget for next year.</p></body>");
  EXPECT_EQ(article.title, "Rada passes the budget");
}

TEST(ExtractArticleTest, PrefersVisibleHeadlineWhenOgTitleDisagrees) {
  const Article article = Extract(
      "<html><head><meta property=og:title content=\"Old headline\">"
      "</head><body><article><h1>Corrected headline</h1><p>Text.</p>"
      "</article></body></html>");
  EXPECT_EQ(article.title, "Corrected headline");
}

TEST(ExtractArticleTest, ReadsJsonLdMetadata) {
  const Article article = Extract(Page(
      "<script type=\"application/ld+json\">{\"@context\":\"https://"
      "schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":"
      "\"NewsArticle\",\"headline\":\"Ld headline\",\"datePublished\":"
      "\"2025-01-02T03:04:05Z\",\"author\":[{\"@type\":\"Person\",\"name\":"
      "\"Iryna Shevchenko\"},{\"name\":\"Taras Melnyk\"}]}]}</script>"
      "<script type=\"application/ld+json\">{not json</script>"
      "<article><p>Text.</p></article>"));
  EXPECT_EQ(article.title, "Ld headline");
  EXPECT_EQ(article.byline, "Iryna Shevchenko, Taras Melnyk");
  EXPECT_EQ(article.published, "2025-01-02T03:04:05Z");
}

TEST(ExtractArticleTest, ReadsBylineAndDateFromMarkup) {
  const Article article = Extract(Page(
      "<article><div class=\"article-byline\">By Andrii Bondar</div>"
      "<time datetime=\"2025-03-04\">4 March</time><p>Text.</p></article>"));
  EXPECT_EQ(article.byline, "Andrii Bondar");
  EXPECT_EQ(article.published, "2025-03-04");
  EXPECT_EQ(article.paragraphs, (Paragraphs{"Text."}));
}

TEST(ExtractArticleTest, PrefersArticleBodyOverLongerComments) {
  const std::string long_comment(
      "<p>This comment is much longer than the article itself and goes on "
      "about many unrelated matters for quite a while.</p>");
  const Article article = Extract(
      Page("<div itemprop=\"articleBody\"><p>The short article text that "
           "matters.</p></div><div>" +
           long_comment + long_comment + long_comment + "</div>"));
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{"The short article text that matters."}));
}

TEST(ExtractArticleTest, DropsTemplatePlaceholdersAndLabels) {
  const Article article =
      Extract(Page("<article><p>Real text.</p><div>{{ article.related }}</div>"
                   "<span>client/title.list_title</span><p>Tags:</p>"
                   "<p>Read also:</p><p>More real text.</p></article>"));
  EXPECT_EQ(article.paragraphs, (Paragraphs{"Real text.", "More real text."}));
}

TEST(ExtractArticleTest, FallsBackWhenWrapperLooksLikeFurniture) {
  const Article article = Extract(
      Page("<div class=\"layout-sidebar-right\"><div><p>Only text on the page, "
           "inside a wrapper with a misleading name.</p></div></div>"));
  EXPECT_EQ(article.paragraphs,
            (Paragraphs{"Only text on the page, inside a wrapper with a "
                        "misleading name."}));
}

TEST(ExtractArticleTest, FailsWithoutArticleText) {
  for (const std::string& html :
       {std::string(), std::string("<html><body><nav>Menu</nav></body>"),
        std::string("\xFF\xFE", 2), std::string("<p>\x01\x02</p>")}) {
    Result<ExtractedArticle> result = ExtractArticle(html);
    ASSERT_FALSE(result) << result->article.paragraphs.front();
    EXPECT_EQ(result.error().code, ErrorCode::kParse);
    EXPECT_EQ(result.error().message, "page holds no article text");
  }
}

TEST(ExtractArticleTest, RefusesPagesOverSizeLimit) {
  ExtractOptions options;
  options.max_input_bytes = 100;
  Result<ExtractedArticle> result =
      ExtractArticle(Page("<p>" + std::string(200, 'x') + "</p>"), options);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kParse);
  EXPECT_NE(result.error().message.find("limit of 100"), std::string::npos);
}

TEST(ExtractArticleTest, ResolvesARelativeCanonicalAgainstThePageUrl) {
  ExtractOptions options;
  options.page_url = "https://news.example.org/world/2026/ferry.html?x=1";
  const auto result = ExtractArticle(
      "<html><head><link rel=canonical href=\"/news/ferry\"></head>"
      "<body><p>Text.</p></body></html>",
      options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->canonical_url, "https://news.example.org/news/ferry");
}

}  // namespace
}  // namespace revwatch
