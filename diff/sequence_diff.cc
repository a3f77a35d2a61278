#include "diff/sequence_diff.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include <dtl/dtl.hpp>

namespace revwatch {
namespace {

// An id as dtl's element type: a type of our own, so that dtl's recorders
// of the script and of the LCS can be specialised for it (below). Made
// implicitly from the int ids dtl reads through IdView.
struct DtlId {
  DtlId(int id) : value(id) {}  // NOLINT(google-explicit-constructor)
  friend bool operator==(DtlId, DtlId) = default;
  int value;
};

// One step of dtl's edit script: 1-based indices into the two sides (0
// for the side a step does not touch) and dtl's edit type.
struct DtlStep {
  int before;
  int after;
  int type;
};

// Where the script of the current thread's dtl run goes, reused from run
// to run.
std::vector<DtlStep>& DtlScript() {
  thread_local std::vector<DtlStep> steps;
  return steps;
}

}  // namespace
}  // namespace revwatch

// dtl keeps its script as 32-byte records in a growing vector that
// getSes() and getSequence() then copy twice, and the LCS in another
// vector nobody here reads: ~20 allocations per paragraph. For DtlId the
// script goes to a reused buffer and the LCS nowhere. dtl's algorithm and
// the steps it records are unchanged.
namespace dtl {

template <>
class Lcs<revwatch::DtlId> {
 public:
  void addSequence(revwatch::DtlId) {}
};

template <>
class Ses<revwatch::DtlId> {
 public:
  // (The buffer is looked up once per run: a thread_local behind a call
  // cost as much as the push itself, once per step.)
  explicit Ses(bool deletes_first) : script_(&revwatch::DtlScript()) { (void)deletes_first; }
  void addSequence(revwatch::DtlId, long long before, long long after, edit_t type) {
    script_->push_back(
        {static_cast<int>(before), static_cast<int>(after), static_cast<int>(type)});
  }

 private:
  std::vector<revwatch::DtlStep>* script_;
};

}  // namespace dtl

namespace revwatch {
namespace {

// dtl costs O((N+M)·D) time and memory. It runs when that is known to be
// small: the middle is short, or a lower bound on D says the work is
// bounded; otherwise the middle is anchored or replaced.
constexpr std::size_t kExactLimit = 4000;
constexpr std::size_t kExactWork = 2'000'000;
// Middles longer than this are checked for a shared element before dtl.
constexpr std::size_t kShareCheckLength = 64;

// A read-only window on ids for dtl, in place of the vectors it would
// otherwise copy (twice: ours, then its own members). dtl only reads,
// slices and swaps its inputs.
class IdView {
 public:
  using value_type = int;
  using iterator = const int*;
  using const_iterator = const int*;

  IdView() = default;
  IdView(const int* begin, const int* end) : begin_(begin), end_(end) {}
  const int* begin() const { return begin_; }
  const int* end() const { return end_; }
  std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
  const int& operator[](std::size_t i) const { return begin_[i]; }

 private:
  const int* begin_ = nullptr;
  const int* end_ = nullptr;
};

struct Range {
  int a_begin, a_end, b_begin, b_end;
  int a_size() const { return a_end - a_begin; }
  int b_size() const { return b_end - b_begin; }
};

// A unit of pending work, processed in document order: either a range to
// diff or a run of `equal_count` equal elements starting at (a_begin, b_begin).
struct Task {
  Range range;
  int equal_count = -1;  // >= 0: emit that many equal elements
};

class Differ {
 public:
  Differ(std::span<const int> a, std::span<const int> b) : a_(a), b_(b) {}

  // Iterative over anchored segments, so adversarial input cannot recurse
  // deeply.
  std::vector<Edit> Run() {
    // At most one edit per element of either side.
    edits_.reserve(a_.size() + b_.size());
    std::vector<Task> todo{
        {{0, static_cast<int>(a_.size()), 0, static_cast<int>(b_.size())}}};
    while (!todo.empty()) {
      const Task task = todo.back();
      todo.pop_back();
      if (task.equal_count >= 0) {
        EmitEqual(task.range.a_begin, task.range.b_begin, task.equal_count);
      } else {
        DiffRange(task.range, todo);
      }
    }
    return std::move(edits_);
  }

