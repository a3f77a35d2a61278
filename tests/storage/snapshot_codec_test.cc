#include "storage/snapshot_codec.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(SnapshotCodecTest, RoundTripsAndCompresses) {
  std::string page;
  for (int i = 0; i < 2000; ++i) page += "<p>Київ — news paragraph " + std::to_string(i % 7) + "</p>\n";
  const std::string frame = CompressSnapshot(page);
  EXPECT_LT(frame.size(), page.size() / 4);
  auto back = DecompressSnapshot(frame);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, page);
}

TEST(SnapshotCodecTest, EmptyBodyRoundTrips) {
  auto back = DecompressSnapshot(CompressSnapshot(""));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, "");
}

TEST(SnapshotCodecTest, CorruptFrameIsAnError) {
  std::string frame = CompressSnapshot(std::string(1000, 'x'));
  frame.resize(frame.size() / 2);
  auto back = DecompressSnapshot(frame);
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, ErrorCode::kStorage);
  EXPECT_FALSE(DecompressSnapshot("not zstd"));
}

}  // namespace
}  // namespace revwatch
