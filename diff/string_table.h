// Interns strings: equal strings get equal ids, dense from 0. The differ
// interns every token and the lexicon every entry word, so this is the
// hottest map in a comparison; it keeps the bytes in large blocks and the
// ids in one open-addressing array instead of a node per string.
#ifndef REVWATCH_DIFF_STRING_TABLE_H_
#define REVWATCH_DIFF_STRING_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace revwatch {

// The bytes of a string of up to 16 bytes as two integers, read with
// fixed-size (overlapping) loads: no byte loop and no call for the common
// word. With the size they tell such strings apart.
[[gnu::always_inline]] inline void PackShortBytes(const char* p, std::size_t n,
                                                  std::uint64_t& first, std::uint64_t& last) {
  auto load8 = [](const char* q) {
    std::uint64_t v;
    std::memcpy(&v, q, 8);
    return v;
  };
  auto load4 = [](const char* q) {
    std::uint32_t v;
    std::memcpy(&v, q, 4);
    return std::uint64_t{v};
  };
  if (n >= 8) {
    first = load8(p);
    last = load8(p + n - 8);
  } else if (n >= 4) {
    first = load4(p);
    last = load4(p + n - 4);
  } else if (n > 0) {
    first = static_cast<unsigned char>(p[0]) |
            (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
            (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    last = 0;
  } else {
    first = last = 0;
  }
}

class StringTable {
 public:
  // The open-addressing slots: `hash` picks the slot, `id` is -1 when empty.
  struct Entry {
    std::uint32_t hash = 0;
    std::int32_t id = -1;
  };
  // A table frozen into the binary at build time (see
  // diff/lexicon_snapshot.cc): its slots, and the strings of ids 0, 1, ...
  // stored end to end in `bytes`, string i ending at ends[i].
  struct Snapshot {
    std::span<const Entry> slots;
    std::string_view bytes;
    std::span<const std::uint32_t> ends;
  };

  StringTable() = default;
  // The table a snapshot was taken of, without hashing its strings again;
  // the strings stay where `snapshot` keeps them (static data).
  explicit StringTable(const Snapshot& snapshot);
  // Room for about `count` strings without growing.
  explicit StringTable(std::size_t count);
  StringTable(const StringTable& other);
  StringTable& operator=(const StringTable& other);
  // A moved-from table is empty (it must not keep writing into the
  // block it gave away).
  StringTable(StringTable&& other) noexcept { *this = std::move(other); }
  StringTable& operator=(StringTable&& other) noexcept;

  // The id of `text`, added if new.
  int Intern(std::string_view text);
  // The id of `text`, or -1 if it was never interned.
  int Find(std::string_view text) const;
  // Stable for the table's life (copies get their own bytes).
  std::string_view Text(int id) const { return texts_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return texts_.size(); }

 private:
  static std::uint32_t Hash(std::string_view text);
  // Slot of `text`: where its id is, or the empty slot it would go to.
  std::size_t Slot(std::string_view text, std::uint32_t hash) const;
  void Grow();
  std::string_view Store(std::string_view text);

  friend class LexiconSnapshotWriter;
  std::vector<Entry> slots_;  // size is a power of two, at most half full
  std::vector<std::string_view> texts_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;       // unused bytes of the last block
  std::size_t free_size_ = 0;
};

}  // namespace revwatch

#endif  // REVWATCH_DIFF_STRING_TABLE_H_
