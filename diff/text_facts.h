// Facts about one whole text (a paragraph or a headline) that the edit
// classifier's rules need: which tokens are figures, names or quoted speech,
// and whether the text is page furniture. Private to diff/.
#ifndef REVWATCH_DIFF_TEXT_FACTS_H_
#define REVWATCH_DIFF_TEXT_FACTS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
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
// `words`, which must outlive it. Its const methods fill caches (matches,
// figures, names) on first use, so one TextFacts must not be read from two
// threads at once.
class TextFacts {
 public:
  TextFacts(const TokenizedText& text, WordLookup& words);

  const TokenizedText& text() const { return text_; }
  const Lexicon& lexicon() const { return words_.lexicon(); }
  // Token i's lower-cased key, and all of them in order.
  std::string_view Folded(int i) const { return folded_[Index(i)]; }
  std::span<const std::string_view> FoldedWords() const { return folded_; }

  // Lexicon::MatchAt / MatchedEntry at token `pos` (0 / -1 past the end).
  // Words that start no entry of `list` are answered without a lookup,
  // and answers are kept: the rules ask about the same tokens many times.
  // (Inline: the rules ask about every token, and most start no entry.)
  std::size_t MatchAt(LexiconList list, std::size_t pos) const {
    if (pos >= starts_.size() || (starts_[pos] & Bit(list)) == 0) return 0;
    return KnownMatch(list, pos);
  }
  int MatchedEntry(LexiconList list, std::size_t pos) const;
  // The lists an entry of which may start at token `pos` (bit `list` set).
  std::uint32_t StartsAt(std::size_t pos) const { return starts_[pos]; }
  // Whether some token may start an entry of `list`: when not, no MatchAt
  // in this text can match.
  bool MayMatch(LexiconList list) const { return (lists_ & Bit(list)) != 0; }

  // A figure's normalised value: a number without separators, a number
  // word as digits ("five" -> "5", "percent" -> "%"), a magnitude, month or
  // weekday as the word; nullopt for other tokens. An empty value marks a
  // word that is part of the figure before it ("twenty [two]"). Views of
  // values the WordLookup keeps.
  std::optional<std::string_view> Figure(int i) const {
    FindFigures();
    return FigureAt(Index(i));
  }
  // A capitalised word that is a name, not just a sentence start.
  bool IsName(int i) const {
    FindNames();
    return name_[Index(i)] != 0;
  }
  // Inside a quotation of at least three words.
  bool InSpeech(int i) const { return speech_[Index(i)]; }
  // The text's figure values as a multiset: their WordLookup figure ids,
  // sorted by id, repeats kept. Texts classified with the same WordLookup
  // have equal values exactly when they have equal ids, so comparing (or
  // std::includes on) these is comparing the values, without a string
  // compare.
  const std::vector<int>& AllFigures() const;
  // The value of a figure id of AllFigures.
  std::string_view FigureText(int id) const { return words_.FigureText(id); }
  // The lower-cased names, sorted and distinct.
  const std::vector<std::string_view>& AllNames() const {
    FindNames();
    return all_names_;
  }
  bool HasName(std::string_view folded) const {
    FindNames();
    return std::binary_search(all_names_.begin(), all_names_.end(), folded);
  }
  // Stamps, counters and widget lines: "Updated 13:36", "1,234 views",
  // "Read also: ...", "Tags: ...".
  bool IsBoilerplate() const { return boilerplate_; }
  // Whether the lower-cased word occurs anywhere in the text.
  bool HasWord(std::string_view folded) const;
  // Whether a word is written in capitals, two letters up: "УЗИ", "NATO".
  static bool IsAllCaps(std::string_view text);

