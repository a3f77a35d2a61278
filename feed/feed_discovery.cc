// DiscoverFeeds (feed_parser.h): the <link rel="alternate"> elements of an
// HTML page, read with Gumbo.
#include <gumbo.h>

#include <algorithm>
#include <memory>

#include "core/ascii.h"
#include "feed/feed_parser.h"
#include "core/url_resolve.h"

namespace revwatch {
namespace {

constexpr std::string_view kFeedTypes[] = {"application/rss+xml", "application/atom+xml",
                                           "application/feed+json", "application/rdf+xml"};

std::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

// Whether a space-separated rel list holds "alternate".
bool HasAlternate(std::string_view rel) {
  const std::string lower = AsciiLower(rel);
  std::size_t start = 0;
  while (start < lower.size()) {
    const std::size_t end = std::min(lower.find_first_of(" \t\r\n", start), lower.size());
    if (std::string_view(lower).substr(start, end - start) == "alternate") return true;
    start = end + 1;
  }
  return false;
}

bool IsFeedType(std::string_view type) {
  const std::string lower = AsciiLower(type.substr(0, type.find(';')));
  for (std::string_view feed_type : kFeedTypes) {
    if (lower == feed_type) return true;
  }
  return false;
}

// <link> and <base> elements in document order; the head is where they
// belong, but pages put them anywhere.
void Collect(const GumboNode* node, std::vector<const GumboElement*>& links,
             std::string_view& base) {
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current->type != GUMBO_NODE_ELEMENT && current->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& element = current->v.element;
    if (element.tag == GUMBO_TAG_LINK) links.push_back(&element);
    if (element.tag == GUMBO_TAG_BASE && base.empty()) base = Attribute(element, "href");
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(element.children.data[i - 1]));
    }
  }
}

}  // namespace

std::vector<std::string> DiscoverFeeds(std::string_view html, std::string_view page_url) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
  std::vector<const GumboElement*> links;
  std::string_view base_href;
  Collect(output->root, links, base_href);

  const std::string base = base_href.empty() ? std::string(page_url)
                                             : ResolveUrl(page_url, base_href);
  std::vector<std::string> feeds;
  for (const GumboElement* link : links) {
    if (!HasAlternate(Attribute(*link, "rel")) || !IsFeedType(Attribute(*link, "type"))) continue;
    const std::string_view href = Attribute(*link, "href");
    std::string url = href.empty() ? "" : ResolveUrl(base, href);
    if (!url.empty() && std::find(feeds.begin(), feeds.end(), url) == feeds.end()) {
      feeds.push_back(std::move(url));
    }
  }
  return feeds;
}

}  // namespace revwatch
