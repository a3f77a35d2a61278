#include "extract/paragraph_filter.h"

#include <utf8proc.h>

#include <algorithm>
#include <string>
#include <utility>

#include "extract/lead_lines.h"
#include "extract/text_normalize.h"

namespace revwatch {
namespace {

// A block this long is body text: bylines and date lines come before it.
constexpr std::size_t kMinProseChars = 80;
// A link list item whose links are less than this share of its text has
// words of its own.
constexpr double kMaxOwnLinkShare = 0.9;
// Characters a linked sentence may have outside its link (the full stop).
constexpr std::size_t kMaxSentenceTailChars = 2;

constexpr std::string_view kWidgetLabels[] = {
    "tags", "tag", "topics", "read also", "also read", "read more", "see also",
    "related", "related articles", "related news", "related stories",
    "related posts", "related content", "related links", "don't miss",
    "you may also like", "you might also like", "more on this topic", "share",
    "share this", "share this article", "follow us", "advertisement",
    "sponsored", "comments", "newsletter",
    // media labels left by a player or gallery that was not rendered
    "video", "watch", "watch video", "photo", "photos", "gallery", "audio",
    "listen",
    // Ukrainian and Russian news sites
    "теги", "теми", "читайте також", "читайте также", "поділитися",
    "поделиться", "реклама"};

bool HasLetterOrDigit(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    p += n;
    left -= n;
    const utf8proc_category_t category = utf8proc_category(cp);
    if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO) {
      return true;
    }
  }
  return false;
}

bool IsLowerIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsUpperIdentChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "client/title.list_title", "news.read_more": lower-case identifiers
// joined by '/' or '.', with at least one '/' or '_' to tell them from a
// domain name such as "example.com".
bool IsTemplatePath(std::string_view text) {
  bool needs_ident = true;
  int joints = 0;
  for (char c : text) {
    if (c == '/' || c == '.') {
      if (needs_ident) return false;
      needs_ident = true;
      ++joints;
    } else if (IsLowerIdentChar(c)) {
      needs_ident = false;
    } else {
      return false;
    }
  }
  const bool marked = text.find_first_of("/_") != std::string_view::npos;
  return !needs_ident && joints > 0 && marked;
}

// "LABEL_READ_MORE".
bool IsConstantName(std::string_view text) {
  return text.size() > 2 && text.front() >= 'A' && text.front() <= 'Z' &&
         text.find('_') != std::string_view::npos &&
         std::all_of(text.begin(), text.end(), IsUpperIdentChar);
}

bool IsLinkHeavy(const TextBlock& block) {
  return block.link_chars * 2 > block.chars;
}

// Everything IsArticleParagraph asks but the share of link text.
bool IsArticleText(const TextBlock& block) {
  const bool date_line = block.time_chars >= block.chars;
  return !date_line && HasLetterOrDigit(block.text) &&
         !IsWidgetLabel(block.text) && !IsTemplatePlaceholder(block.text);
}

bool IsLeadLine(const TextBlock& block, std::string_view byline) {
  return block.chars < kMinProseChars &&
         (IsBylineLine(block.text, byline) || IsDateLine(block.text));
}

bool IsProse(const TextBlock& block) {
  return block.chars >= kMinProseChars && IsArticleParagraph(block);
}

// A list of links with words of its own ("(normally $180)") is content; a
// list of bare links ("More stories") is content only inside the article,
// with body text after it.
bool HasOwnText(const TextBlock& block) {
  return static_cast<double>(block.link_chars) <
         kMaxOwnLinkShare * static_cast<double>(block.chars);
}

// A whole sentence that links somewhere ("<a>This week's game is
// Say Anything</a>."): text, not a link to another story, when it ends the
// way sentences do, stands between prose paragraphs and has no label of its
// own ("Video: <a>...</a>" is a teaser).
bool IsLinkedSentence(const TextBlock& block) {
  return !block.list_item && block.chars >= kMinProseChars &&
         block.chars <= block.link_chars + kMaxSentenceTailChars &&
         IsArticleText(block) &&
         (block.text.ends_with('.') || block.text.ends_with('!') ||
          block.text.ends_with('?'));
}

