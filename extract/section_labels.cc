#include "extract/section_labels.h"

#include <gumbo.h>

#include <algorithm>
#include <string>

#include "core/article.h"
#include "extract/text_normalize.h"

namespace revwatch {
namespace {

// Whole labels, as LabelKey folds them.
constexpr std::string_view kSectionLabels[] = {
    "related", "don't miss", "do not miss", "recent posts", "recent articles",
    "recent stories", "recent comments", "latest posts", "latest news",
    "latest stories", "archives", "archive", "categories", "blogroll",
    "popular posts", "popular stories", "popular articles", "most popular",
    "most read", "most viewed", "most emailed", "most shared", "most commented",
    "you may also like", "you might also like", "you may also be interested in",
    "you might be interested in", "recommended", "recommended for you",
    "recommended stories", "editor's picks", "editors' picks", "top stories",
    "trending", "trending now", "read next", "up next", "what's hot",
    // Ukrainian and Russian news sites
    "схожі новини", "похожие новости", "новини за темою", "новости по теме",
    "популярне", "популярное", "останні новини", "последние новости"};

// Labels that go on with a topic or a site name: "Related Content from
// NBCNews.com", "More from Tech", "More stories".
constexpr std::string_view kSectionLabelPrefixes[] = {
    "related ", "more from ", "more stories", "more news", "more articles"};

// A label longer than this is a sentence or an article's section title.
constexpr int kMaxLabelWords = 6;

bool HasTagIn(const GumboNode& node, GumboTag first, GumboTag last) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag >= first &&
         node.v.element.tag <= last;
}

}  // namespace

bool IsWidgetSectionLabel(std::string_view text) {
  const std::string key = LabelKey(NormalizePageText(text));
  if (key.empty() || CountWords(key) > kMaxLabelWords) return false;
  if (std::find(std::begin(kSectionLabels), std::end(kSectionLabels), key) !=
      std::end(kSectionLabels)) {
    return true;
  }
  return std::any_of(
      std::begin(kSectionLabelPrefixes), std::end(kSectionLabelPrefixes),
      [&key](std::string_view prefix) { return key.starts_with(prefix); });
}

bool IsWidgetSectionHeading(const GumboNode& node) {
  return HasTagIn(node, GUMBO_TAG_H2, GUMBO_TAG_H6) &&
         IsWidgetSectionLabel(TextContentOf(node, 256));
}

bool IsHeadingElement(const GumboNode& node) {
  return HasTagIn(node, GUMBO_TAG_H1, GUMBO_TAG_H6);
}

}  // namespace revwatch
