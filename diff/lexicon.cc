#include "diff/lexicon.h"

#include "diff/tokenizer.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <string>

namespace revwatch {
namespace {

// Starts the key under which an entry of a list other than [number-word]
// keeps its value ("kilomet* = km" of [unit]), followed by the list's
// number, so that no word looked up as a number word ever finds it.
constexpr char kListValueMark = '\x01';

// The values of these lists are kept under ListValueKey; [number-word]'s
// under the entry's words.
bool KeepsValuesApart(std::size_t list) {
  return list == static_cast<std::size_t>(LexiconList::kUnit) ||
         list == static_cast<std::size_t>(LexiconList::kAntonym) ||
         list == static_cast<std::size_t>(LexiconList::kSource) ||
         list == static_cast<std::size_t>(LexiconList::kMonth) ||
         list == static_cast<std::size_t>(LexiconList::kWeekday) ||
         list == static_cast<std::size_t>(LexiconList::kDayPart);
}

std::string ListValueKey(std::size_t list, std::string_view entry) {
  std::string key(1, kListValueMark);
  key += static_cast<char>('A' + list);
  key += entry;
  return key;
}

struct SectionName {
  std::string_view name;
  LexiconList list;
};

constexpr SectionName kSections[] = {
    {"denial", LexiconList::kDenial},
    {"denial-verb", LexiconList::kDenialVerb},
    {"claim", LexiconList::kClaim},
    {"negation", LexiconList::kNegation},
    {"negative-verb", LexiconList::kNegativeVerb},
    {"correction", LexiconList::kCorrection},
    {"attribution", LexiconList::kAttribution},
    {"attribution-verb", LexiconList::kAttributionVerb},
    {"boilerplate-lead", LexiconList::kBoilerplateLead},
    {"boilerplate", LexiconList::kBoilerplate},
    {"number-word", LexiconList::kNumberWord},
    {"magnitude", LexiconList::kMagnitude},
    {"month", LexiconList::kMonth},
    {"weekday", LexiconList::kWeekday},
    {"function-word", LexiconList::kFunctionWord},
    {"institution", LexiconList::kInstitution},
    {"denial-exception", LexiconList::kDenialException},
    {"source", LexiconList::kSource},
    {"negation-exception", LexiconList::kNegationException},
    {"unit", LexiconList::kUnit},
    {"pronoun", LexiconList::kPronoun},
    {"antonym", LexiconList::kAntonym},
    {"region", LexiconList::kRegion},
    {"patronymic", LexiconList::kPatronymic},
    {"negative-prefix", LexiconList::kNegativePrefix},
    {"speaks-for", LexiconList::kSpeaksFor},
    {"auxiliary", LexiconList::kAuxiliary},
    {"range", LexiconList::kRangeWord},
    {"not-source", LexiconList::kNotSource},
    {"day-part", LexiconList::kDayPart},
    {"privative", LexiconList::kPrivative},
    {"source-lead", LexiconList::kSourceLead},
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IsAsciiPunct(char c) {
  return c == ':' || c == ',' || c == '.' || c == ';' || c == '!' || c == '?';
}

// Case-folds one word of an entry the way the tokenizer folds text:
// lower case, apostrophe styles as "'". Entries are short plain words, so
// this stays far cheaper than running the tokenizer on each entry.
void FoldEntryWord(std::string_view piece, std::string& word) {
  FoldCaseInto(piece, word);
  for (const std::string_view apostrophe : {"\u2019", "\u02bc", "\u2018"}) {
    for (std::size_t at; (at = word.find(apostrophe)) != std::string::npos;) {
      word.replace(at, apostrophe.size(), "'");
    }
  }
}

// The first UTF-8 character of a word.
std::string_view Initial(std::string_view word) {
  return FirstCharacters(word, 1);
}

// The last UTF-8 character of a word.
std::string_view Final(std::string_view word) {
  std::size_t start = word.size();
  while (start > 0) {
    --start;
    if ((static_cast<unsigned char>(word[start]) & 0xC0) != 0x80) break;
  }
  return word.substr(start);
}

std::uint32_t Bit(std::size_t list) { return std::uint32_t{1} << list; }

// A month's figure, whatever language or case names it.
constexpr std::string_view kMonthNames[] = {"january", "february", "march",     "april",
                                            "may",     "june",     "july",      "august",
                                            "september", "october", "november", "december"};

}  // namespace

Lexicon::Lexicon(const LexiconSnapshot& snapshot)
    : words_(snapshot.words),
      pattern_words_(snapshot.pattern_words.begin(), snapshot.pattern_words.end()),
      exact_head_(snapshot.exact_head.begin(), snapshot.exact_head.end()),
      exact_mask_(snapshot.exact_mask.begin(), snapshot.exact_mask.end()),
      wildcard_keys_(snapshot.wildcard_keys),
      wildcard_head_(snapshot.wildcard_head.begin(), snapshot.wildcard_head.end()),
      wildcard_mask_(snapshot.wildcard_mask.begin(), snapshot.wildcard_mask.end()),
      number_keys_(snapshot.number_keys) {
  // Filled by index (no capacity check per pattern): every comparison
  // loads the ~2,100 built-in patterns.
  patterns_.resize(snapshot.patterns.size() / 3);
  const std::uint32_t* packed = snapshot.patterns.data();
  for (Pattern& pattern : patterns_) {
    const std::uint32_t shape = packed[1];
    pattern = {packed[0], static_cast<std::uint16_t>(shape & 0xFFFF),
               static_cast<std::uint8_t>(shape >> 16), static_cast<std::int32_t>(packed[2])};
    packed += 3;
  }
  number_values_.reserve(snapshot.number_value_ends.size());
  std::uint32_t begin = 0;
  for (const std::uint32_t end : snapshot.number_value_ends) {
    number_values_.emplace_back(snapshot.number_value_bytes.substr(begin, end - begin));
    begin = end;
  }
  // Frozen too: indexing the sources costs more than loading the rest.
  sources_.reserve(snapshot.sources.size() / 2);
  for (std::size_t i = 0; i + 1 < snapshot.sources.size(); i += 2) {
    sources_.emplace_back(snapshot.sources[i], snapshot.sources[i + 1]);
  }
}

Status Lexicon::Add(std::string_view text, std::string_view source) {
  std::size_t list_index = kLexiconListCount;  // none yet
  int line_number = 0;
  // Built only when there is something to report.
  auto where = [&] { return std::string(source) + ":" + std::to_string(line_number); };
  std::string word;             // reused for every entry word
  std::vector<int> word_ids;    // one entry's words
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      list_index = kLexiconListCount;
      if (line.size() > 2 && line.back() == ']') {
        const std::string_view name = line.substr(1, line.size() - 2);
        for (const SectionName& section : kSections) {
          if (name == section.name) list_index = static_cast<std::size_t>(section.list);
        }
      }
      if (list_index == kLexiconListCount) {
        return MakeError(ErrorCode::kConfig, where() + ": unknown section " + std::string(line));
      }
      continue;
    }
    if (list_index == kLexiconListCount) {
      return MakeError(ErrorCode::kConfig, where() + ": entry before any [section]");
    }
    std::string_view entry = line;
    std::string_view value;
    if (const std::size_t eq = line.find('=');
        (list_index == static_cast<std::size_t>(LexiconList::kNumberWord) ||
         KeepsValuesApart(list_index)) &&
        eq != std::string_view::npos) {
      entry = Trim(line.substr(0, eq));
      value = Trim(line.substr(eq + 1));
    }
    // Words split at spaces; a trailing ':' or other ASCII mark is a word
    // of its own (as the tokenizer makes it); '*' stays on its word. (A
    // mark alone is a word too: ", пока не".)
    word_ids.clear();
    for (std::size_t start = 0; start < entry.size();) {
      std::size_t stop = entry.find(' ', start);
      if (stop == std::string_view::npos) stop = entry.size();
      std::string_view piece = entry.substr(start, stop - start);
      start = stop + 1;
      std::size_t marks = 0;
      while (marks < piece.size() && IsAsciiPunct(piece[piece.size() - 1 - marks])) ++marks;
      const std::string_view punct = piece.substr(piece.size() - marks);
      piece.remove_suffix(marks);
      if (!piece.empty()) {
        FoldEntryWord(piece, word);
        word_ids.push_back(words_.Intern(word));
      }
      for (const char c : punct) word_ids.push_back(words_.Intern(std::string_view(&c, 1)));
    }
    if (word_ids.empty()) {
      return MakeError(ErrorCode::kConfig, where() + ": entry has no words");
    }
    if (list_index == static_cast<std::size_t>(LexiconList::kUnit) &&
        (value.empty() || word_ids.size() != 1)) {
      return MakeError(ErrorCode::kConfig,
                       where() + ": a [unit] entry is one word and its symbol: \"km = km\"");
    }
    if (list_index == static_cast<std::size_t>(LexiconList::kAntonym) &&
        (value.empty() || word_ids.size() != 1)) {
      return MakeError(ErrorCode::kConfig, where() +
                                               ": an [antonym] entry is one word and its "
                                               "opposites: \"lose* = keep* retain*\"");
    }
    AddPattern(list_index, word_ids, value);
  }
  IndexSources();
  return {};
}

