#include "feed/feed_parser.h"

#include <algorithm>
#include <limits>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/ascii.h"
#include "core/url_host.h"
#include "core/url_resolve.h"
#include "feed/xml_api.h"

namespace revwatch {
namespace {

constexpr std::size_t kMaxTitleBytes = 1000;
constexpr std::size_t kMaxSummaryBytes = 2000;
constexpr std::size_t kMaxUrlBytes = 8192;
constexpr int kMaxJsonDepth = 64;

constexpr std::string_view kAtom10 = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03 = "http://purl.org/atom/ns#";
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kDublinCore = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}
std::string_view Name(const xmlNode* node) { return View(node->name); }
std::string_view Namespace(const xmlNode* node) {
  return node->ns == nullptr ? std::string_view() : View(node->ns->href);
}

// Runs of white space become one space, the ends are trimmed, and the
// result is cut to at most `cap` bytes at a character boundary.
std::string Collapse(std::string_view text, std::size_t cap) {
  std::string out;
  out.reserve(std::min(text.size(), cap));
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= cap) break;
  }
  if (out.size() > cap) out.resize(cap);
  // Never end inside a UTF-8 sequence.
  std::size_t end = out.size();
  std::size_t lead = end;
  while (lead > 0 && (static_cast<unsigned char>(out[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead > 0) {
    const auto first = static_cast<unsigned char>(out[lead - 1]);
    const std::size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    if (end - (lead - 1) < length) end = lead - 1;
  }
  out.resize(end);
  return out;
}

void AppendText(const xmlNode* node, std::string& out, std::size_t cap) {
  for (const xmlNode* child = node->children; child != nullptr && out.size() < cap;
       child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      out += View(child->content);
    } else if (child->type == XML_ELEMENT_NODE) {
      AppendText(child, out, cap);
    }
  }
}

// The text inside an element (or attribute), collapsed.
std::string TextOf(const xmlNode* node, std::size_t cap = kMaxTitleBytes) {
  if (node == nullptr) return "";
  std::string raw;
  AppendText(node, raw, cap * 4);
  return Collapse(raw, cap);
}

// A summary as plain text: feeds carry HTML there (escaped or in CDATA),
// and its markup (an image's rotating CDN token, a tracking pixel) is not
// what a reader sees; compared as text, a summary changes only when its
// words do.
std::string PlainText(std::string_view html) {
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
      {"&apos;", "'"}, {"&nbsp;", " "}, {"&#160;", " "}};
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      out += ' ';  // a tag separates words
      i = end + 1;
      continue;
    }
    if (html[i] == '&') {
      bool decoded = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.substr(i).starts_with(entity)) {
          out += text;
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out += html[i++];
  }
  return Collapse(out, kMaxSummaryBytes);
}

std::string SummaryOf(const xmlNode* node) {
  if (node == nullptr) return "";
  std::string raw;
  AppendText(node, raw, kMaxSummaryBytes * 8);
  return PlainText(raw);
}

std::string AttributeOf(const xmlNode* node, std::string_view name,
                        std::string_view ns = std::string_view()) {
  for (const xmlAttr* attribute = node->properties; attribute != nullptr;
       attribute = attribute->next) {
    const std::string_view attribute_ns =
        attribute->ns == nullptr ? std::string_view() : View(attribute->ns->href);
    if (View(attribute->name) != name || attribute_ns != ns) continue;
    std::string raw;
    for (const xmlNode* text = attribute->children; text != nullptr; text = text->next) {
      raw += View(text->content);
    }
    return Collapse(raw, kMaxUrlBytes);
  }
  return "";
}

// Calls `visit` for every child element named `name` in namespace `ns`
// ("": none; nullopt: any) until it returns false.
template <typename Visit>
void ForEachChild(const xmlNode* parent, std::string_view name, std::optional<std::string_view> ns,
                  Visit visit) {
  if (parent == nullptr) return;
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && Name(child) == name &&
        (!ns || Namespace(child) == *ns)) {
      if (!visit(child)) return;
    }
  }
}

// The first child element named `name` in namespace `ns` (any if nullopt).
const xmlNode* Child(const xmlNode* parent, std::string_view name,
                     std::optional<std::string_view> ns) {
  const xmlNode* found = nullptr;
  ForEachChild(parent, name, ns, [&](const xmlNode* child) {
    found = child;
    return false;
  });
  return found;
}

