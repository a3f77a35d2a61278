// A cheap look at raw HTML before it is parsed, so that absurdly nested
// markup, or a tag with absurdly many attributes, is refused before Gumbo
// spends quadratic time on it (and recurses over it when freeing the tree).
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_TAG_DEPTH_H_
#define REVWATCH_EXTRACT_TAG_DEPTH_H_

#include <cstddef>
#include <string_view>

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
};

// EstimateTagDepth and the largest attribute count of any tag (Gumbo checks
// each attribute against the earlier ones of its tag), in one linear pass.
MarkupShape MeasureMarkup(std::string_view html);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_TAG_DEPTH_H_
