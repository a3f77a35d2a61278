// Decides which subtrees of a page body hold no article text, from their
// tags and from what their class names and ids say, weighed against how
// much of the page's prose they hold.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_FURNITURE_FILTER_H_
#define REVWATCH_EXTRACT_FURNITURE_FILTER_H_

#include <cstddef>

#include "extract/block_survey.h"
#include "extract/dom_walk.h"

namespace revwatch {

class FurnitureFilter {
 public:
  // Surveys `body` once. With `use_class_hints` false only tags and
  // hidden markers count (for pages whose wrapper is misnamed,
  // "layout-with-sidebar"). `body` must outlive the filter.
  FurnitureFilter(const GumboNode& body, bool use_class_hints);

  // True if the subtree of `node` holds no article text: IsNeverArticleText;
  // a <form> that does not hold most of the page's prose; a block collapsed
  // behind a "Show full text" toggle (IsCollapsedBlock); else (with class
  // hints) a comment section or cookie banner by name; a
  // share bar, sidebar, widget... by name unless it holds a large share of
  // the page's prose (sites wrap whole articles in "share_wrapper" or
  // "widget Blog"); a date line, byline or tag list by name when it holds
  // little text. An element that holds named_body() is not skipped as a
  // share bar, widget, date line... ("widget Blog", "date-outer"). Constant
  // time apart from reading class names and walking up to named_body().
  bool Skips(const GumboNode& node) const;

  // The page's only element named as the article body ("entry-content",
  // "post-body", "articleBody"; see HasArticleBodyName) that holds prose,
  // outside comment sections; nullptr if there is none, if there are
  // several (a list of posts), or without class hints.
  const GumboNode* named_body() const { return named_body_; }

 private:
  // The prose of elements named like page furniture that hold less than
  // most of the page: it does not count in the page's prose.
  std::size_t MostlyFurnitureProse() const;
  // True if `node` is named_body() or one of its ancestors.
  bool HoldsNamedBody(const GumboNode& node) const;
  // True if `node` holds most of the page's prose (kPageProseShare).
  bool HoldsMostOfPage(const GumboNode& node) const;

  PageSurvey plain_;  // with only tags and comment sections skipped
  std::size_t page_prose_ = 0;
  std::size_t article_prose_ = 0;  // page_prose_ but MostlyFurnitureProse
  const GumboNode* named_body_ = nullptr;
  bool use_class_hints_;
};

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_FURNITURE_FILTER_H_