void Lexicon::IndexSources() {
  sources_.clear();
  for (std::size_t entry = 0; entry < patterns_.size(); ++entry) {
    const Pattern& pattern = patterns_[entry];
    if (pattern.list == static_cast<std::uint8_t>(LexiconList::kSource) && pattern.size == 1) {
      sources_.emplace_back(static_cast<int>(entry), SameSourceAs(static_cast<int>(entry)));
    }
  }
}

void Lexicon::AddPattern(std::size_t list, std::span<const int> word_ids,
                         std::string_view value) {
  const auto index = static_cast<std::int32_t>(patterns_.size());
  Pattern pattern{static_cast<std::uint32_t>(pattern_words_.size()),
                  static_cast<std::uint16_t>(word_ids.size()), static_cast<std::uint8_t>(list)};
  pattern_words_.insert(pattern_words_.end(), word_ids.begin(), word_ids.end());
  const std::string_view first = words_.Text(word_ids.front());
  if (first.size() > 1 && (first.front() == '*' || first.back() == '*')) {
    // "*ся" is found by its last character, "deni*" by its first.
    std::string key = first.front() == '*' ? ">" : "<";
    key += first.front() == '*' ? Final(first) : Initial(first);
    const auto chain = static_cast<std::size_t>(wildcard_keys_.Intern(key));
    if (chain >= wildcard_head_.size()) {
      wildcard_head_.resize(chain + 1, -1);
      wildcard_mask_.resize(chain + 1, 0);
    }
    pattern.next = wildcard_head_[chain];
    wildcard_head_[chain] = index;
    wildcard_mask_[chain] |= Bit(list);
  } else {
    const auto id = static_cast<std::size_t>(word_ids.front());
    if (id >= exact_head_.size()) {
      exact_head_.resize(words_.size(), -1);
      exact_mask_.resize(words_.size(), 0);
    }
    pattern.next = exact_head_[id];
    exact_head_[id] = index;
    exact_mask_[id] |= Bit(list);
  }
  patterns_.push_back(pattern);
  if (!value.empty()) {
    // Several words are looked up joined by spaces: "per cent".
    std::string key(words_.Text(word_ids.front()));
    for (std::size_t w = 1; w < word_ids.size(); ++w) {
      key += ' ';
      key += words_.Text(word_ids[w]);
    }
    if (KeepsValuesApart(list)) key = ListValueKey(list, key);
    const auto id = static_cast<std::size_t>(number_keys_.Intern(key));
    if (id >= number_values_.size()) number_values_.resize(id + 1);
    number_values_[id] = std::string(value);
  }
}

