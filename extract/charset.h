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

// Picks the charset in this order: byte-order mark, `http_charset` (from the
// Content-Type header), a <meta charset> / <meta http-equiv> in the first
// 1024 bytes, else UTF-8. Converts with iconv; bytes invalid in the chosen
// charset become U+FFFD. Never fails: an unknown label falls back to UTF-8.
DecodedPage DecodeToUtf8(std::string_view bytes, std::string_view http_charset);

// The charset parameter of a Content-Type header value, lower-cased, or "".
std::string CharsetFromContentType(std::string_view content_type);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_CHARSET_H_
