// Aligns the paragraphs of two versions of an article.
#ifndef REVWATCH_DIFF_PARAGRAPH_ALIGN_H_
#define REVWATCH_DIFF_PARAGRAPH_ALIGN_H_

#include <span>
#include <vector>

#include "diff/token_diff.h"

namespace revwatch {

enum class AlignOp {
  kSame,      // identical keys (at most presentation differs)
  kChanged,   // edited in place: an old and a new paragraph sharing most words
  kInserted,
  kDeleted,
  kMoved,     // identical or near-identical, at another position
};

struct AlignedParagraph {
  AlignOp op;
  int old_index = -1;
  int new_index = -1;
};

// Every old and every new paragraph appears exactly once (a kMoved entry
// covers both of its sides). Entries come in reading order of the new
// version; a deleted paragraph comes where it used to stand. Bounded: large
// runs of differing paragraphs are paired within a window, not all-pairs.
std::vector<AlignedParagraph> AlignParagraphs(
    std::span<const TokenizedText> old_paragraphs,
    std::span<const TokenizedText> new_paragraphs);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_PARAGRAPH_ALIGN_H_
