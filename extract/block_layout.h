// How the elements of a page lay out text, as far as article extraction
// cares: which ones start a new block and which subtrees never hold article
// text.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_BLOCK_LAYOUT_H_
#define REVWATCH_EXTRACT_BLOCK_LAYOUT_H_

#include "extract/dom_walk.h"

namespace revwatch {

// True if `node` starts a new line when rendered (p, div, li, h2, td...);
// also true for the document and <template> nodes.
bool IsBlockLevel(const GumboNode& node);

// True for subtrees that never hold article text whatever the page:
// IsNonContentTag elements, <h1> (the headline is reported separately) and
// hidden elements. (<form> is left to FurnitureFilter: ASP.NET sites wrap
// the whole page in one.)
bool IsNeverArticleText(const GumboNode& node);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_BLOCK_LAYOUT_H_
