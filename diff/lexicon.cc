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
  std::vector<Pattern>* list = nullptr;
  bool numbers = false;
  int line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = std::string(source) + ":" + std::to_string(line_number);
    if (line.front() == '[') {
      list = nullptr;
      for (const SectionName& section : kSections) {
        if (line == "[" + std::string(section.name) + "]") {
          list = &lists_[static_cast<std::size_t>(section.list)];
          numbers = section.list == LexiconList::kNumberWord;
        }
      }
      if (list == nullptr) {
        return MakeError(ErrorCode::kConfig, where + ": unknown section " + std::string(line));
      }
      continue;
    }
    if (list == nullptr) {
      return MakeError(ErrorCode::kConfig, where + ": entry before any [section]");
    }
    std::string_view entry = line;
    std::string value;
    if (const std::size_t eq = line.find('='); numbers && eq != std::string_view::npos) {
      entry = Trim(line.substr(0, eq));
      value = std::string(Trim(line.substr(eq + 1)));
    }
    Pattern pattern{EntryWords(entry)};
    if (pattern.words.empty()) {
      return MakeError(ErrorCode::kConfig, where + ": entry has no words");
    }
    if (!value.empty() && pattern.words.size() == 1) {
      number_values_[pattern.words.front()] = value;
    }
    list->push_back(std::move(pattern));
  }
  return {};
}

bool Lexicon::WordMatches(const std::string& pattern, const std::string& word) {
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

std::size_t Lexicon::MatchAt(LexiconList list, std::span<const std::string> words,
                             std::size_t pos) const {
  std::size_t best = 0;
  for (const Pattern& pattern : lists_[static_cast<std::size_t>(list)]) {
    const std::size_t n = pattern.words.size();
    if (n <= best || pos + n > words.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < n && match; ++i) {
      match = WordMatches(pattern.words[i], words[pos + i]);
    }
    if (match) best = n;
  }
  return best;
}

bool Lexicon::Contains(LexiconList list, std::span<const std::string> words) const {
  for (std::size_t pos = 0; pos < words.size(); ++pos) {
    if (MatchAt(list, words, pos) > 0) return true;
  }
  return false;
}

std::optional<std::string> Lexicon::NumberValue(const std::string& word) const {
  auto it = number_values_.find(word);
  if (it == number_values_.end()) return std::nullopt;
  return it->second;
}

}  // namespace revwatch
