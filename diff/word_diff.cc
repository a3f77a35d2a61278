#include "diff/word_diff.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>

#include "diff/edit_classifier.h"
#include "diff/run_both.h"
#include "diff/paragraph_align.h"
#include "diff/sequence_diff.h"
#include "diff/text_facts.h"
#include "diff/token_diff.h"

namespace revwatch {
namespace {

// Below this many tokens in changed paragraphs a second thread costs more
// than it saves (starting one takes ~50 us; classifying 20,000 tokens ~5 ms).
constexpr std::size_t kParallelTokens = 20000;
// The same for tokenizing the two sides apart (about 5 bytes a token).
// Tokenizing is cheap next to a first thread's start-up (its stack, its
// malloc arena): at 10,000 words a side (~130 KB in all) one thread is
// as fast, so only longer texts are split.
constexpr std::size_t kParallelBytes = 300000;

void AppendToken(const TokenizedText& text, std::size_t i, SpanOp op,
                 std::vector<WordSpan>& spans) {
  const Token& token = text.tokens[i];
  if (spans.empty() || spans.back().op != op) {
    spans.push_back({op, std::string(text.Text(token)), token.space_before});
    return;
  }
  if (token.space_before) spans.back().text += ' ';
  spans.back().text += text.Text(token);
}

// Copies the n bytes at `p` (one to two Words) to `to` as two Words that
// may overlap.
template <typename Word>
inline void CopyAsTwoWords(const char* p, std::size_t n, char* to) {
  Word head;
  Word tail;
  std::memcpy(&head, p, sizeof(Word));
  std::memcpy(&tail, p + n - sizeof(Word), sizeof(Word));
  std::memcpy(to, &head, sizeof(Word));
  std::memcpy(to + n - sizeof(Word), &tail, sizeof(Word));
}

// Copies `from` to `to`: a token is a few bytes, for which fixed-size
// (overlapping) moves beat a call to memcpy.
inline void CopyBytes(std::string_view from, char* to) {
  const char* p = from.data();
  const std::size_t n = from.size();
  if (n >= 8 && n <= 16) {
    CopyAsTwoWords<std::uint64_t>(p, n, to);
  } else if (n >= 4 && n < 8) {
    CopyAsTwoWords<std::uint32_t>(p, n, to);
  } else if (n < 4) {
    for (std::size_t i = 0; i < n; ++i) to[i] = p[i];
  } else {
    std::memcpy(to, p, n);
  }
}

// One side of a diff for the per-token loops below: the tokens and the
// text they point into, looked up once instead of for every token.
struct DiffSide {
  const TokenizedText* text = nullptr;
  const Token* tokens = nullptr;
  const char* source = nullptr;

