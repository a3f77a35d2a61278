// Metadata a news page states about its article, outside the body text:
// Open Graph and <meta> tags, microdata, JSON-LD, the <title>.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_PAGE_METADATA_H_
#define REVWATCH_EXTRACT_PAGE_METADATA_H_

#include <string>

#include "extract/dom_walk.h"

namespace revwatch {

// Every field is normalised text, "" when the page does not state it.
struct PageMetadata {
  std::string og_title;   // <meta property="og:title">
  std::string site_name;  // <meta property="og:site_name">
  std::string json_ld_headline;
  // JSON-LD articleBody, normalised; unchecked against the page (see
  // declared_body.h).
  std::string json_ld_body;
  std::string document_title;  // <title>, as written
  // <meta name="author">, else a rel=author link, else itemprop=author,
  // else JSON-LD author, else a short element with class "byline"/"author".
  // A leading "By " is removed.
  std::string byline;
  // article:published_time, else itemprop=datePublished, else JSON-LD.
  std::string published;
  // article:modified_time, else itemprop=dateModified, else JSON-LD.
  std::string modified;
  // <html lang>, else <meta http-equiv=content-language>, else og:locale
  // (with '_' as '-').
  std::string lang;
  // <link rel=canonical href>, else og:url, as written.
  std::string canonical_url;
};

// Reads the metadata of the page rooted at `document`. Never fails.
PageMetadata ReadPageMetadata(const GumboNode& document);

// The datetime attribute of the first <time> under `container`, or "".
std::string FirstTimeElement(const GumboNode& container);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_PAGE_METADATA_H_
