// Which revision introduced each part of an article's current wording, as
// `git blame` does for lines: each paragraph, and within a paragraph whose
// sentences come from different revisions, each sentence.
#ifndef REVWATCH_DIFF_BLAME_H_
#define REVWATCH_DIFF_BLAME_H_

#include <string>
#include <vector>

#include "core/article.h"

namespace revwatch {

struct BlamedSentence {
  std::string text;
  int revision = 0;  // the revision that introduced this wording
};

struct BlamedParagraph {
  std::vector<BlamedSentence> sentences;
  // The newest of its sentences' revisions: when it took its current form.
  int revision = 0;
  bool mixed = false;  // its sentences come from different revisions
};

struct ArticleBlame {
  BlamedSentence headline;
  std::vector<BlamedParagraph> paragraphs;
};

// `versions` are (revision number, article), oldest first; blames the last.
// A sentence keeps the revision it first appeared in for as long as some
// version after it keeps the same words (spacing aside), wherever they
// move; a changed sentence starts again at the revision that changed it.
ArticleBlame BlameArticle(const std::vector<std::pair<int, Article>>& versions);

// The sentences of a paragraph: split after . ! ? … (and a closing quote
// or bracket) followed by a space.
std::vector<std::string> SplitSentences(const std::string& paragraph);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_BLAME_H_
