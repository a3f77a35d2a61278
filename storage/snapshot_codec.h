// zstd compression of raw page bodies.
#ifndef REVWATCH_STORAGE_SNAPSHOT_CODEC_H_
#define REVWATCH_STORAGE_SNAPSHOT_CODEC_H_

#include <string>
#include <string_view>

#include "core/error.h"

namespace revwatch {

std::string CompressSnapshot(std::string_view body);

// Fails with kStorage on a corrupt frame.
[[nodiscard]] Result<std::string> DecompressSnapshot(std::string_view frame);

}  // namespace revwatch

#endif  // REVWATCH_STORAGE_SNAPSHOT_CODEC_H_
