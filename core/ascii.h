// ASCII case helpers for protocol text (header names, host names, encoding
// tokens), where only A-Z fold. Article text needs Unicode folding instead
// (diff/tokenizer.h FoldCase).
#ifndef REVWATCH_CORE_ASCII_H_
#define REVWATCH_CORE_ASCII_H_

#include <algorithm>
#include <string>
#include <string_view>

namespace revwatch {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return AsciiLower(c); });
  return out;
}

inline bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return AsciiLower(x) == AsciiLower(y);
         });
}

}  // namespace revwatch

#endif  // REVWATCH_CORE_ASCII_H_
