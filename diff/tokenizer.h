// Splits article text into the tokens that the differ compares.
#ifndef REVWATCH_DIFF_TOKENIZER_H_
#define REVWATCH_DIFF_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "diff/string_table.h"

namespace revwatch {

enum class TokenKind : std::uint8_t {
  kWord,    // letters (any script), possibly with inner apostrophes/hyphens
  kNumber,  // digits with their separators and a trailing %: 1,000.5 12 000 3.5%
  kQuote,   // a quotation mark of any style
  kPunct,   // any other punctuation or symbol, one character per token
};

// Interns spellings so that later stages compare and hash integers: equal
// strings get equal ids, dense from 0. Not thread-safe; one per comparison.
class Vocabulary {
 public:
  // (Inline: the tokenizer interns every token, and most are short words
  // found in `recent_`; the rest go to the out-of-line InternMiss.)
  int Intern(std::string_view text) {
    const std::size_t n = text.size();
    if (n == 0 || n > 16 || recent_.empty()) return InternMiss(text, nullptr, 0, 0);
    std::uint64_t first;
    std::uint64_t last;
    PackShortBytes(text.data(), n, first, last);
    Recent* set = RecentSet(first, last, n);
    if (set[0].Holds(first, last, n)) return set[0].id;
    if (set[1].Holds(first, last, n)) return set[1].id;
    return InternMiss(text, set, first, last);
  }
  std::size_t size() const { return strings_.size(); }
  // Stable for the vocabulary's life.
  std::string_view Text(int id) const { return strings_.Text(id); }
  // Id of the lower-cased spelling of `id` (see FoldCase), computed once.
  int Folded(int id) {
    const int known = folded_[static_cast<std::size_t>(id)];
    return known >= 0 ? known : Fold(id);
  }
  // The same for a token key of a text tokenized with this vocabulary
  // (Tokenize computes it for every key).
  int FoldedOf(int key) const { return folded_[static_cast<std::size_t>(key)]; }
  // FoldedOf of every id (-1 where never computed); invalidated by Intern.
  std::span<const int> FoldedIds() const { return folded_; }
  // Interns every spelling of `other` here, in id order, and returns the id
  // here of each of its ids; the keys of `other` get their FoldedOf here.
  // (Texts tokenized with `other` join this vocabulary so; see
  // TokenizedText::Rehome.)
  std::vector<int> Join(const Vocabulary& other);

 private:
  // A spelling of up to 16 bytes, packed (see Intern).
  struct Recent {
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    int id = -1;  // -1: empty
    std::uint32_t size = 0;

    bool Holds(std::uint64_t f, std::uint64_t l, std::size_t n) const {
      return id >= 0 && first == f && last == l && size == n;
    }
  };
  static constexpr std::size_t kRecentSlots = 2048;

  // The two ways of `recent_` where a packed spelling may be. Two ways per
  // set: two frequent words that share a set both stay.
  Recent* RecentSet(std::uint64_t first, std::uint64_t last, std::size_t n) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const std::uint64_t mixed = (((first ^ n) * kMul) ^ last) * kMul;
    return &recent_[static_cast<std::size_t>(mixed >> 53) % kRecentSlots & ~std::size_t{1}];
  }
  // Intern for a spelling not in `recent_`: `set` is where it would be
  // (null if Intern did not look).
  int InternMiss(std::string_view text, Recent* set, std::uint64_t first, std::uint64_t last);
  int Add(std::string_view text);
  int Fold(int id);

  StringTable strings_{2048};  // an article's distinct words, about
  std::vector<int> folded_;  // -1 until computed
  std::string scratch_;
  // Short spellings seen lately, direct-mapped: most tokens are short
  // words met many times, and this small array stays in the L1 cache
  // where strings_ (slots, views, bytes) would cost a few misses each.
  std::vector<Recent> recent_;  // kRecentSlots once something is interned
};

struct Token {
  // Bytes that don't fit `length` (a spelling of 64 KiB or more): the
  // TokenizedText keeps such a token's length apart.
  static constexpr std::uint16_t kLongToken = 0xFFFF;

