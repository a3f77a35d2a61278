#include "diff/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace revwatch {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};
using Utf8procString = std::unique_ptr<utf8proc_uint8_t, FreeDeleter>;

struct CodePoint {
  utf8proc_int32_t value = 0;
  std::size_t length = 1;
};

CodePoint DecodeSlow(std::string_view text, std::size_t pos) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
      static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) return {0xFFFD, 1};
  return {cp, static_cast<std::size_t>(n)};
}

// ASCII and two-byte sequences (Latin accents, Greek, Cyrillic) inline.
inline CodePoint DecodeAt(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1};
  if (byte >= 0xC2 && byte <= 0xDF && pos + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[pos + 1]);
    if ((next & 0xC0) == 0x80) return {((byte & 0x1F) << 6) | (next & 0x3F), 2};
  }
  return DecodeSlow(text, pos);
}

// What the tokenizer needs to know about a code point, as bits.
enum CharClass : std::uint8_t {
  kSpace = 1,
  kLetter = 2,
  kDigit = 4,
  kApostrophe = 8,  // joins a word: don't, п'ять
  kHyphen = 16,     // joins a word: post-war
  kQuoteMark = 32,
  kMayCompose = 64,  // NFC could rewrite it or what precedes it
};

bool IsSpaceSlow(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp < 0x20 || cp == 0x7F;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return true;
    default:
      return cp == 0x200B || cp == 0xFEFF;  // zero-width space, BOM
  }
}

bool IsLetterSlow(utf8proc_int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0x0400 && cp <= 0x052F) return cp != 0x0482;  // Cyrillic letters and marks
  const auto c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}

bool IsDigitSlow(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool IsApostrophe(utf8proc_int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018 ||
         cp == 0x0060 || cp == 0x00B4;
}

bool IsHyphen(utf8proc_int32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

bool IsQuote(utf8proc_int32_t cp) {
  switch (cp) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A: case 0x2018:
    case 0x2019: case 0x201A: case 0x201B: case 0x300C: case 0x300D:
    case '\'':
      return true;
    default:
      return false;
  }
}

std::uint8_t ClassifySlow(utf8proc_int32_t cp) {
  std::uint8_t c = 0;
  if (IsSpaceSlow(cp)) c |= kSpace;
  if (IsLetterSlow(cp)) c |= kLetter;
  if (IsDigitSlow(cp)) c |= kDigit;
  if (IsApostrophe(cp)) c |= kApostrophe;
  if (IsHyphen(cp)) c |= kHyphen;
  if (IsQuote(cp)) c |= kQuoteMark;
  // Only combining marks, Hangul jamo and characters excluded from
  // composition (singletons such as U+212B) can change under NFC.
  if (cp >= 0x80) {
    const utf8proc_property_t* property = utf8proc_get_property(cp);
    if (property->combining_class != 0 || property->comp_exclusion ||
        (cp >= 0x1100 && cp <= 0x11FF)) {
      c |= kMayCompose;
    }
  }
  return c;
}

// Code points below U+0800 (ASCII, Latin, Greek, Cyrillic: nearly all of
// the text) and the General Punctuation block (typographic quotes, dashes,
// spaces) are classified by table, the rest by utf8proc. The table fills on
// first sight of each code point: a text uses a few dozen of them, and
// classifying all 2,000 up front would cost more than a short comparison.
constexpr utf8proc_int32_t kLowEnd = 0x800;
constexpr utf8proc_int32_t kPunctBegin = 0x2000;
constexpr utf8proc_int32_t kPunctEnd = 0x2070;
constexpr std::uint8_t kClassified = 0x80;  // set on every filled entry

// ASCII, most of any text, from a table built at compile time (the same
// answers as ClassifySlow).
constexpr std::uint8_t AsciiClass(int cp) {
  std::uint8_t c = 0;
  if (cp == ' ' || cp < 0x20 || cp == 0x7F) c |= kSpace;
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) c |= kLetter;
  if (cp >= '0' && cp <= '9') c |= kDigit;
  if (cp == '\'' || cp == '`') c |= kApostrophe;
  if (cp == '-') c |= kHyphen;
  if (cp == '"' || cp == '\'') c |= kQuoteMark;
  return c;
}

