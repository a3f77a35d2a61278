#include "core/url_resolve.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

constexpr char kBase[] =
    "https://news.example.org/world/2025/ferry.html?x=1#top";

TEST(ResolveUrlTest, ResolvesEachKindOfReference) {
  EXPECT_EQ(ResolveUrl(kBase, "/news/ferry"),
            "https://news.example.org/news/ferry");
  EXPECT_EQ(ResolveUrl(kBase, "ferry-2"),
            "https://news.example.org/world/2025/ferry-2");
  EXPECT_EQ(ResolveUrl(kBase, "../2024/./old.html"),
            "https://news.example.org/world/2024/old.html");
  EXPECT_EQ(ResolveUrl(kBase, "//cdn.example.org/a"),
            "https://cdn.example.org/a");
  EXPECT_EQ(ResolveUrl(kBase, "?page=2"),
            "https://news.example.org/world/2025/ferry.html?page=2");
  EXPECT_EQ(ResolveUrl(kBase, "#c"),
            "https://news.example.org/world/2025/ferry.html?x=1#c");
  EXPECT_EQ(ResolveUrl("https://example.org", "a/b"),
            "https://example.org/a/b");
  EXPECT_EQ(ResolveUrl(kBase, "/../a/.."), "https://news.example.org/");
}

TEST(ResolveUrlTest, LeavesAbsoluteOrUnresolvableReferences) {
  EXPECT_EQ(ResolveUrl(kBase, "http://other.example/x"),
            "http://other.example/x");
  EXPECT_EQ(ResolveUrl(kBase, ""), "");
  EXPECT_EQ(ResolveUrl("", "/news/ferry"), "/news/ferry");
  EXPECT_EQ(ResolveUrl("ferry.html", "/news/ferry"), "/news/ferry");
}

}  // namespace
}  // namespace revwatch
