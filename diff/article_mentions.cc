#include "diff/article_mentions.h"

#include <utf8proc.h>

#include <cstring>

#include "diff/tokenizer.h"

namespace revwatch {
namespace {

// How much of the article is searched: all of any news article (rarely
// over 20 KiB), and a bounded cost per question on a book-length text,
// where a rule may ask hundreds of them.
constexpr std::size_t kSearchBytes = 64 * 1024;
// How far before a name its title may start, in bytes (six or so words;
// Cyrillic letters take two bytes: "міністр стратегічних галузей
// промисловості Петро Гордієнко").
constexpr std::size_t kTitleWindow = 128;
// How far after a title the name it belongs to may start, in bytes (two
// or three words; Cyrillic letters take two bytes: "речник прикордонної
// служби Олексій").
constexpr std::size_t kNameWindow = 64;
// How far after a name the apposition that gives its title may end, in
// bytes: ", the museum's director", ", директор обласного музею".
constexpr std::size_t kAppositionWindow = 64;

// text.find(needle, from). std::string_view::find scans for the needle's
// first byte and compares from each hit: in Cyrillic text, where every
// letter starts with byte D0 or D1, that is a compare per letter, and
// these searches read the whole article. A needle that starts with a
// multi-byte character is scanned for by its first byte that starts
// none (for a Cyrillic name, its capital's second byte: one of 64).
std::size_t FindByInnerByte(std::string_view text, std::string_view needle, std::size_t from) {
  const std::size_t n = needle.size();
  std::size_t k = 0;  // the byte scanned for
  while (k + 1 < n && static_cast<unsigned char>(needle[k]) >= 0xC0) ++k;
  if (from > text.size() || text.size() - from < n) return std::string_view::npos;
  const char* begin = text.data();
  const char* last_start = begin + (text.size() - n);
  for (const char* start = begin + from; start <= last_start; ++start) {
    const char* hit = static_cast<const char*>(
        std::memchr(start + k, needle[k], static_cast<std::size_t>(last_start - start) + 1));
    if (hit == nullptr) break;
    start = hit - k;
    if (std::memcmp(start, needle.data(), n) == 0) return static_cast<std::size_t>(start - begin);
  }
  return std::string_view::npos;
}

inline std::size_t Find(std::string_view text, std::string_view needle, std::size_t from = 0) {
  if (needle.empty() || static_cast<unsigned char>(needle[0]) < 0xC0) {
    return text.find(needle, from);
  }
  return FindByInnerByte(text, needle, from);
}


// `word` with its first letter upper-cased ("міністр" -> "Міністр").
std::string Capitalised(std::string_view word) {
  utf8proc_int32_t first = 0;
  const utf8proc_ssize_t length =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                       static_cast<utf8proc_ssize_t>(word.size()), &first);
  if (length <= 0) return std::string(word);
  utf8proc_uint8_t upper[4];
  const utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_toupper(first), upper);
  return std::string(reinterpret_cast<const char*>(upper), static_cast<std::size_t>(written)) +
         std::string(word.substr(static_cast<std::size_t>(length)));
}

// Whether the character that ends just before `at` is a letter.
bool LetterBefore(std::string_view text, std::size_t at) {
  if (at == 0) return false;
  std::size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  utf8proc_int32_t c = 0;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + start),
                   static_cast<utf8proc_ssize_t>(at - start), &c);
  const utf8proc_category_t category = utf8proc_category(c);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

// Whether the character that starts at `at` is a letter.
bool LetterAt(std::string_view text, std::size_t at) {
  utf8proc_int32_t c = 0;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                       static_cast<utf8proc_ssize_t>(text.size() - at), &c) <= 0) {
    return false;
  }
  const utf8proc_category_t category = utf8proc_category(c);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

// Whether `text` is spaces and capitalised words only (" Ines ").
bool NamesOnly(std::string_view text) {
  bool word_start = true;
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] == ' ') {
      word_start = true;
      ++at;
      continue;
    }
    utf8proc_int32_t code = 0;
    const utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                         static_cast<utf8proc_ssize_t>(text.size() - at), &code);
    if (length <= 0 || (word_start && !utf8proc_isupper(code)) ||
        (!word_start && !LetterAt(text, at))) {
      return false;
    }
    word_start = false;
    at += static_cast<std::size_t>(length);
  }
  return true;
}