constexpr std::array<std::uint8_t, 0x80> kAsciiClasses = [] {
  std::array<std::uint8_t, 0x80> table{};
  for (int cp = 0; cp < 0x80; ++cp) table[static_cast<std::size_t>(cp)] = AsciiClass(cp);
  return table;
}();

// Classes of the code points below kLowEnd and of the General
// Punctuation block, kClassified set once filled. Zero (unfilled) at
// start-up; threads that fill the same entry store the same value, so
// relaxed atomics are all the sharing needs.
std::array<std::atomic<std::uint8_t>, kLowEnd + (kPunctEnd - kPunctBegin)> g_classes;

// Classify for code points from U+0080 not yet in g_classes.
[[gnu::noinline]] std::uint8_t ClassifyNonAscii(utf8proc_int32_t cp) {
  std::size_t index;
  if (cp >= 0 && cp < kLowEnd) {
    index = static_cast<std::size_t>(cp);
  } else if (cp >= kPunctBegin && cp < kPunctEnd) {
    index = static_cast<std::size_t>(kLowEnd + cp - kPunctBegin);
  } else {
    return ClassifySlow(cp);
  }
  std::uint8_t c = g_classes[index].load(std::memory_order_relaxed);
  if ((c & kClassified) == 0) {
    c = ClassifySlow(cp) | kClassified;
    g_classes[index].store(c, std::memory_order_relaxed);
  }
  return static_cast<std::uint8_t>(c & 0x7F);
}

// (ASCII inline, and the two-byte code points already seen, such as the
// first letter of every Cyrillic word: the scanner classifies every
// character it stops at.)
inline std::uint8_t Classify(utf8proc_int32_t cp) {
  if (cp >= 0 && cp < 0x80) return kAsciiClasses[static_cast<std::size_t>(cp)];
  if (cp >= 0 && cp < kLowEnd) {
    const std::uint8_t c = g_classes[static_cast<std::size_t>(cp)].load(std::memory_order_relaxed);
    if (c & kClassified) return static_cast<std::uint8_t>(c & 0x7F);
  }
  return ClassifyNonAscii(cp);
}

bool IsSpace(utf8proc_int32_t cp) { return (Classify(cp) & kSpace) != 0; }
bool IsLetter(utf8proc_int32_t cp) { return (Classify(cp) & kLetter) != 0; }

// The folded spelling of one code point inside a key.
void AppendKeyChar(utf8proc_int32_t cp, std::string_view raw, std::string& key) {
  if (IsApostrophe(cp)) {
    key += '\'';
  } else if (IsHyphen(cp) || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
             cp == 0x2015 || cp == 0x2212) {
    key += '-';
  } else if (IsQuote(cp)) {
    key += '"';
  } else if (IsSpace(cp)) {
    key += ' ';
  } else if (cp == 0x0451 || cp == 0x0401) {  // ё, Ё: Russian writes е for it at will
    key += cp == 0x0451 ? "\u0435" : "\u0415";
  } else {
    key.append(raw);
  }
}

// Whether a token is its own key: no byte that could start a character
// AppendKeyChar rewrites (the backquote; U+0080-U+00BF such as nbsp and
// the acute accent; U+02BC; ё and Ё; anything from U+0800, where the
// typographic quotes, dashes and spaces are). Other Cyrillic and accented
// Latin pass.
bool IsOwnKey(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '`' || b == 0xC2 || b == 0xCA || b >= 0xE0) return false;
    if ((b == 0xD1 || b == 0xD0) && i + 1 < text.size()) {  // ё is D1 91, Ё is D0 81
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if ((b == 0xD1 && next == 0x91) || (b == 0xD0 && next == 0x81)) return false;
    }
  }
  return true;
}

std::string MakeKey(std::string_view text) {
  std::string key;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = DecodeAt(text, pos);
    AppendKeyChar(cp.value, text.substr(pos, cp.length), key);
    pos += cp.length;
  }
  return key;
}

// ASCII letters and digits, by byte.
constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> table{};
  for (int b = 0; b < 256; ++b) {
    table[static_cast<std::size_t>(b)] =
        (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  }
  return table;
}();

