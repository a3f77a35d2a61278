#include "extract/headline.h"

#include <utf8proc.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/article.h"

namespace revwatch {
namespace {

// Separators between a headline and the site name, strongest first.
constexpr std::string_view kPipeSeparators[] = {" | ", " :: ", " · "};
constexpr std::string_view kDashSeparators[] = {" - ", " – ", " — "};
// A dash suffix is taken for a site name up to this many words.
constexpr int kMaxSiteWords = 3;
// A heading found in the <title> is the headline if it makes up this share
// of the title's letters.
constexpr double kMinTitleShare = 0.4;

// Lower-cased letters and digits only, as code points.
std::u32string Key(std::string_view text) {
  std::u32string key;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) n = 1;
    p += n;
    left -= n;
    if (cp < 0) continue;
    const utf8proc_category_t category = utf8proc_category(cp);
    const bool letter =
        category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
    const bool digit =
        category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO;
    if (letter || digit) {
      key.push_back(static_cast<char32_t>(utf8proc_tolower(cp)));
    }
  }
  return key;
}

// Position of the last occurrence of any of `separators`, and its length.
std::size_t FindLast(std::string_view title, const auto& separators,
                     std::size_t& length) {
  std::size_t best = std::string_view::npos;
  for (std::string_view separator : separators) {
    const std::size_t pos = title.rfind(separator);
    if (pos != std::string_view::npos &&
        (best == std::string_view::npos || pos > best)) {
      best = pos;
      length = separator.size();
    }
  }
  return best;
}

// `title` without a trailing separator and `site_name`, if it has them.
std::string StripNamedSite(std::string_view title, std::string_view site_name) {
  if (site_name.empty()) return std::string(title);
  for (const auto* separators : {&kPipeSeparators, &kDashSeparators}) {
    std::size_t length = 0;
    const std::size_t pos = FindLast(title, *separators, length);
    if (pos != std::string_view::npos && pos > 0 &&
        Key(title.substr(pos + length)) == Key(site_name)) {
      return std::string(title.substr(0, pos));
    }
  }
  return std::string(title);
}

// The longest of `headings` whose text the document title contains and
// that is at least kMinTitleShare of it, or "".
std::string HeadingInTitle(const std::vector<std::string>& headings,
                           std::string_view document_title) {
  const std::u32string title = Key(document_title);
  std::string best;
  std::size_t best_size = 0;
  for (const std::string& heading : headings) {
    const std::u32string key = Key(heading);
    if (key.size() <= best_size ||
        static_cast<double>(key.size()) <
            kMinTitleShare * static_cast<double>(title.size()) ||
        title.find(key) == std::u32string::npos) {
      continue;
    }
    best = heading;
    best_size = key.size();
  }
  return best;
}

}  // namespace

std::string StripSiteSuffix(std::string_view title,
                            std::string_view site_name) {
  std::size_t length = 0;
  std::size_t pos = FindLast(title, kPipeSeparators, length);
  if (pos != std::string_view::npos && pos > 0) {
    return std::string(title.substr(0, pos));
  }
  pos = FindLast(title, kDashSeparators, length);
  if (pos == std::string_view::npos || pos == 0) return std::string(title);
  const std::string_view head = title.substr(0, pos);
  const std::string_view tail = title.substr(pos + length);
  const bool names_site = !site_name.empty() && Key(tail) == Key(site_name);
  const int tail_words = CountWords(tail);
  const bool short_tail =
      tail_words <= kMaxSiteWords && CountWords(head) > 2 * tail_words;
  return std::string(names_site || short_tail ? head : title);
}

bool SameHeadline(std::string_view a, std::string_view b) {
  const std::u32string key_a = Key(a);
  const std::u32string key_b = Key(b);
  if (key_a.empty() || key_b.empty()) return false;
  return key_a.starts_with(key_b) || key_b.starts_with(key_a);
}

std::string ChooseHeadline(const HeadlineSources& sources) {
  std::string stated =
      sources.og_title.empty() ? sources.json_ld_headline : sources.og_title;
  stated = StripNamedSite(stated, sources.site_name);
  if (stated.empty()) {
    std::string heading =
        HeadingInTitle(sources.headings, sources.document_title);
    if (!heading.empty()) return heading;
  }
  if (sources.h1.empty()) {
    if (!stated.empty()) return stated;
    return StripSiteSuffix(sources.document_title, sources.site_name);
  }
  if (stated.empty() || !SameHeadline(stated, sources.h1)) return sources.h1;
  return stated.size() <= sources.h1.size() ? stated : sources.h1;
}

}  // namespace revwatch
