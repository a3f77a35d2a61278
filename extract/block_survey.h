// One cheap pass over a page body that measures, for every element, how
// much readable text it holds and how much of that is link text, and gives
// each element a content score in the manner of Readability: every block of
// prose (a paragraph, a run of text between <br>s in a <div>, a table
// cell...) adds points to the element that lays it out and, with decay, to
// that element's ancestors.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_BLOCK_SURVEY_H_
#define REVWATCH_EXTRACT_BLOCK_SURVEY_H_

#include <cstddef>
#include <functional>
#include <unordered_map>
#include <vector>

#include "extract/dom_walk.h"

namespace revwatch {

struct ElementStats {
  const GumboNode* node = nullptr;
  int parent = -1;              // index into PageSurvey::elements, -1 for root
  double score = 0;             // content score, before link discount
  std::size_t chars = 0;        // visible characters in the subtree
  std::size_t link_chars = 0;   // of those, inside <a>
  std::size_t prose_chars = 0;  // in blocks long enough to be prose
  bool has_block_child = false;

  double LinkDensity() const {
    return chars == 0
               ? 0.0
               : static_cast<double>(link_chars) / static_cast<double>(chars);
  }
};

struct PageSurvey {
  std::vector<ElementStats> elements;  // document order; [0] is the root
  std::unordered_map<const GumboNode*, int> index;

  // The stats of `node`, or nullptr if the survey skipped it.
  const ElementStats* Find(const GumboNode* node) const;
};

// Returns true for the subtrees a survey or a text walk leaves out.
using SubtreeFilter = std::function<bool(const GumboNode&)>;

// Surveys `root` and everything under it except the subtrees `skip` selects
// (never `root` itself). Iterative; linear in the size of the subtree;
// never fails.
PageSurvey SurveyBlocks(const GumboNode& root, const SubtreeFilter& skip);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_BLOCK_SURVEY_H_
