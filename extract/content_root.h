// Finds the element that holds the article body on a news page.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_CONTENT_ROOT_H_
#define REVWATCH_EXTRACT_CONTENT_ROOT_H_

#include "extract/dom_walk.h"

namespace revwatch {

// Returns the article container under `body`: [itemprop=articleBody] if it
// holds paragraph text. Else the <article> with the most paragraph text, or
// <main>, when it holds a fair share of the best-scored element's. Otherwise
// the element whose <p> children (and, at half weight, grandchildren) hold
// the most text, discounted for links and weighed by class/id hints.
// Falls back to `body` itself. With `use_class_hints` false, furniture class
// names are ignored (for pages whose wrapper is misnamed, "page-with-ads").
const GumboNode& FindContentRoot(const GumboNode& body, bool use_class_hints);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_CONTENT_ROOT_H_
