#include "extract/furniture_filter.h"

#include <gumbo.h>

#include <vector>

#include "extract/block_layout.h"
#include "extract/page_furniture.h"

namespace revwatch {
namespace {

// Up to this many characters an element is a date line, a byline or a tag
// list rather than an article.
constexpr std::size_t kSmallElementChars = 200;
// An element named like furniture that holds this share of the page's prose
// is the article's wrapper.
constexpr double kArticleProseShare = 0.4;
// An element named like page furniture that holds this share of the page's
// prose is the page's wrapper.
constexpr double kPageProseShare = 0.7;

bool IsForm(const GumboNode& node) {
  return node.type == GUMBO_NODE_ELEMENT &&
         node.v.element.tag == GUMBO_TAG_FORM;
}

bool SkipsPlain(const GumboNode& node, bool use_class_hints) {
  return IsNeverArticleText(node) ||
         (use_class_hints && FurnitureHintOf(node) == FurnitureHint::kAlways);
}

// True if element `ancestor` is `node` or holds it (indices in `survey`).
bool IsAncestorIn(const PageSurvey& survey, int ancestor, int node) {
  for (int i = node; i >= 0;
       i = survey.elements[static_cast<std::size_t>(i)].parent) {
    if (i == ancestor) return true;
  }
  return false;
}

// The outermost element with an article-body name (HasArticleBodyName) that
// holds prose, when it is the only one; nullptr if there is none or several
// (a page listing many posts). Elements nested in the first do not count.
const GumboNode* FindNamedBody(const PageSurvey& survey) {
  int named = -1;
  for (std::size_t i = 0; i < survey.elements.size(); ++i) {
    const ElementStats& e = survey.elements[i];
    if (e.prose_chars == 0 || !HasArticleBodyName(*e.node)) continue;
    const int index = static_cast<int>(i);
    if (named < 0) {
      named = index;
    } else if (!IsAncestorIn(survey, named, index)) {
      return nullptr;
    }
  }
  return named < 0 ? nullptr
                   : survey.elements[static_cast<std::size_t>(named)].node;
}

}  // namespace

FurnitureFilter::FurnitureFilter(const GumboNode& body, bool use_class_hints)
    : plain_(SurveyBlocks(body,
                          [use_class_hints](const GumboNode& node) {
                            return SkipsPlain(node, use_class_hints);
                          })),
      use_class_hints_(use_class_hints) {
  if (plain_.elements.empty()) return;
  page_prose_ = plain_.elements[0].prose_chars;
  if (use_class_hints_) named_body_ = FindNamedBody(plain_);
  article_prose_ = page_prose_;
  if (use_class_hints_) article_prose_ -= MostlyFurnitureProse();
}

std::size_t FurnitureFilter::MostlyFurnitureProse() const {
  const double total = static_cast<double>(page_prose_);
  std::vector<bool> counted(plain_.elements.size(), false);
  std::size_t prose = 0;
  for (std::size_t i = 1; i < plain_.elements.size(); ++i) {
    const ElementStats& e = plain_.elements[i];
    if (counted[static_cast<std::size_t>(e.parent)]) {
      counted[i] = true;
      continue;
    }
    if (IsBlockLevel(*e.node) &&
        FurnitureHintOf(*e.node) == FurnitureHint::kUnlessMost &&
        static_cast<double>(e.prose_chars) < kPageProseShare * total) {
      counted[i] = true;
      prose += e.prose_chars;
    }
  }
  return prose;
}

bool FurnitureFilter::Skips(const GumboNode& node) const {
  if (IsNeverArticleText(node)) return true;
  if (IsForm(node)) return !HoldsMostOfPage(node);
  if (IsCollapsedBlock(node)) return true;
  // Class names on inline elements style words ("hidden_link"), they do
  // not mark furniture.
  if (!use_class_hints_ || !IsBlockLevel(node)) return false;
  const FurnitureHint hint = FurnitureHintOf(node);
  if (hint == FurnitureHint::kNone) return false;
  if (hint == FurnitureHint::kAlways) return true;
  const ElementStats* stats = plain_.Find(&node);
  if (stats == nullptr) return true;
  if (hint == FurnitureHint::kWhenSmall) {
    return stats->chars < kSmallElementChars && !HoldsNamedBody(node);
  }
  if (hint == FurnitureHint::kUnlessMost) return !HoldsMostOfPage(node);
  if (HoldsNamedBody(node)) return false;
  return static_cast<double>(stats->prose_chars) <
         kArticleProseShare * static_cast<double>(article_prose_);
}

bool FurnitureFilter::HoldsNamedBody(const GumboNode& node) const {
  for (const GumboNode* n = named_body_; n != nullptr; n = n->parent) {
    if (n == &node) return true;
  }
  return false;
}

bool FurnitureFilter::HoldsMostOfPage(const GumboNode& node) const {
  const ElementStats* stats = plain_.Find(&node);
  return stats != nullptr &&
         static_cast<double>(stats->prose_chars) >=
             kPageProseShare * static_cast<double>(page_prose_);
}

}  // namespace revwatch
