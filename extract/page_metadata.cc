#include "extract/page_metadata.h"

#include <gumbo.h>

#include <algorithm>
#include <string_view>

#include "extract/json_ld.h"
#include "extract/page_furniture.h"
#include "extract/text_normalize.h"

namespace revwatch {
namespace {

// Bylines longer than this are a bio or a teaser, not a name.
constexpr std::size_t kMaxBylineChars = 100;
// Metadata read from element text (names, dates, titles) is short; reading
// stops past this many bytes.
constexpr std::size_t kMaxMetadataBytes = 2048;
// How many nodes of an itemprop=author element to search for its name.
constexpr int kMaxAuthorNodes = 200;

bool HasTag(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

void SetOnce(std::string& field, std::string_view value) {
  if (field.empty()) field = NormalizePageText(value);
}

// The value an element states for itemprop: content, datetime, or its text.
std::string ItempropValue(const GumboNode& node) {
  for (const char* attr : {"content", "datetime"}) {
    const std::string_view value = AttributeOf(node, attr);
    if (!value.empty()) return std::string(value);
  }
  return TextContentOf(node, kMaxMetadataBytes);
}

std::string StripByPrefix(std::string byline) {
  if (byline.size() > 3 && (byline[0] == 'B' || byline[0] == 'b') &&
      byline[1] == 'y' && byline[2] == ' ') {
    byline.erase(0, 3);
  }
  return byline;
}

std::string CompactLower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool IsUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://");
}

// Script content is raw text, which TextContentOf leaves out.
std::string ScriptText(const GumboNode& script) {
  std::string text;
  const GumboVector& children = script.v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT ||
        child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA) {
      text += child->v.text.text;
    }
  }
  return text;
}

// Candidates found while walking, merged into PageMetadata afterwards in
// order of trust.
struct Candidates {
  PageMetadata meta;
  std::string meta_author;
  std::string rel_author;
  std::string itemprop_author;
  std::string class_author;
  std::string meta_published;
  std::string itemprop_published;
  std::string meta_modified;
  std::string itemprop_modified;
  std::string html_lang;
  std::string meta_lang;
  std::string og_locale;
  std::string canonical;
  std::string og_url;
  JsonLdArticle json_ld;
};

void ReadMetaTag(const GumboNode& node, Candidates& c) {
  const std::string_view key = !AttributeOf(node, "property").empty()
                                   ? AttributeOf(node, "property")
                                   : AttributeOf(node, "name");
  const std::string_view content = AttributeOf(node, "content");
  if (key == "og:title") SetOnce(c.meta.og_title, content);
  if (key == "og:site_name") SetOnce(c.meta.site_name, content);
  if (key == "author" && !IsUrl(content)) SetOnce(c.meta_author, content);
  if (key == "article:published_time") SetOnce(c.meta_published, content);
  if (key == "article:modified_time") SetOnce(c.meta_modified, content);
  if (key == "og:locale") SetOnce(c.og_locale, content);
  if (key == "og:url") SetOnce(c.og_url, content);
  if (CompactLower(AttributeOf(node, "http-equiv")) == "content-language") {
    SetOnce(c.meta_lang, content);
  }
}

void ReadItemprop(const GumboNode& node, Candidates& c) {
  const std::string_view itemprop = AttributeOf(node, "itemprop");
  if (itemprop.empty()) return;
  if (HasAttributeToken(itemprop, "author") && c.itemprop_author.empty()) {
    // An author item usually nests its name in itemprop=name.
    std::string name;
    int budget = kMaxAuthorNodes;
    WalkDom(node, [&](const GumboNode& n) {
      if (!name.empty() || --budget < 0) return WalkAction::kStop;
      if (HasAttributeToken(AttributeOf(n, "itemprop"), "name"))
        name = ItempropValue(n);
      return WalkAction::kDescend;
    });
    SetOnce(c.itemprop_author, name.empty() ? ItempropValue(node) : name);
  }
  if (c.itemprop_published.empty() &&
      HasAttributeToken(itemprop, "datePublished")) {
    SetOnce(c.itemprop_published, ItempropValue(node));
  }
  if (c.itemprop_modified.empty() &&
      HasAttributeToken(itemprop, "dateModified")) {
    SetOnce(c.itemprop_modified, ItempropValue(node));
  }
}

