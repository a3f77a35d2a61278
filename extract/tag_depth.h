// A cheap look at raw HTML before it is parsed, so that absurdly nested
// markup, or a tag with absurdly many attributes, is refused before Gumbo
// spends quadratic time on it (and recurses over it when freeing the tree),
// and so that the code in a page (often half its bytes) need not pass
// through Gumbo's character-at-a-time tokenizer when nothing reads it.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_TAG_DEPTH_H_
#define REVWATCH_EXTRACT_TAG_DEPTH_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revwatch {

// An upper estimate of how deeply the elements of `html` nest: start tags
// push, end tags pop. Void elements, elements whose end tag is optional
// (p, li, td...) or that cannot nest (a, form, button) are not counted;
// comments and the contents of script, style, textarea and title are
// skipped. Linear time, never fails.
std::size_t EstimateTagDepth(std::string_view html);

struct MarkupShape {
  std::size_t depth = 0;           // as EstimateTagDepth
  std::size_t max_attributes = 0;  // the most attributes on one tag
  // Byte ranges [first, second) that are the content of a <style> or of a
  // <script> whose start tag does not mention JSON (JSON-LD is metadata):
  // code, which no part of the extraction reads. A script holding "<!--"
  // is left alone: its end is subtle enough to leave to the parser.
  std::vector<std::pair<std::size_t, std::size_t>> code;
};

// EstimateTagDepth and the largest attribute count of any tag (Gumbo checks
// each attribute against the earlier ones of its tag), in one linear pass.
MarkupShape MeasureMarkup(std::string_view html);

// `html` with the `code` ranges of its shape removed; the elements stay
// (empty), so the parsed tree has the same shape.
std::string WithoutCode(std::string_view html, const MarkupShape& shape);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_TAG_DEPTH_H_
