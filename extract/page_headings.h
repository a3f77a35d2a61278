// The visible headings of a page, where the headline usually is.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_PAGE_HEADINGS_H_
#define REVWATCH_EXTRACT_PAGE_HEADINGS_H_

#include <string>
#include <vector>

#include "extract/dom_walk.h"

namespace revwatch {

// The normalised text of the first <h1> under `root` outside navigation,
// footers, asides and links (where site logos live), or "".
std::string FirstHeadingText(const GumboNode& root);

// The normalised texts of the first few dozen <h1>, <h2> and <h3> under
// `root` outside navigation, footers and asides, in document order, empty
// ones left out. Blogs put the site name in <h1> and the post's title in a
// lower heading.
std::vector<std::string> HeadingTexts(const GumboNode& root);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_PAGE_HEADINGS_H_
