// Comparing two versions of an article: which paragraphs changed, moved,
// appeared or disappeared, which words changed inside them, and what kind of
// edit that is.
//
// Paragraphs are aligned first (identical, near-identical, moved); the words
// of each changed pair are then diffed on interned token keys, so what is
// only presentation (NFC vs NFD, nbsp, curly vs straight quotes, dash
// variants) never shows as a change, while the rendered diff still shows the
// real words.
#ifndef REVWATCH_DIFF_WORD_DIFF_H_
#define REVWATCH_DIFF_WORD_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "diff/lexicon.h"

namespace revwatch {

enum class SpanOp { kEqual, kDelete, kInsert };

// A run of consecutive tokens with the same fate, with the spacing of the
// text it came from ("a denial," stays "a denial,").
struct WordSpan {
  SpanOp op;
  std::string text;
  bool space_before = false;  // whether the text had a space before the run
  // An unchanged run's spacing is the new text's; this says the old text
  // had a space before it where the new one had none, or the other way
  // round (a quote that opened the new paragraph, mid-paragraph before).
  bool old_space_differs = false;

  bool operator==(const WordSpan&) const = default;
};

enum class ParagraphOp {
  kChanged,   // an old paragraph edited into a new one (words differ)
  kInserted,  // a new paragraph with no old counterpart
  kDeleted,   // an old paragraph with no new counterpart
  kMoved,     // the same (or near-same) paragraph at another position
};

struct ParagraphChange {
  ParagraphOp op;
  int old_index = -1;  // 0-based in the old article, -1 for kInserted
  int new_index = -1;  // 0-based in the new article, -1 for kDeleted
  std::vector<WordSpan> spans;    // the whole paragraph, changes marked
  std::vector<std::string> tags;  // see edit_classifier.h
};

struct DiffStats {
  int words_added = 0;
  int words_removed = 0;
  int paragraphs_added = 0;
  int paragraphs_removed = 0;
  int paragraphs_changed = 0;
  int paragraphs_moved = 0;

  DiffStats& operator+=(const DiffStats& other) {
    words_added += other.words_added;
    words_removed += other.words_removed;
    paragraphs_added += other.paragraphs_added;
    paragraphs_removed += other.paragraphs_removed;
    paragraphs_changed += other.paragraphs_changed;
    paragraphs_moved += other.paragraphs_moved;
    return *this;
  }
};

struct ArticleDiff {
  bool title_changed = false;
  std::vector<WordSpan> title_spans;  // filled when title_changed
  std::vector<std::string> title_tags;
  // Only paragraphs that differ, in reading order of the new version
  // (a deleted paragraph where it used to stand).
  std::vector<ParagraphChange> paragraphs;
  DiffStats stats;
  // The edit as a whole: union of the tags above, whether any is
  // substantive, and an importance score in [0, 1].
  std::vector<std::string> tags;
  bool substantive = false;
  double score = 0.0;

  bool HasChanges() const { return title_changed || !paragraphs.empty(); }
};

// Compares two versions. Deterministic and bounded: two unrelated
// 100,000-word texts compare in milliseconds.
ArticleDiff DiffArticles(const Article& old_article, const Article& new_article,
                         const Lexicon& lexicon = Lexicon::BuiltIn());

// Word-level diff of two single strings (a headline, a paragraph).
std::vector<WordSpan> DiffWords(std::string_view old_text,
                                std::string_view new_text);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_WORD_DIFF_H_