  explicit DiffSide(const TokenizedText* t) : text(t) {
    if (t == nullptr) return;
    tokens = t->tokens.data();
    source = t->Source().data();
  }
  // TokenizedText::Text without its bounds check (offsets come from the
  // tokenizer) but for the rare long token.
  std::string_view Piece(const Token& token) const {
    if (token.length == Token::kLongToken) [[unlikely]] return text->Text(token);
    return std::string_view(source + token.offset, token.length);
  }
};

// Calls add(side, token, op, old_space) for each token of the diff in
// order: unchanged words as the new version writes them, with whether the
// old one had a space before the word. (One call site, so that `add` is
// inlined: it runs for every token of every changed paragraph.)
template <typename Add>
void ForEachToken(const TokenDiff& diff, Add add) {
  const DiffSide old_side(diff.old_text);
  const DiffSide new_side(diff.new_text);
  for (const Edit& edit : diff.edits) {
    const bool deleted = edit.kind == EditKind::kDelete;
    const SpanOp op = deleted                            ? SpanOp::kDelete
                      : edit.kind == EditKind::kInsert ? SpanOp::kInsert
                                                       : SpanOp::kEqual;
    const DiffSide& side = deleted ? old_side : new_side;
    const Token& token = side.tokens[static_cast<std::size_t>(deleted ? edit.a : edit.b)];
    const bool old_space = op == SpanOp::kEqual
                               ? old_side.tokens[static_cast<std::size_t>(edit.a)].space_before
                               : token.space_before;
    add(side, token, op, old_space);
  }
}

// The paragraph with its changes marked. Each span's text is measured
// first and then built at its final size: appended word by word, a long
// unchanged run would be reallocated and copied a few times over.
std::vector<WordSpan> Spans(const TokenDiff& diff, DiffStats& stats) {
  thread_local std::vector<std::size_t> sizes;
  sizes.clear();
  SpanOp last = SpanOp::kEqual;
  ForEachToken(diff, [&](const DiffSide& side, const Token& token, SpanOp op, bool) {
    const std::size_t length = side.Piece(token).size();
    if (sizes.empty() || op != last) {
      sizes.push_back(length);
      last = op;
    } else {
      sizes.back() += length + (token.space_before ? 1 : 0);
    }
    if (op == SpanOp::kDelete) stats.words_removed += IsWordish(token);
    if (op == SpanOp::kInsert) stats.words_added += IsWordish(token);
  });
  // Each span's string is sized once, then filled through a cursor:
  // appending costs a capacity check and a size update per token.
  std::vector<WordSpan> spans;
  spans.reserve(sizes.size());
  char* out = nullptr;
  ForEachToken(diff, [&](const DiffSide& side, const Token& token, SpanOp op, bool old_space) {
    if (spans.empty() || spans.back().op != op) {
      spans.push_back({op, std::string(sizes[spans.size()], ' '), token.space_before,
                       old_space != token.space_before});
      out = spans.back().text.data();
    } else if (token.space_before) {
      ++out;  // the space is there already
    }
    const std::string_view piece = side.Piece(token);
    CopyBytes(piece, out);
    out += piece.size();
  });
  return spans;
}

// Same tokens by key but written differently (quote style, NFD, nbsp): shown
// token by token as written, tagged cosmetic.
std::vector<WordSpan> PresentationSpans(const TokenizedText& old_text,
                                        const TokenizedText& new_text) {
  std::vector<WordSpan> spans;
  for (std::size_t i = 0; i < new_text.tokens.size(); ++i) {
    if (old_text.Text(i) == new_text.Text(i)) {
      AppendToken(new_text, i, SpanOp::kEqual, spans);
    } else {
      AppendToken(old_text, i, SpanOp::kDelete, spans);
      AppendToken(new_text, i, SpanOp::kInsert, spans);
    }
  }
  return spans;
}

bool WrittenDifferently(const TokenizedText& a, const TokenizedText& b) {
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    if (a.Text(i) != b.Text(i)) return true;
  }
  return false;
}

ParagraphOp ToParagraphOp(AlignOp op) {
  switch (op) {
    case AlignOp::kInserted:
      return ParagraphOp::kInserted;
    case AlignOp::kDeleted:
      return ParagraphOp::kDeleted;
    case AlignOp::kMoved:
      return ParagraphOp::kMoved;
    default:
      return ParagraphOp::kChanged;
  }
}

// Numbers paragraphs so that equal ids are byte-identical paragraphs:
// dense from 0, in order of first appearance. Open addressing with a hash
// that reads eight bytes at a time: every byte of both articles is hashed,
// and std::hash<std::string_view> (and a node per paragraph) cost three
// times as much.
class ParagraphIds {
 public:
  explicit ParagraphIds(std::size_t count) {
    std::size_t slots = 16;
    while (slots < 2 * count) slots *= 2;
    slots_.assign(slots, -1);
    distinct_.reserve(count);
  }
  // The paragraph must outlive this object.
  int Of(std::string_view paragraph) {
    const std::uint64_t hash = Hash(paragraph);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      const int id = slots_[i];
      if (id < 0) {
        slots_[i] = static_cast<int>(distinct_.size());
        distinct_.push_back({paragraph, hash});
        return slots_[i];
      }
      const Distinct& known = distinct_[static_cast<std::size_t>(id)];
      if (known.hash == hash && known.text == paragraph) return id;
    }
  }

