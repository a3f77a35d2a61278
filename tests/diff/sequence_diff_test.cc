#include "diff/sequence_diff.h"

#include <chrono>
#include <random>

#include <gtest/gtest.h>

namespace revwatch {
namespace {

// Applies the edits to `a` and checks they produce `b` and keep order.
void ExpectValid(const std::vector<int>& a, const std::vector<int>& b,
                 const std::vector<Edit>& edits) {
  std::vector<int> rebuilt;
  int next_a = 0;
  int next_b = 0;
  for (const Edit& e : edits) {
    switch (e.kind) {
      case EditKind::kEqual:
        ASSERT_EQ(e.a, next_a++);
        ASSERT_EQ(e.b, next_b++);
        ASSERT_EQ(a[static_cast<std::size_t>(e.a)], b[static_cast<std::size_t>(e.b)]);
        rebuilt.push_back(b[static_cast<std::size_t>(e.b)]);
        break;
      case EditKind::kDelete:
        ASSERT_EQ(e.a, next_a++);
        break;
      case EditKind::kInsert:
        ASSERT_EQ(e.b, next_b++);
        rebuilt.push_back(b[static_cast<std::size_t>(e.b)]);
        break;
    }
  }
  EXPECT_EQ(next_a, static_cast<int>(a.size()));
  EXPECT_EQ(rebuilt, b);
}

int CountKind(const std::vector<Edit>& edits, EditKind kind) {
  int n = 0;
  for (const Edit& e : edits) n += e.kind == kind;
  return n;
}

TEST(SequenceDiffTest, SmallInputsGetAShortestScript) {
  const std::vector<int> a = {1, 2, 3, 4, 5};
  const std::vector<int> b = {1, 2, 9, 4, 5, 6};
  const auto edits = DiffSequences(a, b);
  ExpectValid(a, b, edits);
  EXPECT_EQ(CountKind(edits, EditKind::kDelete), 1);
  EXPECT_EQ(CountKind(edits, EditKind::kInsert), 2);
}

TEST(SequenceDiffTest, DeletionsComeBeforeInsertionsInARun) {
  const auto edits = DiffSequences(std::vector<int>{1, 2, 3}, std::vector<int>{1, 7, 3});
  ASSERT_EQ(edits.size(), 4u);
  EXPECT_EQ(edits[1].kind, EditKind::kDelete);
  EXPECT_EQ(edits[2].kind, EditKind::kInsert);
}

TEST(SequenceDiffTest, LargeSimilarInputsStayExactAroundAnchors) {
  std::vector<int> a(60000);
  for (int i = 0; i < 60000; ++i) a[static_cast<std::size_t>(i)] = i;
  std::vector<int> b = a;
  b[100] = -1;
  b[30000] = -2;
  b.insert(b.begin() + 50000, -3);
  const auto edits = DiffSequences(a, b);
  ExpectValid(a, b, edits);
  EXPECT_EQ(CountKind(edits, EditKind::kDelete), 2);
  EXPECT_EQ(CountKind(edits, EditKind::kInsert), 3);
}

TEST(SequenceDiffTest, UnrelatedHugeInputsAreBoundedAndValid) {
  std::mt19937 rng(7);
  std::vector<int> a(100000);
  std::vector<int> b(100000);
  for (auto& x : a) x = static_cast<int>(rng() % 5000);
  for (auto& x : b) x = static_cast<int>(rng() % 5000) + 2500;
  const auto start = std::chrono::steady_clock::now();
  const auto edits = DiffSequences(a, b);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ExpectValid(a, b, edits);
  // Not a speed test (bench/ measures speed): a generous bound that only an
  // unbounded quadratic diff would exceed.
  EXPECT_LT(elapsed, std::chrono::seconds(20));
}

TEST(SequenceDiffTest, EmptySides) {
  ExpectValid({}, {1, 2}, DiffSequences(std::vector<int>{}, std::vector<int>{1, 2}));
  ExpectValid({1, 2}, {}, DiffSequences(std::vector<int>{1, 2}, std::vector<int>{}));
  EXPECT_TRUE(DiffSequences(std::vector<int>{}, std::vector<int>{}).empty());
}

}  // namespace
}  // namespace revwatch
