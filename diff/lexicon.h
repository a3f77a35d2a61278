// Word lists that drive edit classification, per language, kept as data
// (diff/lexicon/*.txt, compiled into the binary) rather than code, and
// extensible by users with files of the same format.
#ifndef REVWATCH_DIFF_LEXICON_H_
#define REVWATCH_DIFF_LEXICON_H_

#include <array>
#include <cstdint>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "diff/string_table.h"
#include "diff/tokenizer.h"

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
  kInstitution,      // starts a name with lower-case words ("Міністерство освіти")
  kDenialException,  // contain a denial word but deny nothing ("denied bail")
  kSource,           // who a statement comes from ("police", "prosecutors")
  kNegationException,  // hold a negation word but negate nothing ("не меньше")
  kUnit,               // units of measure, each with its symbol: "kilomet* = km"
  kPronoun,            // third-person pronouns: "he", "його", "ему"
  kAntonym,            // "теря* = сохраня*": negated, one means the other
  kRegion,             // "област*", "*щина": a word that names a region as one
  kPatronymic,         // "*ович", "*івна": after a first name, a patronymic
  kNegativePrefix,     // "un", "не": a negation written into the word ("unchanged")
  kSpeaksFor,          // "spokesman", "представитель": speaks for the body named after it
  kAuxiliary,          // "be", "been": a negation before them negates the verb after
  kRangeWord,          // "to", "до": "from one to two million" shares the magnitude
  kNotSource,          // "source of funding", "energy sources": a source word naming no one
  kDayPart,            // "ранку = am", "вечера = pm": after an hour, the time of day
  kPrivative,          // "без", "homeless": "without", on its own or in the word
  kSourceLead,         // "citing": a source phrase only with who is cited after it
};
inline constexpr std::size_t kLexiconListCount = 32;

// Lexicon's tables as the build freezes them (diff/lexicon_snapshot.cc
// writes them from diff/lexicon/*.txt), so that BuiltIn() reads no text.
struct LexiconSnapshot {
  StringTable::Snapshot words;
  std::span<const int> pattern_words;
  // Per pattern: first word, size | list << 16, next pattern (-1: none).
  std::span<const std::uint32_t> patterns;
  std::span<const std::int32_t> exact_head;
  std::span<const std::uint32_t> exact_mask;
  StringTable::Snapshot wildcard_keys;
  std::span<const std::int32_t> wildcard_head;
  std::span<const std::uint32_t> wildcard_mask;
  StringTable::Snapshot number_keys;
  // The value of each number key, by its id, end to end as in a table.
  std::string_view number_value_bytes;
  std::span<const std::uint32_t> number_value_ends;
  // The source index (Lexicon::sources_), flattened: entry, group, ...
  std::span<const std::int32_t> sources;
};

// Immutable after loading; safe to share between threads.
class Lexicon {
 public:
  Lexicon() = default;
  // The tables of a snapshot (only BuiltIn() and tests need this).
  explicit Lexicon(const LexiconSnapshot& snapshot);

  // English, Ukrainian and Russian lists built into the binary.
  static const Lexicon& BuiltIn();

  // Adds the entries of one file's text. Fails with kConfig naming
  // `source` and the line on an unknown section or an entry before any.
  [[nodiscard]] Status Add(std::string_view text, std::string_view source);

  // Whether `words` (case-folded token keys) starting at `pos` begin with an
  // entry of `list`; returns the entry's length in tokens, 0 if none.
  std::size_t MatchAt(LexiconList list, std::span<const std::string_view> words,
                      std::size_t pos) const;

  // The entry MatchAt found (its index among all entries), -1 if none: two
  // words are the same source when they match the same entry ("мэр*").
  int MatchedEntry(LexiconList list, std::span<const std::string_view> words,
                   std::size_t pos) const;

  // Whether any entry of `list` occurs anywhere in `words`.
  bool Contains(LexiconList list, std::span<const std::string_view> words) const;

  // The value of a number word ("five" -> "5"; words of a phrase joined by
  // single spaces: "per cent" -> "%"), if listed with one.
  std::optional<std::string> NumberValue(std::string_view word) const;

  // The symbol of a unit of measure, one for all its spellings and
  // languages ("kilometres", "km", "кілометрів" -> "km"); nullopt when
  // `word` is no unit.
  std::optional<std::string_view> UnitSymbol(std::string_view word) const {
    return EntryValue(LexiconList::kUnit, word);
  }

