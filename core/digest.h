// Content digests used to recognise identical pages and texts.
#ifndef REVWATCH_CORE_DIGEST_H_
#define REVWATCH_CORE_DIGEST_H_

#include <string>
#include <string_view>

namespace revwatch {

// SHA-256 of `data` as 64 lower-case hex digits. Thread-safe.
std::string Sha256Hex(std::string_view data);

// "sha1:..." and "sha256:..." with the digest in RFC 4648 base32, as WARC
// records carry them.
std::string WarcSha1(std::string_view data);
std::string WarcSha256(std::string_view data);

}  // namespace revwatch

#endif  // REVWATCH_CORE_DIGEST_H_
