// Says what kind of edit a change is, in a fixed tag vocabulary:
//
//   substantive: headline, denial, negation, quote, number, entity,
//                attribution, paragraph-added, paragraph-removed, correction
//   not:         moved, reworded, cosmetic, boilerplate
//
// The rules read word lists from a Lexicon (English, Ukrainian, Russian built
// in), so they carry over between languages and users can extend them.
#ifndef REVWATCH_DIFF_EDIT_CLASSIFIER_H_
#define REVWATCH_DIFF_EDIT_CLASSIFIER_H_

#include <string>
#include <string_view>
#include <vector>

#include "diff/article_mentions.h"
#include "diff/lexicon.h"
#include "diff/token_diff.h"
#include "diff/word_diff.h"

namespace revwatch {

// Tags of one paragraph change. `diff` holds the tokens of both sides (one
// side only for kInserted/kDeleted). Never empty for a real change. `words`
// wraps the lexicon and memoises per-word answers across changes.
// `mentions`, the earlier version of the article the paragraphs come
// from, tells a person named another way ("he" -> "Hargreave") from a new
// speaker ("Hargreave said" -> "Onwe said"); without it the first reads
// as a change of attribution and the second only as a name replaced.
std::vector<std::string> ClassifyParagraphChange(ParagraphOp op,
                                                 const TokenDiff& diff,
                                                 WordLookup& words,
                                                 const ArticleMentions* mentions = nullptr);

// Tags of a headline change: "headline" (plus denial, negation, number when
// they apply), or "cosmetic".
std::vector<std::string> ClassifyHeadlineChange(const TokenDiff& diff,
                                                WordLookup& words);

// Fills diff.tags (the union, in vocabulary order), diff.substantive and
// diff.score from the per-change tags.
void SummarizeEdit(ArticleDiff& diff);

// For two versions that differ only where comparison does not look
// (whitespace, Unicode normalisation, odd spaces): tags the edit cosmetic.
void MarkInvisibleChange(ArticleDiff& diff);

// Whether `tag` makes an edit substantive.
bool IsSubstantiveTag(std::string_view tag);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_EDIT_CLASSIFIER_H_
