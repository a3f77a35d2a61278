#include "extract/text_blocks.h"

#include <gumbo.h>

#include <utility>

#include "extract/page_furniture.h"
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
};

bool IsText(const GumboNode& node) {
  return node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
         node.type == GUMBO_NODE_CDATA;
}

bool HasTag(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

bool IsSkipped(const GumboNode& node, const BlockOptions& options) {
  return IsNonContentTag(node) || HasTag(node, GUMBO_TAG_FORM) ||
         HasTag(node, GUMBO_TAG_H1) || IsHiddenElement(node) ||
         (options.use_class_hints && HasFurnitureHint(node));
}

// Unknown (custom) elements get spaces around them: splitting a phrase is
// better than gluing two words.
bool IsUnknownElement(const GumboNode& node) {
  return HasTag(node, GUMBO_TAG_UNKNOWN);
}

// True if `node` starts a new line when rendered.
bool IsBlockLevel(const GumboNode& node) {
  if (node.type == GUMBO_NODE_TEMPLATE || node.type == GUMBO_NODE_DOCUMENT) {
    return true;
  }
  if (node.type != GUMBO_NODE_ELEMENT) return false;
  switch (node.v.element.tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<TextBlock> CollectTextBlocks(const GumboNode& container,
                                         const BlockOptions& options) {
  std::vector<TextBlock> blocks;
  BlockBuilder builder(blocks);
  const auto enter = [&](const GumboNode& node) {
    if (IsText(node)) {
      builder.AddText(node.v.text.text);
      return WalkAction::kSkipChildren;
    }
    if (&node != &container && IsSkipped(node, options)) {
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
    return WalkAction::kDescend;
  };
  const auto leave = [&](const GumboNode& node) {
    if (IsBlockLevel(node)) builder.Flush();
    if (IsUnknownElement(node)) builder.AddText(" ");
    if (HasTag(node, GUMBO_TAG_A)) builder.LeaveLink();
    if (HasTag(node, GUMBO_TAG_TIME)) builder.LeaveTime();
  };
  WalkDom(container, enter, leave);
  builder.Flush();
  return blocks;
}

}  // namespace revwatch
