// Word-level, paragraph-aware comparison of two versions of an article.
//
// Paragraphs are aligned first (dtl over whole paragraphs); a deleted and an
// inserted paragraph that share most of their words are paired as one changed
// paragraph, whose words are then diffed with dtl on interned token ids.
#ifndef REVWATCH_DIFF_WORD_DIFF_H_
#define REVWATCH_DIFF_WORD_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace revwatch {

enum class SpanOp { kEqual, kDelete, kInsert };

// A run of consecutive tokens with the same fate, with the spacing of the
// text it came from ("a denial," stays "a denial,").
struct WordSpan {
  SpanOp op;
  std::string text;
  bool space_before = false;  // whether the text had a space before the run

  bool operator==(const WordSpan&) const = default;
};

enum class ParagraphOp { kChanged, kInserted, kDeleted };

struct ParagraphChange {
  ParagraphOp op;
  int old_index = -1;  // 0-based in the old article, -1 for kInserted
  int new_index = -1;  // 0-based in the new article, -1 for kDeleted
  std::vector<WordSpan> spans;
};

struct DiffStats {
  int words_added = 0;
  int words_removed = 0;
  int paragraphs_added = 0;
  int paragraphs_removed = 0;
  int paragraphs_changed = 0;
};

struct ArticleDiff {
  bool title_changed = false;
  std::vector<WordSpan> title_spans;       // filled when title_changed
  std::vector<ParagraphChange> paragraphs; // only paragraphs that differ
  DiffStats stats;
  // Edit tags (see ClassifyEdit) and whether the edit matters to a reader.
  std::vector<std::string> tags;
  bool substantive = false;

  bool HasChanges() const { return title_changed || !paragraphs.empty(); }
};

// Compares two versions. Deterministic; allocates only for the result.
ArticleDiff DiffArticles(const Article& old_article, const Article& new_article);

// Word-level diff of two single strings (a headline, a paragraph).
std::vector<WordSpan> DiffWords(std::string_view old_text,
                                std::string_view new_text);

// Splits text into tokens: words (letters, digits and the characters inside
// them), and each punctuation mark on its own. Exposed for tests.
struct Token {
  std::string text;
  bool space_before = false;
};
std::vector<Token> Tokenize(std::string_view text);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_WORD_DIFF_H_
