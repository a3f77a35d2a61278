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
  // Pages larger than this are refused with ErrorCode::kParse.
  std::size_t max_input_bytes = 8 * 1024 * 1024;
};

struct ExtractedArticle {
  Article article;
  std::string charset;  // the charset the page was decoded from
};

// Decodes `page` to UTF-8 and extracts the article. Fails with kParse when
// the page is too large or holds no article text at all. Thread-safe.
[[nodiscard]] Result<ExtractedArticle> ExtractArticle(
    std::string_view page, const ExtractOptions& options = {});

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_EXTRACT_ARTICLE_H_
