#include "extract/declared_body.h"

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <vector>

#include "extract/block_layout.h"
#include "extract/text_normalize.h"

namespace revwatch {
namespace {

// A declaration shorter than this is a teaser, not the article.
constexpr std::size_t kMinDeclaredBytes = 300;
// Text pieces shorter than this ("the", "said") match anywhere.
constexpr std::size_t kMinPieceBytes = 20;
// The share of the declaration the page must show for it to be trusted.
constexpr double kVisibleShare = 0.5;
// The share of the matched text the chosen element must hold.
constexpr double kCoveredShare = 0.9;
// The most text, relative to the declaration, the element may hold.
constexpr double kMaxWrapperRatio = 2.0;

bool IsText(const GumboNode& node) {
  return node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_CDATA;
}

struct Open {
  const GumboNode* node;
  std::size_t matched;  // bytes of declared text in the subtree so far
  std::size_t visible;  // bytes of text in the subtree so far
};

struct Closed {
  const GumboNode* node;
  std::size_t matched;
  std::size_t visible;
  std::size_t depth;
};

// Every element under `body` (and `body` itself) with how many bytes of
// its text appear in `declared`, in the order the walk leaves them.
std::vector<Closed> MatchElements(const GumboNode& body,
                                  std::string_view declared) {
  std::vector<Closed> closed;
  std::vector<Open> open;
  const auto enter = [&](const GumboNode& node) {
    if (IsText(node)) {
      const std::string piece = NormalizePageText(node.v.text.text);
      if (!open.empty()) open.back().visible += piece.size();
      if (!open.empty() && piece.size() >= kMinPieceBytes &&
          declared.find(piece) != std::string_view::npos) {
        open.back().matched += piece.size();
      }
      return WalkAction::kSkipChildren;
    }
    if (node.type != GUMBO_NODE_ELEMENT ||
        (&node != &body && IsNeverArticleText(node))) {
      return WalkAction::kSkipChildren;
    }
    open.push_back({&node, 0, 0});
    return WalkAction::kDescend;
  };
  const auto leave = [&](const GumboNode& node) {
    if (open.empty() || open.back().node != &node) return;
    const Open done = open.back();
    open.pop_back();
    closed.push_back({done.node, done.matched, done.visible, open.size()});
    if (!open.empty()) {
      open.back().matched += done.matched;
      open.back().visible += done.visible;
    }
  };
  WalkDom(body, enter, leave);
  return closed;
}

bool IsParagraph(const GumboNode& node) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == GUMBO_TAG_P;
}

}  // namespace

const GumboNode* FindDeclaredBody(const GumboNode& body,
                                  std::string_view declared) {
  if (declared.size() < kMinDeclaredBytes) return nullptr;
  const std::vector<Closed> elements = MatchElements(body, declared);
  if (elements.empty()) return nullptr;
  const std::size_t total = elements.back().matched;  // `body`, left last
  if (static_cast<double>(total) <
      kVisibleShare * static_cast<double>(declared.size())) {
    return nullptr;
  }
  const Closed* best = &elements.back();
  for (const Closed& e : elements) {
    if (static_cast<double>(e.matched) >=
            kCoveredShare * static_cast<double>(total) &&
        e.depth > best->depth) {
      best = &e;
    }
  }
  // A wrapper that holds much more than the declared text holds furniture
  // too; content scoring knows better where the article is inside it.
  if (static_cast<double>(best->visible) >
      kMaxWrapperRatio * static_cast<double>(declared.size())) {
    return nullptr;
  }
  const GumboNode* node = best->node;
  if (IsParagraph(*node) && node != &body && node->parent != nullptr &&
      node->parent->type == GUMBO_NODE_ELEMENT) {
    node = node->parent;
  }
  return node;
}

}  // namespace revwatch
