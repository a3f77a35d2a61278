// Chooses the article's headline among the ones a page states.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_HEADLINE_H_
#define REVWATCH_EXTRACT_HEADLINE_H_

#include <string>
#include <string_view>
#include <vector>

namespace revwatch {

// All normalised text, "" when absent.
struct HeadlineSources {
  std::string og_title;
  std::string json_ld_headline;
  std::string h1;                     // the visible headline
  std::string document_title;         // <title>
  std::string site_name;              // og:site_name
  std::vector<std::string> headings;  // h1-h3 texts in document order
};

// og:title (else the JSON-LD headline) when it agrees with the <h1> or there
// is no <h1>; the <h1> when they disagree (it is what readers see). Without
// either, the longest heading that the <title> contains and that makes up a
// fair share of it (blogs: <h1> site name, <h3> post title, <title> "Site:
// Post title"); else the <h1>; else the <title> without its site suffix. When
// og:title and <h1> agree but one extends the other ("Headline" vs "Headline -
// Site"), the shorter wins.
std::string ChooseHeadline(const HeadlineSources& sources);

// `title` without a trailing " | Site" segment, or a trailing " - Site"
// segment that names `site_name` or is much shorter than the rest.
std::string StripSiteSuffix(std::string_view title, std::string_view site_name);

// True if `a` and `b` are the same headline up to case, punctuation and
// spacing, or one begins with the other.
bool SameHeadline(std::string_view a, std::string_view b);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_HEADLINE_H_
