#include "extract/parse_arena.h"

#include <algorithm>

namespace revwatch {

void* ParseArena::Allocate(std::size_t size) {
  constexpr std::size_t kAlign = alignof(std::max_align_t);
  size = (std::max<std::size_t>(size, 1) + kAlign - 1) & ~(kAlign - 1);
  while (current_ < chunks_.size()) {
    Chunk& chunk = chunks_[current_];
    if (chunk.size - used_ >= size) {
      void* pointer = chunk.bytes.get() + used_;
      used_ += size;
      return pointer;
    }
    ++current_;  // the rest of this chunk stays unused until Reset()
    used_ = 0;
  }
  const std::size_t chunk_size = std::max(kChunkBytes, size);
  chunks_.push_back({std::make_unique_for_overwrite<std::byte[]>(chunk_size), chunk_size});
  reserved_ += chunk_size;
  current_ = chunks_.size() - 1;
  used_ = size;
  return chunks_.back().bytes.get();
}

void ParseArena::Reset() {
  // Oversized chunks go first, then whatever exceeds what is worth keeping.
  std::erase_if(chunks_, [this](const Chunk& chunk) {
    const bool oversized = chunk.size != kChunkBytes;
    if (oversized) reserved_ -= chunk.size;
    return oversized;
  });
  while (reserved_ > kKeptBytes) {
    reserved_ -= chunks_.back().size;
    chunks_.pop_back();
  }
  current_ = 0;
  used_ = 0;
}

void* ParseArena::GumboAllocate(void* arena, std::size_t size) {
  return static_cast<ParseArena*>(arena)->Allocate(size);
}

void ParseArena::GumboDeallocate(void*, void*) {}

}  // namespace revwatch