bool IsHttpUrl(std::string_view url) {
  const std::string scheme = AsciiLower(url.substr(0, 8));
  return (scheme.starts_with("http://") || scheme.starts_with("https://")) &&
         !HostOf(url).empty() && url.find_first_of(" \t\r\n") == std::string_view::npos;
}

// Makes links absolute (core/url_resolve.h).
class Links {
 public:
  explicit Links(std::string_view feed_url) : feed_url_(feed_url) {}

  // `reference` made absolute against `base`.
  std::string Resolve(std::string_view reference, std::string_view base) const {
    if (reference.empty()) return "";
    return ResolveUrl(base, reference);
  }

  // The base URL in effect at `node`: the feed's URL as changed by the
  // xml:base attributes of the node and its ancestors.
  std::string BaseAt(const xmlNode* node) const {
    std::vector<std::string> bases;
    for (const xmlNode* n = node; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
      if (std::string base = AttributeOf(n, "base", kXmlNamespace); !base.empty()) {
        bases.push_back(std::move(base));
      }
    }
    std::string base = feed_url_;
    for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
      if (std::string next = Resolve(*it, base); !next.empty()) base = std::move(next);
    }
    return base;
  }

  const std::string& feed_url() const { return feed_url_; }

 private:
  std::string feed_url_;
};

void SetDate(FeedItem& item, std::string date) {
  item.published = Collapse(date, 100);
  item.published_at = ParseInternetTime(item.published).value_or(0);
}

// Adds `item` when its link is a usable http(s) URL, else counts it.
void Keep(FeedItem item, ParsedFeed& feed, const FeedLimits& limits) {
  if (!IsHttpUrl(item.url)) {
    ++feed.skipped;
    return;
  }
  if (feed.items.size() >= limits.max_items) {
    feed.truncated = true;
    return;
  }
  feed.items.push_back(std::move(item));
}

void ReadRss2(const xmlNode* root, const Links& links, const FeedLimits& limits,
              ParsedFeed& feed) {
  feed.format = FeedFormat::kRss2;
  const xmlNode* channel = Child(root, "channel", "");
  feed.title = TextOf(Child(channel, "title", ""));
  // RSS 0.9x sometimes puts items beside the channel rather than in it.
  for (const xmlNode* parent : {channel, root}) {
    ForEachChild(parent, "item", "", [&](const xmlNode* node) {
      FeedItem item;
      std::string link = TextOf(Child(node, "link", ""), kMaxUrlBytes);
      if (link.empty()) {  // a permalink guid stands in for a missing link
        if (const xmlNode* guid = Child(node, "guid", "");
            guid != nullptr && AsciiLower(AttributeOf(guid, "isPermaLink")) != "false") {
          link = TextOf(guid, kMaxUrlBytes);
        }
      }
      item.url = link.empty() ? "" : links.Resolve(link, links.feed_url());
      item.title = TextOf(Child(node, "title", ""));
      item.summary = SummaryOf(Child(node, "description", ""));
      const xmlNode* date = Child(node, "pubDate", "");
      SetDate(item, TextOf(date != nullptr ? date : Child(node, "date", kDublinCore)));
      Keep(std::move(item), feed, limits);
      return true;
    });
  }
}

void ReadRdf(const xmlNode* root, const Links& links, const FeedLimits& limits,
             ParsedFeed& feed) {
  feed.format = FeedFormat::kRdf;
  const xmlNode* channel = Child(root, "channel", std::nullopt);
  const std::string_view ns = channel != nullptr ? Namespace(channel) : std::string_view();
  feed.title = TextOf(Child(channel, "title", ns));
  ForEachChild(root, "item", ns, [&](const xmlNode* node) {
    FeedItem item;
    std::string link = TextOf(Child(node, "link", ns), kMaxUrlBytes);
    if (link.empty()) link = AttributeOf(node, "about", kRdf);
    item.url = link.empty() ? "" : links.Resolve(link, links.feed_url());
    item.title = TextOf(Child(node, "title", ns));
    item.summary = SummaryOf(Child(node, "description", ns));
    SetDate(item, TextOf(Child(node, "date", kDublinCore)));
    Keep(std::move(item), feed, limits);
    return true;
  });
}

