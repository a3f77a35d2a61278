// Splits article text into the tokens that the differ compares.
#ifndef REVWATCH_DIFF_TOKENIZER_H_
#define REVWATCH_DIFF_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

namespace revwatch {

enum class TokenKind {
  kWord,    // letters (any script), possibly with inner apostrophes/hyphens
  kNumber,  // digits with their separators and a trailing %: 1,000.5 12 000 3.5%
  kQuote,   // a quotation mark of any style
  kPunct,   // any other punctuation or symbol, one character per token
};

struct Token {
  std::string text;  // as written (after NFC)
  // What comparison sees: presentation differences folded away (curly vs
  // straight quotes and apostrophes, dash variants, odd spaces inside
  // numbers), case kept.
  std::string key;
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;  // whitespace preceded it in the text
};

// Tokenizes `text` (any UTF-8; invalid bytes become U+FFFD). Whitespace is
// not a token. Words keep inner apostrophes (don't, п'ять, пʼять with U+2019
// or U+02BC) and hyphens (post-war); numbers keep their separators.
std::vector<Token> Tokenize(std::string_view text);

// `text` in Unicode NFC (returned unchanged if it is not valid UTF-8).
std::string ToNfc(std::string_view text);

// Lower-cased form of a token key (simple per-character case mapping), for
// case-insensitive matching.
std::string FoldCase(std::string_view key);

}  // namespace revwatch

#endif  // REVWATCH_DIFF_TOKENIZER_H_
