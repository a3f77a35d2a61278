#include "feed/feed_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace revwatch {
namespace {

std::string ReadFeed(const std::string& name) {
  std::ifstream in(std::string(REVWATCH_FEEDS_DIR) + "/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  EXPECT_FALSE(out.str().empty()) << name;
  return out.str();
}

ParsedFeed Parse(const std::string& name, const std::string& url) {
  auto feed = ParseFeed(ReadFeed(name), url);
  EXPECT_TRUE(feed) << name << ": " << feed.error().message;
  return feed ? *feed : ParsedFeed{};
}

std::string ErrorOf(std::string_view body) {
  auto feed = ParseFeed(body, "https://feeds.example/feed.xml");
  EXPECT_FALSE(feed) << body.substr(0, 80);
  return feed ? "" : feed.error().message;
}

TEST(FeedParserTest, Rss2ItemsWithLinksGuidsAndDates) {
  const ParsedFeed feed = Parse("rss2.xml", "https://gazette.example/rss.xml");
  EXPECT_EQ(feed.format, FeedFormat::kRss2);
  EXPECT_EQ(feed.title, "Harbour Gazette — News");
  ASSERT_EQ(feed.items.size(), 3u);
  // Links come as the feed gives them (canonicalising is the caller's),
  // trimmed; the atom:link of the channel is not an item.
  EXPECT_EQ(feed.items[0].url,
            "https://gazette.example/news/ferry-resumes?utm_source=rss&utm_medium=feed");
  EXPECT_EQ(feed.items[0].title, "Ferry service to resume on Monday");
  // Summaries are plain text: markup is not what a reader sees.
  EXPECT_EQ(feed.items[0].summary, "The harbour authority said the ferry would run again.");
  EXPECT_EQ(feed.items[0].published, "Tue, 27 Jan 2026 13:36:00 +0200");
  EXPECT_EQ(feed.items[0].published_at, 1769520960 - 2 * 3600);
  // A permalink guid stands in for the link; dc:date for pubDate.
  EXPECT_EQ(feed.items[1].url, "https://gazette.example/news/fees");
  EXPECT_EQ(feed.items[1].title, "Council & harbour board disagree on fees");
  EXPECT_EQ(feed.items[1].published_at, 1769504400);
  EXPECT_EQ(feed.items[2].url, "https://gazette.example/news/relative-story");
  EXPECT_EQ(feed.skipped, 1);  // the item whose guid is not a permalink
}

TEST(FeedParserTest, Rss1RdfItemsOutsideTheChannel) {
  const ParsedFeed feed = Parse("rdf.xml", "https://wire.example/index.rdf");
  EXPECT_EQ(feed.format, FeedFormat::kRdf);
  EXPECT_EQ(feed.title, "Wire (RDF)");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].url, "https://wire.example/a/1");
  EXPECT_EQ(feed.items[0].summary, "The minister resigned on Tuesday.");
  EXPECT_EQ(feed.items[0].published_at, 1769505300);
  EXPECT_EQ(feed.items[1].url, "https://wire.example/a/2");  // rdf:about
}

TEST(FeedParserTest, AtomAlternateLinksResolvedAgainstXmlBase) {
  const ParsedFeed feed = Parse("atom.xml", "https://atom.example/feed.atom");
  EXPECT_EQ(feed.format, FeedFormat::kAtom);
  EXPECT_EQ(feed.title, "Atom Desk");
  ASSERT_EQ(feed.items.size(), 3u);
  EXPECT_EQ(feed.items[0].url, "https://atom.example/blog/2026/denial");
  EXPECT_EQ(feed.items[0].title, "Прем'єр спростував звіт");
  EXPECT_EQ(feed.items[0].summary, "Офіс прем'єра назвав звіт неправдою.");
  EXPECT_EQ(feed.items[0].published_at, 1769520960);  // published before updated
  EXPECT_EQ(feed.items[1].url, "https://other.example/story-2");
  EXPECT_EQ(feed.items[2].url, "https://atom.example/blog/3");  // the id
}

