#include "diff/lexicon.h"

#include <stdexcept>

#include "diff/lexicon_data.h"
#include "diff/tokenizer.h"

#include <initializer_list>

namespace revwatch {
namespace {

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

// An entry's words as the classifier sees text: lower-cased, apostrophe
// styles folded, a trailing ':' or other ASCII mark split off as its own word
// (as the tokenizer does), '*' wildcards kept on the word they touch. Entries
// are short plain words, so this stays far cheaper than running the tokenizer
// on each of the ~1,000 entries at every start.
std::vector<std::string> EntryWords(std::string_view entry) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < entry.size()) {
    std::size_t end = entry.find(' ', start);
    if (end == std::string_view::npos) end = entry.size();
    std::string_view piece = entry.substr(start, end - start);
    start = end + 1;
    std::string punct;
    while (!piece.empty() && IsAsciiPunct(piece.back())) {
      punct.insert(punct.begin(), piece.back());
      piece.remove_suffix(1);
    }
    if (piece.empty()) continue;
    std::string word = FoldCase(piece);
    for (const std::string_view apostrophe : {"\u2019", "\u02bc", "\u2018"}) {
      for (std::size_t at; (at = word.find(apostrophe)) != std::string::npos;) {
        word.replace(at, apostrophe.size(), "'");
      }
    }
    words.push_back(std::move(word));
    for (char c : punct) words.emplace_back(1, c);
  }
  return words;
}

// The first UTF-8 character of a word.
std::string_view Initial(std::string_view word) {
  std::size_t n = 1;
  while (n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) ++n;
  return word.substr(0, n);
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

}  // namespace

const Lexicon& Lexicon::BuiltIn() {
  static const Lexicon* lexicon = [] {
    auto* built = new Lexicon;
    for (const auto& [name, text] : BuiltInLexiconFiles()) {
      // The built-in files are tested; a failure here is a build defect.
      if (Status s = built->Add(text, name); !s) throw std::logic_error(s.error().message);
    }
    return built;
  }();
  return *lexicon;
}

Status Lexicon::Add(std::string_view text, std::string_view source) {
  std::size_t list_index = kLexiconListCount;  // none yet
  int line_number = 0;
  // Built only when there is something to report.
  auto where = [&] { return std::string(source) + ":" + std::to_string(line_number); };
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
        list_index == static_cast<std::size_t>(LexiconList::kNumberWord) &&
        eq != std::string_view::npos) {
      entry = Trim(line.substr(0, eq));
      value = Trim(line.substr(eq + 1));
    }
    Pattern pattern{EntryWords(entry)};
    if (pattern.words.empty()) {
      return MakeError(ErrorCode::kConfig, where() + ": entry has no words");
    }
    if (!value.empty()) {
      // Several words are looked up joined by spaces: "per cent".
      std::string key = pattern.words.front();
      for (std::size_t w = 1; w < pattern.words.size(); ++w) key += ' ' + pattern.words[w];
      number_values_[key] = std::string(value);
    }
    List& list = lists_[list_index];
    list.patterns.push_back(std::move(pattern));
    Index(list_index, list.patterns.size() - 1);
  }
  return {};
}

bool Lexicon::WordMatches(const std::string& pattern, std::string_view word) {
  if (pattern.size() > 1 && pattern.back() == '*') {
    return word.size() >= pattern.size() - 1 &&
           word.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  }
  if (pattern.size() > 1 && pattern.front() == '*') {
    const std::size_t n = pattern.size() - 1;
    return word.size() > n && word.compare(word.size() - n, n, pattern, 1, n) == 0;
  }
  return pattern == word;
}

void Lexicon::Index(std::size_t list_index, std::size_t pattern) {
  List& list = lists_[list_index];
  const std::string& first = list.patterns[pattern].words.front();
  const std::uint32_t bit = std::uint32_t{1} << list_index;
  if (first.size() > 1 && first.front() == '*') {
    list.suffix_first.push_back(pattern);
    start_suffix_[std::string(Final(first))].push_back({first, bit});
  } else if (first.size() > 1 && first.back() == '*') {
    list.prefix_by_initial[std::string(Initial(first))].push_back(pattern);
    start_prefix_[std::string(Initial(first))].push_back({first, bit});
  } else {
    list.by_first_word[first].push_back(pattern);
    start_exact_[first] |= bit;
  }
}

