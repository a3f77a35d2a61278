// Finds the elements that hold the article body on a page.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_CONTENT_ROOT_H_
#define REVWATCH_EXTRACT_CONTENT_ROOT_H_

#include <vector>

#include "extract/dom_walk.h"
#include "extract/furniture_filter.h"

namespace revwatch {

// The article's elements under `body`, in document order; never empty.
//
// `declared` (may be nullptr) is the element found to hold the page's
// declared article text (see declared_body.h); it is taken as it is unless
// an element is marked itemprop=articleBody.
// The best candidate is the element with the highest content score (see
// block_survey.h) discounted by its link density and weighed by class/id
// hints; it moves up to an ancestor that holds several top candidates or
// scores better. An element marked itemprop=articleBody that holds prose is
// taken as it is; the <article> or <main> with the most prose replaces the
// candidate when it holds a fair share of the candidate's prose. The page's
// only element named as the article body (FurnitureFilter::named_body())
// replaces a candidate it holds, and one outside it and outside any
// <article>/<main> (a sidebar outweighing a short post). Siblings of
// the result that score well, or that read as prose paragraphs, join it
// (articles split into several containers). Falls back to `body` itself.
// Subtrees `filter` skips do not count.
std::vector<const GumboNode*> FindContentRoots(const GumboNode& body,
                                               const FurnitureFilter& filter,
                                               const GumboNode* declared);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_CONTENT_ROOT_H_
