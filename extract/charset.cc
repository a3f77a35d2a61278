#include "extract/charset.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extract/charset_detect.h"
#include "extract/encoding_labels.h"

namespace revwatch {
namespace {

constexpr std::size_t kPrescanBytes = 1024;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct IconvDeleter {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
using IconvHandle = std::unique_ptr<void, IconvDeleter>;

char ToLowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ToLowerAscii);
  return out;
}

std::optional<TextEncoding> SniffBom(std::string_view bytes,
                                     std::size_t& bom_size) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bom_size = 3;
    return kUtf8;
  }
  if (bytes.starts_with("\xFF\xFE")) {
    bom_size = 2;
    return kUtf16Le;
  }
  if (bytes.starts_with("\xFE\xFF")) {
    bom_size = 2;
    return kUtf16Be;
  }
  return std::nullopt;
}

// --- <meta> prescan (a simplified form of the WHATWG prescan algorithm) ---

struct Attribute {
  std::string name;  // lower-cased
  std::string value;
};

// Reads one attribute at `pos` inside a tag; nullopt at the tag's end.
std::optional<Attribute> NextAttribute(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && (IsAsciiSpace(s[pos]) || s[pos] == '/')) ++pos;
  if (pos >= s.size() || s[pos] == '>') return std::nullopt;
  Attribute attr;
  while (pos < s.size() && s[pos] != '=' && s[pos] != '>' &&
         !IsAsciiSpace(s[pos]) && s[pos] != '/') {
    attr.name.push_back(ToLowerAscii(s[pos++]));
  }
  while (pos < s.size() && IsAsciiSpace(s[pos])) ++pos;
  if (pos >= s.size() || s[pos] != '=') return attr;
  ++pos;
  while (pos < s.size() && IsAsciiSpace(s[pos])) ++pos;
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
    const char quote = s[pos++];
    const std::size_t end = std::min(s.find(quote, pos), s.size());
    attr.value = s.substr(pos, end - pos);
    pos = std::min(end + 1, s.size());
  } else {
    while (pos < s.size() && !IsAsciiSpace(s[pos]) && s[pos] != '>') {
      attr.value.push_back(s[pos++]);
    }
  }
  return attr;
}

// The charset label declared by the <meta> tag whose attributes start at
// `pos`, or "" if it declares none.
std::string MetaCharset(std::string_view s, std::size_t& pos) {
  std::string charset;
  std::string content;
  bool content_type = false;
  while (std::optional<Attribute> attr = NextAttribute(s, pos)) {
    if (attr->name == "charset" && charset.empty()) {
      charset = attr->value;
    } else if (attr->name == "content" && content.empty()) {
      content = attr->value;
    } else if (attr->name == "http-equiv") {
      content_type = LowerAscii(TrimAscii(attr->value)) == "content-type";
    }
  }
  if (!charset.empty()) return charset;
  if (content_type) return CharsetFromContentType(content);
  return "";
}

bool StartsWithNoCase(std::string_view s, std::size_t pos,
                      std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ToLowerAscii(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

std::optional<TextEncoding> PrescanMeta(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kPrescanBytes);
  std::size_t pos = 0;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    if (head.compare(pos, 4, "<!--") == 0) {
      const std::size_t end = head.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    if (StartsWithNoCase(head, pos, "<meta") && pos + 5 < head.size() &&
        (IsAsciiSpace(head[pos + 5]) || head[pos + 5] == '/')) {
      pos += 5;
      const std::string label = MetaCharset(head, pos);
      if (label.empty()) continue;
      std::optional<TextEncoding> encoding = LookUpEncodingLabel(label);
      if (!encoding) continue;
      // A page that reached us as bytes cannot really be UTF-16 if its meta
      // tag was readable as ASCII; WHATWG maps that claim to UTF-8.
      if (encoding->name.starts_with("utf-16")) return kUtf8;
      return encoding;
    }
    ++pos;
  }
  return std::nullopt;
}

// --- Conversion ---

// Length of the valid UTF-8 sequence at the start of `s`, or 0 if the
// sequence is invalid. `*bad_prefix` receives the length of the maximal
// invalid subpart to replace with one U+FFFD.
std::size_t ValidUtf8Length(std::string_view s, std::size_t* bad_prefix) {
  const auto byte = [&](std::size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t lead = byte(0);
  *bad_prefix = 1;
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  uint8_t lower = 0x80;
  uint8_t upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lower = 0xA0;
    if (lead == 0xED) upper = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lower = 0x90;
    if (lead == 0xF4) upper = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (i >= s.size() || byte(i) < lower || byte(i) > upper) {
      *bad_prefix = i;
      return 0;
    }
    lower = 0x80;
    upper = 0xBF;
  }
  return length;
}

// Length of the longest valid UTF-8 prefix of `s`; ASCII is skipped eight
// bytes at a time.
std::size_t ValidUtf8Prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    std::size_t bad_prefix = 0;
    const std::size_t length = ValidUtf8Length(s.substr(i), &bad_prefix);
    if (length == 0) break;
    i += length;
  }
  return i;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const std::size_t valid = ValidUtf8Prefix(s);
    out.append(s.substr(0, valid));
    s.remove_prefix(valid);
    if (s.empty()) break;
    std::size_t bad_prefix = 0;
    (void)ValidUtf8Length(s, &bad_prefix);
    out.append(kReplacement);
    s.remove_prefix(bad_prefix);
  }
  return out;
}