TEST(FeedParserTest, JsonFeed) {
  const ParsedFeed feed = Parse("feed.json", "https://json.example/feed.json");
  EXPECT_EQ(feed.format, FeedFormat::kJsonFeed);
  EXPECT_EQ(feed.title, "JSON Newsroom");
  ASSERT_EQ(feed.items.size(), 3u);
  EXPECT_EQ(feed.items[0].url, "https://json.example/2026/01/27/ceasefire");
  EXPECT_EQ(feed.items[0].published_at, 1769520960);
  EXPECT_EQ(feed.items[1].url, "https://json.example/2026/01/27/second");
  EXPECT_EQ(feed.items[1].summary, "No title here; only text.");
  EXPECT_EQ(feed.items[2].url, "https://json.example/relative/story");
  EXPECT_EQ(feed.skipped, 2);
}

TEST(FeedParserTest, SitemapsNewsSitemapsAndIndexes) {
  const ParsedFeed sitemap = Parse("sitemap.xml", "https://maps.example/sitemap.xml");
  EXPECT_EQ(sitemap.format, FeedFormat::kSitemap);
  ASSERT_EQ(sitemap.items.size(), 2u);
  EXPECT_EQ(sitemap.items[0].url, "https://maps.example/news/one");
  EXPECT_EQ(sitemap.items[0].published, "2026-01-27");
  EXPECT_EQ(sitemap.skipped, 1);  // an empty <loc> is not the sitemap itself

  const ParsedFeed news = Parse("news-sitemap.xml", "https://maps.example/news.xml");
  EXPECT_EQ(news.format, FeedFormat::kNewsSitemap);
  ASSERT_EQ(news.items.size(), 1u);
  EXPECT_EQ(news.items[0].title, "Fire at the harbour");
  EXPECT_EQ(news.items[0].published_at, 1769520960 - 2 * 3600);

  const ParsedFeed index = Parse("sitemap-index.xml", "https://maps.example/sitemap_index.xml");
  EXPECT_EQ(index.format, FeedFormat::kSitemapIndex);
  EXPECT_TRUE(index.items.empty());
  EXPECT_EQ(index.sitemaps,
            (std::vector<std::string>{"https://maps.example/sitemap-news.xml",
                                      "https://maps.example/sitemap-2026-01.xml"}));
}

TEST(FeedParserTest, DeclaredLegacyEncodingsBecomeUtf8) {
  const ParsedFeed feed = Parse("rss-windows-1251.xml", "https://ru.example/rss");
  EXPECT_EQ(feed.title, "Новости");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].title, "Министр опроверг сообщение");
}

TEST(FeedParserTest, EntityDeclarationsAreRefusedBeforeParsing) {
  EXPECT_NE(ErrorOf(ReadFeed("billion-laughs.xml")).find("declares XML entities"),
            std::string::npos);
  EXPECT_NE(ErrorOf(ReadFeed("external-entity.xml")).find("declares XML entities"),
            std::string::npos);
  // In UTF-16 the byte search cannot see the declaration; the parsed
  // document's type is checked as well.
  const std::string utf8 = ReadFeed("billion-laughs.xml").substr(21);  // no <?xml ...?>
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) utf16 += {c, '\0'};
  EXPECT_NE(ErrorOf(utf16).find("entit"), std::string::npos) << ErrorOf(utf16);
}

TEST(FeedParserTest, AQuotedAngleBracketDoesNotHideAnInternalSubset) {
  const std::string sneaky =
      "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"x>y\" [<!ENTITY a \"b\">]>"
      "<rss><channel><title>&a;</title></channel></rss>";
  EXPECT_NE(ErrorOf(sneaky).find("declares XML entities"), std::string::npos) << ErrorOf(sneaky);
  // A document type without one is fine.
  auto plain = ParseFeed(
      "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\" "
      "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel>"
      "<item><link>https://old.example/1</link></item></channel></rss>",
      "https://old.example/rss");
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_EQ(plain->items.size(), 1u);
}

