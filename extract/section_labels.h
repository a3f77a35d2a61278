// Recognises the headings that open page widgets rather than sections of
// the article: "Related posts", "Don't Miss", "More from Tech", "Recent
// posts", "Archives", "Categories"... Sites give such boxes no telling class
// name, but every reader knows what the heading announces.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_SECTION_LABELS_H_
#define REVWATCH_EXTRACT_SECTION_LABELS_H_

#include <string_view>

#include "extract/dom_walk.h"

namespace revwatch {

// True if `text` is the label of a widget section: one of a fixed list
// ("related posts", "don't miss", "recent posts", "archives", "you may also
// like", "most popular", "схожі новини"...) or a short label starting
// "related " or "more from " / "more stories" ("Related content from
// NBCNews.com:", "More from Politics"). Case-insensitive, ignoring a
// trailing colon; a longer text is a sentence, never a label.
bool IsWidgetSectionLabel(std::string_view text);

// True for an h2-h6 whose text is a widget section label. The widget it
// opens runs to the next heading that is not such a label, or to the end of
// the heading's parent element.
bool IsWidgetSectionHeading(const GumboNode& node);

// True for any h1-h6 element.
bool IsHeadingElement(const GumboNode& node);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_SECTION_LABELS_H_
