// Finds the element that holds the article text a page declares in its
// metadata (schema.org JSON-LD "articleBody"), checking the declaration
// against what readers see instead of trusting it.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_DECLARED_BODY_H_
#define REVWATCH_EXTRACT_DECLARED_BODY_H_

#include <string_view>

#include "extract/dom_walk.h"

namespace revwatch {

// The smallest element under `body` whose visible text holds nearly all
// (kCoveredShare) of the page text that also appears in `declared` (text
// normalised with NormalizePageText), or nullptr when the declaration is
// too short to say anything, or when less than half of it is visible on the
// page (a stale, truncated or foreign articleBody), or when that element
// holds more than twice the declared text (a page-wide wrapper, where
// content scoring decides better). A single paragraph is
// widened to its parent: a declaration of one paragraph is usually a
// teaser. Subtrees that are never article text (IsNeverArticleText) are not
// read. Iterative; linear in the page times the declaration's length in
// the worst case; never fails.
const GumboNode* FindDeclaredBody(const GumboNode& body,
                                  std::string_view declared);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_DECLARED_BODY_H_
