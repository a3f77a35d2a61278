// The token-level view of one paragraph (or headline) change, shared by the
// differ and the classifier.
#ifndef REVWATCH_DIFF_TOKEN_DIFF_H_
#define REVWATCH_DIFF_TOKEN_DIFF_H_

#include <string>
#include <vector>

#include "diff/sequence_diff.h"
#include "diff/tokenizer.h"

namespace revwatch {

// A maximal group of adjacent changes: old tokens [old_begin, old_end) were
// replaced by new tokens [new_begin, new_end); either range may be empty.
struct ChangeRun {
  int old_begin = 0;
  int old_end = 0;
  int new_begin = 0;
  int new_end = 0;
};

struct TokenDiff {
  const TokenizedText* old_text = nullptr;  // null for an inserted paragraph
  const TokenizedText* new_text = nullptr;  // null for a deleted paragraph
  std::vector<Edit> edits;
  std::vector<ChangeRun> runs;
};

// Diffs two texts' tokens by key and groups the edits into runs. Both texts
// must come from the same Vocabulary.
TokenDiff DiffTokens(const TokenizedText& old_text, const TokenizedText& new_text);

// A whole paragraph added or removed: one run covering all of it.
TokenDiff WholeText(const TokenizedText& text, bool inserted);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_TOKEN_DIFF_H_
