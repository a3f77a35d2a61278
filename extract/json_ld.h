// Reads article metadata from schema.org JSON-LD
// (<script type="application/ld+json">).
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_JSON_LD_H_
#define REVWATCH_EXTRACT_JSON_LD_H_

#include <string>
#include <string_view>

namespace revwatch {

struct JsonLdArticle {
  std::string headline;
  std::string author;          // names joined with ", "
  std::string date_published;  // as written, usually ISO 8601
  std::string date_modified;   // as written, usually ISO 8601
  // The article's text as the publisher states it, unchecked: it may be
  // truncated, stale, hold markup, or belong to another article.
  std::string article_body;
};

// Fills the empty fields of `into` from the first objects in `json` that
// carry "headline", "author", "datePublished", "dateModified" and
// "articleBody". Malformed
// JSON, or values of unexpected types, are ignored. Never throws.
void ReadJsonLd(std::string_view json, JsonLdArticle& into);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_JSON_LD_H_
