// Recognises the parts of a news page that are not the article: navigation,
// share bars, related links, ads, cookie banners, comments and the like.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_PAGE_FURNITURE_H_
#define REVWATCH_EXTRACT_PAGE_FURNITURE_H_

#include "extract/dom_walk.h"

namespace revwatch {

// True for elements whose tag alone says they hold no article text: script,
// style, noscript, template, nav, header, footer, aside, figure, button,
// iframe, svg, form controls, embedded media. <form> is not included: some
// sites wrap the whole page in one.
bool IsNonContentTag(const GumboNode& node);

// True when a class name or the id of `node` marks it as furniture
// ("share-bar", "related-news", "ad-slot", "cookie-banner", "readAlso"...).
// Class names that describe a state ("has-sidebar", "no-ads") do not count,
// and <article>, <main>, <body> and itemprop=articleBody never match.
bool HasFurnitureHint(const GumboNode& node);

// True when a class name or the id suggests article text ("content",
// "article-body", "story"...); used only to weigh candidate containers.
bool HasContentHint(const GumboNode& node);

// True for elements hidden from readers: the `hidden` attribute,
// aria-hidden="true", or an inline display:none / visibility:hidden.
bool IsHiddenElement(const GumboNode& node);

// True if the whitespace-separated token list `list` contains `token`.
bool HasAttributeToken(std::string_view list, std::string_view token);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_PAGE_FURNITURE_H_
