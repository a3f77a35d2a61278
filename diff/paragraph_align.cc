#include "diff/paragraph_align.h"

#include <algorithm>
#include <array>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstddef>
#include <span>
#include <unordered_map>

#include "diff/run_both.h"
#include "diff/text_facts.h"
#include "diff/tokenizer.h"

namespace revwatch {
namespace {

// Above this many candidate pairs a run of differing paragraphs is paired
// greedily within kWindow positions instead of by exact dynamic programming,
// and moves are only looked for among identical paragraphs.
constexpr std::size_t kMaxPairsExact = 2500;
constexpr int kWindow = 16;
constexpr double kPairDice = 0.5;
constexpr double kPairContainment = 0.8;
constexpr std::size_t kMinContainedWords = 6;
constexpr double kNearMoveDice = 0.8;
// A candidate this similar is taken at once (paragraphs edited in place).
constexpr double kObviousPairDice = 0.8;
// A paragraph alone in its place on both sides is one paragraph rewritten
// when this share of their word stems is common, and both are this long.
constexpr double kRewrittenStemDice = 0.55;
constexpr std::size_t kRewrittenMinWords = 12;
// Fewer stems shared suffice when the names and digit figures are the same.
constexpr double kRewrittenSameFactsStemDice = 0.35;
// A word stem for that: its first five letters, of words of four or more.
constexpr std::size_t kStemLetters = 5;
constexpr std::size_t kMinStemmedLetters = 4;
// Below this many tokens the two sides' shapes (and histograms) are
// computed on one thread: a thread costs ~50 us, and shaping 100,000
// tokens ~6 instructions each, ~0.2 ms (histograms twice that).
constexpr std::size_t kParallelTokens = 100000;

// What alignment needs to know about one paragraph.
// Words counted by bucket (id mod kBuckets, saturating): the sum over
// buckets of the smaller count bounds the words two paragraphs share, so
// most unrelated pairs are ruled out without merging their word lists.
constexpr std::size_t kBuckets = 256;
using Histogram = std::array<std::uint8_t, kBuckets>;

bool IsWord(const Token& token) {
  return token.kind == TokenKind::kWord || token.kind == TokenKind::kNumber;
}

struct Shape {
  std::span<const Token> tokens;  // the paragraph's, borrowed
  // The lower-cased word id of each key id (Vocabulary::FoldedIds), borrowed.
  std::span<const int> folded_of;
  std::uint64_t hash = 0;         // of the tokens' keys
  int id = -1;                    // equal ids: the same keys (see AssignIds)
  std::size_t words = 0;          // words and numbers (see IsWord)
  int max_word = -1;              // the largest lower-cased word id
  // Set by Aligner::NeedHistograms, only when a hunk cannot be paired in
  // place: the paragraphs of a lightly edited article never need it, and
  // 256 bytes for every paragraph at once were a tenth of a long
  // comparison's peak memory.
  const Histogram* histogram = nullptr;
  bool saturated = false;  // a bucket passed 255: the bound does not hold
};

// Fills `histogram` (zeroed) with the shape's words and points the shape
// at it. (From locals: a store through a byte pointer may alias anything,
// so members would be loaded again for every token.)
void FillHistogram(Shape& shape, Histogram& histogram) {
  const std::span<const Token> tokens = shape.tokens;
  const std::span<const int> folded_of = shape.folded_of;
  std::uint8_t* counts = histogram.data();
  bool saturated = false;
  for (const Token& token : tokens) {
    if (!IsWord(token)) continue;
    const int folded = folded_of[static_cast<std::size_t>(token.key)];
    std::uint8_t& count = counts[static_cast<std::size_t>(folded) % kBuckets];
    if (count < 255) {
      ++count;
    } else {
      saturated = true;
    }
  }
  shape.saturated = saturated;
  shape.histogram = &histogram;
}

Shape ShapeOf(const TokenizedText& text) {
  Shape shape;
  shape.tokens = text.tokens;
  shape.folded_of = text.vocabulary().FoldedIds();
  std::uint64_t hash = 0xcbf29ce484222325;
  for (const Token& token : text.tokens) {
    hash = (hash ^ static_cast<std::uint32_t>(token.key)) * 0x100000001b3;
    if (IsWord(token)) {
      const int folded = shape.folded_of[static_cast<std::size_t>(token.key)];
      ++shape.words;
      shape.max_word = std::max(shape.max_word, folded);
    }
  }
  shape.hash = hash;
  return shape;
}

bool SameKeys(const Shape& a, const Shape& b) {
  return std::equal(a.tokens.begin(), a.tokens.end(), b.tokens.begin(), b.tokens.end(),
                    [](const Token& x, const Token& y) { return x.key == y.key; });
}

// Numbers the shapes so that equal ids are paragraphs with the same token
// keys (compared key by key, no copy of them made).
void AssignIds(std::vector<Shape>& old_shapes, std::vector<Shape>& new_shapes) {
  struct Hash {
    std::size_t operator()(const Shape* s) const { return static_cast<std::size_t>(s->hash); }
  };
  struct Equal {
    bool operator()(const Shape* a, const Shape* b) const {
      return a->hash == b->hash && SameKeys(*a, *b);
    }
  };
  std::unordered_map<const Shape*, int, Hash, Equal> ids;
  ids.reserve(old_shapes.size() + new_shapes.size());
  for (auto* shapes : {&old_shapes, &new_shapes}) {
    for (Shape& s : *shapes) {
      s.id = ids.try_emplace(&s, static_cast<int>(ids.size())).first->second;
    }
  }
}

std::size_t SharedBound(const Histogram& a, const Histogram& b) {
  std::size_t bound = 0;
#if defined(__SSE2__)
  for (std::size_t i = 0; i < kBuckets; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data() + i));
    const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + i));
    const __m128i sums = _mm_sad_epu8(_mm_min_epu8(x, y), _mm_setzero_si128());
    bound += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#else
  for (std::size_t i = 0; i < kBuckets; ++i) bound += std::min(a[i], b[i]);
