#include "core/digest.h"

// Nettle (GnuTLS's crypto library) rather than OpenSSL's libcrypto: it
// does the same SHA-256 with hardware support, and linking libcrypto
// statically put ~6,000 start-up relocations into every revwatch process.
#include <nettle/sha2.h>
#include <nettle/version.h>

#include <array>
#include <cstdint>

namespace revwatch {

std::string Sha256Hex(std::string_view data) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
#if NETTLE_VERSION_MAJOR >= 4
  sha256_digest(&context, digest.data());  // Nettle 4 dropped the length
#else
  sha256_digest(&context, digest.size(), digest.data());
#endif
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (const std::uint8_t byte : digest) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0f]);
  }
  return out;
}

}  // namespace revwatch
