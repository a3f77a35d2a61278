#include "storage/writer_group.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(WriterGroupTest, EveryWaiterReturnsOnceSynced) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("revwatch-group-" + std::to_string(::getpid()) + "-wal");
  std::ofstream(path) << "frames";
  WriterGroup group;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k) {
        if (group.SyncCommitted(path.string())) ++ok;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 160);
  std::filesystem::remove(path);
}

TEST(WriterGroupTest, AFailedSyncIsAnErrorNamingTheFile) {
  WriterGroup group;
  auto s = group.SyncCommitted("/nonexistent/revwatch.db-wal");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kStorage);
  EXPECT_NE(s.error().message.find("/nonexistent/revwatch.db-wal"), std::string::npos);
  // The next caller tries again rather than inheriting the failure.
  auto again = group.SyncCommitted("/nonexistent/revwatch.db-wal");
  EXPECT_FALSE(again);
}

}  // namespace
}  // namespace revwatch