// An entry's page: its rel="alternate" link (rel absent means alternate),
// an HTML one first.
std::string AtomLink(const xmlNode* entry, std::string_view ns, const Links& links) {
  std::string best;
  bool best_is_html = false;
  ForEachChild(entry, "link", ns, [&](const xmlNode* link) {
    const std::string rel = AttributeOf(link, "rel");
    const std::string href = AttributeOf(link, "href");
    if ((!rel.empty() && rel != "alternate") || href.empty()) return true;
    const std::string type = AsciiLower(AttributeOf(link, "type"));
    const bool html = type.empty() || type == "text/html" || type == "application/xhtml+xml";
    if (best.empty() || (html && !best_is_html)) {
      best = links.Resolve(href, links.BaseAt(link));
      best_is_html = html;
    }
    return !best_is_html;
  });
  if (best.empty()) {  // an id that is itself a web address
    std::string id = TextOf(Child(entry, "id", ns), kMaxUrlBytes);
    if (IsHttpUrl(id)) best = std::move(id);
  }
  return best;
}

void ReadAtom(const xmlNode* root, const Links& links, const FeedLimits& limits,
              ParsedFeed& feed) {
  feed.format = FeedFormat::kAtom;
  const std::string_view ns = Namespace(root);
  feed.title = TextOf(Child(root, "title", ns));
  ForEachChild(root, "entry", ns, [&](const xmlNode* node) {
    FeedItem item;
    item.url = AtomLink(node, ns, links);
    item.title = TextOf(Child(node, "title", ns));
    const xmlNode* summary = Child(node, "summary", ns);
    item.summary = SummaryOf(summary != nullptr ? summary : Child(node, "content", ns));
    const xmlNode* date = nullptr;
    for (const char* name : {"published", "issued", "updated", "modified"}) {
      if (date == nullptr) date = Child(node, name, ns);
    }
    SetDate(item, TextOf(date));
    Keep(std::move(item), feed, limits);
    return true;
  });
}

// Sitemaps are matched by local names: besides sitemaps.org's namespace,
// Google's older one and none at all are both found in the wild.
void ReadSitemap(const xmlNode* root, const Links& links, const FeedLimits& limits,
                 ParsedFeed& feed) {
  feed.format = FeedFormat::kSitemap;
  ForEachChild(root, "url", std::nullopt, [&](const xmlNode* node) {
    FeedItem item;
    item.url = links.Resolve(TextOf(Child(node, "loc", std::nullopt), kMaxUrlBytes),
                             links.feed_url());
    const xmlNode* news = nullptr;
    ForEachChild(node, "news", std::nullopt, [&](const xmlNode* child) {
      if (Namespace(child).find("sitemap-news") == std::string_view::npos) return true;
      news = child;
      return false;
    });
    if (news != nullptr) {
      feed.format = FeedFormat::kNewsSitemap;
      item.title = TextOf(Child(news, "title", Namespace(news)));
      SetDate(item, TextOf(Child(news, "publication_date", Namespace(news))));
    } else {
      SetDate(item, TextOf(Child(node, "lastmod", std::nullopt)));
    }
    Keep(std::move(item), feed, limits);
    return true;
  });
}

// The sitemaps newest first by their <lastmod> (indexes often list the
// oldest first, and only the first few are read per poll); undated ones
// after, in index order.
void ReadSitemapIndex(const xmlNode* root, const Links& links, const FeedLimits& limits,
                      ParsedFeed& feed) {
  feed.format = FeedFormat::kSitemapIndex;
  std::vector<std::pair<UnixSeconds, std::string>> sitemaps;
  ForEachChild(root, "sitemap", std::nullopt, [&](const xmlNode* node) {
    std::string loc =
        links.Resolve(TextOf(Child(node, "loc", std::nullopt), kMaxUrlBytes), links.feed_url());
    if (!IsHttpUrl(loc)) {
      ++feed.skipped;
    } else if (sitemaps.size() < limits.max_items) {
      const std::string lastmod = TextOf(Child(node, "lastmod", std::nullopt));
      sitemaps.emplace_back(ParseInternetTime(lastmod).value_or(0), std::move(loc));
    }
    return true;
  });
  std::stable_sort(sitemaps.begin(), sitemaps.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& [lastmod, loc] : sitemaps) feed.sitemaps.push_back(std::move(loc));
}