// Converts with iconv; nullopt if iconv does not know the encoding.
std::optional<std::string> ConvertWithIconv(std::string_view bytes,
                                            const TextEncoding& from) {
  const std::string iconv_name(from.iconv_name);
  iconv_t raw = iconv_open("UTF-8", iconv_name.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  const IconvHandle handle(raw);

  const std::size_t unit = from.name.starts_with("utf-16") ? 2 : 1;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  std::array<char, 16384> chunk;
  // glibc's iconv() takes char** but never writes through the input pointer.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* out_ptr = chunk.data();
    std::size_t out_left = chunk.size();
    const std::size_t rc =
        iconv(handle.get(), &in, &in_left, &out_ptr, &out_left);
    const int error = errno;
    out.append(chunk.data(), chunk.size() - out_left);
    if (rc != static_cast<std::size_t>(-1) || error == E2BIG) continue;
    if (error != EILSEQ && error != EINVAL) break;
    // EILSEQ: an invalid sequence; EINVAL: an incomplete one at the end.
    out.append(kReplacement);
    const std::size_t skip =
        error == EINVAL ? in_left : std::min(unit, in_left);
    in += skip;
    in_left -= skip;
  }
  return out;
}

DecodedPage Decode(std::string_view bytes, const TextEncoding& encoding) {
  if (encoding.name != kUtf8.name) {
    if (std::optional<std::string> utf8 = ConvertWithIconv(bytes, encoding)) {
      // iconv's output is valid UTF-8 already; sanitising is cheap insurance.
      return {SanitizeUtf8(*utf8), std::string(encoding.name)};
    }
  }
  return {SanitizeUtf8(bytes), std::string(kUtf8.name)};
}

// A declared single-byte charset loses to valid UTF-8 with non-ASCII text:
// servers and templates state "iso-8859-1" by default.
TextEncoding CheckDeclared(std::string_view bytes,
                           const TextEncoding& declared) {
  if (IsSingleByteEncoding(declared) && HasNonAscii(bytes) &&
      IsValidUtf8(bytes)) {
    return kUtf8;
  }
  return declared;
}

}  // namespace

DecodedPage DecodeToUtf8(std::string_view bytes,
                         std::string_view http_charset) {
  std::size_t bom_size = 0;
  if (std::optional<TextEncoding> bom = SniffBom(bytes, bom_size)) {
    return Decode(bytes.substr(bom_size), *bom);
  }
  if (std::optional<TextEncoding> http = LookUpEncodingLabel(http_charset)) {
    return Decode(bytes, CheckDeclared(bytes, *http));
  }
  if (std::optional<TextEncoding> meta = PrescanMeta(bytes)) {
    return Decode(bytes, CheckDeclared(bytes, *meta));
  }
  if (IsValidUtf8(bytes)) return Decode(bytes, kUtf8);
  return Decode(bytes, DetectEncoding(bytes));
}

std::string CharsetFromContentType(std::string_view content_type) {
  const std::string lower = LowerAscii(content_type);
  std::size_t pos = 0;
  while ((pos = lower.find("charset", pos)) != std::string::npos) {
    pos += 7;
    std::size_t i = pos;
    while (i < lower.size() && IsAsciiSpace(lower[i])) ++i;
    if (i >= lower.size() || lower[i] != '=') continue;
    ++i;
    while (i < lower.size() && IsAsciiSpace(lower[i])) ++i;
    if (i >= lower.size()) return "";
    if (lower[i] == '"' || lower[i] == '\'') {
      const char quote = lower[i++];
      const std::size_t end = lower.find(quote, i);
      if (end == std::string::npos) return "";
      return std::string(TrimAscii(std::string_view(lower).substr(i, end - i)));
    }
    std::size_t end = i;
    while (end < lower.size() && !IsAsciiSpace(lower[end]) &&
           lower[end] != ';') {
      ++end;
    }
    return lower.substr(i, end - i);
  }
  return "";
}

}  // namespace revwatch