 private:
  struct Distinct {
    std::string_view text;
    std::uint64_t hash;
  };
  static std::uint64_t Hash(std::string_view text) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
    auto load8 = [](const char* p) {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      return v;
    };
    const char* p = text.data();
    const std::size_t n = text.size();
    std::uint64_t h = n * kMul;
    auto mix = [&h](std::uint64_t chunk) { h = std::rotl((h ^ chunk) * kMul, 29); };
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 <= n; i += 8) mix(load8(p + i));
      mix(load8(p + n - 8));
    } else {
      for (std::size_t i = 0; i < n; ++i) mix(static_cast<unsigned char>(p[i]));
    }
    h ^= h >> 32;
    return h * kMul;
  }

  std::vector<int> slots_;  // ids; size a power of two, at most half full
  std::vector<Distinct> distinct_;
};

class ArticleDiffer {
 public:
  ArticleDiffer(const Article& old_article, const Article& new_article,
                const Lexicon& lexicon)
      : words_(lexicon),
        old_article_(old_article),
        new_article_(new_article),
        mentions_(old_article) {
    pilcrow_key_ = vocabulary_.Intern("\u00b6");
    vocabulary_.Folded(pilcrow_key_);
    old_title_ = Tokenize(old_article.title, vocabulary_);
    new_title_ = Tokenize(new_article.title, vocabulary_);
  }

  ArticleDiff Run() {
    ArticleDiff diff;
    DiffTitle(diff);
    TokenizeDifferingParagraphs();
    std::vector<AlignedParagraph> entries = AlignParagraphs(old_, new_);
    for (AlignedParagraph& aligned : entries) {
      // Back from positions among the differing paragraphs to the article's.
      if (aligned.old_index >= 0) aligned.old_index = old_index_[Index(aligned.old_index)];
      if (aligned.new_index >= 0) aligned.new_index = new_index_[Index(aligned.new_index)];
      // Byte-identical paragraphs the raw alignment could not keep in
      // order are paragraphs that moved.
      if (aligned.op == AlignOp::kSame &&
          old_raw_[Index(aligned.old_index)] == new_raw_[Index(aligned.new_index)]) {
        aligned.op = AlignOp::kMoved;
      }
      // A changed paragraph on the other side of an unchanged one than
      // before moved as well (two paragraphs swapped, a typo fixed in
      // one).
      if (aligned.op == AlignOp::kChanged &&
          UnchangedBefore(old_index_, aligned.old_index) !=
              UnchangedBefore(new_index_, aligned.new_index)) {
        aligned.op = AlignOp::kMoved;
      }
    }
    DiffParagraphs(entries, diff);
    SummarizeEdit(diff);
    return diff;
  }

 private:
  static std::size_t Index(int i) { return static_cast<std::size_t>(i); }

  // How many byte-identical paragraphs come before `article_index`, of a
  // side whose differing paragraphs are `differing` (sorted).
  static std::size_t UnchangedBefore(const std::vector<int>& differing, int article_index) {
    return Index(article_index) - Position(differing, article_index);
  }

