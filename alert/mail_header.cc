#include "alert/mail_header.h"

#include <algorithm>
#include <cstdint>

namespace revwatch {
namespace {

constexpr std::size_t kEncodedWordMax = 75;  // RFC 2047 section 2
constexpr std::size_t kLineMax = 78;         // RFC 5322 2.1.1 (SHOULD)
constexpr std::string_view kWordOpen = "=?UTF-8?B?";
constexpr std::string_view kWordClose = "?=";
constexpr std::size_t kWordOverhead = kWordOpen.size() + kWordClose.size();

std::string Base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                            (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                            static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kDigits[(n >> shift) & 63];
  }
  if (i < bytes.size()) {
    std::uint32_t n = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (i + 1 < bytes.size()) n |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out += kDigits[(n >> 18) & 63];
    out += kDigits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool NeedsEncoding(std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F) return true;
  }
  return text.find("=?") != std::string_view::npos;
}

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes,
// which OneLine's input may hold; they are encoded as they are).
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

bool IsAtomChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

bool IsValidLocalPart(std::string_view local) {
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') {
    return false;
  }
  for (std::size_t i = 0; i < local.size(); ++i) {
    if (local[i] == '.') {
      if (local[i - 1] == '.') return false;
    } else if (!IsAtomChar(local[i])) {
      return false;
    }
  }
  return true;
}

bool IsValidDomain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253 || domain.find('.') == std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-';
      if (!ok) return false;
    }
    start = dot + 1;
  }
  return true;
}

}  // namespace

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string EncodeHeaderValue(std::string_view name, std::string_view text) {
  const std::string line = OneLine(text);
  if (!NeedsEncoding(line)) return line;
  // Each encoded word carries whole UTF-8 sequences, as many as fit in
  // the rest of the line (and in 75 characters).
  auto payload_for = [](std::size_t room) -> std::size_t {
    const std::size_t fits = std::min(room, kEncodedWordMax);
    return fits > kWordOverhead ? (fits - kWordOverhead) / 4 * 3 : 0;
  };
  std::string out;
  std::size_t used = name.size() + 2;  // "Name: "
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t separator = out.empty() ? 0 : 1;
    std::size_t payload = payload_for(kLineMax - std::min(kLineMax, used + separator));
    bool fold = false;
    if (payload < 4 && !out.empty()) {  // not even one character fits: next line
      fold = true;
      payload = payload_for(kLineMax - 1);
    }
    std::size_t end = i;
    while (end < line.size()) {
      const std::size_t next = end + SequenceLength(static_cast<unsigned char>(line[end]));
      if (next - i > payload || next > line.size()) break;
      end = next;
    }
    if (end == i) end = std::min(line.size(), i + SequenceLength(static_cast<unsigned char>(line[i])));
    const std::string word =
        std::string(kWordOpen) + Base64(line.substr(i, end - i)) + std::string(kWordClose);
    if (fold) {
      out += "\r\n ";
      used = 1;
    } else if (!out.empty()) {
      out += ' ';
      ++used;
    }
    out += word;
    used += word.size();
    i = end;
  }
  return out;
}

bool IsValidMailAddress(std::string_view address) {
  if (address.size() > 254) return false;
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return false;
  return IsValidLocalPart(address.substr(0, at)) && IsValidDomain(address.substr(at + 1));
}

}  // namespace revwatch
