// Header values for alert e-mails. Anything taken from a page (a headline)
// or from configuration (an address) passes through here before it enters
// a header, so the header block never holds a bare CR or LF: in libcurl
// 7.88.1 a headline carrying "\r\nBcc: x@y" would become a real Bcc header,
// and an address carrying "\r\nRCPT TO:" would reach the server.
#ifndef REVWATCH_ALERT_MAIL_HEADER_H_
#define REVWATCH_ALERT_MAIL_HEADER_H_

#include <string>
#include <string_view>

namespace revwatch {

// One line of text: CR, LF, NUL and the other C0 controls become spaces,
// runs of spaces one, the ends are trimmed.
std::string OneLine(std::string_view text);

// An unstructured header value (RFC 5322 2.2.1) for `text` taken through
// OneLine(): as is when it is printable ASCII without "=?", else RFC 2047
// "=?UTF-8?B?...?=" encoded words of at most 75 characters, never
// splitting a UTF-8 sequence, folded with CRLF SP between words. `name`
// is the header's name, counted in the first line's length.
std::string EncodeHeaderValue(std::string_view name, std::string_view text);

// A strict check for addresses revwatch sends to or from: dot-atom local
// part @ a domain of letter/digit/hyphen labels with a dot; no quoting,
// comments, spaces, IP literals or control characters; at most 254 bytes.
bool IsValidMailAddress(std::string_view address);

}  // namespace revwatch

#endif  // REVWATCH_ALERT_MAIL_HEADER_H_
