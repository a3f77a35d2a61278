// Who an article names, for telling a person named another way in an edit
// ("he" -> "Hargreave", "the minister" -> "Minister Voss", "Коваленко" ->
// "Міністр") from a new person or source.
#ifndef REVWATCH_DIFF_ARTICLE_MENTIONS_H_
#define REVWATCH_DIFF_ARTICLE_MENTIONS_H_

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/article.h"

namespace revwatch {

// Searches the earlier version's headline and paragraphs as written (its
// first 64 KiB): who the article had already named, not whoever the edit
// brings in. Holds a reference to the article; const and safe to share
// between threads.
class ArticleMentions {
 public:
  explicit ArticleMentions(const Article& old_article) : old_(old_article) {}

  // Whether the article writes a word starting with `stem` (as written,
  // or with its first letter a capital).
  bool Mentions(std::string_view stem) const;

  // Whether the headline or the first paragraph writes a word starting
  // with `stem` capitalised: a name of whom the story is about.
  bool InLead(std::string_view stem) const;

  // Whether the article writes a word starting with `stem` in lower case
  // ("the company"): a kind it calls something by.
  bool MentionsInLowerCase(std::string_view stem) const;

  // Whether the article writes the lower-case `word` as a word of its own
  // ("как" for a sentence's "Как"): then no name.
  bool WritesInLowerCase(std::string_view word) const;

  // Whether the article writes `title_stem` (lower case or capitalised)
  // among the few words before `name_stem` (as written, or with its first
  // letter a capital): "Transport Minister Eleanor
  // Voss", "губернатор области Виктор Лаптев".
  bool Titled(std::string_view name_stem, std::string_view title_stem) const;

  // Whether the article writes `title_stem` before a name in the same
  // clause ("Judge Patricia Onwe", "губернатор области Виктор Лаптев"): a
  // title of a person the article names, not of an institution.
  bool TitlesSomeone(std::string_view title_stem) const;

 private:
  template <typename Visit>
  bool AnyText(Visit visit) const;
  bool FindTitlesSomeone(std::string_view title_stem) const;
  bool FindLowerCase(std::string_view word) const;
  bool FindTitled(std::string_view name_stem, std::string_view title_stem) const;
  // The answer under `key` in the memo, or `find()`'s, kept.
  template <typename Find>
  bool Remembered(std::string key, Find find) const;

  const Article& old_;
  // Titled's, TitlesSomeone's and WritesInLowerCase's answers by their
  // words: each reads the whole article, and a long comparison asks the
  // same questions paragraph after paragraph (from either diffing thread).
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, bool> answers_;
};

// A name's or title's stem for Mentions: the word less up to two final
// letters ("Коваленка" -> "Коваленк", "Лаптеву" -> "Лапте"), keeping four.
std::string_view MentionStem(std::string_view word);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_ARTICLE_MENTIONS_H_