// Whether a capitalised word starts in `text` before any clause ends.
bool NameFollows(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const char c = text[at];
    if (c == '.' || c == ',' || c == ';' || c == '!' || c == '?') return false;
    utf8proc_int32_t code = 0;
    const utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                         static_cast<utf8proc_ssize_t>(text.size() - at), &code);
    if (length <= 0) return false;
    if (utf8proc_isupper(code) && !LetterBefore(text, at)) return true;
    at += static_cast<std::size_t>(length);
  }
  return false;
}

// Whether `text` holds a word that is `stem` and at most kMaxEnding more
// letters ("Коваленк" in "Коваленком", not "Voss" in "Vossberg").
constexpr std::size_t kMaxEnding = 3;

bool HasWordOfStem(std::string_view text, std::string_view stem) {
  for (std::size_t at = Find(text, stem); at != std::string_view::npos;
       at = Find(text, stem, at + 1)) {
    if (LetterBefore(text, at)) continue;
    std::size_t end = at + stem.size();
    std::size_t letters = 0;
    while (end < text.size() && LetterAt(text, end) && letters <= kMaxEnding) {
      ++letters;
      ++end;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
    if (letters <= kMaxEnding) return true;
  }
  return false;
}

// Whether a word starting with `title_stem` (or `capital`) opens the
// apposition right after a name, or follows its article and at most two
// words: "Dr Helen Ashby, the museum's director, said", "Олег Петренко,
// директор музею". `after` is the text from the end of the name's stem.
bool TitleInApposition(std::string_view after, std::string_view title_stem,
                       std::string_view capital) {
  std::size_t at = 0;
  while (at < after.size() && LetterAt(after, at)) {  // the name's ending
    ++at;
    while (at < after.size() && (static_cast<unsigned char>(after[at]) & 0xC0) == 0x80) ++at;
  }
  if (!after.substr(at).starts_with(", ")) return false;
  at += 2;
  constexpr int kMaxWords = 4;  // "the", two words, the title
  for (int word = 0; word < kMaxWords && at < after.size(); ++word) {
    const std::string_view rest = after.substr(at);
    if (rest.starts_with(title_stem) || rest.starts_with(capital)) return true;
    if (word == 0 && !rest.starts_with("the ") && !rest.starts_with("a ") &&
        !rest.starts_with("an ")) {
      return false;
    }
    const std::size_t space = rest.find(' ');
    const std::size_t stop = rest.find_first_of(",.;:!?()\"");
    if (space == std::string_view::npos || stop < space) return false;
    at += space + 1;
  }
  return false;
}

}  // namespace

std::string_view MentionStem(std::string_view word) {
  const std::size_t letters = CharacterCount(word);
  const std::size_t cut = letters > 4 ? std::min<std::size_t>(2, letters - 4) : 0;
  return FirstCharacters(word, letters - cut);
}

template <typename Visit>
bool ArticleMentions::AnyText(Visit visit) const {
  if (visit(std::string_view(old_.title))) return true;
  std::size_t read = 0;
  for (const std::string& paragraph : old_.paragraphs) {
    if (read >= kSearchBytes) break;
    const std::string_view text(paragraph);
    if (visit(text.substr(0, kSearchBytes - read))) return true;
    read += text.size();
  }
  return false;
}

bool ArticleMentions::Mentions(std::string_view stem) const {
  if (stem.empty()) return false;
  const std::string capital = Capitalised(stem);
  return AnyText([&](std::string_view text) {
    return HasWordOfStem(text, stem) || HasWordOfStem(text, capital);
  });
}

bool ArticleMentions::InLead(std::string_view stem) const {
  if (stem.empty()) return false;
  const std::string capital = Capitalised(stem);
  return HasWordOfStem(old_.title, capital) ||
         (!old_.paragraphs.empty() && HasWordOfStem(old_.paragraphs.front(), capital));
}

