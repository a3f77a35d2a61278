#include "extract/parse_arena.h"

#include <cstdint>
#include <cstring>

#include <gtest/gtest.h>

namespace revwatch {
namespace {

bool Aligned(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) == 0;
}

TEST(ParseArenaTest, AllocationsAreAlignedDistinctAndWritable) {
  ParseArena arena;
  char* a = static_cast<char*>(arena.Allocate(3));
  char* b = static_cast<char*>(arena.Allocate(100));
  EXPECT_TRUE(Aligned(a) && Aligned(b));
  EXPECT_GE(b - a, 3);
  std::memset(a, 'a', 3);
  std::memset(b, 'b', 100);
  EXPECT_EQ(a[2], 'a');
  // Larger than a chunk: a chunk of its own, dropped at Reset.
  char* big = static_cast<char*>(arena.Allocate(3u << 20));
  std::memset(big, 'x', 3u << 20);
  EXPECT_GE(arena.bytes_reserved(), (3u << 20) + 1);
  arena.Reset();
  EXPECT_LT(arena.bytes_reserved(), 3u << 20);
}

TEST(ParseArenaTest, ResetReusesTheChunksAndKeepsAtMostSixteenMiB) {
  ParseArena arena;
  void* first = arena.Allocate(64);
  arena.Reset();
  EXPECT_EQ(arena.Allocate(64), first);
  for (int i = 0; i < 40; ++i) arena.Allocate(900 * 1024);  // 40 chunks of 1 MiB
  EXPECT_GE(arena.bytes_reserved(), 40u << 20);
  arena.Reset();
  EXPECT_LE(arena.bytes_reserved(), 16u << 20);
  EXPECT_EQ(arena.Allocate(64), first);
}

}  // namespace
}  // namespace revwatch
