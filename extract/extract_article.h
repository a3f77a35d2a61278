// Pulls the article (headline, byline, date, body paragraphs) out of an HTML
// page with Gumbo.
#ifndef REVWATCH_EXTRACT_EXTRACT_ARTICLE_H_
#define REVWATCH_EXTRACT_EXTRACT_ARTICLE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/error.h"

namespace revwatch {

struct ExtractOptions {
  // The charset named by the HTTP Content-Type header, if any ("" if none).
  std::string http_charset;
  // The page's absolute address, if known: a relative canonical URL is
  // resolved against it.
  std::string page_url;
  // Pages larger than this are refused with ErrorCode::kParse.
  std::size_t max_input_bytes = 8 * 1024 * 1024;
  // Pages whose elements nest deeper than this (estimated before parsing,
  // see tag_depth.h) are refused: Gumbo's time and memory grow with depth
  // times tags. Browsers cap the tree at 512 levels; real pages use < 100.
  std::size_t max_tag_depth = 1024;
  // Pages with a tag carrying more attributes than this are refused: Gumbo
  // is quadratic in the attributes of one tag (10,000 cost 0.3 s; 30,000
  // cost 2 s). The estimate counts words in stray "<x" text too, so the
  // limit is far above what real tags carry.
  std::size_t max_attributes_per_tag = 10000;
};

// What a page states about its article beyond the text. Fields are "" when
// the page does not state them.
struct ExtractedArticle {
  Article article;
  std::string charset;   // the charset the page was decoded from
  std::string modified;  // last modification, as stated (ISO 8601 often)
  std::string lang;      // language tag, e.g. "uk" or "en-GB"
  // <link rel=canonical> or og:url, resolved against
  // ExtractOptions::page_url when relative ("/news/ferry").
  std::string canonical_url;
};

// Decodes `page` to UTF-8 (see DecodeToUtf8 in charset.h) and extracts the
// article: headline, byline, dates and the body blocks, furniture left out.
// Fails with kParse, and a message saying why, when the page is larger than
// options.max_input_bytes, nests elements absurdly deep (refused before
// parsing, so a hostile page costs linear time), or holds no article text
// at all. Never recurses over the DOM. Thread-safe.
[[nodiscard]] Result<ExtractedArticle> ExtractArticle(
    std::string_view page, const ExtractOptions& options = {});

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_EXTRACT_ARTICLE_H_
