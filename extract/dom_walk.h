// Iterative traversal of a Gumbo tree and small accessors on its nodes.
// Nothing here recurses, so a deeply nested page cannot overflow the stack.
//
// Internal to extract/. Callers include <gumbo.h> in their .cc files; this
// header only forward-declares Gumbo's node type.
#ifndef REVWATCH_EXTRACT_DOM_WALK_H_
#define REVWATCH_EXTRACT_DOM_WALK_H_

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <string_view>

// The same declaration as in <gumbo.h>, which .cc files include.
struct GumboInternalNode;
using GumboNode = GumboInternalNode;

namespace revwatch {

enum class WalkAction {
  kDescend,       // visit the node's children, then call `leave`
  kSkipChildren,  // go on with the next sibling; no `leave` for this node
  kStop,          // end the walk at once; no more `leave` calls
};

// Calls `enter` for `root` and every descendant node (elements, text,
// whitespace, CDATA; comments excluded) in document order, as directed by
// the WalkAction it returns; `leave` (if set) after a descended subtree.
void WalkDom(const GumboNode& root,
             const std::function<WalkAction(const GumboNode&)>& enter,
             const std::function<void(const GumboNode&)>& leave = nullptr);

// The value of attribute `name` on element `node`; "" if absent or if
// `node` is not an element. The view lives as long as the Gumbo tree.
std::string_view AttributeOf(const GumboNode& node, const char* name);

// The text under `node` as a browser would concatenate it: text nodes in
// order, <br> as a space, with script, style, template and noscript content
// left out. Not normalised. Stops reading once the text is longer than
// `limit` bytes, so probing for short texts stays cheap on huge subtrees.
std::string TextContentOf(
    const GumboNode& node,
    std::size_t limit = std::numeric_limits<std::size_t>::max());

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_DOM_WALK_H_