bool Lexicon::WordMatches(std::string_view pattern, std::string_view word) {
  if (pattern == "*") return true;  // any one word, inside a phrase
  if (pattern.size() > 1 && pattern.back() == '*') {
    return word.size() >= pattern.size() - 1 &&
           word.starts_with(pattern.substr(0, pattern.size() - 1));
  }
  if (pattern.size() > 1 && pattern.front() == '*') {
    return word.size() > pattern.size() - 1 && word.ends_with(pattern.substr(1));
  }
  return pattern == word;
}

bool Lexicon::PatternMatches(const Pattern& pattern, std::span<const std::string_view> words,
                             std::size_t pos) const {
  if (pos + pattern.size > words.size()) return false;
  for (std::size_t i = 0; i < pattern.size; ++i) {
    const int id = pattern_words_[pattern.first_word + i];
    if (!WordMatches(words_.Text(id), words[pos + i])) return false;
  }
  return true;
}

int Lexicon::WildcardChain(char side, std::string_view character) const {
  char key[8];
  if (character.empty() || character.size() > sizeof key - 1) return -1;
  key[0] = side;
  character.copy(key + 1, character.size());
  return wildcard_keys_.Find(std::string_view(key, character.size() + 1));
}

std::uint32_t Lexicon::StartMask(std::string_view word) const {
  std::uint32_t multi_word = 0;
  return StartMask(word, multi_word);
}

