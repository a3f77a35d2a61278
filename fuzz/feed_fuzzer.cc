// libFuzzer target: feed parsing (XML through libxml2, JSON Feed) and feed
// discovery must never crash, hang or leak, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feed/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  // Errors are fine; only crashes and sanitizer reports are findings.
  auto feed = revwatch::ParseFeed(body, "https://feeds.example/a/feed.xml");
  if (feed) {
    for (const revwatch::FeedItem& item : feed->items) {
      if (item.url.empty()) __builtin_trap();  // only usable links are items
    }
  }
  (void)revwatch::DiscoverFeeds(body, "https://feeds.example/a/");
  return 0;
}