// Entities can only be declared in a document type's internal subset
// ("<!DOCTYPE rss [ <!ENTITY ...> ]>"). No feed needs one, so one is
// refused before libxml2 sees it (quoted literals in the declaration are
// skipped: a '>' inside one does not end it).
bool DeclaresInternalSubset(std::string_view body) {
  const std::size_t doctype = body.find("<!DOCTYPE");
  if (doctype == std::string_view::npos) return false;
  char quote = 0;
  for (std::size_t i = doctype; i < body.size(); ++i) {
    const char c = body[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      return true;
    } else if (c == '>') {
      return false;
    }
  }
  return quote != 0;  // an unterminated literal: refused too
}

Result<ParsedFeed> ParseXmlFeed(std::string_view body, std::string_view feed_url,
                                const FeedLimits& limits) {
  const std::string refused = "refused: the document declares XML entities, which no feed needs "
                              "(the shape of a billion-laughs or external-entity attack)";
  if (DeclaresInternalSubset(body)) return MakeError(ErrorCode::kParse, refused);
  if (body.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return MakeError(ErrorCode::kParse, "the feed is over 2 GiB");  // libxml2 takes an int
  }
  auto api = LoadXml();
  if (!api) return tl::unexpected(api.error());
  XmlParser parser((*api)->new_parser_ctxt(), XmlParserDeleter{*api});
  if (!parser) return MakeError(ErrorCode::kParse, "out of memory for the XML parser");
  // No network, no DTD loading or entity substitution (neither option is
  // given), and libxml2's default limits on depth and text size (no
  // XML_PARSE_HUGE). Errors come back through the context, not stderr.
  constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  // The first error says what is wrong; the last (which the context keeps)
  // is usually "Premature end of data" at the end of the file.
  struct FirstError {
    int line = 0;
    std::string message;
  } first;
  parser->_private = &first;
  parser->sax->serror = [](void* context, xmlError* error) {
    auto* found = static_cast<FirstError*>(static_cast<xmlParserCtxt*>(context)->_private);
    if (!found->message.empty() || error == nullptr || error->level < XML_ERR_ERROR) return;
    found->line = error->line;
    found->message = error->message != nullptr ? Collapse(error->message, 200) : "unknown error";
  };
  const std::string url(feed_url);
  XmlDoc doc((*api)->ctxt_read_memory(parser.get(), body.data(), static_cast<int>(body.size()),
                                      url.c_str(), nullptr, kOptions),
             XmlDocDeleter{*api});
  if (!doc) {
    if (first.message.empty()) {
      const xmlError* last = (*api)->ctxt_get_last_error(parser.get());
      first.line = last != nullptr ? last->line : 0;
      first.message = last != nullptr && last->message != nullptr ? Collapse(last->message, 200)
                                                                  : "unknown error";
    }
    return MakeError(ErrorCode::kParse,
                     "not well-formed XML" +
                         (first.line > 0 ? " at line " + std::to_string(first.line) : "") + ": " +
                         first.message);
  }
  // The same refusal for an encoding the byte search above cannot read.
  if (doc->intSubset != nullptr && doc->intSubset->entities != nullptr) {
    return MakeError(ErrorCode::kParse, refused);
  }
  const xmlNode* root = (*api)->doc_get_root_element(doc.get());
  if (root == nullptr) return MakeError(ErrorCode::kParse, "an XML document without elements");
  const Links links(feed_url);
  ParsedFeed feed;
  const std::string_view name = Name(root);
  const std::string_view ns = Namespace(root);
  if (name == "rss") {
    ReadRss2(root, links, limits, feed);
  } else if (name == "RDF" && ns == kRdf) {
    ReadRdf(root, links, limits, feed);
  } else if (name == "feed" && (ns == kAtom10 || ns == kAtom03)) {
    ReadAtom(root, links, limits, feed);
  } else if (name == "urlset") {
    ReadSitemap(root, links, limits, feed);
  } else if (name == "sitemapindex") {
    ReadSitemapIndex(root, links, limits, feed);
  } else {
    return MakeError(ErrorCode::kParse, "not a feed or sitemap: the document is <" +
                                            std::string(name) +
                                            ">, not <rss>, <rdf:RDF>, Atom's <feed>, "
                                            "<urlset> or <sitemapindex>");
  }
  return feed;
}

