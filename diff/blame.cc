#include "diff/blame.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "diff/tokenizer.h"

namespace revwatch {
namespace {

// Spacing aside: runs of whitespace as one space, ends trimmed.
std::string Key(const std::string& text) {
  std::string key;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += c;
  }
  return key;
}

// "U.S.", "e.g.", "г." or "Mr.": a word of single letters and dots, or a
// short title.
bool IsAbbreviation(const std::string& text, std::size_t dot) {
  const std::size_t space = text.rfind(' ', dot);
  const std::size_t start = space == std::string::npos ? 0 : space + 1;
  const std::string_view word(text.data() + start, dot - start);
  for (std::string_view title : {"Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Lt", "Col"}) {
    if (word == title) return true;
  }
  return CharacterCount(word) == 1 || word.find('.') != std::string_view::npos;
}

// A lower-case letter starts at text[i]: Latin, or Cyrillic а-я, ё, є, і, ї, ґ.
bool StartsLowerCase(const std::string& text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 >= 'a' && b0 <= 'z') return true;
  if (i + 1 >= text.size()) return false;
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  return (b0 == 0xD0 && b1 >= 0xB0) || (b0 == 0xD1 && b1 <= 0x9F) || (b0 == 0xD2 && b1 == 0x91);
}

bool EndsSentence(const std::string& text, std::size_t i) {
  // "." "!" "?" or "…" (U+2026: E2 80 A6), then closing quotes/brackets,
  // then a space and not a lower-case Latin letter.
  std::size_t end = i;
  if (text[end] == '.' && IsAbbreviation(text, end)) return false;
  if (text[end] == '.' || text[end] == '!' || text[end] == '?') {
    ++end;
  } else if (text.compare(end, 3, "\u2026") == 0) {
    end += 3;
  } else {
    return false;
  }
  while (end < text.size() && (text[end] == '"' || text[end] == '\'' || text[end] == ')')) ++end;
  for (const char* close : {"\u201d", "\u00bb", "\u2019"}) {  // ” » ’
    if (text.compare(end, 2, close) == 0 || text.compare(end, 3, close) == 0) {
      end += std::string(close).size();
    }
  }
  return end + 1 < text.size() && text[end] == ' ' && !StartsLowerCase(text, end + 1);
}

}  // namespace

std::vector<std::string> SplitSentences(const std::string& paragraph) {
  std::vector<std::string> sentences;
  std::size_t start = 0;
  for (std::size_t i = 0; i < paragraph.size(); ++i) {
    if (!EndsSentence(paragraph, i)) continue;
    std::size_t end = paragraph.find(' ', i);
    sentences.push_back(paragraph.substr(start, end - start));
    start = end + 1;
    i = end;
  }
  if (start < paragraph.size()) sentences.push_back(paragraph.substr(start));
  return sentences;
}

ArticleBlame BlameArticle(const std::vector<std::pair<int, Article>>& versions) {
  ArticleBlame blame;
  std::unordered_map<std::string, int> seen;  // sentence -> revision, of the last version
  std::string headline_key;
  for (const auto& [number, article] : versions) {
    std::unordered_map<std::string, int> now;
    ArticleBlame current;
    const std::string title_key = Key(article.title);
    current.headline = {article.title, title_key == headline_key && blame.headline.revision > 0
                                           ? blame.headline.revision
                                           : number};
    for (const std::string& paragraph : article.paragraphs) {
      BlamedParagraph blamed;
      for (const std::string& sentence : SplitSentences(paragraph)) {
        const std::string key = Key(sentence);
        const auto before = seen.find(key);
        const int origin = before != seen.end() ? before->second : number;
        now.emplace(key, origin);
        if (!blamed.sentences.empty() && origin != blamed.sentences.front().revision) {
          blamed.mixed = true;
        }
        blamed.revision = std::max(blamed.revision, origin);
        blamed.sentences.push_back({sentence, origin});
      }
      current.paragraphs.push_back(std::move(blamed));
    }
    seen = std::move(now);
    headline_key = title_key;
    blame = std::move(current);
  }
  return blame;
}

}  // namespace revwatch
