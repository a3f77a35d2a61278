// libFuzzer target: charset decoding and article extraction must never
// crash, hang or leak, whatever the bytes. The first input byte picks the
// HTTP charset, the rest is the page.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/charset.h"
#include "extract/extract_article.h"

namespace {

constexpr std::string_view kHttpCharsets[] = {
    "",         "utf-8",    "windows-1251", "koi8-u",    "koi8-r", "latin1",
    "utf-16le", "utf-16be", "gbk",          "shift_jis", "bogus"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  revwatch::ExtractOptions options;
  options.http_charset = kHttpCharsets[data[0] % std::size(kHttpCharsets)];
  const std::string_view page(reinterpret_cast<const char*>(data + 1),
                              size - 1);
  const revwatch::DecodedPage decoded =
      revwatch::DecodeToUtf8(page, options.http_charset);
  if (decoded.charset.empty()) __builtin_trap();
  // Errors are fine; only crashes and sanitizer reports are findings.
  (void)revwatch::ExtractArticle(page, options);
  return 0;
}
