#include "fetch/body_decoder.h"

#include <zlib.h>

#include <algorithm>
#include <array>

#include "core/ascii.h"

namespace revwatch {
namespace {

// The encoding token, lower-cased, without blanks ("GZip " -> "gzip").
std::string Token(std::string_view s) {
  std::string out = AsciiLower(s);
  std::erase_if(out, [](char c) { return c == ' ' || c == '\t'; });
  return out;
}

}  // namespace

struct BodyDecoder::Inflater {
  z_stream stream{};
  bool deflate = false;       // "deflate": zlib-wrapped, or raw from some servers
  bool started = false;       // any input seen
  bool ended = false;         // the (last) compressed stream ended
  bool tried_raw = false;

  explicit Inflater(bool is_deflate) : deflate(is_deflate) {
    // 15 + 32: a zlib or gzip header, detected.
    inflateInit2(&stream, 15 + 32);
  }
  ~Inflater() { inflateEnd(&stream); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
};

BodyDecoder::BodyDecoder(std::unique_ptr<Inflater> inflater) : inflater_(std::move(inflater)) {}
BodyDecoder::BodyDecoder(BodyDecoder&&) noexcept = default;
BodyDecoder& BodyDecoder::operator=(BodyDecoder&&) noexcept = default;
BodyDecoder::~BodyDecoder() = default;

Result<BodyDecoder> BodyDecoder::For(std::string_view content_encoding) {
  const std::string encoding = Token(content_encoding);
  if (encoding.empty() || encoding == "identity") return BodyDecoder(nullptr);
  if (encoding == "gzip" || encoding == "x-gzip") {
    return BodyDecoder(std::make_unique<Inflater>(false));
  }
  if (encoding == "deflate") return BodyDecoder(std::make_unique<Inflater>(true));
  return MakeError(ErrorCode::kNetwork,
                   "unsupported Content-Encoding \"" + std::string(content_encoding) + "\"");
}

Status BodyDecoder::Feed(std::string_view data, std::string& out, std::size_t max_bytes) {
  auto too_large = [max_bytes] {
    return MakeError(ErrorCode::kNetwork, BodyTooLargeMessage(max_bytes));
  };
  if (!inflater_) {
    if (out.size() + data.size() > max_bytes) return too_large();
    out.append(data);
    return {};
  }
  Inflater& z = *inflater_;
  z.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.stream.avail_in = static_cast<uInt>(data.size());
  std::array<char, 64 * 1024> buffer;
  while (z.stream.avail_in > 0) {
    if (z.ended) {
      // Another gzip member follows (concatenated gzip is allowed).
      inflateReset(&z.stream);
      z.ended = false;
    }
    z.stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
    z.stream.avail_out = static_cast<uInt>(buffer.size());
    int rc = inflate(&z.stream, Z_NO_FLUSH);
    if (rc == Z_DATA_ERROR && z.deflate && !z.started && !z.tried_raw) {
      // "deflate" sent without the zlib wrapper: start over as raw deflate.
      z.tried_raw = true;
      inflateEnd(&z.stream);
      z.stream = z_stream{};
      inflateInit2(&z.stream, -15);
      z.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      z.stream.avail_in = static_cast<uInt>(data.size());
      continue;
    }
    const std::size_t produced = buffer.size() - z.stream.avail_out;
    if (produced > 0) z.started = true;
    if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && produced > 0)) {
      return MakeError(ErrorCode::kNetwork, "corrupt compressed body (zlib: " +
                                                std::string(z.stream.msg ? z.stream.msg : "error") +
                                                ")");
    }
    if (out.size() + produced > max_bytes) return too_large();
    out.append(buffer.data(), produced);
    if (rc == Z_STREAM_END) z.ended = true;
    z.started = true;
  }
  return {};
}

Status BodyDecoder::Finish() const {
  if (inflater_ && inflater_->started && !inflater_->ended) {
    return MakeError(ErrorCode::kNetwork, "compressed body ends early (truncated transfer)");
  }
  return {};
}

std::string Compress(std::string_view data, Compression framing) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, framing == Compression::kGzip ? 15 + 16 : -15,
               8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string BodyTooLargeMessage(std::size_t max_bytes) {
  constexpr std::size_t kKiB = 1024;
  constexpr std::size_t kMiB = kKiB * kKiB;
  const std::string human = max_bytes % kMiB == 0   ? std::to_string(max_bytes / kMiB) + " MiB"
                            : max_bytes % kKiB == 0 ? std::to_string(max_bytes / kKiB) + " KiB"
                                                    : std::to_string(max_bytes) + " bytes";
  return "body larger than " + std::to_string(max_bytes) + " bytes (" + human +
         ", the [fetch] max_body limit)";
}

}  // namespace revwatch