// Deeper nesting than any feed has is refused before parsing: a JSON
// bomb of brackets would otherwise cost memory and stack.
bool NestsDeeperThan(std::string_view json, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

std::string JsonString(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Result<ParsedFeed> ParseJsonFeed(std::string_view body, std::string_view feed_url,
                                 const FeedLimits& limits) {
  if (NestsDeeperThan(body, kMaxJsonDepth)) {
    return MakeError(ErrorCode::kParse, "JSON nested deeper than " +
                                            std::to_string(kMaxJsonDepth) +
                                            " levels; no feed is");
  }
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return MakeError(ErrorCode::kParse, "not a JSON Feed: the JSON is malformed or not an object");
  }
  if (!JsonString(json, "version").starts_with("https://jsonfeed.org/version/")) {
    return MakeError(ErrorCode::kParse,
                     "not a JSON Feed: no \"version\": \"https://jsonfeed.org/version/...\"");
  }
  ParsedFeed feed;
  feed.format = FeedFormat::kJsonFeed;
  feed.title = Collapse(JsonString(json, "title"), kMaxTitleBytes);
  const auto items = json.find("items");
  if (items == json.end() || !items->is_array()) return feed;
  const Links links(feed_url);
  for (const nlohmann::json& entry : *items) {
    if (!entry.is_object()) {
      ++feed.skipped;
      continue;
    }
    FeedItem item;
    item.url = Collapse(JsonString(entry, "url"), kMaxUrlBytes);
    if (item.url.empty() && IsHttpUrl(JsonString(entry, "id"))) item.url = JsonString(entry, "id");
    item.url = links.Resolve(item.url, feed_url);
    item.title = Collapse(JsonString(entry, "title"), kMaxTitleBytes);
    std::string summary = JsonString(entry, "summary");
    if (summary.empty()) summary = JsonString(entry, "content_text");
    item.summary = PlainText(summary);
    std::string date = JsonString(entry, "date_published");
    SetDate(item, date.empty() ? JsonString(entry, "date_modified") : std::move(date));
    Keep(std::move(item), feed, limits);
  }
  return feed;
}

std::string_view Trimmed(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // a UTF-8 byte order mark
  const std::size_t begin = body.find_first_not_of(" \t\r\n");
  return begin == std::string_view::npos ? std::string_view() : body.substr(begin);
}

}  // namespace

std::string_view FeedFormatName(FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss2: return "RSS 2.0";
    case FeedFormat::kRdf: return "RSS 1.0";
    case FeedFormat::kAtom: return "Atom";
    case FeedFormat::kJsonFeed: return "JSON Feed";
    case FeedFormat::kSitemap: return "sitemap";
    case FeedFormat::kNewsSitemap: return "news sitemap";
    case FeedFormat::kSitemapIndex: return "sitemap index";
  }
  return "feed";
}

Result<ParsedFeed> ParseFeed(std::string_view body, std::string_view feed_url,
                             const FeedLimits& limits) {
  if (body.size() > limits.max_bytes) {
    return MakeError(ErrorCode::kParse, "the feed is " + std::to_string(body.size()) +
                                            " bytes, over the limit of " +
                                            std::to_string(limits.max_bytes) + " bytes");
  }
  const std::string_view start = Trimmed(body);
  if (start.empty()) return MakeError(ErrorCode::kParse, "the feed is empty");
  if (start.front() == '{' || start.front() == '[') return ParseJsonFeed(body, feed_url, limits);
  return ParseXmlFeed(body, feed_url, limits);
}

bool LooksLikeHtml(std::string_view content_type, std::string_view body) {
  // The body first: feeds served as text/html are common.
  const std::string head = AsciiLower(Trimmed(body).substr(0, 64));
  for (std::string_view feed_start : {"<?xml", "<rss", "<feed", "<rdf:rdf", "<urlset",
                                      "<sitemapindex", "{"}) {
    if (head.starts_with(feed_start)) return false;
  }
  if (head.starts_with("<!doctype html") || head.starts_with("<html")) return true;
  const std::string type = AsciiLower(content_type.substr(0, content_type.find(';')));
  return type.find("html") != std::string::npos && type != "application/xhtml+xml";
}

}  // namespace revwatch