#endif
  return bound;
}

// Whether two paragraphs can be pairable (see CompareShapes) at all.
bool MayPair(const Shape& a, const Shape& b) {
  const std::size_t na = a.words;
  const std::size_t nb = b.words;
  if (na == 0 || nb == 0) return false;
  if (a.saturated || b.saturated) return true;
  const std::size_t bound = SharedBound(*a.histogram, *b.histogram);
  const std::size_t shorter = std::min(na, nb);
  return 2.0 * static_cast<double>(bound) >= kPairDice * static_cast<double>(na + nb) ||
         (shorter >= kMinContainedWords &&
          static_cast<double>(bound) >= kPairContainment * static_cast<double>(shorter));
}

struct Similarity {
  double dice = 0.0;
  bool pairable = false;
};

// Words two paragraphs share (counted with repeats, as a multiset
// intersection), by counting one side's words in `counts` (indexed by
// word id, all zero before and after) rather than sorting both sides.
std::size_t SharedWords(const Shape& a, const Shape& b, std::vector<std::uint32_t>& counts) {
  // (Both sides' ids are of one vocabulary.)
  const std::span<const int> folded_of = a.folded_of;
  auto folded = [folded_of](const Token& token) {
    return static_cast<std::size_t>(folded_of[static_cast<std::size_t>(token.key)]);
  };
  for (const Token& token : a.tokens) {
    if (IsWord(token)) ++counts[folded(token)];
  }
  std::size_t shared = 0;
  for (const Token& token : b.tokens) {
    if (!IsWord(token)) continue;
    const auto id = folded(token);
    if (id < counts.size() && counts[id] > 0) {
      --counts[id];
      ++shared;
    }
  }
  for (const Token& token : a.tokens) {
    if (IsWord(token)) counts[folded(token)] = 0;
  }
  return shared;
}

Similarity CompareShapes(const Shape& a, const Shape& b, std::vector<std::uint32_t>& counts) {
  const std::size_t na = a.words;
  const std::size_t nb = b.words;
  if (na == 0 || nb == 0) return {};
  const std::size_t shared = SharedWords(a, b, counts);
  const double dice = 2.0 * static_cast<double>(shared) / static_cast<double>(na + nb);
  const std::size_t shorter = std::min(na, nb);
  const double containment = static_cast<double>(shared) / static_cast<double>(shorter);
  return {dice, dice >= kPairDice || (containment >= kPairContainment &&
                                      shorter >= kMinContainedWords)};
}

