// Memory for one Gumbo parse. Gumbo makes tens of thousands of small
// allocations for a news page (a node, a vector, a string buffer each) and
// frees them one by one when the tree is destroyed; together that cost
// about a tenth of an extraction. From an arena they are a pointer bump
// each, and the whole tree goes at once. The chunks are kept for the
// thread's next parse.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_PARSE_ARENA_H_
#define REVWATCH_EXTRACT_PARSE_ARENA_H_

#include <cstddef>
#include <memory>
#include <vector>

namespace revwatch {

class ParseArena {
 public:
  ParseArena() = default;
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;

  // Aligned for any type. Out of memory ends the process, as it does in
  // Gumbo with malloc (which does not check for null).
  void* Allocate(std::size_t size);
  // Invalidates every allocation. Keeps up to kKeptBytes of chunks.
  void Reset();

  std::size_t bytes_reserved() const { return reserved_; }

  // Adapters for GumboOptions::allocator / deallocator (userdata: the
  // arena). Deallocation is a no-op: everything goes at Reset().
  static void* GumboAllocate(void* arena, std::size_t size);
  static void GumboDeallocate(void* arena, void* pointer);

 private:
  static constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
  static constexpr std::size_t kKeptBytes = std::size_t{16} << 20;

  struct Chunk {
    std::unique_ptr<std::byte[]> bytes;
    std::size_t size = 0;
  };

  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;  // chunk being filled
  std::size_t used_ = 0;     // bytes used of chunks_[current_]
  std::size_t reserved_ = 0;
};

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_PARSE_ARENA_H_
