#include "extract/dom_walk.h"

#include <gumbo.h>

#include <cstddef>
#include <vector>

namespace revwatch {
namespace {

struct Frame {
  const GumboNode* node;
  unsigned int next_child;
};

const GumboVector* ChildrenOf(const GumboNode& node) {
  if (node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE) {
    return &node.v.element.children;
  }
  if (node.type == GUMBO_NODE_DOCUMENT) return &node.v.document.children;
  return nullptr;
}

bool IsElement(const GumboNode& node) {
  return node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE;
}

}  // namespace

void WalkDom(const GumboNode& root,
             const std::function<WalkAction(const GumboNode&)>& enter,
             const std::function<void(const GumboNode&)>& leave) {
  if (enter(root) != WalkAction::kDescend) return;
  std::vector<Frame> stack{{&root, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* children = ChildrenOf(*top.node);
    if (children == nullptr || top.next_child >= children->length) {
      const GumboNode* done = top.node;
      stack.pop_back();
      if (leave) leave(*done);
      continue;
    }
    const auto* child =
        static_cast<const GumboNode*>(children->data[top.next_child++]);
    if (child->type == GUMBO_NODE_COMMENT) continue;
    const WalkAction action = enter(*child);
    if (action == WalkAction::kStop) return;
    if (action == WalkAction::kDescend) stack.push_back({child, 0});
  }
}

std::string_view AttributeOf(const GumboNode& node, const char* name) {
  if (!IsElement(node)) return {};
  const GumboAttribute* attr =
      gumbo_get_attribute(&node.v.element.attributes, name);
  if (attr == nullptr || attr->value == nullptr) return {};
  return attr->value;
}

std::string TextContentOf(const GumboNode& node, std::size_t limit) {
  std::string text;
  WalkDom(node, [&text, limit](const GumboNode& n) {
    if (text.size() > limit) return WalkAction::kStop;
    switch (n.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        text += n.v.text.text;
        return WalkAction::kSkipChildren;
      case GUMBO_NODE_ELEMENT:
        switch (n.v.element.tag) {
          case GUMBO_TAG_BR:
            text += ' ';
            return WalkAction::kSkipChildren;
          case GUMBO_TAG_SCRIPT:
          case GUMBO_TAG_STYLE:
          case GUMBO_TAG_NOSCRIPT:
            return WalkAction::kSkipChildren;
          default:
            return WalkAction::kDescend;
        }
      case GUMBO_NODE_TEMPLATE:
        return WalkAction::kSkipChildren;
      default:
        return WalkAction::kDescend;
    }
  });
  return text;
}

}  // namespace revwatch
