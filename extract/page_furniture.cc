#include "extract/page_furniture.h"

#include <gumbo.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace revwatch {
namespace {

constexpr std::string_view kFurnitureWords[] = {
    "nav",           "navbar",      "navigation",
    "menu",          "breadcrumb",  "breadcrumbs",
    "header",        "masthead",    "footer",
    "sidebar",       "aside",       "comment",
    "comments",      "disqus",      "share",
    "sharing",       "sharebar",    "social",
    "related",       "recommended", "recommendations",
    "promo",         "ad",          "ads",
    "adv",           "advert",      "adverts",
    "advertisement", "adslot",      "adsbygoogle",
    "banner",        "sponsor",     "sponsored",
    "cookie",        "cookies",     "consent",
    "gdpr",          "newsletter",  "subscribe",
    "subscription",  "signup",      "donate",
    "tags",          "tag",         "topics",
    "widget",        "popup",       "modal",
    "outbrain",      "taboola",     "byline",
    "author",        "date",        "time",
    "timestamp",     "meta",        "caption",
    "credit",        "gallery",     "player",
    "toolbar",       "print",       "hidden",
    "login",         "search",      "readalso",
    "alsoread",      "readmore",    "seealso"};

// Two-word furniture names written apart: "read-also", "see_also".
constexpr std::pair<std::string_view, std::string_view> kFurniturePairs[] = {
    {"read", "also"}, {"also", "read"}, {"read", "more"}, {"see", "also"}};

// A first word that makes a class name describe the page's state.
constexpr std::string_view kStateWords[] = {"has",     "with", "no",
                                            "without", "is",   "show"};

constexpr std::string_view kContentWords[] = {
    "content", "article", "body", "story", "text", "entry", "post", "main"};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Splits one class name into lower-case words: "shareBar_top" ->
// {"share", "bar", "top"}.
std::vector<std::string> SplitWords(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool camel_break = IsUpper(c) && i > 0 && !IsUpper(name[i - 1]) &&
                             IsAsciiAlnum(name[i - 1]);
    if (!IsAsciiAlnum(c) || camel_break) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    }
    if (IsAsciiAlnum(c)) {
      word.push_back(IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool Contains(const auto& list, const auto& value) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

bool IsFurnitureName(std::string_view name) {
  const std::vector<std::string> words = SplitWords(name);
  if (words.empty() || Contains(kStateWords, words.front())) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (Contains(kFurnitureWords, words[i])) return true;
    if (i + 1 < words.size() &&
        Contains(kFurniturePairs, std::pair<std::string_view, std::string_view>(
                                      words[i], words[i + 1]))) {
      return true;
    }
  }
  return false;
}

bool IsContentName(std::string_view name) {
  for (const std::string& word : SplitWords(name)) {
    if (Contains(kContentWords, word)) return true;
  }
  return false;
}

// Calls `test` on each class name and on the id; true if any passes.
template <typename Test>
bool AnyName(const GumboNode& node, Test test) {
  if (test(AttributeOf(node, "id"))) return true;
  std::string_view classes = AttributeOf(node, "class");
  while (!classes.empty()) {
    const std::size_t start = classes.find_first_not_of(" \t\n\r\f");
    if (start == std::string_view::npos) break;
    classes.remove_prefix(start);
    const std::size_t end =
        std::min(classes.find_first_of(" \t\n\r\f"), classes.size());
    if (test(classes.substr(0, end))) return true;
    classes.remove_prefix(end);
  }
  return false;
}

std::string CompactLower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out.push_back(IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool IsElement(const GumboNode& node) {
  return node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE;
}

}  // namespace

bool IsNonContentTag(const GumboNode& node) {
  if (node.type == GUMBO_NODE_TEMPLATE) return true;
  if (node.type != GUMBO_NODE_ELEMENT) return false;
  switch (node.v.element.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
      return true;
    default:
      return false;
  }
}

bool HasFurnitureHint(const GumboNode& node) {
  if (!IsElement(node)) return false;
  switch (node.v.element.tag) {
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
      return false;
    default:
      break;
  }
  if (HasAttributeToken(AttributeOf(node, "itemprop"), "articleBody"))
    return false;
  return AnyName(node, IsFurnitureName);
}

bool HasContentHint(const GumboNode& node) {
  return IsElement(node) && AnyName(node, IsContentName);
}

bool IsHiddenElement(const GumboNode& node) {
  if (!IsElement(node)) return false;
  if (gumbo_get_attribute(&node.v.element.attributes, "hidden") != nullptr) {
    return true;
  }
  if (CompactLower(AttributeOf(node, "aria-hidden")) == "true") return true;
  const std::string style = CompactLower(AttributeOf(node, "style"));
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool HasAttributeToken(std::string_view list, std::string_view token) {
  std::size_t pos = 0;
  while ((pos = list.find(token, pos)) != std::string_view::npos) {
    const std::size_t end = pos + token.size();
    const bool starts = pos == 0 || list[pos - 1] == ' ';
    const bool ends = end == list.size() || list[end] == ' ';
    if (starts && ends) return true;
    pos = end;
  }
  return false;
}

}  // namespace revwatch
