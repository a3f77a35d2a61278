#include "core/article.h"

#include <algorithm>
#include <cstddef>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace revwatch {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

// Whether the only whitespace in `line` is single spaces. Checked 16 bytes
// at a time where SSE2 is there: parsing a long article is mostly this.
bool IsSingleSpaced(std::string_view line) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  for (; i + 17 <= line.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i + 1));
    // Bytes up to 0x20 (unsigned): spaces and control characters.
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, space), x);
    const __m128i is_space = _mm_cmpeq_epi8(x, space);
    const __m128i other_white = _mm_andnot_si128(is_space, low);
    const __m128i doubled = _mm_and_si128(is_space, _mm_cmpeq_epi8(next, space));
    if (_mm_movemask_epi8(_mm_or_si128(other_white, doubled)) != 0) break;
  }
#endif
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (IsSpace(c) && (c != ' ' || (i + 1 < line.size() && line[i + 1] == ' '))) return false;
  }
  return true;
}

// Appends `line` to `paragraph`, collapsing runs of ASCII whitespace.
void AppendCollapsed(std::string_view line, std::string& paragraph) {
  // Most lines are already clean: no leading, trailing or doubled spaces.
  bool clean = !line.empty() && !IsSpace(line.front()) && !IsSpace(line.back()) &&
               IsSingleSpaced(line);
  if (clean) {
    if (!paragraph.empty()) paragraph.push_back(' ');
    paragraph.append(line);
    return;
  }
  bool pending_space = !paragraph.empty();
  for (char c : line) {
    if (IsSpace(c)) {
      pending_space = !paragraph.empty();
      continue;
    }
    if (pending_space) paragraph.push_back(' ');
    pending_space = false;
    paragraph.push_back(c);
  }
}

}  // namespace

std::string FormatArticleText(const Article& article) {
  std::string out = article.title;
  out += "\n";
  for (const std::string& paragraph : article.paragraphs) {
    out += "\n";
    out += paragraph;
    out += "\n";
  }
  return out;
}

Article ParseArticleText(std::string_view text) {
  std::vector<std::string> blocks;
  std::string current;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    const bool blank = std::all_of(line.begin(), line.end(), IsSpace);
    if (blank) {
      if (!current.empty()) blocks.push_back(std::move(current));
      current.clear();
    } else {
      AppendCollapsed(line, current);
    }
    pos = end + 1;
  }
  if (!current.empty()) blocks.push_back(std::move(current));

  Article article;
  if (blocks.empty()) return article;
  article.title = std::move(blocks.front());
  article.paragraphs.assign(std::make_move_iterator(blocks.begin() + 1),
                            std::make_move_iterator(blocks.end()));
  return article;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

}  // namespace revwatch
