// Shortest-edit-script diff of two sequences of interned ids, with a bounded
// worst case.
#ifndef REVWATCH_DIFF_SEQUENCE_DIFF_H_
#define REVWATCH_DIFF_SEQUENCE_DIFF_H_

#include <span>
#include <vector>

namespace revwatch {

enum class EditKind { kEqual, kDelete, kInsert };

struct Edit {
  EditKind kind;
  int a = -1;  // index into `a` (kEqual, kDelete)
  int b = -1;  // index into `b` (kEqual, kInsert)
};

// Edits turning `a` into `b`, in order; within a run of changes deletions
// come before insertions. Exact (dtl's O(NP) algorithm) when the differing
// middle is small; on large, very different inputs it anchors on elements
// that occur once on each side (patience diff) and gives up minimality
// between anchors, so two unrelated 100,000-element inputs still cost only
// milliseconds.
std::vector<Edit> DiffSequences(std::span<const int> a, std::span<const int> b);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_SEQUENCE_DIFF_H_