TEST(FeedParserTest, ASitemapIndexListsItsNewestSitemapsFirst) {
  auto index = ParseFeed(
      "<sitemapindex><sitemap><loc>/2024.xml</loc><lastmod>2024-12-31</lastmod></sitemap>"
      "<sitemap><loc>/undated.xml</loc></sitemap>"
      "<sitemap><loc>/2026.xml</loc><lastmod>2026-11-20T10:00:00+00:00</lastmod></sitemap>"
      "<sitemap><loc>/2025.xml</loc><lastmod>2025-06-01</lastmod></sitemap></sitemapindex>",
      "https://maps.example/index.xml");
  ASSERT_TRUE(index) << index.error().message;
  EXPECT_EQ(index->sitemaps,
            (std::vector<std::string>{
                "https://maps.example/2026.xml", "https://maps.example/2025.xml",
                "https://maps.example/2024.xml", "https://maps.example/undated.xml"}));
}

TEST(FeedParserTest, BrokenInputGetsAMessageThatSaysWhat) {
  EXPECT_NE(ErrorOf(ReadFeed("malformed.xml")).find("not well-formed XML at line 3"),
            std::string::npos)
      << ErrorOf(ReadFeed("malformed.xml"));
  EXPECT_NE(ErrorOf("").find("empty"), std::string::npos);
  EXPECT_NE(ErrorOf("<html><body>hi</body></html>").find("not a feed or sitemap"),
            std::string::npos);
  EXPECT_NE(ErrorOf("{\"items\": []}").find("not a JSON Feed"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"version\": ").find("malformed"), std::string::npos);
  EXPECT_NE(ErrorOf(std::string(100000, '[')).find("nested deeper"), std::string::npos);
  // Well-formed but 5,000 levels deep: libxml2's depth limit (256) holds.
  std::string deep = "<rss>";
  for (int i = 0; i < 5000; ++i) deep += "<a>";
  for (int i = 0; i < 5000; ++i) deep += "</a>";
  deep += "</rss>";
  EXPECT_NE(ErrorOf(deep).find("Excessive depth"), std::string::npos) << ErrorOf(deep);
}

TEST(FeedParserTest, SizeAndItemLimits) {
  FeedLimits limits;
  limits.max_bytes = 1 << 20;
  const std::string big(limits.max_bytes + 1, ' ');
  auto refused = ParseFeed(big, "https://feeds.example/x", limits);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("over the limit of 1048576 bytes"), std::string::npos);

  std::string many = "<rss><channel>";
  for (int i = 0; i < 10; ++i) {
    many += "<item><link>https://feeds.example/" + std::to_string(i) + "</link></item>";
  }
  many += "</channel></rss>";
  limits.max_items = 4;
  auto feed = ParseFeed(many, "https://feeds.example/x", limits);
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_EQ(feed->items.size(), 4u);
  EXPECT_TRUE(feed->truncated);
}

TEST(FeedParserTest, HtmlOrFeedByMarkupThenContentType) {
  // Feeds served as text/html are common.
  EXPECT_FALSE(LooksLikeHtml("text/html; charset=utf-8", "<?xml version='1.0'?><rss/>"));
  EXPECT_FALSE(LooksLikeHtml("text/html", "\xEF\xBB\xBF <rss version='2.0'>"));
  EXPECT_FALSE(LooksLikeHtml("text/html", "{\"version\": \"https://jsonfeed.org/version/1\"}"));
  EXPECT_TRUE(LooksLikeHtml("application/rss+xml", "<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("text/html", "<head><title>x</title>"));
  EXPECT_FALSE(LooksLikeHtml("text/xml", "<channel>"));
  EXPECT_TRUE(LooksLikeHtml("", "\n  <!doctype HTML><html>"));
  EXPECT_TRUE(LooksLikeHtml("application/octet-stream", "<html lang=en>"));
  EXPECT_FALSE(LooksLikeHtml("", "<?xml version='1.0'?><rss/>"));
}

TEST(FeedDiscoveryTest, FindsAnnouncedFeedsResolvedAgainstBase) {
  const auto feeds =
      DiscoverFeeds(ReadFeed("page-with-feeds.html"), "https://www.gazette.example/news/");
  EXPECT_EQ(feeds, (std::vector<std::string>{"https://gazette.example/rss.xml",
                                             "https://gazette.example/atom.xml"}));
  EXPECT_TRUE(DiscoverFeeds("<p>no head at all", "https://x.example/").empty());
}

}  // namespace
}  // namespace revwatch