 private:
  static std::size_t Index(int i) { return static_cast<std::size_t>(i); }
  // Vocabulary id of token i's lower-cased key.
  int FoldedId(std::size_t i) const {
    return folded_of_[static_cast<std::size_t>(text_.tokens[i].key)];
  }
  static std::uint32_t Bit(LexiconList list) {
    return std::uint32_t{1} << static_cast<unsigned>(list);
  }
  std::optional<std::string_view> FigureAt(std::size_t i) const {
    const int id = figure_[i];
    if (id == WordLookup::kNoFigure) return std::nullopt;
    return words_.FigureText(id);
  }
  // Clears the source and attribution bits of the words a [not-source]
  // phrase covers.
  void UnmarkNotSources();
  // Clears the attribution bit of a [source-lead] that gives a reason
  // ("citing higher costs"), not who is cited.
  void UnmarkReasonLeads();
  // Whether who is cited comes in the few words from token `i`: a name,
  // or a word that starts a source, institution or attribution entry.
  bool CitedFrom(std::size_t i) const;
  // MatchAt for a token that may start an entry of `list`, memoised.
  std::size_t KnownMatch(LexiconList list, std::size_t pos) const;
  // (After FindFigures.)
  bool IsFigure(std::size_t i) const { return figure_[i] != WordLookup::kNoFigure; }
  // Figures are found on first use: a paragraph that was only added or
  // removed never needs them (whether its first words are figures is
  // answered by IsFigureSoFar).
  void FindFigures() const {
    if (!figures_found_) ComputeFigures();
  }
  void ComputeFigures() const;
  // Whether token i is a figure, finding all figures only when a number
  // phrase may reach it.
  bool IsFigureSoFar(std::size_t i) const;
  // Token i's figure id on its own, before phrases and compounds.
  int OwnFigure(std::size_t i) const;
  std::optional<std::string> FigureValue(std::size_t i) const;
  std::optional<std::string> HyphenatedNumber(std::string_view word) const;
  std::optional<std::string> CompoundedNumber(std::string_view word) const;
  void ReadNumberPhrases() const;
  // Both take the positions that are figures once phrases are read.
  void JoinCompoundNumbers(const std::vector<std::size_t>& figures) const;
  // Join what follows the figure at i into it; return the position after
  // what was joined (i + 1 when nothing was).
  std::size_t JoinMagnitude(std::size_t i) const;
  std::size_t JoinUnit(std::size_t i) const;
  std::size_t JoinClockTime(std::size_t i) const;
  std::size_t JoinMeridiem(std::size_t i) const;
  std::size_t JoinDate(std::size_t i) const;
  std::size_t JoinSign(std::size_t i) const;
  // The day of the month (1-31) the number at i is, else 0.
  int DayAt(std::size_t i) const;
  // The value of a word like "£3.2m" at i, when it is one (JoinMagnitude's).
  void ReadGluedMagnitude(std::size_t i) const;
  // Figure i's value when it is a plain number ("12", "1.5"), and the
  // first token after the other words of its figure ("тридцати [пяти]").
  struct PlainNumberAt {
    std::string_view value;
    std::size_t next;
  };
  std::optional<PlainNumberAt> PlainNumber(std::size_t i) const;
  bool IsSentenceStart(std::size_t i) const;
  bool IsCapitalised(std::size_t i) const;
  // Names and the figure set are found on first use: a paragraph that was
  // only added or removed never needs them.
  void FindNames() const;
  void FindSpeech();
  static bool IsSingleMark(std::string_view mark);
  // `marks`: the positions of the quotation marks, in order.
  void MarkQuotations(const std::vector<std::size_t>& marks, bool single);
  bool ComputeBoilerplate() const;
  bool IsStampLine() const;

  const TokenizedText& text_;
  WordLookup& words_;
  std::span<const int> folded_of_;  // Vocabulary::FoldedIds of the text's
  std::vector<std::string_view> folded_;
  std::vector<std::uint32_t> starts_;  // per token, WordLookup::StartMask
  std::uint32_t lists_ = 0;            // the union of starts_
  // MatchAt answers, kUnknownMatch until asked: one slot per (token, list
  // the token may start), token i's from match_offsets_[i], in list order.
  static constexpr std::uint8_t kUnknownMatch = 0xFF;
  mutable std::vector<std::uint8_t> matches_;
  std::vector<std::uint32_t> match_offsets_;
  std::size_t match_slots_ = 0;
  // Per token, a WordLookup figure id: a word's own figure is looked up
  // once per distinct word, not once per token.
  mutable std::vector<int> figure_;  // empty until FindFigures
  mutable int part_of_figure_ = 0;   // the id of the empty value
  mutable bool figures_found_ = false;
  mutable std::vector<std::uint8_t> name_;  // empty until FindNames
  mutable bool names_found_ = false;
  std::vector<bool> speech_;
  // Sorted vectors rather than std::set: built once per text, then only
  // compared and searched, without a node allocated per element.
  mutable std::optional<std::vector<int>> all_figures_;
  mutable std::vector<std::string_view> all_names_;
  bool boilerplate_ = false;
};

}  // namespace revwatch

#endif  // REVWATCH_DIFF_TEXT_FACTS_H_