// How many of the first bytes of `x` (eight bytes of text read as a
// little-endian integer, the first in the lowest byte) are ASCII letters
// or digits, 0-8: all eight tested at once, each byte a lane whose sums
// never carry into the next.
constexpr std::uint64_t kLanes8 = 0x0101010101010101ull;
constexpr std::uint64_t kHigh8 = kLanes8 * 0x80;
inline std::size_t AsciiAlnumRun(std::uint64_t x) {
  const std::uint64_t low = x & ~kHigh8;  // 7 bits a lane: sums stay in the lane
  const std::uint64_t folded = low | kLanes8 * 0x20;  // A-Z as a-z
  const std::uint64_t letter = (folded + kLanes8 * (0x80 - 'a')) &
                               ~(folded + kLanes8 * (0x80 - 'z' - 1));
  const std::uint64_t digit = (low + kLanes8 * (0x80 - '0')) &
                              ~(low + kLanes8 * (0x80 - '9' - 1));
  const std::uint64_t stop = ~((letter | digit) & ~x) & kHigh8;
  return stop == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(stop)) / 8;
}

// A cursor over the text that decodes each character once.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) { Load(); }

  bool AtEnd() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  utf8proc_int32_t Peek() const { return current_.value; }
  std::uint8_t Class() const { return class_; }
  // The character after the current one.
  utf8proc_int32_t PeekNext() const {
    const std::size_t next = pos_ + current_.length;
    return next < text_.size() ? DecodeAt(text_, next).value : 0;
  }
  std::uint8_t NextClass() const { return Classify(PeekNext()); }
  // Whether a character that NFC could change has been seen.
  bool SawComposable() const { return composable_; }
  void Advance() {
    pos_ += current_.length;
    Load();
  }
  // Moves past a run of ASCII letters and digits and Cyrillic letters
  // (U+0400-U+047F, lead bytes D0 and D1) without decoding: most of any
  // word is made of these. ASCII is looked at eight bytes at a time (see
  // AsciiAlnumRun), Cyrillic a letter at a time. Returns false if the run
  // had an ё or Ё, the only ones of these a token key rewrites (see
  // IsOwnKey).
  [[gnu::always_inline]] bool SkipPlainWordChars() {
    std::size_t p = pos_;
    const std::size_t n = text_.size();
    const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
    bool own = true;
    for (;;) {
      const std::size_t round = p;
      if (p < n && kAsciiAlnum[bytes[p]]) {
        while (p + 8 <= n) {
          std::uint64_t x;
          std::memcpy(&x, bytes + p, 8);
          const std::size_t run = AsciiAlnumRun(x);
          p += run;
          if (run < 8) break;
        }
        if (p + 8 > n) {
          while (p < n && kAsciiAlnum[bytes[p]]) ++p;
        }
        // Only a lead byte (from 0x80) can start a Cyrillic letter.
        if (p >= n || bytes[p] < 0x80) break;
      }
      // A letter's two bytes at once, little-endian: lead D0 or D1, then
      // 10xxxxxx; ё is D1 91, Ё is D0 81. Two letters at a time while they
      // last, then one.
      auto is_yo = [](std::uint32_t pair) { return pair == 0x91D1 || pair == 0x81D0; };
      while (p + 4 <= n) {
        std::uint32_t two;
        std::memcpy(&two, bytes + p, 4);
        if ((two & 0xC0FEC0FE) != 0x80D080D0) break;
        own &= !is_yo(two & 0xFFFF) && !is_yo(two >> 16);
        p += 4;
      }
      if (p + 1 < n) {
        const unsigned pair = bytes[p] | (unsigned{bytes[p + 1]} << 8);
        if ((pair & 0xC0FE) == 0x80D0) {
          own &= !is_yo(pair);
          p += 2;
        }
      }
      if (p == round) break;
    }
    if (p != pos_) {
      pos_ = p;
      Load();
    }
    return own;
  }
  std::string_view Since(std::size_t start) const {
    return text_.substr(start, pos_ - start);
  }
  // Digits in a row starting one character past the current one, and the
  // character after them.
  int DigitRunAfterNext(utf8proc_int32_t& after) const {
    std::size_t p = pos_ + current_.length;
    int n = 0;
    after = 0;
    while (p < text_.size()) {
      const CodePoint cp = DecodeAt(text_, p);
      if ((Classify(cp.value) & kDigit) == 0) {
        after = cp.value;
        break;
      }
      ++n;
      p += cp.length;
    }
    return n;
  }

 private:
  void Load() {
    if (pos_ < text_.size()) {
      current_ = DecodeAt(text_, pos_);
      class_ = Classify(current_.value);
      composable_ |= (class_ & kMayCompose) != 0;
    } else {
      current_ = {0, 1};
      class_ = 0;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  CodePoint current_;
  std::uint8_t class_ = 0;
  bool composable_ = false;
};

// Consumes a number: 1,000.5  12 000  3.5%  2026-01-27 stays three tokens.
void ScanNumber(Scanner& s) {
  int group = 0;
  bool spaced_groups_allowed = true;
  for (;;) {
    while (s.Class() & kDigit) {
      s.Advance();
      ++group;
    }
    const utf8proc_int32_t next = s.Peek();
    if ((next == ',' || next == '.') && (s.NextClass() & kDigit)) {
      s.Advance();
      spaced_groups_allowed = false;
      group = 0;
      continue;
    }
    // "12 000": a space (of any kind) between a 1-3 digit group and exactly
    // three digits that end the number.
    if (spaced_groups_allowed && group >= 1 && group <= 3 &&
        (next == ' ' || next == 0x00A0 || next == 0x202F || next == 0x2009)) {
      utf8proc_int32_t after = 0;
      if (s.DigitRunAfterNext(after) == 3 && !IsLetter(after)) {
        s.Advance();
        group = 0;
        continue;
      }
    }
    if (next == '%') s.Advance();
    return;
  }
}

// Returns true when every character went through SkipPlainWordChars
// without an ё: then the word is its own key, known without IsOwnKey
// reading it again.
[[gnu::always_inline]] inline bool ScanWord(Scanner& s) {
  bool own = true;
  for (;;) {
    own &= s.SkipPlainWordChars();
    while (s.Class() & (kLetter | kDigit)) {
      own = false;
      s.Advance();
      own &= s.SkipPlainWordChars();
    }
    if ((s.Class() & (kApostrophe | kHyphen)) && (s.NextClass() & (kLetter | kDigit))) {
      own = false;
      s.Advance();
      continue;
    }
    return own;
  }
}

// Whether NFC would change `text`: only combining marks, Hangul jamo and
// characters excluded from composition (singletons such as U+212B) can be
// rewritten, and news text in Latin or Cyrillic script rarely has any, so
// the common case skips the full normalisation.
bool MayNeedNfc(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      continue;
    }
    // U+0400-U+047F and U+04C0-U+04FF: Cyrillic letters, never changed.
    if ((byte == 0xD0 || byte == 0xD1 || byte == 0xD3) && pos + 1 < text.size() &&
        (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80) {
      pos += 2;
      continue;
    }
    const CodePoint cp = DecodeAt(text, pos);
    // Cyrillic letters are already composed; only its combining marks
    // (U+0483-U+0489) could change.
    if (cp.value >= 0x0400 && cp.value <= 0x04FF && (cp.value < 0x0483 || cp.value > 0x0489)) {
      pos += cp.length;
      continue;
    }
    const utf8proc_property_t* property = utf8proc_get_property(cp.value);
    if (property->combining_class != 0 || property->comp_exclusion ||
        (cp.value >= 0x1100 && cp.value <= 0x11FF)) {
      return true;
    }
    pos += cp.length;
  }
  return false;
}

}  // namespace

