#include "extract/charset_detect.h"

#include <uchardet.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

namespace revwatch {
namespace {

constexpr std::size_t kMaxDetectBytes = 256 * 1024;
constexpr TextEncoding kKoi8U{"koi8-u", "KOI8-U"};
// KOI8-U's Ukrainian letters і ї є ґ І Ї Є Ґ; box drawing in KOI8-R.
constexpr std::uint8_t kKoi8UkrainianBytes[] = {0xA4, 0xA6, 0xA7, 0xAD,
                                                0xB4, 0xB6, 0xB7, 0xBD};

struct UchardetDeleter {
  void operator()(uchardet_t detector) const { uchardet_delete(detector); }
};
using Uchardet =
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, UchardetDeleter>;

// Length of the UTF-8 sequence led by `lead`, and the allowed range of its
// second byte; 0 for a byte that cannot lead.
std::size_t SequenceLength(std::uint8_t lead, std::uint8_t& lower,
                           std::uint8_t& upper) {
  lower = 0x80;
  upper = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (lead == 0xE0) lower = 0xA0;
    if (lead == 0xED) upper = 0x9F;
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (lead == 0xF0) lower = 0x90;
    if (lead == 0xF4) upper = 0x8F;
    return 4;
  }
  return 0;
}

bool UsesUkrainianKoi8Letters(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) {
    const auto b = static_cast<std::uint8_t>(c);
    return std::find(std::begin(kKoi8UkrainianBytes),
                     std::end(kKoi8UkrainianBytes),
                     b) != std::end(kKoi8UkrainianBytes);
  });
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::uint8_t lower = 0;
    std::uint8_t upper = 0;
    const std::size_t n =
        SequenceLength(static_cast<std::uint8_t>(bytes[i]), lower, upper);
    if (n == 0) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if (i + k >= bytes.size()) return true;  // cut off at the end
      const auto b = static_cast<std::uint8_t>(bytes[i + k]);
      if (b < lower || b > upper) return false;
      lower = 0x80;
      upper = 0xBF;
    }
    i += n;
  }
  return true;
}

bool HasNonAscii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) {
    return static_cast<std::uint8_t>(c) >= 0x80;
  });
}

bool IsSingleByteEncoding(const TextEncoding& encoding) {
  return encoding.name.starts_with("windows-") ||
         encoding.name.starts_with("iso-8859-") ||
         encoding.name.starts_with("koi8-") || encoding.name == "ibm866" ||
         encoding.name == "x-mac-cyrillic";
}

TextEncoding DetectEncoding(std::string_view bytes) {
  const Uchardet detector(uchardet_new());
  if (!detector) return kWindows1252;
  const std::string_view sample = bytes.substr(0, kMaxDetectBytes);
  if (uchardet_handle_data(detector.get(), sample.data(), sample.size()) != 0) {
    return kWindows1252;
  }
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  std::optional<TextEncoding> encoding =
      LookUpEncodingLabel(name == nullptr ? "" : name);
  if (!encoding || encoding->name == kUtf8.name ||
      encoding->name.starts_with("utf-16")) {
    return kWindows1252;  // not valid UTF-8, we checked; no BOM either
  }
  if (encoding->name == "koi8-r" && UsesUkrainianKoi8Letters(sample)) {
    return kKoi8U;
  }
  return *encoding;
}

}  // namespace revwatch
