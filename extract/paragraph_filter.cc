#include "extract/paragraph_filter.h"

#include <utf8proc.h>

#include <algorithm>
#include <string>

namespace revwatch {
namespace {

constexpr std::string_view kWidgetLabels[] = {
    "tags", "tag", "topics", "read also", "also read", "read more", "see also",
    "related", "related articles", "related news", "related stories",
    "more on this topic", "share", "share this", "share this article",
    "follow us", "advertisement", "sponsored", "comments", "newsletter",
    // Ukrainian and Russian news sites
    "теги", "теми", "читайте також", "читайте также", "поділитися",
    "поделиться", "реклама"};

// Lower-cases `text` (any script) and drops trailing colons and spaces.
std::string LabelKey(std::string_view text) {
  std::string key;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return key;
    p += n;
    left -= n;
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t len =
        utf8proc_encode_char(utf8proc_tolower(cp), buf);
    key.append(reinterpret_cast<const char*>(buf),
               static_cast<std::size_t>(len));
  }
  while (!key.empty() && (key.back() == ':' || key.back() == ' ')) {
    key.pop_back();
  }
  return key;
}

bool HasLetterOrDigit(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    p += n;
    left -= n;
    const utf8proc_category_t category = utf8proc_category(cp);
    if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO) {
      return true;
    }
  }
  return false;
}

bool IsLowerIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsUpperIdentChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "client/title.list_title", "news.read_more": lower-case identifiers
// joined by '/' or '.', with at least one '/' or '_' to tell them from a
// domain name such as "example.com".
bool IsTemplatePath(std::string_view text) {
  bool needs_ident = true;
  int joints = 0;
  for (char c : text) {
    if (c == '/' || c == '.') {
      if (needs_ident) return false;
      needs_ident = true;
      ++joints;
    } else if (IsLowerIdentChar(c)) {
      needs_ident = false;
    } else {
      return false;
    }
  }
  const bool marked = text.find_first_of("/_") != std::string_view::npos;
  return !needs_ident && joints > 0 && marked;
}

// "LABEL_READ_MORE".
bool IsConstantName(std::string_view text) {
  return text.size() > 2 && text.front() >= 'A' && text.front() <= 'Z' &&
         text.find('_') != std::string_view::npos &&
         std::all_of(text.begin(), text.end(), IsUpperIdentChar);
}

}  // namespace

bool IsArticleParagraph(const TextBlock& block) {
  const bool link_heavy = block.link_chars * 2 > block.chars;
  const bool date_line = block.time_chars >= block.chars;
  return !link_heavy && !date_line && HasLetterOrDigit(block.text) &&
         !IsWidgetLabel(block.text) && !IsTemplatePlaceholder(block.text);
}

bool IsWidgetLabel(std::string_view text) {
  const std::string key = LabelKey(text);
  return std::find(std::begin(kWidgetLabels), std::end(kWidgetLabels), key) !=
         std::end(kWidgetLabels);
}

bool IsTemplatePlaceholder(std::string_view text) {
  for (std::string_view marker : {"{{", "}}", "{%", "%}"}) {
    if (text.find(marker) != std::string_view::npos) return true;
  }
  if (text.find(' ') != std::string_view::npos) return false;
  return IsTemplatePath(text) || IsConstantName(text);
}

}  // namespace revwatch
