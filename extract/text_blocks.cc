#include "extract/text_blocks.h"

#include <gumbo.h>

#include <utility>

#include "extract/block_layout.h"
#include "extract/page_furniture.h"
#include "extract/section_labels.h"
#include "extract/text_normalize.h"

namespace revwatch {
namespace {

// Accumulates the text of the block being read.
class BlockBuilder {
 public:
  explicit BlockBuilder(std::vector<TextBlock>& out) : out_(out) {}

  void AddText(std::string_view text) {
    text_ += text;
    if (link_depth_ > 0) link_text_ += text;
    if (time_depth_ > 0) time_text_ += text;
  }
  void EnterLink() { ++link_depth_; }
  void LeaveLink() {
    if (link_depth_ > 0) --link_depth_;
    link_text_ += ' ';  // keeps "a</a><a>b" apart for counting only
  }
  void EnterListItem() { ++list_depth_; }
  void LeaveListItem() {
    if (list_depth_ > 0) --list_depth_;
  }
  void EnterTime() { ++time_depth_; }
  void LeaveTime() {
    if (time_depth_ > 0) --time_depth_;
    time_text_ += ' ';
  }

  void Flush() {
    TextBlock block;
    block.text = NormalizePageText(text_);
    if (!block.text.empty()) {
      block.chars = CountVisibleChars(block.text);
      block.link_chars = CountVisibleChars(NormalizePageText(link_text_));
      block.time_chars = CountVisibleChars(NormalizePageText(time_text_));
      block.list_item = list_depth_ > 0;
      out_.push_back(std::move(block));
    }
    text_.clear();
    link_text_.clear();
    time_text_.clear();
  }

 private:
  std::vector<TextBlock>& out_;
  std::string text_;
  std::string link_text_;
  std::string time_text_;
  int link_depth_ = 0;
  int time_depth_ = 0;
  int list_depth_ = 0;
};

bool IsText(const GumboNode& node) {
  return node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
         node.type == GUMBO_NODE_CDATA;
}

bool HasTag(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

// Unknown (custom) elements get spaces around them: splitting a phrase is
// better than gluing two words.
bool IsUnknownElement(const GumboNode& node) {
  return HasTag(node, GUMBO_TAG_UNKNOWN);
}

}  // namespace

std::vector<TextBlock> CollectTextBlocks(const GumboNode& container,
                                         const FurnitureFilter& filter) {
  std::vector<TextBlock> blocks;
  BlockBuilder builder(blocks);
  // The parent of the widget heading being passed over, or nullptr.
  const GumboNode* widget = nullptr;
  const auto enter = [&](const GumboNode& node) {
    if (widget != nullptr) {
      if (!IsHeadingElement(node) || IsWidgetSectionHeading(node)) {
        return IsText(node) ? WalkAction::kSkipChildren : WalkAction::kDescend;
      }
      widget = nullptr;  // a heading of the article ends the widget
    }
    if (IsText(node)) {
      builder.AddText(node.v.text.text);
      return WalkAction::kSkipChildren;
    }
    if (IsCommentSectionHeading(node)) return WalkAction::kStop;
    if (IsWidgetSectionHeading(node)) {
      builder.Flush();
      widget = node.parent;
      return WalkAction::kSkipChildren;
    }
    if (&node != &container && filter.Skips(node)) {
      if (IsBlockLevel(node)) builder.Flush();
      return WalkAction::kSkipChildren;
    }
    if (HasTag(node, GUMBO_TAG_BR)) {
      builder.AddText(" ");
      return WalkAction::kSkipChildren;
    }
    if (IsBlockLevel(node)) builder.Flush();
    if (IsUnknownElement(node)) builder.AddText(" ");
    if (HasTag(node, GUMBO_TAG_A)) builder.EnterLink();
    if (HasTag(node, GUMBO_TAG_TIME)) builder.EnterTime();
    if (HasTag(node, GUMBO_TAG_LI)) builder.EnterListItem();
    return WalkAction::kDescend;
  };
  const auto leave = [&](const GumboNode& node) {
    if (&node == widget) widget = nullptr;
    if (IsBlockLevel(node)) builder.Flush();
    if (HasTag(node, GUMBO_TAG_LI)) builder.LeaveListItem();
    if (IsUnknownElement(node)) builder.AddText(" ");
    if (HasTag(node, GUMBO_TAG_A)) builder.LeaveLink();
    if (HasTag(node, GUMBO_TAG_TIME)) builder.LeaveTime();
  };
  WalkDom(container, enter, leave);
  builder.Flush();
  return blocks;
}

}  // namespace revwatch
