#include "extract/extract_article.h"

#include <gumbo.h>

#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/charset.h"
#include "extract/content_root.h"
#include "extract/declared_body.h"
#include "extract/dom_walk.h"
#include "extract/furniture_filter.h"
#include "extract/headline.h"
#include "extract/page_headings.h"
#include "extract/page_metadata.h"
#include "extract/paragraph_filter.h"
#include "extract/parse_arena.h"
#include "extract/tag_depth.h"
#include "extract/text_blocks.h"
#include "extract/text_normalize.h"
#include "core/url_resolve.h"

namespace revwatch {
namespace {

// Gumbo keeps every parse error in memory; tag soup can have millions.
constexpr int kMaxParseErrors = 1000;

ParseArena& ThreadArena() {
  thread_local ParseArena arena;
  return arena;
}

// A parsed tree lives in its thread's arena, so one thread holds one tree
// at a time; dropping it resets the arena.
struct GumboOutputDeleter {
  void operator()(GumboOutput*) const { ThreadArena().Reset(); }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

GumboOutputPtr ParseHtml(const std::string& html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxParseErrors;
  options.allocator = &ParseArena::GumboAllocate;
  options.deallocator = &ParseArena::GumboDeallocate;
  options.userdata = &ThreadArena();
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

std::string ChooseTitle(const PageMetadata& meta, const GumboNode& container,
                        const GumboNode& body) {
  HeadlineSources sources;
  sources.og_title = meta.og_title;
  sources.json_ld_headline = meta.json_ld_headline;
  sources.h1 = FirstHeadingText(container);
  if (sources.h1.empty()) sources.h1 = FirstHeadingText(body);
  if (SameHeadline(sources.h1, meta.site_name)) sources.h1.clear();
  sources.document_title = meta.document_title;
  sources.headings = HeadingTexts(body);
  sources.site_name = meta.site_name;
  return ChooseHeadline(sources);
}

std::vector<TextBlock> CollectAll(const std::vector<const GumboNode*>& roots,
                                  const FurnitureFilter& filter) {
  std::vector<TextBlock> blocks;
  for (const GumboNode* root : roots) {
    std::vector<TextBlock> more = CollectTextBlocks(*root, filter);
    std::move(more.begin(), more.end(), std::back_inserter(blocks));
  }
  return blocks;
}

ExtractedArticle BuildArticle(const GumboOutput& output) {
  const GumboNode& body = FindBody(output);
  const PageMetadata meta = ReadPageMetadata(*output.document);
  ExtractedArticle result;
  result.modified = meta.modified;
  result.lang = meta.lang;
  result.canonical_url = meta.canonical_url;
  Article& article = result.article;
  article.byline = meta.byline;
  const GumboNode* declared = FindDeclaredBody(body, meta.json_ld_body);
  // Furniture class names first; if they hid everything, the page's own
  // wrapper was misnamed ("layout-with-sidebar"), so try without them.
  for (const bool use_class_hints : {true, false}) {
    const FurnitureFilter filter(body, use_class_hints);
    const std::vector<const GumboNode*> roots =
        FindContentRoots(body, filter, declared);
    article.title = ChooseTitle(meta, *roots.front(), body);
    article.paragraphs = SelectArticleParagraphs(CollectAll(roots, filter),
                                                 article.title, meta.byline);
    article.published = meta.published.empty()
                            ? FirstTimeElement(*roots.front())
                            : meta.published;
    if (!article.paragraphs.empty()) break;
  }
  return result;
}

// Refuses markup that would make Gumbo take quadratic time or memory.
std::optional<Error> CheckMarkup(const MarkupShape& shape, const ExtractOptions& options) {
  if (shape.depth > options.max_tag_depth) {
    return Error{ErrorCode::kParse, "page nests elements about " +
                                        std::to_string(shape.depth) +
                                        " deep, over the limit of " +
                                        std::to_string(options.max_tag_depth)};
  }
  if (shape.max_attributes > options.max_attributes_per_tag) {
    return Error{ErrorCode::kParse,
                 "page has a tag with " + std::to_string(shape.max_attributes) +
                     " attributes, over the limit of " +
                     std::to_string(options.max_attributes_per_tag)};
  }
  return std::nullopt;
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
  const MarkupShape shape = MeasureMarkup(decoded.utf8);
  if (std::optional<Error> error = CheckMarkup(shape, options)) {
    return tl::unexpected(std::move(*error));
  }
  if (!shape.code.empty()) decoded.utf8 = WithoutCode(decoded.utf8, shape);
  const GumboOutputPtr output = ParseHtml(decoded.utf8);
  if (!output || output->root == nullptr) {
    return MakeError(ErrorCode::kParse, "HTML parser returned no document");
  }
  ExtractedArticle result = BuildArticle(*output);
  result.charset = std::move(decoded.charset);
  result.canonical_url = ResolveUrl(options.page_url, result.canonical_url);
  if (result.article.paragraphs.empty()) {
    return MakeError(ErrorCode::kParse, "page holds no article text");
  }
  return result;
}

}  // namespace revwatch
