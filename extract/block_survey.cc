#include "extract/block_survey.h"

#include <gumbo.h>

#include <algorithm>
#include <string_view>

#include "extract/block_layout.h"

namespace revwatch {
namespace {

// A block shorter than this says little about where the article is.
constexpr std::size_t kMinProseChars = 25;
// Ancestors beyond this many levels above a block get nothing from it.
constexpr int kScoredLevels = 5;

bool IsText(const GumboNode& node) {
  return node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
         node.type == GUMBO_NODE_CDATA;
}

bool HasTag(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

struct Block {
  int owner = 0;  // the innermost block-level element laying it out
  std::size_t chars = 0;
  std::size_t link_chars = 0;
  int commas = 0;
};

// Counts one text node into `block`: code points that are not ASCII
// spaces, and commas (Latin, Arabic, full-width).
void CountText(std::string_view text, bool in_link, Block& block) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80 || IsAsciiSpace(c)) continue;
    ++chars;
    if (c == ',' || text.substr(i).starts_with("\xEF\xBC\x8C") ||
        text.substr(i).starts_with("\xD8\x8C")) {
      ++block.commas;
    }
  }
  block.chars += chars;
  if (in_link) block.link_chars += chars;
}

class SurveyBuilder {
 public:
  explicit SurveyBuilder(const SubtreeFilter& skip) : skip_(skip) {}

  WalkAction Enter(const GumboNode& node, const GumboNode& root) {
    if (IsText(node)) {
      CountText(node.v.text.text, link_depth_ > 0, current_);
      return WalkAction::kSkipChildren;
    }
    if (&node != &root && skip_(node)) {
      if (IsBlockLevel(node)) Flush();
      return WalkAction::kSkipChildren;
    }
    const int parent = open_.empty() ? -1 : open_.back();
    const int self = static_cast<int>(survey_.elements.size());
    survey_.elements.push_back({.node = &node, .parent = parent});
    survey_.index.emplace(&node, self);
    if (IsBlockLevel(node)) {
      Flush();
      if (!blocks_open_.empty()) {
        survey_.elements[static_cast<std::size_t>(blocks_open_.back())]
            .has_block_child = true;
      }
      blocks_open_.push_back(self);
    }
    open_.push_back(self);
    if (HasTag(node, GUMBO_TAG_A)) ++link_depth_;
    return WalkAction::kDescend;
  }

  void Leave(const GumboNode& node) {
    if (IsBlockLevel(node)) {
      Flush();
      blocks_open_.pop_back();
    }
    if (HasTag(node, GUMBO_TAG_A) && link_depth_ > 0) --link_depth_;
    open_.pop_back();
  }

  PageSurvey Finish() {
    Flush();
    for (const Block& block : blocks_) Account(block);
    SumSubtrees();
    return std::move(survey_);
  }

 private:
  void Flush() {
    if (current_.chars > 0 && !blocks_open_.empty()) {
      current_.owner = blocks_open_.back();
      blocks_.push_back(current_);
    }
    current_ = Block{};
  }

  ElementStats& At(int i) {
    return survey_.elements[static_cast<std::size_t>(i)];
  }

  // Adds the block's characters to its owner and its points to the element
  // that holds it as a paragraph (the owner's parent when the owner is a
  // leaf block like <p>) and that element's ancestors, with decay.
  void Account(const Block& block) {
    ElementStats& owner = At(block.owner);
    owner.chars += block.chars;
    owner.link_chars += block.link_chars;
    if (block.chars < kMinProseChars) return;
    owner.prose_chars += block.chars - block.link_chars;
    const double points = 1.0 + block.commas +
                          std::min(static_cast<double>(block.chars / 100), 3.0);
    int target = owner.has_block_child ? block.owner : owner.parent;
    for (int level = 0; level < kScoredLevels && target >= 0; ++level) {
      const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      At(target).score += points / divider;
      target = At(target).parent;
    }
  }

  // Children come after their parents in document order, so one reverse
  // pass sums every subtree.
  void SumSubtrees() {
    for (std::size_t i = survey_.elements.size(); i-- > 1;) {
      const ElementStats& child = survey_.elements[i];
      if (child.parent < 0) continue;
      ElementStats& parent = At(child.parent);
      parent.chars += child.chars;
      parent.link_chars += child.link_chars;
      parent.prose_chars += child.prose_chars;
    }
  }

  const SubtreeFilter& skip_;
  PageSurvey survey_;
  std::vector<Block> blocks_;
  Block current_;
  std::vector<int> open_;         // elements on the path from the root
  std::vector<int> blocks_open_;  // the block-level ones among them
  int link_depth_ = 0;
};

}  // namespace

const ElementStats* PageSurvey::Find(const GumboNode* node) const {
  const auto it = index.find(node);
  return it == index.end() ? nullptr
                           : &elements[static_cast<std::size_t>(it->second)];
}

PageSurvey SurveyBlocks(const GumboNode& root, const SubtreeFilter& skip) {
  SurveyBuilder builder(skip);
  WalkDom(
      root, [&](const GumboNode& node) { return builder.Enter(node, root); },
      [&](const GumboNode& node) { builder.Leave(node); });
  return builder.Finish();
}

}  // namespace revwatch