 private:
  void DiffRange(Range r, std::vector<Task>& todo) {
    while (r.a_begin < r.a_end && r.b_begin < r.b_end && At(a_, r.a_begin) == At(b_, r.b_begin)) {
      edits_.push_back({EditKind::kEqual, r.a_begin++, r.b_begin++});
    }
    int suffix = 0;
    while (r.a_begin < r.a_end - suffix && r.b_begin < r.b_end - suffix &&
           At(a_, r.a_end - 1 - suffix) == At(b_, r.b_end - 1 - suffix)) {
      ++suffix;
    }
    const Range middle{r.a_begin, r.a_end - suffix, r.b_begin, r.b_end - suffix};
    const Task suffix_task{{middle.a_end, r.a_end, middle.b_end, r.b_end}, suffix};
    // Small middles go to dtl directly. Larger ones are split at elements
    // unique on both sides first (patience), which keeps dtl's pieces small;
    // without anchors dtl still runs if a lower bound on the edit distance
    // says its work is bounded, else the middle is replaced wholesale.
    const auto length = static_cast<std::size_t>(middle.a_size() + middle.b_size());
    const bool tiny = length * length <= kExactWork;
    std::vector<std::pair<int, int>> anchors;
    if (!tiny && middle.a_size() > 0 && middle.b_size() > 0) {
      anchors = UniqueAnchors(middle);
    }
    if (anchors.empty()) {
      if (length > kShareCheckLength && !ShareAnything(middle)) {
        Replace(middle);  // nothing to keep: dtl would only rediscover that
      } else if (tiny && length > kShareCheckLength && EmitUniqueMatches(middle)) {
        // (done: the only script dtl could find)
      } else if (tiny ||
                 (length <= kExactLimit && length * MinimumEdits(middle) <= kExactWork)) {
        Exact(middle);
      } else {
        Replace(middle);
      }
      EmitEqual(suffix_task.range.a_begin, suffix_task.range.b_begin, suffix);
      return;
    }
    // Pushed in reverse: gaps between anchors, each anchor, then the suffix.
    std::vector<Task> pieces;
    int a_pos = middle.a_begin;
    int b_pos = middle.b_begin;
    for (auto [ai, bi] : anchors) {
      pieces.push_back({{a_pos, ai, b_pos, bi}});
      pieces.push_back({{ai, ai + 1, bi, bi + 1}, 1});
      a_pos = ai + 1;
      b_pos = bi + 1;
    }
    pieces.push_back({{a_pos, middle.a_end, b_pos, middle.b_end}});
    pieces.push_back(suffix_task);
    todo.insert(todo.end(), pieces.rbegin(), pieces.rend());
  }

  static int At(std::span<const int> s, int i) { return s[static_cast<std::size_t>(i)]; }

  // Whether any element occurs on both sides of r. Elements are dense ids
  // (vocabulary, paragraph or shape ids), so a stamp per id answers in one
  // pass; other values fall back to sorted copies, merged.
  static constexpr int kMaxDenseId = 1 << 22;
  static bool Dense(int id) { return id >= 0 && id < kMaxDenseId; }
  // Whether every element of both sides of r is such an id.
  bool AllDense(Range r) const {
    return std::all_of(a_.begin() + r.a_begin, a_.begin() + r.a_end, Dense) &&
           std::all_of(b_.begin() + r.b_begin, b_.begin() + r.b_end, Dense);
  }

  bool ShareAnything(Range r) const {
    thread_local std::vector<std::uint32_t> stamps;
    thread_local std::uint32_t stamp = 0;
    if (std::all_of(a_.begin() + r.a_begin, a_.begin() + r.a_end, Dense)) {
      if (++stamp == 0) {  // wrapped: old stamps could look current
        std::fill(stamps.begin(), stamps.end(), 0);
        stamp = 1;
      }
      for (int i = r.a_begin; i < r.a_end; ++i) {
        const auto id = static_cast<std::size_t>(At(a_, i));
        if (id >= stamps.size()) stamps.resize(std::max(id + 1, stamps.size() * 2));
        stamps[id] = stamp;
      }
      for (int i = r.b_begin; i < r.b_end; ++i) {
        const int id = At(b_, i);
        if (id >= 0 && static_cast<std::size_t>(id) < stamps.size() &&
            stamps[static_cast<std::size_t>(id)] == stamp) {
          return true;
        }
      }
      return false;
    }
    std::vector<int> a(a_.begin() + r.a_begin, a_.begin() + r.a_end);
    std::vector<int> b(b_.begin() + r.b_begin, b_.begin() + r.b_end);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (a[i] == b[j]) return true;
      if (a[i] < b[j]) {
        ++i;
      } else {
        ++j;
      }
    }
    return false;
  }

