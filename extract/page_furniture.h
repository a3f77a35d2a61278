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

enum class FurnitureHint {
  kNone,
  kWhenSmall,    // furniture if it holds little text ("post-date", "tags")
  kUnlessLarge,  // furniture unless it holds an article ("share-wrapper")
  kUnlessMost,   // furniture unless it holds most of the page ("sidebar")
  kAlways,       // furniture whatever it holds ("comments", "cookie-bar")
};

// What the class names and the id of `node` say, the strongest hint of any
// name: kAlways for comment sections and cookie banners; kUnlessMost for
// "related-news", "ad-slot", "sidebar", "readAlso", "nav"...; kUnlessLarge
// for "share-bar", "social", "widget", which sites also put on the wrapper
// of the whole article ("share_wrapper", "widget-post-content"); kWhenSmall for
// names that are furniture on a date line or a tag list but also appear on
// article wrappers ("post-date", "tag-economy", "entry-author-jane",
// "caption-image"). Class names that describe a state
// ("has-sidebar", "no-ads") do not count, and <article>, <main>, <body> and
// itemprop=articleBody never match.
FurnitureHint FurnitureHintOf(const GumboNode& node);

// True when a class name or the id suggests article text ("content",
// "article-body", "story"...); used only to weigh candidate containers.
bool HasContentHint(const GumboNode& node);

// True when a class name or the id is one that blog engines and news CMSs
// give the element holding exactly the article text: an owner word ("post",
// "entry", "article", "story", "blog") followed by "body", "content" or
// "text" as its last two words or run together ("entry-content",
// "post_body", "articleBody", "storytext"). Narrower than HasContentHint.
bool HasArticleBodyName(const GumboNode& node);

// True for a <div> or <section> that opens with a short toggle label
// ("Show full PR text", "Show more"): its text stays collapsed until a
// reader clicks, as a quoted press release under a post does.
bool IsCollapsedBlock(const GumboNode& node);

// True for elements hidden from readers: the `hidden` attribute,
// aria-hidden="true", or an inline display:none / visibility:hidden.
bool IsHiddenElement(const GumboNode& node);

// True for a heading (h2-h6) that opens a reader-comment section: a short
// text naming comments, replies or trackbacks ("Comments", "385 Comments",
// "Leave a Reply", "Коментарі"), or a comment id/class. Text after such a
// heading is not the article.
bool IsCommentSectionHeading(const GumboNode& node);

// True if the whitespace-separated token list `list` contains `token`.
bool HasAttributeToken(std::string_view list, std::string_view token);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_PAGE_FURNITURE_H_
