// Undoes a response's Content-Encoding (gzip, deflate) with zlib, as the
// body arrives. libcurl 7.88's own decoding returns success for a gzip body
// cut short when Content-Length matches the bytes sent; decoding here lets
// the fetcher require the end of the compressed stream, and count the
// decoded bytes against its cap while a gzip bomb inflates.
#ifndef REVWATCH_FETCH_BODY_DECODER_H_
#define REVWATCH_FETCH_BODY_DECODER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace revwatch {

class BodyDecoder {
 public:
  // For a Content-Encoding header value: "" and "identity" pass bytes
  // through; "gzip", "x-gzip" and "deflate" are inflated; anything else is
  // an error naming the encoding.
  static Result<BodyDecoder> For(std::string_view content_encoding);

  BodyDecoder(BodyDecoder&&) noexcept;
  BodyDecoder& operator=(BodyDecoder&&) noexcept;
  ~BodyDecoder();

  // Appends the decoded form of `data` to `out`. Fails on corrupt data, or
  // once `out` would grow past `max_bytes`.
  [[nodiscard]] Status Feed(std::string_view data, std::string& out, std::size_t max_bytes);

  // After the last byte: fails if a compressed stream had not ended (the
  // body was truncated).
  [[nodiscard]] Status Finish() const;

 private:
  struct Inflater;
  explicit BodyDecoder(std::unique_ptr<Inflater> inflater);

  std::unique_ptr<Inflater> inflater_;  // null for identity
};

// The other way: `data` as one gzip member, or as raw deflate (what some
// servers send as "deflate"). For archives (revwatch export --gzip) and
// tests.
enum class Compression { kGzip, kRawDeflate };
std::string Compress(std::string_view data, Compression framing);

// What a fetch over the body limit fails with: "body larger than 16777216
// bytes (16 MiB, the [fetch] max_body limit)".
std::string BodyTooLargeMessage(std::size_t max_bytes);

}  // namespace revwatch

#endif  // REVWATCH_FETCH_BODY_DECODER_H_