bool ArticleMentions::MentionsInLowerCase(std::string_view stem) const {
  if (stem.empty()) return false;
  return AnyText([&](std::string_view text) { return HasWordOfStem(text, stem); });
}

bool ArticleMentions::WritesInLowerCase(std::string_view word) const {
  if (word.empty()) return false;
  // (Keyed apart from the other questions' by a byte no word has.)
  return Remembered("\x01" + std::string(word), [&] { return FindLowerCase(word); });
}

bool ArticleMentions::FindLowerCase(std::string_view word) const {
  return AnyText([&](std::string_view text) {
    for (std::size_t at = Find(text, word); at != std::string_view::npos;
         at = Find(text, word, at + 1)) {
      const std::size_t end = at + word.size();
      if (!LetterBefore(text, at) && (end == text.size() || !LetterAt(text, end))) {
        return true;
      }
    }
    return false;
  });
}

bool ArticleMentions::Titled(std::string_view name_stem, std::string_view title_stem) const {
  if (name_stem.empty() || title_stem.empty()) return false;
  std::string key(name_stem);
  key += '\0';
  key += title_stem;
  return Remembered(std::move(key), [&] { return FindTitled(name_stem, title_stem); });
}

bool ArticleMentions::FindTitled(std::string_view name_stem, std::string_view title_stem) const {
  const std::string capital = Capitalised(title_stem);
  const std::string capital_name = Capitalised(name_stem);
  return AnyText([&](std::string_view text) {
    for (const std::string_view name : {name_stem, std::string_view(capital_name)}) {
      for (std::size_t at = Find(text, name); at != std::string_view::npos;
           at = Find(text, name, at + 1)) {
        const std::string_view after = text.substr(at + name.size(), kAppositionWindow);
        if (TitleInApposition(after, title_stem, capital)) return true;
        const std::size_t from = at > kTitleWindow ? at - kTitleWindow : 0;
        for (const std::string_view title : {title_stem, std::string_view(capital)}) {
          // Word starts are judged on the whole text: the window may begin
          // inside a word, or inside a character.
          for (std::size_t t = Find(text, title, from); t != std::string_view::npos && t < at;
               t = Find(text, title, t + 1)) {
            // In the same phrase, or right before a comma and the name
            // ("the prosecutor, Ines Calloway"): "Union and 455 voted
            // against, according to the National Labor Relations Board"
            // titles no board.
            if (LetterBefore(text, t)) continue;
            std::string_view between = text.substr(t, at - t);
            if (const std::size_t comma = between.rfind(',');
                comma != std::string_view::npos && NamesOnly(between.substr(comma + 1))) {
              between = between.substr(0, comma);
            }
            if (between.find_first_of(",.;:()\"") == std::string_view::npos) return true;
          }
        }
      }
      if (capital_name == name_stem) break;
    }
    return false;
  });
}

template <typename Find>
bool ArticleMentions::Remembered(std::string key, Find find) const {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = answers_.find(key); it != answers_.end()) return it->second;
  }
  const bool answer = find();  // unlocked: the other thread may ask meanwhile
  const std::lock_guard<std::mutex> lock(mutex_);
  answers_.emplace(std::move(key), answer);
  return answer;
}

bool ArticleMentions::TitlesSomeone(std::string_view title_stem) const {
  if (title_stem.empty()) return false;
  // (A stem has no NUL byte: the keys of the two questions differ.)
  return Remembered(std::string(title_stem),
                    [&] { return FindTitlesSomeone(title_stem); });
}

bool ArticleMentions::FindTitlesSomeone(std::string_view title_stem) const {
  const std::string capital = Capitalised(title_stem);
  return AnyText([&](std::string_view text) {
    for (const std::string_view stem : {title_stem, std::string_view(capital)}) {
      for (std::size_t at = Find(text, stem); at != std::string_view::npos;
           at = Find(text, stem, at + 1)) {
        if (LetterBefore(text, at)) continue;
        std::size_t end = at + stem.size();  // past the rest of the title word's letters
        while (end < text.size() && (LetterAt(text, end) ||
                                     (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)) {
          ++end;
        }
        if (NameFollows(text.substr(end, kNameWindow))) return true;
      }
    }
    return false;
  });
}

}  // namespace revwatch
