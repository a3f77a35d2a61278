// Text clean-up applied to every string revwatch extracts from a page, so
// that an invisible change in markup never shows up as an edit.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_TEXT_NORMALIZE_H_
#define REVWATCH_EXTRACT_TEXT_NORMALIZE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace revwatch {

// Returns `utf8` with every Unicode space (NBSP, thin space, tab, newline...)
// turned into ' ', soft hyphens, zero-width characters (U+200B-U+200D,
// U+2060, U+FEFF) and control characters removed, runs of spaces collapsed,
// both ends trimmed, and the result in Unicode NFC. Invalid UTF-8 sequences
// become U+FFFD. Never fails.
std::string NormalizePageText(std::string_view utf8);

// Number of characters (code points) in `utf8` that are not spaces.
std::size_t CountVisibleChars(std::string_view utf8);

// `text` lower-cased (any script), with U+2019 as an ASCII apostrophe and
// trailing colons and spaces dropped: the key to compare a short label
// ("Don’t Miss:") with a list of known ones. Stops at invalid UTF-8.
std::string LabelKey(std::string_view text);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_TEXT_NORMALIZE_H_
