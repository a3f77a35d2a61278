#include "extract/extract_article.h"

#include <gumbo.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/charset.h"
#include "extract/content_root.h"
#include "extract/dom_walk.h"
#include "extract/headline.h"
#include "extract/page_metadata.h"
#include "extract/paragraph_filter.h"
#include "extract/tag_depth.h"
#include "extract/text_blocks.h"
#include "extract/text_normalize.h"

namespace revwatch {
namespace {

// Real pages nest a few dozen levels; Gumbo's run time grows with depth
// times tags, and it frees its tree recursively.
constexpr std::size_t kMaxTagDepth = 4096;
// Gumbo keeps every parse error in memory; tag soup can have millions.
constexpr int kMaxParseErrors = 1000;

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

GumboOutputPtr ParseHtml(const std::string& html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxParseErrors;
  return GumboOutputPtr(
      gumbo_parse_with_options(&options, html.data(), html.size()));
}

bool HasTag(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

const GumboNode& FindBody(const GumboOutput& output) {
  const GumboVector& children = output.root->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (HasTag(*child, GUMBO_TAG_BODY)) return *child;
  }
  return *output.root;
}

// The text of the first <h1> under `root` outside navigation, footers,
// asides and links (where site logos live), or "".
std::string FirstHeadingText(const GumboNode& root) {
  std::string text;
  WalkDom(root, [&text](const GumboNode& node) {
    if (!text.empty()) return WalkAction::kStop;
    if (node.type != GUMBO_NODE_ELEMENT) return WalkAction::kSkipChildren;
    switch (node.v.element.tag) {
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_A:
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_TEMPLATE:
        return WalkAction::kSkipChildren;
      case GUMBO_TAG_H1:
        text = NormalizePageText(TextContentOf(node));
        return WalkAction::kSkipChildren;
      default:
        return WalkAction::kDescend;
    }
  });
  return text;
}

std::string ChooseTitle(const PageMetadata& meta, const GumboNode& container,
                        const GumboNode& body) {
  HeadlineSources sources;
  sources.og_title = meta.og_title;
  sources.json_ld_headline = meta.json_ld_headline;
  sources.h1 = FirstHeadingText(container);
  if (sources.h1.empty()) sources.h1 = FirstHeadingText(body);
  if (SameHeadline(sources.h1, meta.site_name)) sources.h1.clear();
  sources.document_title = meta.document_title;
  sources.site_name = meta.site_name;
  return ChooseHeadline(sources);
}

std::vector<std::string> SelectParagraphs(std::vector<TextBlock> blocks,
                                          const std::string& title) {
  std::vector<std::string> paragraphs;
  for (TextBlock& block : blocks) {
    if (!IsArticleParagraph(block)) continue;
    // The headline repeated above the body is not a paragraph.
    if (paragraphs.empty() && block.text == title) continue;
    paragraphs.push_back(std::move(block.text));
  }
  return paragraphs;
}

Article BuildArticle(const GumboOutput& output) {
  const GumboNode& body = FindBody(output);
  const PageMetadata meta = ReadPageMetadata(*output.document);
  Article article;
  article.byline = meta.byline;
  // Furniture class names first; if they hid everything, the page's own
  // wrapper was misnamed ("layout-with-sidebar"), so try without them.
  for (const bool use_class_hints : {true, false}) {
    const GumboNode& container = FindContentRoot(body, use_class_hints);
    article.title = ChooseTitle(meta, container, body);
    article.paragraphs = SelectParagraphs(
        CollectTextBlocks(container, {.use_class_hints = use_class_hints}),
        article.title);
    article.published =
        meta.published.empty() ? FirstTimeElement(container) : meta.published;
    if (!article.paragraphs.empty()) break;
  }
  return article;
}

}  // namespace

Result<ExtractedArticle> ExtractArticle(std::string_view page,
                                        const ExtractOptions& options) {
  if (page.size() > options.max_input_bytes) {
    return MakeError(ErrorCode::kParse,
                     "page is " + std::to_string(page.size()) +
                         " bytes, over the limit of " +
                         std::to_string(options.max_input_bytes));
  }
  DecodedPage decoded = DecodeToUtf8(page, options.http_charset);
  const std::size_t depth = EstimateTagDepth(decoded.utf8);
  if (depth > kMaxTagDepth) {
    return MakeError(ErrorCode::kParse, "page nests elements about " +
                                            std::to_string(depth) +
                                            " deep, over the limit of " +
                                            std::to_string(kMaxTagDepth));
  }
  const GumboOutputPtr output = ParseHtml(decoded.utf8);
  if (!output || output->root == nullptr) {
    return MakeError(ErrorCode::kParse, "HTML parser returned no document");
  }
  ExtractedArticle result{BuildArticle(*output), std::move(decoded.charset)};
  if (result.article.paragraphs.empty()) {
    return MakeError(ErrorCode::kParse, "page holds no article text");
  }
  return result;
}

}  // namespace revwatch