  // The value of the one-word entry of `list` (kUnit, kAntonym, kSource)
  // that matches `word`: "kilomet* = km" gives "km" for "kilometres".
  std::optional<std::string_view> EntryValue(LexiconList list, std::string_view word) const;

  // The [source] entry `entry` (from MatchedEntry) names the same source
  // as: the entry its value matches ("правоохорон* = поліція" gives
  // "поліц*"'s), else itself.
  int SameSourceAs(int entry) const;

  // The one-word [source] entries, less any trailing "*", that name the
  // same source as `word` does, its own first ("главы" gives "глав",
  // "мэр", "руководител" for "мэр* = глава", "руководител* = глава");
  // empty when `word` is no source.
  std::vector<std::string_view> SameSourceStems(std::string_view word) const;

  // Whether `other` is one of the opposites [antonym] lists for `word`
  // (both case-folded): "не теряет" says "сохраняет".
  bool AreOpposites(std::string_view word, std::string_view other) const;

  // Bit `list` is set when some entry of that list can start with the
  // case-folded `word`: one lookup answers for all lists, so callers can
  // skip MatchAt for the many words that start nothing.
  std::uint32_t StartMask(std::string_view word) const;
  // The same, and in `multi_word` the lists where some entry that may
  // start with `word` has more than one word. For the other lists of the
  // mask MatchAt is 1 wherever `word` stands, whatever follows it.
  std::uint32_t StartMask(std::string_view word, std::uint32_t& multi_word) const;

 private:
  friend class LexiconSnapshotWriter;
  // Flat arrays rather than a map and vectors per entry: the build freezes
  // the built-in lists (~2,100 entries) into such arrays (LexiconSnapshot),
  // which every comparison then uses in place.
  struct Pattern {
    std::uint32_t first_word;  // index into pattern_words_
    std::uint16_t size;        // words
    std::uint8_t list;         // LexiconList
    std::int32_t next = -1;    // next pattern in the same start chain
  };
  static bool WordMatches(std::string_view pattern, std::string_view word);
  // Fills sources_ from patterns_ (after loading or adding entries).
  void IndexSources();
  // The value a one-word entry of a KeepsValuesApart list was listed with.
  std::optional<std::string_view> ValueOf(LexiconList list, int entry) const;
  // The longest entry of `list` at `pos`: (its length in words, its index).
  std::pair<std::size_t, int> Longest(LexiconList list, std::span<const std::string_view> words,
                                      std::size_t pos) const;
  bool PatternMatches(const Pattern& pattern, std::span<const std::string_view> words,
                      std::size_t pos) const;
  void AddPattern(std::size_t list, std::span<const int> word_ids, std::string_view value);
  // Index of the chain of wildcard-first patterns keyed by "<initial" or
  // ">final" character, -1 if none.
  int WildcardChain(char side, std::string_view character) const;

  StringTable words_;               // every entry word, case-folded; '*' kept
  std::vector<int> pattern_words_;  // words_ ids, each pattern's words in a row
  std::vector<Pattern> patterns_;
  // The one-word [source] entries and the entry each names the same
  // source as (SameSourceAs), for SameSourceStems; see IndexSources.
  std::vector<std::pair<int, int>> sources_;
  // By words_ id: the chain of patterns starting with exactly that word,
  // and the lists those patterns belong to.
  std::vector<std::int32_t> exact_head_;
  std::vector<std::uint32_t> exact_mask_;
  // Patterns whose first word is "deni*" or "*ся", chained by character.
  StringTable wildcard_keys_;
  std::vector<std::int32_t> wildcard_head_;
  std::vector<std::uint32_t> wildcard_mask_;
  StringTable number_keys_;  // "five", "per cent"
  std::vector<std::string> number_values_;
};

// Answers about single words, memoised: a long article repeats its words,
// and each answer costs several lexicon lookups. Not thread-safe; make one
// per comparison.
class WordLookup {
 public:
  struct Traits {
    // A figure word's normalised value: a number word's digits ("five" ->
    // "5"), or the word itself for magnitudes, months and weekdays.
    std::optional<std::string> figure;
    // The month's number (1-12) for a month word ("aug", "серпня"), else 0.
    int month = 0;
    bool function_word = false;
  };

