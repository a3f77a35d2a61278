// Facts about one whole text (a paragraph or a headline) that the edit
// classifier's rules need: which tokens are figures, names or quoted speech,
// and whether the text is page furniture. Private to diff/.
#ifndef REVWATCH_DIFF_TEXT_FACTS_H_
#define REVWATCH_DIFF_TEXT_FACTS_H_

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diff/lexicon.h"
#include "diff/tokenizer.h"

namespace revwatch {

bool IsWordish(const Token& t);                 // a word or a number
bool IsSentenceEnd(std::string_view key);       // ".", "!" or "?"
bool HasDigit(std::string_view s);
bool StartsWithCapital(std::string_view spelling);  // its first letter is upper case

// Computed once per text, not once per changed run. Borrows `text` and
// `words`, which must outlive it.
class TextFacts {
 public:
  TextFacts(const TokenizedText& text, WordLookup& words);

  const TokenizedText& text() const { return text_; }
  // A figure's normalised value: a number without separators, a number
  // word as digits ("five" -> "5", "percent" -> "%"), a magnitude, month or
  // weekday as the word; nullopt for other tokens. An empty value marks a
  // word that is part of the figure before it ("twenty [two]").
  const std::optional<std::string>& Figure(int i) const { return figure_[Index(i)]; }
  // A capitalised word that is a name, not just a sentence start.
  bool IsName(int i) const {
    FindNames();
    return name_[Index(i)];
  }
  // Inside a quotation of at least three words.
  bool InSpeech(int i) const { return speech_[Index(i)]; }
  const std::multiset<std::string>& AllFigures() const;
  const std::set<std::string_view>& AllNames() const {
    FindNames();
    return all_names_;
  }
  // Stamps, counters and widget lines: "Updated 13:36", "1,234 views",
  // "Read also: ...", "Tags: ...".
  bool IsBoilerplate() const { return boilerplate_; }
  // Whether the lower-cased word occurs anywhere in the text.
  bool HasWord(std::string_view folded) const;

 private:
  static std::size_t Index(int i) { return static_cast<std::size_t>(i); }
  std::optional<std::string> FigureValue(std::size_t i) const;
  std::optional<std::string> HyphenatedNumber(std::string_view word) const;
  void ReadNumberPhrases();
  void JoinCompoundNumbers();
  bool IsSentenceStart(std::size_t i) const;
  bool IsCapitalised(std::size_t i) const;
  static bool IsAllCaps(std::string_view text);
  // Names and the figure set are found on first use: a paragraph that was
  // only added or removed never needs them.
  void FindNames() const;
  void FindSpeech();
  static bool IsSingleMark(std::string_view mark);
  void MarkQuotations(bool single);
  bool ComputeBoilerplate() const;
  bool IsStampLine() const;

  const TokenizedText& text_;
  WordLookup& words_;
  std::vector<std::optional<std::string>> figure_;
  mutable std::vector<bool> name_;  // empty until FindNames
  mutable bool names_found_ = false;
  std::vector<bool> speech_;
  mutable std::optional<std::multiset<std::string>> all_figures_;
  mutable std::set<std::string_view> all_names_;
  bool boilerplate_ = false;
  mutable std::vector<std::string_view> sorted_words_;  // built on first HasWord
};

}  // namespace revwatch

#endif  // REVWATCH_DIFF_TEXT_FACTS_H_
