#include "diff/string_table.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace revwatch {
namespace {

constexpr std::size_t kBlockSize = 64 * 1024;
constexpr std::size_t kInitialSlots = 256;

}  // namespace

StringTable::StringTable(std::size_t count) {
  std::size_t slots = kInitialSlots;
  while (slots < count * 2) slots *= 2;
  slots_.resize(slots);
  texts_.reserve(count);
}

StringTable::StringTable(const Snapshot& snapshot)
    : slots_(snapshot.slots.begin(), snapshot.slots.end()),
      texts_(snapshot.ends.size()) {
  // Filled by index, the views made without substr's bounds check (the
  // snapshot's ends are within its bytes): every comparison loads the
  // built-in lexicon's ~3,000 words this way.
  const char* bytes = snapshot.bytes.data();
  std::uint32_t begin = 0;
  for (std::size_t i = 0; i < texts_.size(); ++i) {
    const std::uint32_t end = snapshot.ends[i];
    texts_[i] = std::string_view(bytes + begin, end - begin);
    begin = end;
  }
}

StringTable::StringTable(const StringTable& other) { *this = other; }

StringTable& StringTable::operator=(StringTable&& other) noexcept {
  if (this == &other) return *this;
  slots_ = std::exchange(other.slots_, {});
  texts_ = std::exchange(other.texts_, {});
  blocks_ = std::exchange(other.blocks_, {});
  free_ = std::exchange(other.free_, nullptr);
  free_size_ = std::exchange(other.free_size_, 0);
  return *this;
}

StringTable& StringTable::operator=(const StringTable& other) {
  if (this == &other) return *this;
  *this = StringTable(other.size());
  for (std::string_view text : other.texts_) Intern(text);  // ids stay the same
  return *this;
}

namespace {

std::uint64_t Load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

[[gnu::always_inline]] inline bool Equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return std::memcmp(a.data(), b.data(), a.size()) == 0;
  std::uint64_t a1, a2, b1, b2;
  PackShortBytes(a.data(), a.size(), a1, a2);
  PackShortBytes(b.data(), b.size(), b1, b2);
  return a1 == b1 && a2 == b2;
}

}  // namespace

// Up to 16 bytes (most words) take two fixed loads; longer strings are
// read 8 bytes at a time. One multiply mixes each load. Hash, Slot and the
// helpers above are forced inline: every token of a comparison is interned,
// and the calls cost as much as the hashing.
[[gnu::always_inline]] inline std::uint32_t StringTable::Hash(std::string_view text) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = text.data();
  const std::size_t n = text.size();
  std::uint64_t h = n * kMul;
  auto mix = [&](std::uint64_t chunk) { h = std::rotl((h ^ chunk) * kMul, 29); };
  if (n <= 16) {
    std::uint64_t first;
    std::uint64_t last;
    PackShortBytes(p, n, first, last);
    mix(first);
    mix(last);
  } else {
    for (std::size_t i = 0; i + 8 <= n; i += 8) mix(Load8(p + i));
    mix(Load8(p + n - 8));
  }
  h ^= h >> 32;
  h *= kMul;
  return static_cast<std::uint32_t>(h >> 32);
}

[[gnu::always_inline]] inline std::size_t StringTable::Slot(std::string_view text,
                                                            std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Entry& e = slots_[i];
    if (e.id < 0) return i;
    if (e.hash == hash && Equal(texts_[static_cast<std::size_t>(e.id)], text)) return i;
  }
}

int StringTable::Find(std::string_view text) const {
  if (slots_.empty()) return -1;
  return slots_[Slot(text, Hash(text))].id;
}

int StringTable::Intern(std::string_view text) {
  if (slots_.empty()) slots_.resize(kInitialSlots);
  const std::uint32_t hash = Hash(text);
  std::size_t slot = Slot(text, hash);
  if (slots_[slot].id >= 0) return slots_[slot].id;
  if ((texts_.size() + 1) * 2 > slots_.size()) {
    Grow();
    slot = Slot(text, hash);
  }
  const int id = static_cast<int>(texts_.size());
  texts_.push_back(Store(text));
  slots_[slot] = {hash, id};
  return id;
}

void StringTable::Grow() {
  std::vector<Entry> old = std::move(slots_);
  slots_.assign(old.size() * 2, Entry{});
  const std::size_t mask = slots_.size() - 1;
  for (const Entry& e : old) {
    if (e.id < 0) continue;
    std::size_t i = e.hash & mask;
    while (slots_[i].id >= 0) i = (i + 1) & mask;
    slots_[i] = e;
  }
}

std::string_view StringTable::Store(std::string_view text) {
  if (text.size() > free_size_) {
    const std::size_t size = std::max(kBlockSize, text.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    free_ = blocks_.back().get();
    free_size_ = size;
  }
  if (!text.empty()) std::memcpy(free_, text.data(), text.size());
  const std::string_view stored(free_, text.size());
  free_ += text.size();
  free_size_ -= text.size();
  return stored;
}

}  // namespace revwatch