std::uint32_t Lexicon::StartMask(std::string_view word) const {
  std::uint32_t mask = 0;
  if (auto it = start_exact_.find(word); it != start_exact_.end()) mask = it->second;
  if (word.empty()) return mask;
  auto add = [&](const WildcardIndex& index, std::string_view key) {
    auto it = index.find(key);
    if (it == index.end()) return;
    for (const WildcardStart& start : it->second) {
      if ((mask & start.bit) == 0 && WordMatches(start.pattern, word)) mask |= start.bit;
    }
  };
  add(start_prefix_, Initial(word));
  add(start_suffix_, Final(word));
  return mask;
}

std::size_t Lexicon::MatchAt(LexiconList list_id, std::span<const std::string_view> words,
                             std::size_t pos) const {
  if (pos >= words.size()) return 0;
  const List& list = lists_[static_cast<std::size_t>(list_id)];
  std::size_t best = 0;
  auto try_pattern = [&](std::size_t index) {
    const Pattern& pattern = list.patterns[index];
    const std::size_t n = pattern.words.size();
    if (n <= best || pos + n > words.size()) return;
    for (std::size_t i = 0; i < n; ++i) {
      if (!WordMatches(pattern.words[i], words[pos + i])) return;
    }
    best = n;
  };
  if (auto it = list.by_first_word.find(words[pos]); it != list.by_first_word.end()) {
    for (std::size_t index : it->second) try_pattern(index);
  }
  if (!words[pos].empty()) {
    if (auto it = list.prefix_by_initial.find(Initial(words[pos]));
        it != list.prefix_by_initial.end()) {
      for (std::size_t index : it->second) try_pattern(index);
    }
  }
  for (std::size_t index : list.suffix_first) try_pattern(index);
  return best;
}

bool Lexicon::Contains(LexiconList list, std::span<const std::string_view> words) const {
  for (std::size_t pos = 0; pos < words.size(); ++pos) {
    if (MatchAt(list, words, pos) > 0) return true;
  }
  return false;
}

std::optional<std::string> Lexicon::NumberValue(std::string_view word) const {
  auto it = number_values_.find(word);
  if (it == number_values_.end()) return std::nullopt;
  return it->second;
}

const WordLookup::Traits& WordLookup::Of(int id, std::string_view word) {
  const auto index = static_cast<std::size_t>(id);
  if (index >= memo_.size()) memo_.resize(index + 1);
  if (memo_[index]) return *memo_[index];
  Traits traits;
  const std::span<const std::string_view> one(&word, 1);
  if (auto value = lexicon_.NumberValue(word)) {
    traits.figure = *value;
  } else {
    for (LexiconList list : {LexiconList::kNumberWord, LexiconList::kMagnitude,
                             LexiconList::kMonth, LexiconList::kWeekday}) {
      if (lexicon_.MatchAt(list, one, 0) == 1) traits.figure = std::string(word);
    }
  }
  traits.function_word = lexicon_.MatchAt(LexiconList::kFunctionWord, one, 0) == 1;
  memo_[index] = std::move(traits);
  return *memo_[index];
}

std::size_t WordLookup::MatchAt(LexiconList list, const TokenizedText& text, std::size_t pos) {
  if (pos >= text.tokens.size()) return 0;
  const auto id = static_cast<std::size_t>(text.tokens[pos].folded);
  if (id >= start_masks_.size()) start_masks_.resize(id + 1, kUnknownMask);
  if (start_masks_[id] == kUnknownMask) start_masks_[id] = lexicon_.StartMask(text.folded[pos]);
  if ((start_masks_[id] & (std::uint32_t{1} << static_cast<unsigned>(list))) == 0) return 0;
  return lexicon_.MatchAt(list, text.folded, pos);
}

}  // namespace revwatch
