#include "diff/edit_classifier.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace revwatch {
namespace {

// Letters and digits only, case-folded: what is left when case, punctuation
// and spacing are ignored.
std::string WordsOnly(const std::string& text) {
  utf8proc_uint8_t* folded = nullptr;
  const auto length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()), 0, &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_NULLTERM | UTF8PROC_CASEFOLD |
                                     UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
  std::string out;
  if (length < 0) return text;
  utf8proc_ssize_t pos = 0;
  while (pos < length) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(folded + pos, length - pos, &cp);
    if (n <= 0) break;
    const auto category = utf8proc_category(cp);
    const bool keep = (category >= UTF8PROC_CATEGORY_LU &&
                       category <= UTF8PROC_CATEGORY_LO) ||
                      (category >= UTF8PROC_CATEGORY_ND &&
                       category <= UTF8PROC_CATEGORY_NO);
    if (keep) {
      out.append(reinterpret_cast<const char*>(folded + pos),
                 static_cast<std::size_t>(n));
    }
    pos += n;
  }
  std::free(folded);
  return out;
}

// Rebuilds one side of a span list as text.
std::string Side(const std::vector<WordSpan>& spans, SpanOp drop) {
  std::string out;
  for (const WordSpan& span : spans) {
    if (span.op == drop) continue;
    if (span.space_before && !out.empty()) out += ' ';
    out += span.text;
  }
  return out;
}

bool WordingChanged(const std::vector<WordSpan>& spans) {
  return WordsOnly(Side(spans, SpanOp::kInsert)) !=
         WordsOnly(Side(spans, SpanOp::kDelete));
}

}  // namespace

void ClassifyEdit(ArticleDiff& diff) {
  std::vector<std::string> tags;
  bool substantive = false;
  if (diff.title_changed && WordingChanged(diff.title_spans)) {
    tags.push_back("headline");
    substantive = true;
  }
  if (diff.stats.paragraphs_added > 0) tags.push_back("paragraph-added");
  if (diff.stats.paragraphs_removed > 0) tags.push_back("paragraph-removed");
  bool cosmetic_only = true;
  for (const ParagraphChange& change : diff.paragraphs) {
    if (change.op != ParagraphOp::kChanged || WordingChanged(change.spans)) {
      cosmetic_only = false;
    }
  }
  if (!cosmetic_only) substantive = true;
  if (!substantive && diff.HasChanges()) tags.push_back("cosmetic");
  std::sort(tags.begin(), tags.end());
  diff.tags = std::move(tags);
  diff.substantive = substantive;
}

}  // namespace revwatch