std::string ToNfc(std::string_view text) {
  if (!MayNeedNfc(text)) return std::string(text);
  // With the length, not NUL-terminated: a NUL inside the text stays.
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  Utf8procString nfc(out);
  if (n < 0 || !nfc) return std::string(text);
  return std::string(reinterpret_cast<const char*>(nfc.get()), static_cast<std::size_t>(n));
}

// Simple (one-to-one) lower-casing per code point: what matching words
// needs, at a fraction of the cost of full case folding.
void FoldCaseInto(std::string_view key, std::string& out) {
  out.clear();
  out.reserve(key.size());
  for (std::size_t pos = 0; pos < key.size();) {
    const auto byte = static_cast<unsigned char>(key[pos]);
    if (byte < 0x80) {
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      ++pos;
      continue;
    }
    const CodePoint cp = DecodeAt(key, pos);
    utf8proc_uint8_t encoded[4];
    utf8proc_int32_t lower = utf8proc_tolower(cp.value);
    if (lower == 0x0451) lower = 0x0435;  // ё as е, as keys have it (word lists too)
    const auto n = utf8proc_encode_char(lower, encoded);
    out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(n));
    pos += cp.length;
  }
}

std::string_view FirstCharacters(std::string_view word, std::size_t n) {
  std::size_t end = 0;
  for (std::size_t characters = 0; end < word.size() && characters < n; ++characters) {
    ++end;
    while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) ++end;
  }
  return word.substr(0, end);
}