// The paragraph's word stems, sorted with repeats.
std::vector<std::string_view> Stems(const TokenizedText& text) {
  std::vector<std::string_view> stems;
  for (const std::string_view word : text.FoldedWords()) {
    if (CharacterCount(word) < kMinStemmedLetters || HasDigit(word)) continue;
    stems.push_back(FirstCharacters(word, kStemLetters));
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

// What a rewrite keeps: the names (capitalised words past a sentence
// start) by stem, and the numbers written in digits; sorted, distinct.
// Not abbreviations, which a rewrite writes out or puts in ("аппаратов
// ультразвуковой диагностики" -> "аппаратов УЗИ"): the word diff of the
// paired paragraphs still sees one replaced by another.
std::vector<std::string_view> FactStems(const TokenizedText& text) {
  std::vector<std::string_view> facts;
  const auto folded = text.FoldedWords();
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (!IsWord(text.tokens[i])) continue;
    if (HasDigit(folded[i])) {
      facts.push_back(folded[i]);
    } else if (i > 0 && !IsSentenceEnd(text.Key(i - 1)) && StartsWithCapital(text.Text(i)) &&
               !TextFacts::IsAllCaps(text.Text(i))) {
      facts.push_back(FirstCharacters(folded[i], kStemLetters));
    }
  }
  std::sort(facts.begin(), facts.end());
  facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
  return facts;
}

// "У Світлогорську в п'ятницю розпочався фестиваль" -> "У п'ятницю в
// Світлогорську стартував фестиваль, участь у якому беруть...": most
// stems stay when the words and their endings do not.
bool Rewritten(const TokenizedText& a, const TokenizedText& b, const Shape& sa,
               const Shape& sb) {
  if (sa.words < kRewrittenMinWords || sb.words < kRewrittenMinWords) return false;
  const std::vector<std::string_view> x = Stems(a);
  const std::vector<std::string_view> y = Stems(b);
  if (x.empty() || y.empty()) return false;
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  const double dice = 2.0 * static_cast<double>(shared) / static_cast<double>(x.size() + y.size());
  if (dice >= kRewrittenStemDice) return true;
  if (dice < kRewrittenSameFactsStemDice) return false;
  const std::vector<std::string_view> facts = FactStems(a);
  return !facts.empty() && facts == FactStems(b);
}

class Aligner {
 public:
  Aligner(std::span<const TokenizedText> old_paragraphs,
          std::span<const TokenizedText> new_paragraphs)
      : old_texts_(old_paragraphs), new_texts_(new_paragraphs) {
    auto shapes = [](std::span<const TokenizedText> paragraphs, std::vector<Shape>& out) {
      out.reserve(paragraphs.size());
      for (const auto& p : paragraphs) out.push_back(ShapeOf(p));
    };
    std::size_t tokens = 0;
    for (const auto& p : old_paragraphs) tokens += p.tokens.size();
    for (const auto& p : new_paragraphs) tokens += p.tokens.size();
    parallel_ = tokens >= kParallelTokens;
    if (!parallel_) {
      shapes(old_paragraphs, old_);
      shapes(new_paragraphs, new_);
    } else {
      RunBoth([&] { shapes(old_paragraphs, old_); }, [&] { shapes(new_paragraphs, new_); });
    }
    AssignIds(old_, new_);
    int max_word = -1;
    for (const auto* side : {&old_, &new_}) {
      for (const Shape& s : *side) max_word = std::max(max_word, s.max_word);
    }
    counts_.resize(static_cast<std::size_t>(max_word + 1));
  }

  std::vector<AlignedParagraph> Run() {
    auto ids = [](const std::vector<Shape>& shapes) {
      std::vector<int> out;
      out.reserve(shapes.size());
      for (const Shape& s : shapes) out.push_back(s.id);
      return out;
    };
    const std::vector<int> a = ids(old_);
    const std::vector<int> b = ids(new_);
    std::vector<int> deleted;
    std::vector<int> inserted;
    for (const Edit& edit : DiffSequences(a, b)) {
      switch (edit.kind) {
        case EditKind::kDelete:
          deleted.push_back(edit.a);
          break;
        case EditKind::kInsert:
          inserted.push_back(edit.b);
          break;
        case EditKind::kEqual:
          PairHunk(deleted, inserted);
          out_.push_back({AlignOp::kSame, edit.a, edit.b});
          break;
      }
    }
    PairHunk(deleted, inserted);
    FindMoves();
    std::erase_if(out_, [](const AlignedParagraph& p) {
      return p.op == AlignOp::kDeleted && p.old_index < 0;
    });
    return std::move(out_);
  }

 private:
  // Emits one run of deleted and inserted paragraphs between two unchanged
  // ones, pairing edited paragraphs in order.
  void PairHunk(std::vector<int>& deleted, std::vector<int>& inserted) {
    std::vector<int> partner = PairInPlace(deleted, inserted);
    if (partner.empty()) {
      NeedHistograms();
      partner = deleted.size() * inserted.size() <= kMaxPairsExact
                    ? PairExactly(deleted, inserted)
                    : PairInWindow(deleted, inserted);
    }
    PairRewritten(deleted, inserted, partner);
    std::size_t d = 0;
    std::size_t i = 0;
    while (d < deleted.size() || i < inserted.size()) {
      if (d < deleted.size() && partner[d] == static_cast<int>(i)) {
        out_.push_back({AlignOp::kChanged, deleted[d++], inserted[i++]});
      } else if (d < deleted.size() && (partner[d] < 0 || i >= inserted.size())) {
        out_.push_back({AlignOp::kDeleted, deleted[d++], -1});
      } else {
        out_.push_back({AlignOp::kInserted, -1, inserted[i++]});
      }
    }
    deleted.clear();
    inserted.clear();
  }

  // A deleted paragraph and an inserted one left alone between the same
  // paired neighbours are one paragraph rewritten if their stems say so
  // (see Rewritten), not one removed and another added.
  void PairRewritten(const std::vector<int>& deleted, const std::vector<int>& inserted,
                     std::vector<int>& partner) const {
    std::size_t next_inserted = 0;  // the first inserted one after the last pair
    for (std::size_t d = 0; d < deleted.size();) {
      if (partner[d] >= 0) {
        next_inserted = static_cast<std::size_t>(partner[d]) + 1;
        ++d;
        continue;
      }
      std::size_t end = d;  // past the unpaired deleted ones from d
      while (end < deleted.size() && partner[end] < 0) ++end;
      const std::size_t inserted_end =
          end < deleted.size() ? static_cast<std::size_t>(partner[end]) : inserted.size();
      if (end - d == 1 && inserted_end == next_inserted + 1) {
        const int o = deleted[d];
        const int n = inserted[next_inserted];
        if (Rewritten(old_texts_[static_cast<std::size_t>(o)],
                      new_texts_[static_cast<std::size_t>(n)], Old(o), New(n))) {
          partner[d] = static_cast<int>(next_inserted);
        }
      }
      d = end;
    }
  }

  // The common case: as many paragraphs before as after, each edited in
  // place. Empty when that is not what happened.
  std::vector<int> PairInPlace(const std::vector<int>& deleted,
                               const std::vector<int>& inserted) const {
    if (deleted.size() != inserted.size() || deleted.empty()) return {};
    std::vector<int> partner(deleted.size());
    for (std::size_t i = 0; i < deleted.size(); ++i) {
      if (Compare(Old(deleted[i]), New(inserted[i])).dice < kObviousPairDice) return {};
      partner[i] = static_cast<int>(i);
    }
    return partner;
  }

  // Gives every shape its histogram (for MayPair), the first time a hunk
  // needs them.
  void NeedHistograms() {
    if (!histograms_.empty()) return;
    histograms_.resize(old_.size() + new_.size());  // zeroed
    auto fill = [](std::vector<Shape>& shapes, Histogram* out) {
      for (Shape& shape : shapes) FillHistogram(shape, *out++);
    };
    Histogram* old_histograms = histograms_.data();
    Histogram* new_histograms = old_histograms + old_.size();
    if (!parallel_) {
      fill(old_, old_histograms);
      fill(new_, new_histograms);
    } else {
      RunBoth([&] { fill(old_, old_histograms); }, [&] { fill(new_, new_histograms); });
    }
  }

  // Order-preserving pairing with the largest total similarity (weighted
  // LCS over the pairable pairs).
  std::vector<int> PairExactly(const std::vector<int>& deleted,
                               const std::vector<int>& inserted) const {
    const std::size_t p = deleted.size();
    const std::size_t q = inserted.size();
    std::vector<int> partner(p, -1);
    if (p == 0 || q == 0) return partner;
    std::vector<double> best((p + 1) * (q + 1), 0.0);
    std::vector<double> weight(p * q, -1.0);
    auto at = [q](std::size_t i, std::size_t j) { return i * (q + 1) + j; };
    for (std::size_t i = 1; i <= p; ++i) {
      for (std::size_t j = 1; j <= q; ++j) {
        const Shape& a = Old(deleted[i - 1]);
        const Shape& b = New(inserted[j - 1]);
        const Similarity s = MayPair(a, b) ? Compare(a, b) : Similarity{};
        double value = std::max(best[at(i - 1, j)], best[at(i, j - 1)]);
        if (s.pairable) {
          weight[(i - 1) * q + (j - 1)] = s.dice;
          value = std::max(value, best[at(i - 1, j - 1)] + s.dice + 1.0);
        }
        best[at(i, j)] = value;
      }
    }
    for (std::size_t i = p, j = q; i > 0 && j > 0;) {
      const double w = weight[(i - 1) * q + (j - 1)];
      if (w >= 0 && best[at(i, j)] == best[at(i - 1, j - 1)] + w + 1.0) {
        partner[i - 1] = static_cast<int>(j - 1);
        --i;
        --j;
      } else if (best[at(i, j)] == best[at(i - 1, j)]) {
        --i;
      } else {
        --j;
      }
    }
    return partner;
  }

  // Greedy pairing within kWindow positions, for hunks too large for
  // PairExactly; MayPair rules out most unrelated candidates cheaply.
  std::vector<int> PairInWindow(const std::vector<int>& deleted,
                                const std::vector<int>& inserted) const {
    std::vector<int> partner(deleted.size(), -1);
    std::size_t next = 0;
    for (std::size_t d = 0; d < deleted.size(); ++d) {
      double best = 0.0;
      const std::size_t end = std::min(inserted.size(), next + kWindow);
      for (std::size_t i = next; i < end; ++i) {
        if (!MayPair(Old(deleted[d]), New(inserted[i]))) continue;
        const Similarity s = Compare(Old(deleted[d]), New(inserted[i]));
        if (s.pairable && s.dice > best) {
          best = s.dice;
          partner[d] = static_cast<int>(i);
          if (best >= kObviousPairDice) break;
        }
      }
      if (partner[d] >= 0) next = static_cast<std::size_t>(partner[d]) + 1;
    }
    return partner;
  }

  // An inserted paragraph that equals (or nearly equals) a deleted one
  // elsewhere is that paragraph, moved. The deleted entry is blanked and
  // dropped at the end.
  void FindMoves() {
    std::unordered_map<int, std::vector<std::size_t>> deleted_by_key;
    std::vector<std::size_t> deleted_entries;
    std::vector<std::size_t> inserted_entries;
    for (std::size_t e = 0; e < out_.size(); ++e) {
      if (out_[e].op == AlignOp::kDeleted) {
        deleted_by_key[Old(out_[e].old_index).id].push_back(e);
        deleted_entries.push_back(e);
      } else if (out_[e].op == AlignOp::kInserted) {
        inserted_entries.push_back(e);
      }
    }
    for (std::size_t e : inserted_entries) {
      auto it = deleted_by_key.find(New(out_[e].new_index).id);
      if (it == deleted_by_key.end() || it->second.empty()) continue;
      MarkMoved(it->second.front(), e);
      it->second.erase(it->second.begin());
    }
    if (deleted_entries.size() * inserted_entries.size() > kMaxPairsExact) return;
    for (std::size_t e : inserted_entries) {
      if (out_[e].op != AlignOp::kInserted) continue;
      for (std::size_t d : deleted_entries) {
        if (out_[d].op != AlignOp::kDeleted || out_[d].old_index < 0) continue;
        if (Compare(Old(out_[d].old_index), New(out_[e].new_index)).dice >= kNearMoveDice) {
          MarkMoved(d, e);
          break;
        }
      }
    }
  }

  void MarkMoved(std::size_t deleted_entry, std::size_t inserted_entry) {
    out_[inserted_entry] = {AlignOp::kMoved, out_[deleted_entry].old_index,
                            out_[inserted_entry].new_index};
    out_[deleted_entry].old_index = -1;  // blanked; removed in Run()
  }

  Similarity Compare(const Shape& a, const Shape& b) const {
    return CompareShapes(a, b, counts_);
  }

  const Shape& Old(int i) const { return old_[static_cast<std::size_t>(i)]; }
  const Shape& New(int i) const { return new_[static_cast<std::size_t>(i)]; }

  std::span<const TokenizedText> old_texts_;
  std::span<const TokenizedText> new_texts_;
  std::vector<Shape> old_;
  std::vector<Shape> new_;
  bool parallel_ = false;  // enough tokens for shapes on two threads
  std::vector<Histogram> histograms_;  // the shapes', once needed
  std::vector<AlignedParagraph> out_;
  mutable std::vector<std::uint32_t> counts_;  // Compare's, by word id
};

}  // namespace

std::vector<AlignedParagraph> AlignParagraphs(
    std::span<const TokenizedText> old_paragraphs,
    std::span<const TokenizedText> new_paragraphs) {
  return Aligner(old_paragraphs, new_paragraphs).Run();
}

}  // namespace revwatch