  explicit WordLookup(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // `word` is a lower-cased token key and `id` its Vocabulary id.
  const Traits& Of(int id, std::string_view word);
  // Lexicon::StartMask of that word: bit `list` is set when an entry of
  // `list` may start with it (TextFacts keeps one per token, so that
  // MatchAt is skipped at once for words that start nothing).
  std::uint32_t StartMask(int id, std::string_view word) {
    const auto index = static_cast<std::size_t>(id);
    if (index < masks_.size() && masks_[index].starts != kUnknownMask) {
      return masks_[index].starts;
    }
    return ComputeStartMask(id, word);
  }
  // Lexicon::StartMask's `multi_word` lists for that word; StartMask(id,
  // ...) must have been asked first.
  std::uint32_t MultiWordMask(int id) const {
    return masks_[static_cast<std::size_t>(id)].multi_word;
  }
  const Lexicon& lexicon() const { return lexicon_; }

  // Lexicon::MatchedEntry(list, words, pos) where words[pos] is the word
  // of id `id` and starts only one-word entries of `list` (see
  // MultiWordMask): then the entry depends on the word alone and is
  // looked up once per word.
  int SingleWordEntry(LexiconList list, int id, std::span<const std::string_view> words,
                      std::size_t pos);

  // Figure values interned, so that a text keeps one 4-byte id per token
  // instead of a string (TextFacts): ids dense from 0, views stable for
  // this object's life.
  int InternFigure(std::string_view value) { return figures_.Intern(value); }
  std::string_view FigureText(int id) const { return figures_.Text(id); }
  // Whether figure `id`'s value is a plain number: digits with at most one
  // point ("12", "1.5"), not empty. Answered once per value: TextFacts asks
  // for each figure of each text when it joins magnitudes and units.
  bool IsPlainNumberFigure(int id) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= plain_figures_.size()) plain_figures_.resize(figures_.size(), kUnknownPlain);
    std::int8_t& known = plain_figures_[index];
    if (known == kUnknownPlain) known = IsPlainNumber(FigureText(id)) ? 1 : 0;
    return known != 0;
  }

  // The figure id of a token on its own (before phrases and compound
  // numbers are joined), which depends only on its key and kind: kNoFigure
  // for none, else an InternFigure id. `compute` (returning
  // std::optional<std::string>) runs once per key and kind.
  static constexpr int kNoFigure = -1;
  template <typename Compute>
  int TokenFigure(int key, TokenKind kind, Compute compute) {
    const auto index = static_cast<std::size_t>(key);
    if (index >= token_figures_.size()) token_figures_.resize(index + 1);
    TokenFigureMemo& known = token_figures_[index];
    if (known.figure != kUnknownFigure && known.kind == kind) return known.figure;
    const std::optional<std::string> value = compute();
    const int figure = value ? InternFigure(*value) : kNoFigure;
    // (A key met as another kind is answered afresh, not remembered.)
    if (known.figure == kUnknownFigure) known = {figure, kind};
    return figure;
  }

 private:
  static constexpr std::uint32_t kUnknownMask = ~std::uint32_t{0};
  struct Masks {
    std::uint32_t starts = kUnknownMask;
    std::uint32_t multi_word = 0;
  };
  std::uint32_t ComputeStartMask(int id, std::string_view word);
  static constexpr int kUnknownFigure = -2;
  struct TokenFigureMemo {
    int figure = kUnknownFigure;
    TokenKind kind = TokenKind::kWord;
  };

  const Lexicon& lexicon_;
  std::vector<std::optional<Traits>> memo_;  // by word id
  std::vector<Masks> masks_;                  // by word id
  // SingleWordEntry's answers, per list by word id; kUnknownEntry until
  // computed (lists never asked stay empty).
  static constexpr int kUnknownEntry = -2;
  std::array<std::vector<int>, kLexiconListCount> entries_;
  StringTable figures_;
  static constexpr std::int8_t kUnknownPlain = -1;
  static bool IsPlainNumber(std::string_view value);
  std::vector<std::int8_t> plain_figures_;      // by figure id, kUnknownPlain until asked
  std::vector<TokenFigureMemo> token_figures_;  // by key id
};

}  // namespace revwatch

#endif  // REVWATCH_DIFF_LEXICON_H_