  // Byte-identical paragraphs are unchanged whatever their tokens, so the
  // raw strings are aligned first and only the paragraphs that differ are
  // tokenized and aligned properly (as git diffs lines before words).
  void TokenizeDifferingParagraphs() {
    ParagraphIds ids(old_article_.paragraphs.size() + new_article_.paragraphs.size());
    auto intern = [&ids](const std::vector<std::string>& paragraphs) {
      std::vector<int> out;
      out.reserve(paragraphs.size());
      for (const std::string& p : paragraphs) out.push_back(ids.Of(p));
      return out;
    };
    old_raw_ = intern(old_article_.paragraphs);
    new_raw_ = intern(new_article_.paragraphs);
    std::size_t bytes = 0;
    for (const Edit& edit : DiffSequences(old_raw_, new_raw_)) {
      if (edit.kind == EditKind::kDelete) {
        old_index_.push_back(edit.a);
        bytes += old_article_.paragraphs[Index(edit.a)].size();
      } else if (edit.kind == EditKind::kInsert) {
        new_index_.push_back(edit.b);
        bytes += new_article_.paragraphs[Index(edit.b)].size();
      }
    }
    auto tokenize = [](const Article& article, const std::vector<int>& indices,
                       Vocabulary& vocabulary, std::vector<TokenizedText>& out) {
      out.reserve(indices.size());
      for (const int i : indices) out.push_back(Tokenize(article.paragraphs[Index(i)], vocabulary));
    };
    if (bytes < kParallelBytes) {
      tokenize(old_article_, old_index_, vocabulary_, old_);
      tokenize(new_article_, new_index_, vocabulary_, new_);
      return;
    }
    // Long texts: the new side is tokenized on a second thread into its
    // own vocabulary, whose words then join the main one. It goes when
    // they have (~1 MB at 100,000 words), before the paragraphs are
    // aligned, when a comparison's memory peaks.
    Vocabulary new_vocabulary;
    RunBoth([&] { tokenize(old_article_, old_index_, vocabulary_, old_); },
            [&] { tokenize(new_article_, new_index_, new_vocabulary, new_); });
    const std::vector<int> joined = vocabulary_.Join(new_vocabulary);
    for (TokenizedText& text : new_) text.Rehome(vocabulary_, joined);
  }

  const TokenizedText& OldParagraph(int article_index) const {
    return old_[Position(old_index_, article_index)];
  }
  const TokenizedText& NewParagraph(int article_index) const {
    return new_[Position(new_index_, article_index)];
  }
  static std::size_t Position(const std::vector<int>& indices, int article_index) {
    return static_cast<std::size_t>(
        std::lower_bound(indices.begin(), indices.end(), article_index) - indices.begin());
  }

  void DiffTitle(ArticleDiff& diff) {
    const TokenDiff tokens = DiffTokens(old_title_, new_title_);
    DiffStats ignored;
    if (!tokens.runs.empty()) {
      diff.title_changed = true;
      diff.title_spans = Spans(tokens, ignored);
      diff.title_tags = ClassifyHeadlineChange(tokens, words_);
    } else if (WrittenDifferently(old_title_, new_title_)) {
      diff.title_changed = true;
      diff.title_spans = PresentationSpans(old_title_, new_title_);
      diff.title_tags = {"cosmetic"};
    }
  }

  // A paragraph split in two, or two merged into one: the entries from
  // `e` it takes (none when `used` is 0) and the paragraphs, by article
  // index: the one paragraph and the first of the two.
  struct Regroup {
    std::size_t used = 0;
    int old_index = -1;
    int new_index = -1;
    bool split = false;        // one old paragraph became two new ones
    bool same_tokens = false;  // with the same words
  };

  // Looks at the 2 or 3 entries from `e` for a split or merge: the two
  // paragraphs' words follow each other in the one's, the same or nearly
  // (NearlyRegrouped).
  Regroup FindSplitOrMerge(const std::vector<AlignedParagraph>& entries, std::size_t e) const {
    for (std::size_t count : {std::size_t{2}, std::size_t{3}}) {
      if (e + count > entries.size()) break;
      // At most three of each: in place, not vectors (this runs for every
      // entry).
      std::array<int, 3> olds;
      std::array<int, 3> news;
      std::size_t old_count = 0;
      std::size_t new_count = 0;
      bool plain = true;
      for (std::size_t k = e; k < e + count; ++k) {
        const AlignedParagraph& a = entries[k];
        plain &= a.op == AlignOp::kChanged || a.op == AlignOp::kInserted ||
                 a.op == AlignOp::kDeleted;
        if (a.old_index >= 0) olds[old_count++] = a.old_index;
        if (a.new_index >= 0) news[new_count++] = a.new_index;
      }
      if (!plain) continue;
      SortFirst(olds, old_count);
      SortFirst(news, new_count);
      // The one paragraph against the two that follow each other.
      auto regroup = [&](const TokenizedText& whole, const TokenizedText& first,
                         const TokenizedText& second, bool split) -> std::optional<Regroup> {
        const bool same = SameTokens(whole, first, second);
        if (!same && !NearlyRegrouped(whole, first, second)) return std::nullopt;
        return Regroup{count, olds[0], news[0], split, same};
      };
      std::optional<Regroup> found;
      if (old_count == 1 && new_count == 2 && news[1] == news[0] + 1) {
        found = regroup(OldParagraph(olds[0]), NewParagraph(news[0]), NewParagraph(news[1]),
                        /*split=*/true);
      } else if (old_count == 2 && new_count == 1 && olds[1] == olds[0] + 1) {
        found = regroup(NewParagraph(news[0]), OldParagraph(olds[0]), OldParagraph(olds[1]),
                        /*split=*/false);
      }
      if (found) return *found;
    }
    return {};
  }