std::uint32_t Lexicon::StartMask(std::string_view word, std::uint32_t& multi_word) const {
  std::uint32_t mask = 0;
  multi_word = 0;
  if (const int id = words_.Find(word);
      id >= 0 && static_cast<std::size_t>(id) < exact_mask_.size()) {
    mask = exact_mask_[static_cast<std::size_t>(id)];
    for (std::int32_t p = exact_head_[static_cast<std::size_t>(id)]; p >= 0;
         p = patterns_[static_cast<std::size_t>(p)].next) {
      const Pattern& pattern = patterns_[static_cast<std::size_t>(p)];
      if (pattern.size > 1) multi_word |= Bit(pattern.list);
    }
  }
  if (word.empty()) return mask;
  for (const int chain : {WildcardChain('<', Initial(word)), WildcardChain('>', Final(word))}) {
    if (chain < 0) continue;
    for (std::int32_t p = wildcard_head_[static_cast<std::size_t>(chain)]; p >= 0;
         p = patterns_[static_cast<std::size_t>(p)].next) {
      const Pattern& pattern = patterns_[static_cast<std::size_t>(p)];
      const bool known = (mask & Bit(pattern.list)) != 0 &&
                         (pattern.size == 1 || (multi_word & Bit(pattern.list)) != 0);
      if (known || !WordMatches(words_.Text(pattern_words_[pattern.first_word]), word)) continue;
      mask |= Bit(pattern.list);
      if (pattern.size > 1) multi_word |= Bit(pattern.list);
    }
  }
  return mask;
}

std::pair<std::size_t, int> Lexicon::Longest(LexiconList list_id,
                                             std::span<const std::string_view> words,
                                             std::size_t pos) const {
  if (pos >= words.size()) return {0, -1};
  const auto list = static_cast<std::uint8_t>(list_id);
  std::size_t best = 0;
  int best_index = -1;
  // Of entries as long, the one written out furthest: "мэри*" before
  // "мэр*" for "мэрии".
  auto letters = [&](std::int32_t p) {
    const Pattern& pattern = patterns_[static_cast<std::size_t>(p)];
    std::size_t total = 0;
    for (std::size_t i = 0; i < pattern.size; ++i) {
      total += words_.Text(pattern_words_[pattern.first_word + i]).size();
    }
    return total;
  };
  std::size_t best_letters = 0;  // letters(best_index), once asked
  auto walk = [&](std::int32_t p) {
    for (; p >= 0; p = patterns_[static_cast<std::size_t>(p)].next) {
      const Pattern& pattern = patterns_[static_cast<std::size_t>(p)];
      if (pattern.list != list || pattern.size < best) continue;
      if (pattern.size == best) {
        if (best_letters == 0) best_letters = letters(best_index);
        if (letters(p) <= best_letters) continue;
      }
      if (PatternMatches(pattern, words, pos)) {
        best = pattern.size;
        best_index = p;
        best_letters = 0;
      }
    }
  };
  const std::string_view word = words[pos];
  if (const int id = words_.Find(word);
      id >= 0 && static_cast<std::size_t>(id) < exact_head_.size()) {
    walk(exact_head_[static_cast<std::size_t>(id)]);
  }
  if (!word.empty()) {
    for (const int chain : {WildcardChain('<', Initial(word)), WildcardChain('>', Final(word))}) {
      if (chain >= 0 && (wildcard_mask_[static_cast<std::size_t>(chain)] & Bit(list)) != 0) {
        walk(wildcard_head_[static_cast<std::size_t>(chain)]);
      }
    }
  }
  return {best, best_index};
}

