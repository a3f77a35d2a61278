// The article as revwatch compares and stores it, and its plain-text form.
//
// The text form is what `revwatch extract` prints and `revwatch compare`
// reads: line 1 the headline, a blank line, then the body paragraphs
// separated by blank lines. A paragraph never contains a newline.
#ifndef REVWATCH_CORE_ARTICLE_H_
#define REVWATCH_CORE_ARTICLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace revwatch {

struct Article {
  std::string title;
  std::string byline;     // empty when the page names no author
  std::string published;  // as the page states it (ISO 8601 when available)
  std::vector<std::string> paragraphs;

  bool operator==(const Article&) const = default;
};

// Renders `article` in the text form described above, ending with a newline.
// Only the title and paragraphs take part; byline and date are metadata.
std::string FormatArticleText(const Article& article);

// Parses the text form. Tolerates CRLF line ends, surrounding blank lines and
// runs of blank lines; whitespace inside a paragraph's lines is collapsed and
// a paragraph wrapped over several lines is joined with single spaces.
Article ParseArticleText(std::string_view text);

// Number of words in `text` (runs of non-whitespace), for statistics.
int CountWords(std::string_view text);

}  // namespace revwatch

#endif  // REVWATCH_CORE_ARTICLE_H_