  // Whether `whole` has the words of `first` and `second`, nearly: three
  // in four of each one's word stems (case aside, any order) are among its, and
  // three in four of its among theirs. A paragraph split or merged while a
  // typo was fixed, or merged with its sentences woven together, is then
  // diffed as one paragraph. A new paragraph inserted next to an edited
  // one shares too few words with it.
  static bool NearlyRegrouped(const TokenizedText& whole, const TokenizedText& first,
                              const TokenizedText& second) {
    // Compared by their first five letters: a sentence recast inflects its
    // words ("закрытия" -> "закрыть", "громадських" -> "громадські").
    constexpr std::size_t kStemLetters = 5;
    auto words = [](const TokenizedText& text, std::vector<std::string_view>& out) {
      for (const Token& token : text.tokens) {
        if (!IsWordish(token)) continue;
        const Vocabulary& vocabulary = text.vocabulary();
        out.push_back(FirstCharacters(vocabulary.Text(vocabulary.FoldedOf(token.key)),
                                      kStemLetters));
      }
      std::sort(out.begin(), out.end());
    };
    thread_local std::vector<std::string_view> all;
    thread_local std::vector<std::string_view> one;
    thread_local std::vector<std::string_view> two;
    all.clear();
    one.clear();
    two.clear();
    words(whole, all);
    words(first, one);
    words(second, two);
    if (one.empty() || two.empty()) return false;
    auto shared = [](const std::vector<std::string_view>& a,
                     const std::vector<std::string_view>& b) {
      std::size_t count = 0;
      for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
          ++i;
        } else if (*j < *i) {
          ++j;
        } else {
          ++count, ++i, ++j;
        }
      }
      return count;
    };
    if (4 * shared(one, all) < 3 * one.size() || 4 * shared(two, all) < 3 * two.size()) {
      return false;
    }
    const std::size_t parts = one.size();
    one.insert(one.end(), two.begin(), two.end());
    std::inplace_merge(one.begin(), one.begin() + static_cast<std::ptrdiff_t>(parts), one.end());
    return 4 * shared(one, all) >= 3 * all.size();
  }

  void AddRegroup(const Regroup& regroup, ArticleDiff& diff, WordLookup& words) {
    const bool split = regroup.split;
    const TokenizedText& whole =
        split ? OldParagraph(regroup.old_index) : NewParagraph(regroup.new_index);
    const TokenizedText& first =
        split ? NewParagraph(regroup.new_index) : OldParagraph(regroup.old_index);
    const TokenizedText& second =
        split ? NewParagraph(regroup.new_index + 1) : OldParagraph(regroup.old_index + 1);
    if (regroup.same_tokens) {
      AddRegrouped(regroup.old_index, regroup.new_index, first, second,
                   split ? SpanOp::kInsert : SpanOp::kDelete, diff);
      return;
    }
    const TokenizedText joined = JoinParagraphs(first, pilcrow_key_, second);
    const TokenDiff tokens = split ? DiffTokens(whole, joined) : DiffTokens(joined, whole);
    ParagraphChange change{ParagraphOp::kChanged, regroup.old_index, regroup.new_index, {}, {}};
    change.spans = Spans(tokens, diff.stats);
    change.tags = ClassifyParagraphChange(change.op, tokens, words, &mentions_);
    ++diff.stats.paragraphs_changed;
    diff.paragraphs.push_back(std::move(change));
  }

  // Sorts the first n of v (insertion sort: std::sort on so few draws a
  // GCC 12 -Warray-bounds false positive).
  static void SortFirst(std::array<int, 3>& v, std::size_t n) {
    for (std::size_t i = 1; i < n; ++i) {
      for (std::size_t j = i; j > 0 && v[j - 1] > v[j]; --j) std::swap(v[j - 1], v[j]);
    }
  }

  // Whether `whole` has the tokens of `first` followed by those of `second`.
  static bool SameTokens(const TokenizedText& whole, const TokenizedText& first,
                         const TokenizedText& second) {
    if (whole.tokens.size() != first.tokens.size() + second.tokens.size()) return false;
    std::size_t i = 0;
    for (const TokenizedText* part : {&first, &second}) {
      for (const Token& token : part->tokens) {
        if (whole.tokens[i++].key != token.key) return false;
      }
    }
    return true;
  }

  // A split or merge with the same words: cosmetic, shown with a pilcrow
  // where the break appeared or went.
  void AddRegrouped(int old_index, int new_index, const TokenizedText& first,
                    const TokenizedText& second, SpanOp mark, ArticleDiff& diff) {
    ParagraphChange change{ParagraphOp::kChanged, old_index, new_index, {}, {"cosmetic"}};
    for (std::size_t i = 0; i < first.tokens.size(); ++i) {
      AppendToken(first, i, SpanOp::kEqual, change.spans);
    }
    change.spans.push_back({mark, "\u00b6", true});
    for (std::size_t i = 0; i < second.tokens.size(); ++i) {
      AppendToken(second, i, SpanOp::kEqual, change.spans);
    }
    if (!change.spans.empty() && change.spans.back().op == SpanOp::kEqual &&
        !second.tokens.empty()) {
      change.spans.back().space_before = true;
    }
    ++diff.stats.paragraphs_changed;
    diff.paragraphs.push_back(std::move(change));
  }

  // Word-diffs and classifies each aligned pair (or split/merged group)
  // into diff.paragraphs, in order. Pairs are independent, so a long
  // comparison gives the second half to a second thread, with its own
  // word memo; the texts and the vocabulary are only read by then.
  void DiffParagraphs(const std::vector<AlignedParagraph>& entries, ArticleDiff& diff) {
    struct Item {
      std::size_t entry;
      Regroup regroup;
      std::size_t tokens;  // work estimate
    };
    std::vector<Item> items;
    std::size_t total = 0;
    for (std::size_t e = 0; e < entries.size();) {
      const Regroup regroup = FindSplitOrMerge(entries, e);
      const std::size_t used = regroup.used;
      std::size_t tokens = 0;
      for (std::size_t k = e; k < e + std::max<std::size_t>(used, 1); ++k) {
        if (entries[k].old_index >= 0) tokens += OldParagraph(entries[k].old_index).tokens.size();
        if (entries[k].new_index >= 0 && entries[k].op != AlignOp::kSame) {
          tokens += NewParagraph(entries[k].new_index).tokens.size();
        }
      }
      items.push_back({e, regroup, tokens});
      total += tokens;
      e += std::max<std::size_t>(used, 1);
    }
    auto process = [&](std::size_t from, std::size_t to, ArticleDiff& out, WordLookup& words) {
      for (std::size_t i = from; i < to; ++i) {
        const std::size_t e = items[i].entry;
        if (const Regroup& regroup = items[i].regroup; regroup.used > 0) {
          AddRegroup(regroup, out, words);
          for (std::size_t k = e; k < e + regroup.used; ++k) Release(entries[k]);
        } else {
          AddParagraph(entries[e], out, words);
          Release(entries[e]);
        }
      }
    };
    if (total < kParallelTokens) {
      process(0, items.size(), diff, words_);
      return;
    }
    std::size_t split = 0;
    for (std::size_t half = 0; split < items.size() && half < total / 2; ++split) {
      half += items[split].tokens;
    }
    ArticleDiff second;
    WordLookup second_words(words_.lexicon());
    RunBoth([&] { process(0, split, diff, words_); },
            [&] { process(split, items.size(), second, second_words); });
    diff.paragraphs.insert(diff.paragraphs.end(), std::make_move_iterator(second.paragraphs.begin()),
                           std::make_move_iterator(second.paragraphs.end()));
    diff.stats += second.stats;
  }

  // Frees the tokens of an entry's paragraphs once its change is built (no
  // other entry refers to them), so that the changes built next reuse the
  // memory instead of growing the heap.
  void Release(const AlignedParagraph& aligned) {
    if (aligned.old_index >= 0) {
      std::vector<Token>().swap(old_[Position(old_index_, aligned.old_index)].tokens);
    }
    if (aligned.new_index >= 0) {
      std::vector<Token>().swap(new_[Position(new_index_, aligned.new_index)].tokens);
    }
  }

  void AddParagraph(const AlignedParagraph& aligned, ArticleDiff& diff, WordLookup& words) {
    const TokenizedText* before =
        aligned.old_index >= 0 ? &OldParagraph(aligned.old_index) : nullptr;
    const TokenizedText* after =
        aligned.new_index >= 0 ? &NewParagraph(aligned.new_index) : nullptr;
    ParagraphChange change{ToParagraphOp(aligned.op), aligned.old_index, aligned.new_index,
                           {}, {}};
    if (aligned.op == AlignOp::kSame) {
      if (!WrittenDifferently(*before, *after)) return;
      change.spans = PresentationSpans(*before, *after);
      change.tags = {"cosmetic"};
      ++diff.stats.paragraphs_changed;
      diff.paragraphs.push_back(std::move(change));
      return;
    }
    TokenDiff tokens;
    switch (aligned.op) {
      case AlignOp::kInserted:
        tokens = WholeText(*after, /*inserted=*/true);
        ++diff.stats.paragraphs_added;
        break;
      case AlignOp::kDeleted:
        tokens = WholeText(*before, /*inserted=*/false);
        ++diff.stats.paragraphs_removed;
        break;
      case AlignOp::kMoved:
        tokens = DiffTokens(*before, *after);
        ++diff.stats.paragraphs_moved;
        break;
      default:
        tokens = DiffTokens(*before, *after);
        ++diff.stats.paragraphs_changed;
        break;
    }
    change.spans = Spans(tokens, diff.stats);
    change.tags = ClassifyParagraphChange(change.op, tokens, words, &mentions_);
    diff.paragraphs.push_back(std::move(change));
  }

  // Declared first: every tokenized text below refers into them.
  Vocabulary vocabulary_;
  WordLookup words_;
  const Article& old_article_;
  const Article& new_article_;
  const ArticleMentions mentions_;
  // The paragraphs that differ, tokenized, and their places in the articles
  // (ascending).
  std::vector<TokenizedText> old_;
  std::vector<TokenizedText> new_;
  std::vector<int> old_index_;
  std::vector<int> new_index_;
  // Every paragraph's id; equal ids are byte-identical paragraphs.
  std::vector<int> old_raw_;
  std::vector<int> new_raw_;
  TokenizedText old_title_;
  TokenizedText new_title_;
  int pilcrow_key_ = -1;  // "¶" between the paragraphs of a split or merge
};

}  // namespace

std::vector<WordSpan> DiffWords(std::string_view old_text, std::string_view new_text) {
  Vocabulary vocabulary;
  const TokenizedText a = Tokenize(old_text, vocabulary);
  const TokenizedText b = Tokenize(new_text, vocabulary);
  DiffStats ignored;
  return Spans(DiffTokens(a, b), ignored);
}

ArticleDiff DiffArticles(const Article& old_article, const Article& new_article,
                         const Lexicon& lexicon) {
  ArticleDiff diff = ArticleDiffer(old_article, new_article, lexicon).Run();
  if (old_article.title != new_article.title ||
      old_article.paragraphs != new_article.paragraphs) {
    MarkInvisibleChange(diff);
  }
  return diff;
}

}  // namespace revwatch