// For each block, whether a prose paragraph (not a list item) follows it.
std::vector<bool> ProseFollows(const std::vector<TextBlock>& blocks) {
  std::vector<bool> after(blocks.size(), false);
  bool seen = false;
  for (std::size_t i = blocks.size(); i-- > 0;) {
    after[i] = seen;
    seen = seen || (!blocks[i].list_item && IsProse(blocks[i]));
  }
  return after;
}

// Drops the bylines and date lines that follow the last prose paragraph.
void DropTrailingLeadLines(std::vector<TextBlock>& kept,
                           std::string_view byline) {
  while (!kept.empty() && IsLeadLine(kept.back(), byline)) kept.pop_back();
}

// Walks the blocks once, keeping state about what came before.
class ParagraphSelector {
 public:
  ParagraphSelector(std::vector<TextBlock>& blocks, std::string_view title,
                    std::string_view byline)
      : blocks_(blocks),
        prose_after_(ProseFollows(blocks)),
        title_(title),
        byline_(byline) {}

  void Offer(std::size_t i) {
    TextBlock& block = blocks_[i];
    const bool keep = Keeps(i);
    list_introduced_ = block.list_item ? list_introduced_ && keep : false;
    after_prose_ = keep && IsProse(block);
    if (!keep) return;
    // The headline, byline and date repeated above the body are not text.
    if (!in_body_ && (block.text == title_ || IsLeadLine(block, byline_))) {
      return;
    }
    in_body_ = in_body_ || IsProse(block);
    if (!block.list_item) list_introduced_ = block.text.ends_with(':');
    kept_.push_back(std::move(block));
  }

  std::vector<std::string> Finish() {
    DropTrailingLeadLines(kept_, byline_);
    std::vector<std::string> paragraphs;
    paragraphs.reserve(kept_.size());
    for (TextBlock& block : kept_) paragraphs.push_back(std::move(block.text));
    return paragraphs;
  }

 private:
  bool Keeps(std::size_t i) const {
    const TextBlock& block = blocks_[i];
    if (IsArticleParagraph(block)) return true;
    if (block.list_item && list_introduced_) {
      return IsArticleText(block) && (prose_after_[i] || HasOwnText(block));
    }
    return after_prose_ && prose_after_[i] && IsLinkedSentence(block);
  }

  std::vector<TextBlock>& blocks_;
  const std::vector<bool> prose_after_;
  std::string_view title_;
  std::string_view byline_;
  std::vector<TextBlock> kept_;
  bool in_body_ = false;          // past the first prose paragraph
  bool list_introduced_ = false;  // a paragraph ending in ':' opened a list
  bool after_prose_ = false;      // the block before was kept prose
};

}  // namespace

std::vector<std::string> SelectArticleParagraphs(std::vector<TextBlock> blocks,
                                                 std::string_view title,
                                                 std::string_view byline) {
  ParagraphSelector selector(blocks, title, byline);
  for (std::size_t i = 0; i < blocks.size(); ++i) selector.Offer(i);
  return selector.Finish();
}

bool IsArticleParagraph(const TextBlock& block) {
  return !IsLinkHeavy(block) && IsArticleText(block);
}

bool IsWidgetLabel(std::string_view text) {
  const std::string key = LabelKey(text);
  return std::find(std::begin(kWidgetLabels), std::end(kWidgetLabels), key) !=
         std::end(kWidgetLabels);
}

bool IsTemplatePlaceholder(std::string_view text) {
  for (std::string_view marker : {"{{", "}}", "{%", "%}"}) {
    if (text.find(marker) != std::string_view::npos) return true;
  }
  if (text.find(' ') != std::string_view::npos) return false;
  return IsTemplatePath(text) || IsConstantName(text);
}

}  // namespace revwatch