std::size_t Lexicon::MatchAt(LexiconList list, std::span<const std::string_view> words,
                             std::size_t pos) const {
  return Longest(list, words, pos).first;
}

int Lexicon::MatchedEntry(LexiconList list, std::span<const std::string_view> words,
                          std::size_t pos) const {
  return Longest(list, words, pos).second;
}

bool Lexicon::Contains(LexiconList list, std::span<const std::string_view> words) const {
  for (std::size_t pos = 0; pos < words.size(); ++pos) {
    if (MatchAt(list, words, pos) > 0) return true;
  }
  return false;
}

std::optional<std::string> Lexicon::NumberValue(std::string_view word) const {
  const int id = number_keys_.Find(word);
  if (id < 0) return std::nullopt;
  return number_values_[static_cast<std::size_t>(id)];
}

std::optional<std::string_view> Lexicon::EntryValue(LexiconList list,
                                                    std::string_view word) const {
  const std::span<const std::string_view> one(&word, 1);
  const auto [length, entry] = Longest(list, one, 0);
  if (length != 1) return std::nullopt;
  return ValueOf(list, entry);
}

std::optional<std::string_view> Lexicon::ValueOf(LexiconList list, int entry) const {
  // Kept under the entry as written ("kilomet*"), not a word it matched.
  const Pattern& pattern = patterns_[static_cast<std::size_t>(entry)];
  const int id = number_keys_.Find(ListValueKey(
      static_cast<std::size_t>(list),
      words_.Text(pattern_words_[static_cast<std::size_t>(pattern.first_word)])));
  if (id < 0) return std::nullopt;
  return number_values_[static_cast<std::size_t>(id)];
}

int Lexicon::SameSourceAs(int entry) const {
  if (entry < 0) return entry;
  const auto value = ValueOf(LexiconList::kSource, entry);
  if (!value) return entry;
  const std::span<const std::string_view> one(&*value, 1);
  const int same = Longest(LexiconList::kSource, one, 0).second;
  return same >= 0 ? same : entry;
}

std::vector<std::string_view> Lexicon::SameSourceStems(std::string_view word) const {
  std::vector<std::string_view> stems;
  const std::span<const std::string_view> one(&word, 1);
  const int own = Longest(LexiconList::kSource, one, 0).second;
  if (own < 0) return stems;
  const int same = SameSourceAs(own);
  auto stem = [this](const Pattern& pattern) {
    std::string_view text = words_.Text(pattern_words_[pattern.first_word]);
    if (text.ends_with('*')) text.remove_suffix(1);
    return text;
  };
  stems.push_back(stem(patterns_[static_cast<std::size_t>(own)]));
  for (const auto& [entry, group] : sources_) {
    if (entry != own && group == same) {
      stems.push_back(stem(patterns_[static_cast<std::size_t>(entry)]));
    }
  }
  return stems;
}

