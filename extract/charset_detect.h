// Guessing a page's charset from its bytes, for pages that do not declare
// one (or declare one the bytes contradict).
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_CHARSET_DETECT_H_
#define REVWATCH_EXTRACT_CHARSET_DETECT_H_

#include <string_view>

#include "extract/encoding_labels.h"

namespace revwatch {

// True if `bytes` is well-formed UTF-8 (no overlongs, surrogates or code
// points past U+10FFFF; a sequence cut off at the very end is tolerated,
// since pages are sometimes truncated).
bool IsValidUtf8(std::string_view bytes);

// True if `bytes` has any byte >= 0x80.
bool HasNonAscii(std::string_view bytes);

// True for encodings with one byte per character (windows-125x, ISO 8859,
// KOI8...), where valid multi-byte UTF-8 is practically never intended.
bool IsSingleByteEncoding(const TextEncoding& encoding);

// uchardet's guess for `bytes` (at most the first 256 KiB are read), mapped
// through the WHATWG label table. KOI8-R becomes KOI8-U when the bytes use
// the positions where KOI8-U has і, ї, є and ґ (box drawing in KOI8-R, so
// such text is Ukrainian). windows-1252 when uchardet has no usable answer.
// Thread-safe (one detector per call).
TextEncoding DetectEncoding(std::string_view bytes);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_CHARSET_DETECT_H_
