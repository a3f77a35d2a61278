// Decides what kind of edit an ArticleDiff is.
//
// Tags come from a fixed vocabulary shared with storage and alerts:
//   substantive: headline, paragraph-added, paragraph-removed, and a plain
//                wording change inside a paragraph (no tag of its own yet)
//   cosmetic:    only case, punctuation or spacing changed
#ifndef REVWATCH_DIFF_EDIT_CLASSIFIER_H_
#define REVWATCH_DIFF_EDIT_CLASSIFIER_H_

#include "diff/word_diff.h"

namespace revwatch {

// Fills diff.tags (sorted, unique) and diff.substantive from the spans.
void ClassifyEdit(ArticleDiff& diff);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_EDIT_CLASSIFIER_H_
