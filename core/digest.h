// Content digests used to recognise identical pages and texts.
#ifndef REVWATCH_CORE_DIGEST_H_
#define REVWATCH_CORE_DIGEST_H_

#include <string>
#include <string_view>

namespace revwatch {

// SHA-256 of `data` as 64 lower-case hex digits. Thread-safe.
std::string Sha256Hex(std::string_view data);

}  // namespace revwatch

#endif  // REVWATCH_CORE_DIGEST_H_