  // A lower bound on the edit distance: every element of one side that the
  // other side has fewer copies of must be deleted or inserted.
  std::size_t MinimumEdits(Range r) const {
    if (AllDense(r)) {
      // Counted by id in an array kept zeroed between calls.
      thread_local std::vector<int> counts;
      auto at = [&](int id) -> int& {
        const auto index = static_cast<std::size_t>(id);
        if (index >= counts.size()) counts.resize(std::max(index + 1, counts.size() * 2));
        return counts[index];
      };
      for (int i = r.a_begin; i < r.a_end; ++i) ++at(At(a_, i));
      for (int i = r.b_begin; i < r.b_end; ++i) --at(At(b_, i));
      std::size_t edits = 0;
      for (int i = r.a_begin; i < r.a_end; ++i) edits += TakeMagnitude(at(At(a_, i)));
      for (int i = r.b_begin; i < r.b_end; ++i) edits += TakeMagnitude(at(At(b_, i)));
      return edits;
    }
    std::unordered_map<int, int> balance;
    for (int i = r.a_begin; i < r.a_end; ++i) ++balance[At(a_, i)];
    for (int i = r.b_begin; i < r.b_end; ++i) --balance[At(b_, i)];
    std::size_t edits = 0;
    for (const auto& [id, count] : balance) edits += static_cast<std::size_t>(count < 0 ? -count : count);
    return edits;
  }

  // |count|, leaving 0 behind (each id's balance is counted once).
  static std::size_t TakeMagnitude(int& count) {
    const int magnitude = count < 0 ? -count : count;
    count = 0;
    return static_cast<std::size_t>(magnitude);
  }

  void EmitEqual(int a_begin, int b_begin, int count) {
    for (int i = 0; i < count; ++i) {
      edits_.push_back({EditKind::kEqual, a_begin + i, b_begin + i});
    }
  }

  void Exact(Range r) {
    if (r.a_size() == 0 || r.b_size() == 0) {
      Replace(r);
      return;
    }
    const int* a = a_.data();
    const int* b = b_.data();
    std::vector<DtlStep>& script = DtlScript();
    script.clear();
    dtl::Diff<DtlId, IdView> diff(IdView(a + r.a_begin, a + r.a_end),
                                  IdView(b + r.b_begin, b + r.b_end));
    diff.compose();
    // A run's deletions go out as they come and its insertions wait for
    // the run's end: deletions before insertions, each in dtl's order.
    // Reused from call to call: a long comparison diffs thousands of pairs.
    thread_local std::vector<Edit> inserted;
    inserted.clear();
    auto flush = [&] {
      if (inserted.empty()) return;
      edits_.insert(edits_.end(), inserted.begin(), inserted.end());
      inserted.clear();
    };
    for (const DtlStep& step : script) {
      const int ai = r.a_begin + step.before - 1;
      const int bi = r.b_begin + step.after - 1;
      switch (step.type) {
        case dtl::SES_DELETE:
          edits_.push_back({EditKind::kDelete, ai, -1});
          break;
        case dtl::SES_ADD:
          inserted.push_back({EditKind::kInsert, -1, bi});
          break;
        default:
          flush();
          edits_.push_back({EditKind::kEqual, ai, bi});
          break;
      }
    }
    flush();
  }

  void Replace(Range r) {
    for (int i = r.a_begin; i < r.a_end; ++i) {
      edits_.push_back({EditKind::kDelete, i, -1});
    }
    for (int i = r.b_begin; i < r.b_end; ++i) {
      edits_.push_back({EditKind::kInsert, -1, i});
    }
  }

  // Pairs (a index, b index) of elements occurring exactly once in each
  // side of r, reduced to the longest chain increasing on both sides.
  std::vector<std::pair<int, int>> UniqueAnchors(Range r) const {
    if (AllDense(r)) return UniqueAnchorsByArray(r);
    std::unordered_map<int, std::pair<int, int>> count_a;  // id -> (count, pos)
    std::unordered_map<int, std::pair<int, int>> count_b;
    for (int i = r.a_begin; i < r.a_end; ++i) {
      auto& c = count_a[a_[static_cast<std::size_t>(i)]];
      ++c.first;
      c.second = i;
    }
    for (int i = r.b_begin; i < r.b_end; ++i) {
      auto& c = count_b[b_[static_cast<std::size_t>(i)]];
      ++c.first;
      c.second = i;
    }
    std::vector<std::pair<int, int>> candidates;
    for (int i = r.a_begin; i < r.a_end; ++i) {
      const int id = a_[static_cast<std::size_t>(i)];
      if (count_a[id].first != 1) continue;
      auto it = count_b.find(id);
      if (it != count_b.end() && it->second.first == 1) {
        candidates.push_back({i, it->second.second});
      }
    }
    return LongestIncreasingChain(candidates);
  }

