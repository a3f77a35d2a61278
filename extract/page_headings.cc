#include "extract/page_headings.h"

#include <gumbo.h>

#include "extract/text_normalize.h"

namespace revwatch {
namespace {

// Headings past this many are teasers and widget titles.
constexpr std::size_t kMaxHeadings = 40;

bool IsOutsideHeadings(const GumboNode& node) {
  switch (node.v.element.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string FirstHeadingText(const GumboNode& root) {
  std::string text;
  WalkDom(root, [&text](const GumboNode& node) {
    if (!text.empty()) return WalkAction::kStop;
    if (node.type != GUMBO_NODE_ELEMENT) return WalkAction::kSkipChildren;
    if (IsOutsideHeadings(node) || node.v.element.tag == GUMBO_TAG_A) {
      return WalkAction::kSkipChildren;
    }
    if (node.v.element.tag != GUMBO_TAG_H1) return WalkAction::kDescend;
    text = NormalizePageText(TextContentOf(node));
    return WalkAction::kSkipChildren;
  });
  return text;
}

std::vector<std::string> HeadingTexts(const GumboNode& root) {
  std::vector<std::string> texts;
  WalkDom(root, [&texts](const GumboNode& node) {
    if (texts.size() >= kMaxHeadings) return WalkAction::kStop;
    if (node.type != GUMBO_NODE_ELEMENT || IsOutsideHeadings(node)) {
      return WalkAction::kSkipChildren;
    }
    const GumboTag tag = node.v.element.tag;
    if (tag != GUMBO_TAG_H1 && tag != GUMBO_TAG_H2 && tag != GUMBO_TAG_H3) {
      return WalkAction::kDescend;
    }
    std::string text = NormalizePageText(TextContentOf(node));
    if (!text.empty()) texts.push_back(std::move(text));
    return WalkAction::kSkipChildren;
  });
  return texts;
}

}  // namespace revwatch