  // No default member values: a trivial type is copied as bytes (the
  // tokenizer copies every paragraph's tokens once); Tokenize sets each.
  std::uint32_t offset;  // the spelling is TokenizedText::Text(token)
  // What comparison sees: presentation differences folded away (curly vs
  // straight quotes and apostrophes, dash variants, odd spaces inside
  // numbers, Russian ё written as е), case kept. A Vocabulary id.
  // (The lower-cased key's id is the vocabulary's, once per key:
  // Vocabulary::FoldedOf.)
  int key;
  // 12 bytes in all: a long comparison holds every differing paragraph's
  // tokens at once.
  std::uint16_t length;  // of the spelling, or kLongToken
  TokenKind kind;
  bool space_before;  // whitespace preceded it in the text
};
static_assert(sizeof(Token) == 12 && std::is_trivial_v<Token>);

// A text split into tokens. It borrows the text given to Tokenize (unless
// NFC changed it, then it keeps the normalised copy) and the Vocabulary;
// both must outlive it. Tokens refer to the text by offset, so the struct
// may be moved freely.
class TokenizedText {
 public:
  std::vector<Token> tokens;

  std::string_view Source() const { return normalized_.empty() ? borrowed_ : normalized_; }
  std::string_view Text(const Token& token) const {
    return Source().substr(token.offset, token.length == Token::kLongToken
                                             ? LongLength(token.offset)
                                             : token.length);
  }
  std::string_view Text(std::size_t i) const { return Text(tokens[i]); }
  // What comparison sees of token i (see Token::key).
  std::string_view Key(std::size_t i) const { return vocabulary_->Text(tokens[i].key); }
  // Vocabulary id of token i's lower-cased key.
  int FoldedId(std::size_t i) const { return vocabulary_->FoldedOf(tokens[i].key); }
  // Token i's lower-cased key.
  std::string_view Folded(std::size_t i) const { return vocabulary_->Text(FoldedId(i)); }
  // The vocabulary the tokens' ids belong to.
  const Vocabulary& vocabulary() const { return *vocabulary_; }
  // Every token's lower-cased key, in order (what Lexicon::MatchAt reads).
  std::vector<std::string_view> FoldedWords() const;

  // Moves the tokens to `target`, where the id that was `i` is ids[i]
  // (texts tokenized on another thread join the main vocabulary this way,
  // `ids` from Vocabulary::Join). The text no longer refers to the
  // vocabulary it came from.
  void Rehome(const Vocabulary& target, const std::vector<int>& ids);

 private:
  friend TokenizedText Tokenize(std::string_view, Vocabulary&);
  friend TokenizedText JoinParagraphs(const TokenizedText&, int, const TokenizedText&);
  // The length of the long token at `offset` (see Token::kLongToken).
  std::uint32_t LongLength(std::uint32_t offset) const;

  // (offset, length) of the long tokens, by offset; almost always empty.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> long_tokens_;
  std::string_view borrowed_;
  std::string normalized_;  // only when NFC changed the text
  const Vocabulary* vocabulary_ = nullptr;
};

// Tokenizes `text` (any UTF-8; invalid bytes become U+FFFD), which must
// outlive the result. Whitespace is
// not a token. Words keep inner apostrophes (don't, п'ять, пʼять with U+2019
// or U+02BC) and hyphens (post-war); numbers keep their separators.
TokenizedText Tokenize(std::string_view text, Vocabulary& vocabulary);

// `first` and `second` (from one Vocabulary) as one text, with a "¶" token
// between them whose key is `pilcrow_key` (that vocabulary's id of "¶"):
// a paragraph split in two, or two merged, diffed against the other side's
// one paragraph. The result owns its text.
TokenizedText JoinParagraphs(const TokenizedText& first, int pilcrow_key,
                             const TokenizedText& second);

// The first `n` characters of UTF-8 `word` (all of it if shorter).
std::string_view FirstCharacters(std::string_view word, std::size_t n);

// Characters (not bytes) in UTF-8 `text`.
std::size_t CharacterCount(std::string_view text);

// `text` in Unicode NFC (returned unchanged if it is not valid UTF-8).
std::string ToNfc(std::string_view text);

// Lower-cased form of a token key (simple per-character case mapping), for
// case-insensitive matching.
std::string FoldCase(std::string_view key);
// The same into `out` (replacing its contents), reusing its storage.
void FoldCaseInto(std::string_view key, std::string& out);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_TOKENIZER_H_
