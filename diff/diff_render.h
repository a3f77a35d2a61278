// Renders an ArticleDiff for people and programs.
#ifndef REVWATCH_DIFF_DIFF_RENDER_H_
#define REVWATCH_DIFF_DIFF_RENDER_H_

#include <iosfwd>
#include <string>
#include <string_view>

#include "diff/word_diff.h"

namespace revwatch {

enum class DiffStyle {
  kText,  // [-deleted-]{+inserted+}, for pipes, files and e-mail
  kAnsi,  // red struck-through deletions, green insertions, for terminals
  kHtml,  // <del>/<ins> with inline styles that survive e-mail clients
};

// One block per changed paragraph, in reading order, each headed by what
// happened to it and its tags ("@@ paragraph 3 changed (was 2) [number]");
// unchanged paragraphs are left out. Returns "" when nothing changed.
// kHtml returns a self-contained <div> fragment.
std::string RenderDiff(const ArticleDiff& diff, DiffStyle style);

// The same bytes written to `out` a paragraph at a time, so that a long
// diff is never held twice (revwatch compare prints it this way).
void WriteDiff(const ArticleDiff& diff, DiffStyle style, std::ostream& out);

// As RenderDiff(diff, style), but unchanged words around each change are cut to
// `context_words` on either side ("… "), for e-mail; 0 keeps them all.
std::string RenderDiff(const ArticleDiff& diff, DiffStyle style, int context_words);

// As RenderDiff(diff, style), with up to `paragraphs` unchanged paragraphs
// of `after` (the newer article) shown around each change, marked as
// context ("  " in text, grey in colour and HTML).
std::string RenderDiffWithContext(const ArticleDiff& diff, DiffStyle style, const Article& after,
                                  int paragraphs);

// `text` safe inside HTML text and attribute values: & < > " ' escaped.
std::string EscapeHtml(std::string_view text);

// One line: "+12 -3 words; tags: headline, paragraph-added; substantive".
std::string RenderSummary(const ArticleDiff& diff);

// {"substantive", "score", "tags", "stats", "changes": [{"op":
// "insert|delete|replace|move", "part": "headline|body", "old_paragraph",
// "new_paragraph" (0-based, null when absent), "old", "new", "tags"}]}.
std::string RenderDiffJson(const ArticleDiff& diff);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_DIFF_RENDER_H_
