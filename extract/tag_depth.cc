#include "extract/tag_depth.h"

#include <algorithm>
#include <string>

#include "core/ascii.h"

namespace revwatch {
namespace {

// Tags that never deepen the tree built by an HTML parser.
constexpr std::string_view kFlatTags[] = {
    // void elements
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr",
    "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    // optional end tags, closed implicitly by their next sibling
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html",
    "head", "body",
    // a new one closes the open one
    "a", "nobr", "button", "form"};

// HTML tags that end <svg>/<math> content when they start inside it.
constexpr std::string_view kForeignBreakoutTags[] = {
    "b",   "big",   "blockquote", "body",  "center",  "code",   "dd",     "div",
    "dl",  "dt",    "em",         "h1",    "h2",      "h3",     "h4",     "h5",
    "h6",  "head",  "i",          "li",    "listing", "menu",   "ol",     "p",
    "pre", "ruby",  "s",          "small", "span",    "strong", "strike", "sub",
    "sup", "table", "tt",         "u",     "ul",      "var",    "font"};

// Elements whose content is text, not markup.
constexpr std::string_view kRawTextTags[] = {
    "script", "style",   "textarea", "title",    "xmp",
    "iframe", "noembed", "noframes", "plaintext"};

bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsNameEnd(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '/' || c == '>';
}

std::string LowerName(std::string_view html, std::size_t& pos) {
  std::string name;
  while (pos < html.size() && !IsNameEnd(html[pos])) {
    char c = html[pos++];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    name.push_back(c);
  }
  return name;
}

bool Contains(const auto& list, std::string_view name) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

// Position just past the '>' that ends the tag at `pos`; also reports
// whether the tag ended in "/>". Quoted attribute values may hold '>'.
std::size_t SkipTag(std::string_view html, std::size_t pos, bool& self_closing,
                    std::size_t& attributes) {
  char quote = 0;
  bool in_space = false;
  attributes = 0;
  for (; pos < html.size(); ++pos) {
    const char c = html[pos];
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                       c == '\f' || c == '/';
    if (quote == 0 && in_space && !space && c != '>' && c != '=') {
      ++attributes;
    }
    if (quote == 0) in_space = space;
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      self_closing = pos > 0 && html[pos - 1] == '/';
      return pos + 1;
    }
  }
  return html.size();
}

// Position of the end tag closing raw text element `name`, or the end.
std::size_t SkipRawText(std::string_view html, std::size_t pos,
                        std::string_view name) {
  while ((pos = html.find("</", pos)) != std::string_view::npos) {
    std::size_t i = pos + 2;
    if (LowerName(html, i) == name) return pos;
    pos += 2;
  }
  return html.size();
}

bool ContainsLower(std::string_view text, std::string_view lower) {
  const auto it = std::search(text.begin(), text.end(), lower.begin(), lower.end(),
                              [](char a, char b) { return AsciiLower(a) == b; });
  return it != text.end();
}

// Whether raw text element `name`, with start tag `tag`, holds code no
// extraction reads (see MarkupShape::code).
bool IsCode(std::string_view name, std::string_view tag, std::string_view content) {
  if (name == "style") return true;
  return name == "script" && !ContainsLower(tag, "json") &&
         content.find("<!--") == std::string_view::npos;
}

}  // namespace

MarkupShape MeasureMarkup(std::string_view html) {
  MarkupShape shape;
  std::size_t depth = 0;
  std::size_t& max_depth = shape.depth;
  std::size_t foreign_depth = 0;  // inside <svg> or <math>, "/>" closes
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.compare(pos, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool end_tag = pos + 1 < html.size() && html[pos + 1] == '/';
    std::size_t name_pos = pos + (end_tag ? 2 : 1);
    if (name_pos >= html.size() || !IsAlpha(html[name_pos])) {
      pos = name_pos;
      continue;
    }
    const std::size_t tag_start = pos;
    const std::string name = LowerName(html, name_pos);
    bool self_closing = false;
    std::size_t attributes = 0;
    pos = SkipTag(html, name_pos, self_closing, attributes);
    shape.max_attributes = std::max(shape.max_attributes, attributes);
    const bool foreign_root = name == "svg" || name == "math";
    if (Contains(kFlatTags, name)) continue;
    if (end_tag) {
      if (depth > 0) --depth;
      if (foreign_root && foreign_depth > 0) --foreign_depth;
      continue;
    }
    if (foreign_depth > 0 && Contains(kForeignBreakoutTags, name)) {
      foreign_depth = 0;
    }
    // "/>" closes an element only in SVG and MathML content.
    if (self_closing && (foreign_depth > 0 || foreign_root)) continue;
    max_depth = std::max(max_depth, ++depth);
    if (foreign_root) ++foreign_depth;
    if (Contains(kRawTextTags, name)) {
      const std::size_t content = pos;
      pos = SkipRawText(html, pos, name);
      if (IsCode(name, html.substr(tag_start, content - tag_start),
                 html.substr(content, pos - content))) {
        shape.code.emplace_back(content, pos);
      }
    }
  }
  return shape;
}

std::string WithoutCode(std::string_view html, const MarkupShape& shape) {
  std::string out;
  out.reserve(html.size());
  std::size_t from = 0;
  for (const auto& [begin, end] : shape.code) {
    out.append(html.substr(from, begin - from));
    from = end;
  }
  out.append(html.substr(from));
  return out;
}

std::size_t EstimateTagDepth(std::string_view html) {
  return MeasureMarkup(html).depth;
}

}  // namespace revwatch
