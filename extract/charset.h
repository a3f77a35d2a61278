// Decoding a page's bytes to UTF-8 before Gumbo, which accepts only UTF-8.
#ifndef REVWATCH_EXTRACT_CHARSET_H_
#define REVWATCH_EXTRACT_CHARSET_H_

#include <string>
#include <string_view>

namespace revwatch {

struct DecodedPage {
  std::string utf8;
  std::string charset;  // canonical name of the charset used, e.g. "utf-8"
};

// Picks the charset in the HTML standard's order:
//   1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. `http_charset` (from the Content-Type header);
//   3. a <meta charset> / <meta http-equiv> in the first 1024 bytes;
//   4. UTF-8 if the bytes are valid UTF-8;
//   5. uchardet's guess (DetectEncoding: KOI8-U preferred to KOI8-R for
//      Ukrainian text; windows-1252 when it has no answer).
// Labels follow the WHATWG table ("latin1" and "iso-8859-1" are
// windows-1252; a <meta> claiming UTF-16 means UTF-8); unknown labels are
// ignored. One deviation: a declared single-byte charset (2, 3) yields to
// UTF-8 when the bytes are valid UTF-8 with non-ASCII characters, since
// servers and templates declare "iso-8859-1" by default, and the same
// article must give the same text whatever its declared encoding.
// Converts with iconv; bytes invalid in the chosen charset become U+FFFD.
// `charset` is the WHATWG name of the charset used. Never fails.
DecodedPage DecodeToUtf8(std::string_view bytes, std::string_view http_charset);

// The charset parameter of a Content-Type header value, lower-cased, or "".
std::string CharsetFromContentType(std::string_view content_type);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_CHARSET_H_