bool HasBylineClass(const GumboNode& node) {
  const std::string_view classes = AttributeOf(node, "class");
  return classes.find("byline") != std::string_view::npos ||
         classes.find("author") != std::string_view::npos;
}

WalkAction Visit(const GumboNode& node, Candidates& c) {
  if (node.type == GUMBO_NODE_DOCUMENT) return WalkAction::kDescend;
  if (node.type != GUMBO_NODE_ELEMENT) return WalkAction::kSkipChildren;
  if (HasTag(node, GUMBO_TAG_META)) ReadMetaTag(node, c);
  if (HasTag(node, GUMBO_TAG_HTML))
    SetOnce(c.html_lang, AttributeOf(node, "lang"));
  if (HasTag(node, GUMBO_TAG_LINK) &&
      HasAttributeToken(CompactLower(AttributeOf(node, "rel")), "canonical")) {
    SetOnce(c.canonical, AttributeOf(node, "href"));
  }
  if (HasTag(node, GUMBO_TAG_TITLE) && c.meta.document_title.empty() &&
      node.v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
    SetOnce(c.meta.document_title, TextContentOf(node, kMaxMetadataBytes));
  }
  if (HasTag(node, GUMBO_TAG_SCRIPT)) {
    if (AttributeOf(node, "type") == "application/ld+json") {
      ReadJsonLd(ScriptText(node), c.json_ld);
    }
    return WalkAction::kSkipChildren;
  }
  if (c.rel_author.empty() &&
      HasAttributeToken(AttributeOf(node, "rel"), "author")) {
    SetOnce(c.rel_author, TextContentOf(node, kMaxMetadataBytes));
  }
  ReadItemprop(node, c);
  if (c.class_author.empty() && HasBylineClass(node)) {
    const std::string text =
        NormalizePageText(TextContentOf(node, kMaxMetadataBytes));
    if (CountVisibleChars(text) <= kMaxBylineChars) c.class_author = text;
  }
  return WalkAction::kDescend;
}

std::string FirstNonEmpty(std::initializer_list<const std::string*> values) {
  for (const std::string* value : values) {
    if (!value->empty()) return *value;
  }
  return "";
}

}  // namespace

PageMetadata ReadPageMetadata(const GumboNode& document) {
  Candidates c;
  WalkDom(document, [&c](const GumboNode& node) { return Visit(node, c); });
  PageMetadata meta = std::move(c.meta);
  meta.json_ld_headline = NormalizePageText(c.json_ld.headline);
  meta.json_ld_body = NormalizePageText(c.json_ld.article_body);
  meta.byline = StripByPrefix(
      FirstNonEmpty({&c.meta_author, &c.rel_author, &c.itemprop_author,
                     &c.json_ld.author, &c.class_author}));
  meta.byline = NormalizePageText(meta.byline);
  meta.published = FirstNonEmpty(
      {&c.meta_published, &c.itemprop_published, &c.json_ld.date_published});
  meta.published = NormalizePageText(meta.published);
  meta.modified = NormalizePageText(FirstNonEmpty(
      {&c.meta_modified, &c.itemprop_modified, &c.json_ld.date_modified}));
  std::string locale = c.og_locale;
  std::replace(locale.begin(), locale.end(), '_', '-');
  meta.lang = FirstNonEmpty({&c.html_lang, &c.meta_lang, &locale});
  meta.canonical_url = FirstNonEmpty({&c.canonical, &c.og_url});
  return meta;
}

std::string FirstTimeElement(const GumboNode& container) {
  std::string datetime;
  WalkDom(container, [&datetime](const GumboNode& node) {
    if (!datetime.empty()) return WalkAction::kStop;
    if (HasTag(node, GUMBO_TAG_TIME)) {
      datetime = NormalizePageText(AttributeOf(node, "datetime"));
    }
    return WalkAction::kDescend;
  });
  return datetime;
}

}  // namespace revwatch
