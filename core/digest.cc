#include "core/digest.h"

// Nettle (GnuTLS's crypto library) rather than OpenSSL's libcrypto: it
// does the same SHA-256 with hardware support, and linking libcrypto
// statically put ~6,000 start-up relocations into every revwatch process.
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <nettle/version.h>

#include <array>
#include <cstdint>

namespace revwatch {

namespace {

// Nettle 4 dropped the length argument of the digest functions.
#if NETTLE_VERSION_MAJOR >= 4
#define REVWATCH_NETTLE_DIGEST(fn, ctx, out) fn(ctx, (out).data())
#else
#define REVWATCH_NETTLE_DIGEST(fn, ctx, out) fn(ctx, (out).size(), (out).data())
#endif

std::array<std::uint8_t, SHA256_DIGEST_SIZE> Sha256(std::string_view data) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  REVWATCH_NETTLE_DIGEST(sha256_digest, &context, digest);
  return digest;
}

template <std::size_t N>
std::string Base32(const std::array<std::uint8_t, N>& bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const std::uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += kDigits[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += kDigits[(buffer << (5 - bits)) & 31];
  while (out.size() % 8 != 0) out += '=';
  return out;
}

}  // namespace

std::string WarcSha1(std::string_view data) {
  sha1_ctx context;
  sha1_init(&context);
  sha1_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::array<std::uint8_t, SHA1_DIGEST_SIZE> digest{};
  REVWATCH_NETTLE_DIGEST(sha1_digest, &context, digest);
  return "sha1:" + Base32(digest);
}

std::string WarcSha256(std::string_view data) { return "sha256:" + Base32(Sha256(data)); }

std::string Sha256Hex(std::string_view data) {
  const auto digest = Sha256(data);
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
