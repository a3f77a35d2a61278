// Character encoding labels, as pages and HTTP headers write them, mapped
// to the encodings revwatch decodes.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_ENCODING_LABELS_H_
#define REVWATCH_EXTRACT_ENCODING_LABELS_H_

#include <optional>
#include <string_view>

namespace revwatch {

struct TextEncoding {
  std::string_view name;        // WHATWG canonical name, reported to callers
  std::string_view iconv_name;  // what glibc's iconv_open() calls it
};

inline constexpr TextEncoding kUtf8{"utf-8", "UTF-8"};
inline constexpr TextEncoding kUtf16Le{"utf-16le", "UTF-16LE"};
inline constexpr TextEncoding kUtf16Be{"utf-16be", "UTF-16BE"};
inline constexpr TextEncoding kWindows1252{"windows-1252", "WINDOWS-1252"};

// The encoding a label names, after the WHATWG Encoding Standard (so
// "iso-8859-1" and "us-ascii" mean windows-1252), for the encodings news
// sites declare; nullopt for other labels. Case and whitespace are ignored.
std::optional<TextEncoding> LookUpEncodingLabel(std::string_view label);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_ENCODING_LABELS_H_
