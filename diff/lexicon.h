// Word lists that drive edit classification, per language, kept as data
// (diff/lexicon/*.txt, compiled into the binary) rather than code, and
// extensible by users with files of the same format.
#ifndef REVWATCH_DIFF_LEXICON_H_
#define REVWATCH_DIFF_LEXICON_H_

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace revwatch {

enum class LexiconList {
  kDenial,           // words that deny a claim on their own
  kDenialVerb,       // deny only with a kClaim word in the same sentence
  kClaim,
  kNegation,
  kNegativeVerb,     // verbs that carry a negation: "declined", "refused"
  kCorrection,
  kAttribution,      // phrases naming a source ("according to")
  kAttributionVerb,  // reporting verbs ("said")
  kBoilerplateLead,  // a paragraph starting with these is a widget
  kBoilerplate,      // filler of stamps and counters
  kNumberWord,       // entries may carry a value: "five = 5"
  kMagnitude,
  kMonth,
  kWeekday,
  kFunctionWord,     // capitalised only at a sentence start
};
inline constexpr std::size_t kLexiconListCount = 15;

// Immutable after loading; safe to share between threads.
class Lexicon {
 public:
  // English, Ukrainian and Russian lists built into the binary.
  static const Lexicon& BuiltIn();

  // Adds the entries of one file's text. Fails with kConfig naming
  // `source` and the line on an unknown section or an entry before any.
  [[nodiscard]] Status Add(std::string_view text, std::string_view source);

  // Whether `words` (case-folded token keys) starting at `pos` begin with an
  // entry of `list`; returns the entry's length in tokens, 0 if none.
  std::size_t MatchAt(LexiconList list, std::span<const std::string> words,
                      std::size_t pos) const;

  // Whether any entry of `list` occurs anywhere in `words`.
  bool Contains(LexiconList list, std::span<const std::string> words) const;

  // The value of a one-word number word ("five" -> "5"), if listed with one.
  std::optional<std::string> NumberValue(const std::string& word) const;

 private:
  struct Pattern {
    std::vector<std::string> words;  // a word may end or start with '*'
  };
  static bool WordMatches(const std::string& pattern, const std::string& word);

  std::array<std::vector<Pattern>, kLexiconListCount> lists_;
  std::unordered_map<std::string, std::string> number_values_;
};

}  // namespace revwatch

#endif  // REVWATCH_DIFF_LEXICON_H_
