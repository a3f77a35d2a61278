// Splits the article container into text blocks the way a browser lays it
// out: every block-level element (p, h2, li, blockquote, div...) starts and
// ends a block, inline elements (a, span, em...) flow into the current one.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_TEXT_BLOCKS_H_
#define REVWATCH_EXTRACT_TEXT_BLOCKS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/dom_walk.h"
#include "extract/furniture_filter.h"

namespace revwatch {

struct TextBlock {
  std::string text;            // normalised with NormalizePageText, never empty
  std::size_t chars = 0;       // visible characters in `text`
  std::size_t link_chars = 0;  // of those, how many are inside <a>
  std::size_t time_chars = 0;  // of those, how many are inside <time>
  bool list_item = false;      // laid out inside an <li>
};

// The text blocks under `container`, in document order, leaving out the
// subtrees `filter` skips, everything from a comment-section heading on
// (IsCommentSectionHeading), and each widget section: from a widget heading
// (IsWidgetSectionHeading) to the next other heading or the end of the
// heading's parent. Iterative; never fails.
std::vector<TextBlock> CollectTextBlocks(const GumboNode& container,
                                         const FurnitureFilter& filter);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_TEXT_BLOCKS_H_