bool Lexicon::AreOpposites(std::string_view word, std::string_view other) const {
  const auto opposites = EntryValue(LexiconList::kAntonym, word);
  if (!opposites) return false;
  for (std::size_t start = 0; start < opposites->size();) {
    std::size_t stop = opposites->find(' ', start);
    if (stop == std::string_view::npos) stop = opposites->size();
    const std::string_view pattern = opposites->substr(start, stop - start);
    if (!pattern.empty() && WordMatches(pattern, other)) return true;
    start = stop + 1;
  }
  return false;
}

const WordLookup::Traits& WordLookup::Of(int id, std::string_view word) {
  const auto index = static_cast<std::size_t>(id);
  if (index >= memo_.size()) memo_.resize(index + 1);
  if (memo_[index]) return *memo_[index];
  Traits traits;
  const std::span<const std::string_view> one(&word, 1);
  // Most words start no entry at all: one lookup settles them.
  const std::uint32_t mask = StartMask(id, word);
  auto listed = [&](LexiconList list) {
    return (mask & (std::uint32_t{1} << static_cast<unsigned>(list))) != 0 &&
           lexicon_.MatchAt(list, one, 0) == 1;
  };
  if (auto value = lexicon_.NumberValue(word)) {
    traits.figure = *value;
  } else {
    for (LexiconList list : {LexiconList::kNumberWord, LexiconList::kMagnitude,
                             LexiconList::kMonth, LexiconList::kWeekday}) {
      if (listed(list)) traits.figure = std::string(word);
    }
  }
  // A month or a day in any case or language is the same figure: "червня"
  // and "червень" are "june" (English never inflects them).
  auto read_date = [&](std::string_view w, bool month, bool weekday) {
    if (month) {
      if (const auto value = lexicon_.EntryValue(LexiconList::kMonth, w)) {
        std::from_chars(value->data(), value->data() + value->size(), traits.month);
      }
      if (traits.month >= 1 && traits.month <= 12) {
        traits.figure = std::string(kMonthNames[static_cast<std::size_t>(traits.month - 1)]);
      }
    } else if (weekday) {
      if (const auto day = lexicon_.EntryValue(LexiconList::kWeekday, w)) {
        traits.figure = std::string(*day);
      }
    }
  };
  read_date(word, listed(LexiconList::kMonth), listed(LexiconList::kWeekday));
  traits.function_word = listed(LexiconList::kFunctionWord);
  // "next October's elections": a month's or weekday's possessive is that
  // month or day.
  if (!traits.figure && word.size() > 2 && word.ends_with("'s")) {
    const std::string_view base = word.substr(0, word.size() - 2);
    const std::span<const std::string_view> base_word(&base, 1);
    const bool month = lexicon_.MatchAt(LexiconList::kMonth, base_word, 0) == 1;
    const bool weekday = !month && lexicon_.MatchAt(LexiconList::kWeekday, base_word, 0) == 1;
    if (month || weekday) {
      traits.figure = std::string(base);
      read_date(base, month, weekday);
    }
  }
  memo_[index] = std::move(traits);
  return *memo_[index];
}

int WordLookup::SingleWordEntry(LexiconList list, int id,
                                std::span<const std::string_view> words, std::size_t pos) {
  std::vector<int>& entries = entries_[static_cast<std::size_t>(list)];
  const auto index = static_cast<std::size_t>(id);
  if (index >= entries.size()) entries.resize(index + 1, kUnknownEntry);
  if (entries[index] == kUnknownEntry) entries[index] = lexicon_.MatchedEntry(list, words, pos);
  return entries[index];
}

std::uint32_t WordLookup::ComputeStartMask(int id, std::string_view word) {
  const auto index = static_cast<std::size_t>(id);
  if (index >= masks_.size()) masks_.resize(index + 1);
  Masks& masks = masks_[index];
  masks.starts = lexicon_.StartMask(word, masks.multi_word);
  return masks.starts;
}

bool WordLookup::IsPlainNumber(std::string_view value) {
  if (value.empty()) return false;
  std::size_t points = 0;
  for (const char c : value) {
    if (c == '.') {
      ++points;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return points <= 1;
}

}  // namespace revwatch