std::size_t CharacterCount(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string FoldCase(std::string_view key) {
  std::string out;
  FoldCaseInto(key, out);
  return out;
}

int Vocabulary::InternMiss(std::string_view text, Recent* set, std::uint64_t first,
                           std::uint64_t last) {
  const std::size_t n = text.size();
  if (n == 0 || n > 16) return Add(text);
  if (set == nullptr) {  // the first spelling interned
    if (recent_.empty()) recent_.resize(kRecentSlots);
    PackShortBytes(text.data(), n, first, last);
    set = RecentSet(first, last, n);
    if (set[0].Holds(first, last, n)) return set[0].id;
    if (set[1].Holds(first, last, n)) return set[1].id;
  }
  // The newest spelling takes the first way, the one it displaces the
  // second.
  const int id = Add(text);
  set[1] = set[0];
  set[0] = {first, last, id, static_cast<std::uint32_t>(n)};
  return id;
}

int Vocabulary::Add(std::string_view text) {
  const int id = strings_.Intern(text);
  if (static_cast<std::size_t>(id) >= folded_.size()) folded_.push_back(-1);
  return id;
}

std::vector<int> Vocabulary::Join(const Vocabulary& other) {
  std::vector<int> ids(other.size());
  for (std::size_t id = 0; id < ids.size(); ++id) ids[id] = Intern(other.Text(static_cast<int>(id)));
  for (std::size_t id = 0; id < ids.size(); ++id) {
    const int folded = other.folded_[id];
    int& here = folded_[static_cast<std::size_t>(ids[id])];
    if (folded >= 0 && here < 0) here = ids[static_cast<std::size_t>(folded)];
  }
  return ids;
}

int Vocabulary::Fold(int id) {
  FoldCaseInto(Text(id), scratch_);
  // Most words are already lower case: no second entry for them.
  const int folded_id = scratch_ == Text(id) ? id : Intern(scratch_);
  folded_[static_cast<std::size_t>(id)] = folded_id;  // Intern may grow folded_
  return folded_id;
}

namespace {

// Tokens of `text`; `composable` tells whether NFC might change it (then
// the caller normalises and tokenizes again, which is rare for news text
// and cheaper than checking every text up front).
std::vector<Token> TokensOf(std::string_view text, Vocabulary& vocabulary, bool& composable,
                            std::vector<std::pair<std::uint32_t, std::uint32_t>>& long_tokens) {
  long_tokens.clear();
  // Collected in a buffer reused across paragraphs, then copied at their
  // exact size: a long comparison holds every paragraph's tokens at once.
  thread_local std::vector<Token> buffer;
  buffer.clear();
  Scanner s(text);
  bool space_before = false;
  int quote_key = -1;
  while (!s.AtEnd()) {
    const std::uint8_t c = s.Class();
    if (c & kSpace) {
      space_before = true;
      s.Advance();
      continue;
    }
    const std::size_t start = s.pos();
    TokenKind kind = TokenKind::kPunct;
    bool own_key = false;  // known to be its own key (else IsOwnKey tells)
    if (c & kDigit) {
      ScanNumber(s);
      kind = TokenKind::kNumber;
      // A number glued to letters is a word: "5G", "7-й", "21st".
      if ((s.Class() & kLetter) || ((s.Class() & kHyphen) && (s.NextClass() & kLetter))) {
        ScanWord(s);
        kind = TokenKind::kWord;
      }
    } else if (c & kLetter) {
      own_key = ScanWord(s);
      kind = TokenKind::kWord;
    } else {
      kind = (c & kQuoteMark) ? TokenKind::kQuote : TokenKind::kPunct;
      s.Advance();
    }
    const std::string_view piece = s.Since(start);
    // Every quotation mark compares equal: quote style is presentation.
    int key;
    if (kind == TokenKind::kQuote) {
      if (quote_key < 0) quote_key = vocabulary.Intern("\"");
      key = quote_key;
    } else {
      key = own_key || IsOwnKey(piece) ? vocabulary.Intern(piece)
                                       : vocabulary.Intern(MakeKey(piece));
    }
    Token token;
    token.offset = static_cast<std::uint32_t>(start);
    if (piece.size() < Token::kLongToken) {
      token.length = static_cast<std::uint16_t>(piece.size());
    } else {
      token.length = Token::kLongToken;
      long_tokens.emplace_back(token.offset, static_cast<std::uint32_t>(piece.size()));
    }
    token.key = key;
    vocabulary.Folded(key);  // computed now: FoldedOf reads it later
    token.kind = kind;
    token.space_before = space_before;
    buffer.push_back(token);
    space_before = false;
  }
  composable = s.SawComposable();
  return {buffer.begin(), buffer.end()};
}

}  // namespace

std::uint32_t TokenizedText::LongLength(std::uint32_t offset) const {
  const auto it = std::lower_bound(
      long_tokens_.begin(), long_tokens_.end(), offset,
      [](const std::pair<std::uint32_t, std::uint32_t>& t, std::uint32_t o) { return t.first < o; });
  return it->second;
}

void TokenizedText::Rehome(const Vocabulary& target, const std::vector<int>& ids) {
  for (Token& token : tokens) {
    token.key = ids[static_cast<std::size_t>(token.key)];
  }
  vocabulary_ = &target;
}

TokenizedText Tokenize(std::string_view raw, Vocabulary& vocabulary) {
  TokenizedText out;
  out.borrowed_ = raw;
  out.vocabulary_ = &vocabulary;
  bool composable = false;
  out.tokens = TokensOf(raw, vocabulary, composable, out.long_tokens_);
  if (composable) {
    std::string nfc = ToNfc(raw);
    if (nfc != raw) {
      out.normalized_ = std::move(nfc);
      out.tokens = TokensOf(out.normalized_, vocabulary, composable, out.long_tokens_);
    }
  }
  return out;
}

TokenizedText JoinParagraphs(const TokenizedText& first, int pilcrow_key,
                             const TokenizedText& second) {
  static constexpr std::string_view kPilcrow = " \u00b6 ";
  TokenizedText out;
  out.vocabulary_ = first.vocabulary_;
  out.normalized_.reserve(first.Source().size() + kPilcrow.size() + second.Source().size());
  out.normalized_.append(first.Source()).append(kPilcrow).append(second.Source());
  out.tokens.reserve(first.tokens.size() + 1 + second.tokens.size());
  out.tokens.insert(out.tokens.end(), first.tokens.begin(), first.tokens.end());
  out.long_tokens_ = first.long_tokens_;
  Token pilcrow;
  pilcrow.offset = static_cast<std::uint32_t>(first.Source().size() + 1);
  pilcrow.key = pilcrow_key;
  pilcrow.length = static_cast<std::uint16_t>(kPilcrow.size() - 2);
  pilcrow.kind = TokenKind::kPunct;
  pilcrow.space_before = true;
  out.tokens.push_back(pilcrow);
  const auto shift = static_cast<std::uint32_t>(first.Source().size() + kPilcrow.size());
  for (Token token : second.tokens) {
    token.offset += shift;
    out.tokens.push_back(token);
  }
  if (!second.tokens.empty()) out.tokens[first.tokens.size() + 1].space_before = true;
  for (const auto& [offset, length] : second.long_tokens_) {
    out.long_tokens_.emplace_back(offset + shift, length);
  }
  return out;
}

std::vector<std::string_view> TokenizedText::FoldedWords() const {
  std::vector<std::string_view> words;
  words.reserve(tokens.size());
  for (const Token& token : tokens) {
    words.push_back(vocabulary_->Text(vocabulary_->FoldedOf(token.key)));
  }
  return words;
}

}  // namespace revwatch