  // When every element the two sides of r share occurs once on each side,
  // and in the same order on both, matching all of them is the one
  // longest common subsequence, so every shortest edit script keeps
  // exactly those; dtl's is one (on tiny ranges it never reaches its
  // coordinate cap, where it would stop being exact), and Exact lists
  // each gap's deletions before its insertions, as this does. Emits that
  // script and returns true; false (nothing emitted) otherwise. Costs one
  // pass over each side instead of dtl's O((N+M)D), which matters for
  // paragraphs that nearly all changed.
  bool EmitUniqueMatches(Range r) {
    thread_local std::vector<Seen> seen;
    thread_local std::vector<std::pair<int, int>> matches;
    matches.clear();
    // b counted first; a is read until an element breaks the rule (words
    // such as "the" or "." usually do, early), counting only shared ids,
    // so clearing b's ids clears everything.
    const Range b_side{r.b_begin, r.b_begin, r.b_begin, r.b_end};
    if (!std::all_of(b_.begin() + r.b_begin, b_.begin() + r.b_end, Dense)) return false;
    CountSides(b_side, seen);
    bool unique = true;
    int last_b = -1;
    for (int i = r.a_begin; i < r.a_end && unique; ++i) {
      const int value = At(a_, i);
      const auto id = static_cast<std::size_t>(value);
      if (!Dense(value) || id >= seen.size() || seen[id].b_count == 0) continue;
      Seen& s = seen[id];
      unique = ++s.a_count == 1 && s.b_count == 1 && s.b_pos > last_b;
      matches.push_back({i, s.b_pos});
      last_b = s.b_pos;
    }
    ClearSides(b_side, seen);
    if (!unique) return false;
    int a_pos = r.a_begin;
    int b_pos = r.b_begin;
    for (const auto& [ai, bi] : matches) {
      Replace({a_pos, ai, b_pos, bi});
      edits_.push_back({EditKind::kEqual, ai, bi});
      a_pos = ai + 1;
      b_pos = bi + 1;
    }
    Replace({a_pos, r.a_end, b_pos, r.b_end});
    return true;
  }

  // Per id: how often it occurs on each side of a range, and where on b.
  struct Seen {
    int a_count = 0;
    int b_count = 0;
    int b_pos = 0;
  };

  // Counts r's (dense) ids into `seen`, which is all zero before.
  void CountSides(Range r, std::vector<Seen>& seen) const {
    auto at = [&](int id) -> Seen& {
      const auto index = static_cast<std::size_t>(id);
      if (index >= seen.size()) seen.resize(std::max(index + 1, seen.size() * 2));
      return seen[index];
    };
    for (int i = r.a_begin; i < r.a_end; ++i) ++at(At(a_, i)).a_count;
    for (int i = r.b_begin; i < r.b_end; ++i) {
      Seen& s = at(At(b_, i));
      ++s.b_count;
      s.b_pos = i;
    }
  }

  // Zeroes what CountSides(r, seen) counted.
  void ClearSides(Range r, std::vector<Seen>& seen) const {
    for (int i = r.a_begin; i < r.a_end; ++i) seen[static_cast<std::size_t>(At(a_, i))] = Seen{};
    for (int i = r.b_begin; i < r.b_end; ++i) seen[static_cast<std::size_t>(At(b_, i))] = Seen{};
  }

  // UniqueAnchors for dense ids: counts and positions by id in an array
  // (kept zeroed between calls) instead of two hash maps.
  std::vector<std::pair<int, int>> UniqueAnchorsByArray(Range r) const {
    thread_local std::vector<Seen> seen;
    CountSides(r, seen);
    std::vector<std::pair<int, int>> candidates;
    for (int i = r.a_begin; i < r.a_end; ++i) {
      const Seen& s = seen[static_cast<std::size_t>(At(a_, i))];
      if (s.a_count == 1 && s.b_count == 1) candidates.push_back({i, s.b_pos});
    }
    ClearSides(r, seen);
    return LongestIncreasingChain(candidates);
  }

  // Patience sorting over b positions (candidates are sorted by a).
  static std::vector<std::pair<int, int>> LongestIncreasingChain(
      const std::vector<std::pair<int, int>>& candidates) {
    std::vector<int> tails;  // index into candidates of each pile's top
    std::vector<int> previous(candidates.size(), -1);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      auto pile = std::lower_bound(
          tails.begin(), tails.end(), candidates[i].second,
          [&](int t, int b) {
            return candidates[static_cast<std::size_t>(t)].second < b;
          });
      if (pile != tails.begin()) previous[i] = *(pile - 1);
      if (pile == tails.end()) {
        tails.push_back(static_cast<int>(i));
      } else {
        *pile = static_cast<int>(i);
      }
    }
    std::vector<std::pair<int, int>> chain;
    for (int i = tails.empty() ? -1 : tails.back(); i >= 0;
         i = previous[static_cast<std::size_t>(i)]) {
      chain.push_back(candidates[static_cast<std::size_t>(i)]);
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
  }

  std::span<const int> a_;
  std::span<const int> b_;
  std::vector<Edit> edits_;
};

}  // namespace

std::vector<Edit> DiffSequences(std::span<const int> a,
                                std::span<const int> b) {
  return Differ(a, b).Run();
}

}  // namespace revwatch
