#include "extract/page_furniture.h"

#include <gumbo.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/article.h"

namespace revwatch {
namespace {

// Words that mark furniture wherever they appear in a class name or id.
// Comment sections and consent banners, whatever they hold.
constexpr std::string_view kAlwaysFurnitureWords[] = {
    "comment", "comments", "disqus", "replies",  "cookie",
    "cookies", "consent",  "gdpr",   "outbrain", "taboola"};

// Furniture unless the element holds most of the page's prose: some sites
// put "ad-wallpaper" or "hidden-phone" on the wrapper of the whole page.
constexpr std::string_view kMostlyFurnitureWords[] = {
    "hidden",       "copyright",     "disclaimer",  "legal",
    "nav",          "navbar",        "navigation",  "menu",
    "breadcrumb",   "breadcrumbs",   "footer",      "sidebar",
    "aside",        "related",       "recommended", "recommendations",
    "ad",           "ads",           "adv",         "advert",
    "adverts",      "advertisement", "adslot",      "adsbygoogle",
    "sponsor",      "sponsored",     "newsletter",  "subscribe",
    "subscription", "signup",        "donate",      "popup",
    "modal",        "login",         "search",      "readalso",
    "alsoread",     "readmore",      "seealso"};

// Words of a comment-section heading ("Comments", "12 Responses", "Leave a
// Reply", "Trackback Pings"), lower-case; Cyrillic stems match prefixes.
constexpr std::string_view kCommentWords[] = {
    "comment", "comments",  "responses",  "replies",
    "reply",   "trackback", "trackbacks", "disqus"};
constexpr std::string_view kCommentStems[] = {"коментар", "комментар",
                                              "Коментар", "Комментар"};
// A heading longer than this is a section of the article, not a label.
constexpr int kMaxCommentHeadingWords = 6;

// Words that mark furniture unless the element holds a whole article:
// sites wrap their article in "share_wrapper" or "widget-post-content".
constexpr std::string_view kFurnitureWords[] = {
    "share", "sharing", "sharebar", "social", "widget", "promo", "toolbar"};

// Words that mark furniture only on small elements: "post-date" is a date
// line, but "tag-economy" or "entry-author-jane" may wrap a whole article.
constexpr std::string_view kSmallFurnitureWords[] = {
    "header",  "masthead", "banner",  "tags",   "tag",       "topics",
    "byline",  "author",   "date",    "time",   "timestamp", "meta",
    "caption", "credit",   "gallery", "player", "print"};

// Two-word furniture names written apart: "read-also", "see_also".
constexpr std::pair<std::string_view, std::string_view> kFurniturePairs[] = {
    {"read", "also"}, {"also", "read"}, {"read", "more"}, {"see", "also"}};

// A first word that makes a class name describe the page's state.
// "tag-cookies" and "category-social" name the article's taxonomy.
constexpr std::string_view kStateWords[] = {"has", "with", "no",  "without",
                                            "is",  "show", "tag", "category"};

constexpr std::string_view kContentWords[] = {
    "content", "article", "body", "story", "text", "entry", "post", "main"};

// A name made of one of these and then one of kBodyWords ("entry-content",
// "post_body", "articleBody", "storytext") is what blog engines and news
// CMSs put on the element that holds exactly the article text.
constexpr std::string_view kBodyOwnerWords[] = {"post", "entry", "article",
                                                "story", "blog"};
constexpr std::string_view kBodyWords[] = {"body", "content", "text"};

// How the toggle of a block collapsed until clicked begins ("Show full PR
// text", "Show more"), lower-case.
constexpr std::string_view kCollapsedToggles[] = {"show full", "show more"};
// A toggle label longer than this is a sentence.
constexpr int kMaxToggleWords = 6;

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

FurnitureHint HintOfName(std::string_view name) {
  const std::vector<std::string> words = SplitWords(name);
  if (words.empty() || Contains(kStateWords, words.front())) {
    return FurnitureHint::kNone;
  }
  FurnitureHint hint = FurnitureHint::kNone;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (Contains(kAlwaysFurnitureWords, words[i])) {
      return FurnitureHint::kAlways;
    }
    if (Contains(kMostlyFurnitureWords, words[i])) {
      hint = std::max(hint, FurnitureHint::kUnlessMost);
    }
    if (Contains(kFurnitureWords, words[i])) {
      hint = std::max(hint, FurnitureHint::kUnlessLarge);
    }
    if (Contains(kSmallFurnitureWords, words[i])) {
      hint = std::max(hint, FurnitureHint::kWhenSmall);
    }
    if (i + 1 < words.size() &&
        Contains(kFurniturePairs, std::pair<std::string_view, std::string_view>(
                                      words[i], words[i + 1]))) {
      hint = std::max(hint, FurnitureHint::kUnlessMost);
    }
  }
  return hint;
}

bool IsContentName(std::string_view name) {
  for (const std::string& word : SplitWords(name)) {
    if (Contains(kContentWords, word)) return true;
  }
  return false;
}

bool IsOwnerBodyWord(std::string_view word) {
  for (std::string_view owner : kBodyOwnerWords) {
    if (!word.starts_with(owner)) continue;
    if (Contains(kBodyWords, word.substr(owner.size()))) return true;
  }
  return false;
}

// "entry-content", "post_body", "articleBody", "storytext"; not
// "post-content-footer" or "entry-content-meta", whose last word qualifies.
bool IsArticleBodyName(std::string_view name) {
  const std::vector<std::string> words = SplitWords(name);
  if (words.empty()) return false;
  if (words.size() == 1) return IsOwnerBodyWord(words[0]);
  const std::size_t n = words.size();
  return Contains(kBodyOwnerWords, words[n - 2]) &&
         Contains(kBodyWords, words[n - 1]);
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

bool IsHeading(const GumboNode& node) {
  if (node.type != GUMBO_NODE_ELEMENT) return false;
  switch (node.v.element.tag) {
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

bool NamesComments(std::string_view name) {
  for (const std::string& word : SplitWords(name)) {
    if (Contains(kCommentWords, word)) return true;
  }
  return false;
}

bool HasTag(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

// The first child of `node` that is not whitespace; nullptr if none.
const GumboNode* FirstContentChild(const GumboNode& node) {
  const GumboVector& children = node.v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_WHITESPACE &&
        child->type != GUMBO_NODE_COMMENT) {
      return child;
    }
  }
  return nullptr;
}

bool IsCollapseToggle(const GumboNode& node) {
  if (!IsElement(node)) return false;
  const std::string text = TextContentOf(node, 128);
  if (CountWords(text) > kMaxToggleWords) return false;
  const std::string key = CompactLower(text);
  for (std::string_view toggle : kCollapsedToggles) {
    if (key.starts_with(CompactLower(toggle))) return true;
  }
  return false;
}

}  // namespace

bool IsCollapsedBlock(const GumboNode& node) {
  if (!HasTag(node, GUMBO_TAG_DIV) && !HasTag(node, GUMBO_TAG_SECTION)) {
    return false;
  }
  const GumboNode* first = FirstContentChild(node);
  return first != nullptr && IsCollapseToggle(*first);
}

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

FurnitureHint FurnitureHintOf(const GumboNode& node) {
  if (!IsElement(node)) return FurnitureHint::kNone;
  switch (node.v.element.tag) {
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
      return FurnitureHint::kNone;
    default:
      break;
  }
  if (HasAttributeToken(AttributeOf(node, "itemprop"), "articleBody")) {
    return FurnitureHint::kNone;
  }
  FurnitureHint hint = FurnitureHint::kNone;
  AnyName(node, [&hint](std::string_view name) {
    hint = std::max(hint, HintOfName(name));
    return hint == FurnitureHint::kAlways;
  });
  // "module content_module js-social-images": a content name as well
  // makes the other names weak.
  if (hint == FurnitureHint::kUnlessLarge && HasContentHint(node)) {
    return FurnitureHint::kWhenSmall;
  }
  return hint;
}

bool HasContentHint(const GumboNode& node) {
  return IsElement(node) && AnyName(node, IsContentName);
}

bool HasArticleBodyName(const GumboNode& node) {
  return IsElement(node) && AnyName(node, IsArticleBodyName);
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

bool IsCommentSectionHeading(const GumboNode& node) {
  if (!IsHeading(node)) return false;
  if (AnyName(node, NamesComments)) return true;
  const std::string text = TextContentOf(node, 256);
  if (CountWords(text) > kMaxCommentHeadingWords) return false;
  for (std::string_view stem : kCommentStems) {
    if (text.find(stem) != std::string::npos) return true;
  }
  return NamesComments(text);
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
