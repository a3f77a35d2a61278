#include "extract/text_normalize.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace revwatch {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};
using Utf8procString = std::unique_ptr<utf8proc_uint8_t, FreeDeleter>;

enum class CharClass { kKeep, kSpace, kDrop };

CharClass Classify(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // zero-width no-break space / BOM
      return CharClass::kDrop;
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x0085:  // next line
    case 0x2028:  // line separator
    case 0x2029:  // paragraph separator
      return CharClass::kSpace;
    default:
      break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_CC:
      return CharClass::kDrop;
    default:
      return CharClass::kKeep;
  }
}

void AppendCodePoint(utf8proc_int32_t cp, std::string& out) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Maps spaces, drops invisible characters, collapses and trims.
std::string CleanSpaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
  bool pending_space = false;
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = 1;
    bool invalid = false;
    if (*p < 0x80) {  // ASCII: what Classify would say, without utf8proc
      cp = *p;
    } else {
      n = utf8proc_iterate(p, left, &cp);
      if (n < 0) {  // invalid sequence: replace one byte
        n = 1;
        cp = 0xFFFD;
        invalid = true;
      }
    }
    const CharClass kind = cp < 0x80 ? (cp == ' ' || (cp >= '\t' && cp <= '\r') ? CharClass::kSpace
                                        : cp < 0x20 || cp == 0x7F                 ? CharClass::kDrop
                                                                                  : CharClass::kKeep)
                                     : Classify(cp);
    switch (kind) {
      case CharClass::kDrop:
        break;
      case CharClass::kSpace:
        pending_space = !out.empty();
        break;
      case CharClass::kKeep:
        if (pending_space) out.push_back(' ');
        pending_space = false;
        if (invalid) {
          AppendCodePoint(cp, out);
        } else {  // the input's own bytes: valid UTF-8 of cp
          out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
        }
        break;
    }
    p += n;
    left -= n;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string ToNfc(std::string utf8) {
  if (IsAscii(utf8)) return utf8;
  utf8proc_uint8_t* raw = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
      static_cast<utf8proc_ssize_t>(utf8.size()), &raw,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const Utf8procString composed(raw);
  if (n < 0 || !composed) return utf8;
  return std::string(reinterpret_cast<const char*>(composed.get()),
                     static_cast<std::size_t>(n));
}

}  // namespace

std::string NormalizePageText(std::string_view utf8) {
  return ToNfc(CleanSpaces(utf8));
}

std::size_t CountVisibleChars(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    // Count lead bytes only, and skip ASCII whitespace.
    if ((byte & 0xC0) != 0x80 && c != ' ' && c != '\t' && c != '\n' &&
        c != '\r' && c != '\f' && c != '\v') {
      ++count;
    }
  }
  return count;
}

std::string LabelKey(std::string_view text) {
  std::string key;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;
    p += n;
    left -= n;
    if (cp == 0x2019) cp = '\'';  // right single quotation mark
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t len =
        utf8proc_encode_char(utf8proc_tolower(cp), buf);
    key.append(reinterpret_cast<const char*>(buf),
               static_cast<std::size_t>(len));
  }
  while (!key.empty() && (key.back() == ':' || key.back() == ' ')) {
    key.pop_back();
  }
  return key;
}

}  // namespace revwatch
