// Renders an ArticleDiff for people.
#ifndef REVWATCH_DIFF_DIFF_RENDER_H_
#define REVWATCH_DIFF_DIFF_RENDER_H_

#include <string>

#include "diff/word_diff.h"

namespace revwatch {

enum class DiffStyle {
  kText,  // [-deleted-]{+inserted+}, for pipes, files and e-mail
  kAnsi,  // red struck-through deletions, green insertions, for terminals
};

// One block per changed paragraph, in reading order, each headed by what
// happened to it ("headline", "paragraph 3 changed", "paragraph 7 added");
// unchanged paragraphs are left out. Returns "" when nothing changed.
std::string RenderDiff(const ArticleDiff& diff, DiffStyle style);

// One line: "+12 -3 words; tags: headline, paragraph-added".
std::string RenderSummary(const ArticleDiff& diff);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_DIFF_RENDER_H_
