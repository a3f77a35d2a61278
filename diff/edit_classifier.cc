#include "diff/edit_classifier.h"

#include "diff/text_facts.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>

namespace revwatch {
namespace {

struct TagInfo {
  std::string_view name;
  bool substantive;
  double weight;  // importance, for the edit's score
};

// The vocabulary, in the order tags are listed.
constexpr std::array<TagInfo, 14> kTags = {{
    {"headline", true, 0.7},
    {"denial", true, 0.9},
    {"negation", true, 0.8},
    {"quote", true, 0.6},
    {"number", true, 0.6},
    {"entity", true, 0.5},
    {"attribution", true, 0.5},
    {"paragraph-added", true, 0.3},
    {"paragraph-removed", true, 0.4},
    {"correction", true, 0.6},
    {"moved", false, 0.05},
    {"reworded", false, 0.1},
    {"cosmetic", false, 0.02},
    {"boilerplate", false, 0.01},
}};

// Positions in kTags.
enum class Tag : unsigned {
  kHeadline, kDenial, kNegation, kQuote, kNumber, kEntity, kAttribution,
  kParagraphAdded, kParagraphRemoved, kCorrection, kMoved, kReworded, kCosmetic,
  kBoilerplate,
};
static_assert(kTags[static_cast<std::size_t>(Tag::kBoilerplate)].name == "boilerplate");
static_assert(kTags[static_cast<std::size_t>(Tag::kParagraphAdded)].name == "paragraph-added");

const TagInfo* FindTag(std::string_view name) {
  for (const TagInfo& tag : kTags) {
    if (tag.name == name) return &tag;
  }
  return nullptr;
}

// A set of tags as bits: every change run yields one, and a std::set of
// strings cost an allocation per tag.
class TagSet {
 public:
  TagSet() = default;
  TagSet(std::initializer_list<Tag> tags) {
    for (const Tag tag : tags) insert(tag);
  }
  void insert(Tag tag) { bits_ |= Bit(tag); }
  void erase(Tag tag) { bits_ &= ~Bit(tag); }
  void merge(TagSet other) { bits_ |= other.bits_; }
  bool contains(Tag tag) const { return (bits_ & Bit(tag)) != 0; }
  bool empty() const { return bits_ == 0; }
  int size() const { return std::popcount(bits_); }
  bool AnySubstantive() const {
    for (std::size_t i = 0; i < kTags.size(); ++i) {
      if (kTags[i].substantive && contains(static_cast<Tag>(i))) return true;
    }
    return false;
  }
  std::vector<std::string> InVocabularyOrder() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < kTags.size(); ++i) {
      if (contains(static_cast<Tag>(i))) out.emplace_back(kTags[i].name);
    }
    return out;
  }

 private:
  static std::uint32_t Bit(Tag tag) { return std::uint32_t{1} << static_cast<unsigned>(tag); }
  std::uint32_t bits_ = 0;
};

// A word's code points; words up to kSmallWord letters (nearly all) are
// kept without allocating, since every equal-length run is typo-checked.
class CodePoints {
 public:
  static constexpr std::size_t kSmallWord = 32;

  explicit CodePoints(std::string_view s) {
    for (std::size_t pos = 0; pos < s.size();) {
      utf8proc_int32_t cp = 0;
      auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
      if (n <= 0) n = 1;
      Add(static_cast<char32_t>(cp));
      pos += static_cast<std::size_t>(n);
    }
  }
  std::size_t size() const { return size_; }
  char32_t operator[](std::size_t i) const { return size_ <= kSmallWord ? small_[i] : large_[i]; }
  char32_t front() const { return (*this)[0]; }

 private:
  void Add(char32_t cp) {
    if (size_ < kSmallWord) {
      small_[size_++] = cp;
      return;
    }
    if (size_ == kSmallWord) large_.assign(small_.begin(), small_.end());
    large_.push_back(cp);
    ++size_;
  }

  std::array<char32_t, kSmallWord> small_;
  std::vector<char32_t> large_;  // all of them, once past kSmallWord
  std::size_t size_ = 0;
};

// Optimal-string-alignment distance, stopping early above 2. Three rolling
// rows (the transposition looks two back), on the stack for short words.
int EditDistance(const CodePoints& a, const CodePoints& b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > 2) return 3;
  const std::size_t width = m + 1;
  std::array<int, 3 * (CodePoints::kSmallWord + 1)> small;
  std::vector<int> large;
  int* rows = small.data();
  if (width > CodePoints::kSmallWord + 1) {
    large.resize(3 * width);
    rows = large.data();
  }
  auto row = [&](std::size_t i) { return rows + (i % 3) * width; };
  for (std::size_t j = 0; j <= m; ++j) row(0)[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    int* d = row(i);
    const int* up = row(i - 1);
    const int* up2 = row(i + 1);  // (i - 2) % 3, read only when i > 1
    d[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[j] = std::min({up[j] + 1, d[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[j] = std::min(d[j], up2[j - 2] + 1);
      }
    }
  }
  return row(n)[m];
}

// A run's words as compared for "cosmetic": all in one string, so that
// "35 percent" and "35%" ("35" "%") agree, with where each word ends.
class CosmeticWords {
 public:
  void Add(std::string_view word) {
    joined_ += word;
    ends_.push_back(joined_.size());
  }
  void AddWithoutApostrophesAndHyphens(std::string_view word) {
    for (const char c : word) {
      if (c != '\'' && c != '-') joined_ += c;
    }
    ends_.push_back(joined_.size());
  }
  void Clear() {
    joined_.clear();
    ends_.clear();
  }
  const std::string& joined() const { return joined_; }
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(joined_).substr(begin, ends_[i] - begin);
  }

 private:
  std::string joined_;
  std::vector<std::size_t> ends_;
};

// One side of a change run: a text's facts and the token range [begin, end).
struct Side {
  const TextFacts* facts = nullptr;
  int begin = 0;
  int end = 0;

  bool Empty() const { return facts == nullptr || begin >= end; }
  const Token& At(int i) const { return Text().tokens[static_cast<std::size_t>(i)]; }
  const TokenizedText& Text() const { return facts->text(); }
  std::string_view Key(int i) const { return Text().Key(static_cast<std::size_t>(i)); }
  int Size() const { return facts ? static_cast<int>(Text().tokens.size()) : 0; }
};

// The first token of the sentence token i is in, and the sentence end at
// or after i (its stop, or the text's end).
int SentenceStart(const TokenizedText& text, int i) {
  while (i > 0 && !IsSentenceEnd(text.Key(static_cast<std::size_t>(i - 1)))) --i;
  return i;
}
int SentenceStop(const TokenizedText& text, int i) {
  const auto size = static_cast<int>(text.tokens.size());
  while (i < size && !IsSentenceEnd(text.Key(static_cast<std::size_t>(i)))) ++i;
  return i;
}

// Rules applied to one side of a run, with the lexicon.
class SideReader {
 public:
  explicit SideReader(const Side& side) : side_(side) {}

  // Matches of `list` that overlap the side's range (a phrase may reach into
  // the unchanged words around it: "is {+not+} true").
  // The rules ask about eight lists, several times each: the first question
  // counts all eight in one pass over the range.
  int CountTouching(LexiconList list) const {
    if (side_.Empty() || !side_.facts->MayMatch(list)) return 0;
    const auto index = static_cast<std::size_t>(list);
    if ((kCountedLists >> index & 1) == 0) return CountTouchingOne(list);
    if (!touching_) CountAllTouching();
    return (*touching_)[index];
  }

  // Negation words touching the range, less those that only bound a
  // quantity ("не меньше недели", "no more than") and those that repeat a
  // negation ("не успели ни ..., ни", "neither ... nor": its first word).
  int Negations() const {
    if (side_.Empty() || !side_.facts->MayMatch(LexiconList::kNegation)) return 0;
    if (!side_.facts->MayMatch(LexiconList::kNegationException)) {
      return CountTouching(LexiconList::kNegation);
    }
    int count = 0;
    for (int pos = std::max(0, side_.begin - 4); pos < side_.end; ++pos) {
      const auto at = static_cast<std::size_t>(pos);
      const std::size_t n = side_.facts->MatchAt(LexiconList::kNegation, at);
      if (n > 0 && pos + static_cast<int>(n) > side_.begin && NegatesAnew(pos)) ++count;
    }
    return count;
  }

  // Whether the negation word at `at` is no exception's: an exception
  // with one negation word bounds a quantity or contrasts ("не менше",
  // ", а не"); in one with several, only the first negates ("ніхто не",
  // "не * ні").
  bool NegatesAnew(int at) const {
    constexpr int kLongestException = 7;
    for (int start = std::max(0, at - kLongestException); start <= at; ++start) {
      const std::size_t n =
          side_.facts->MatchAt(LexiconList::kNegationException, static_cast<std::size_t>(start));
      const int end = start + static_cast<int>(n);
      if (n == 0 || end <= at) continue;
      int first = -1;
      int words = 0;
      for (int k = start; k < end; ++k) {
        if (side_.facts->MatchAt(LexiconList::kNegation, static_cast<std::size_t>(k)) == 0) {
          continue;
        }
        if (first < 0) first = k;
        ++words;
      }
      if (at != first || words == 1) return false;
    }
    return true;
  }
  // Negation words and negative verbs ("declined" is "would not"), with
  // and without the quantity bounds.
  std::pair<int, int> NegationCounts() const {
    const int verbs = CountTouching(LexiconList::kNegativeVerb);
    return {CountTouching(LexiconList::kNegation) + verbs, Negations() + verbs};
  }

  // Matches of `list` that start inside the range.
  int CountWithin(LexiconList list) const {
    int count = 0;
    for (int pos = side_.begin; pos < side_.end && !side_.Empty(); ++pos) {
      count += side_.facts->MatchAt(list, static_cast<std::size_t>(pos)) > 0;
    }
    return count;
  }

  // Whether some entry of `list` occurs in the sentence around the range,
  // outside any match of `skip` ("не" inside "не погодився" is part of
  // that verb, not a second negation). With `around`, only in the sentence
  // of some match of that list touching the range (in a run of several
  // sentences, "the dispute" in one and "the claim" in the next are no
  // denial).
  bool SentenceContains(LexiconList list, std::optional<LexiconList> skip = std::nullopt,
                        std::optional<LexiconList> around = std::nullopt) const {
    if (side_.Empty() || !side_.facts->MayMatch(list)) return false;
    if (around) {
      for (int pos = std::max(0, side_.begin - 4); pos < side_.end; ++pos) {
        const std::size_t n = side_.facts->MatchAt(*around, static_cast<std::size_t>(pos));
        if (n == 0 || pos + static_cast<int>(n) <= side_.begin) continue;
        const Side sentence{side_.facts, pos, pos + static_cast<int>(n)};
        if (SideReader(sentence).SentenceContains(list, skip)) return true;
      }
      return false;
    }
    const int begin = SentenceStart(side_.Text(), side_.begin);
    const int end = SentenceStop(side_.Text(), side_.end);
    for (int pos = begin; pos < end; ++pos) {
      const auto at = static_cast<std::size_t>(pos);
      if (skip) {
        if (const std::size_t n = side_.facts->MatchAt(*skip, at)) {
          pos += static_cast<int>(n) - 1;
          continue;
        }
      }
      if (side_.facts->MatchAt(list, at) > 0) return true;
    }
    return false;
  }

  // The run's figures, sorted (views of the values TextFacts keeps).
  std::vector<std::string_view> Figures() const {
    std::vector<std::string_view> figures;
    for (int i = side_.begin; i < side_.end; ++i) {
      if (const auto value = FigureAt(i)) figures.push_back(*value);
    }
    std::sort(figures.begin(), figures.end());
    return figures;
  }

  // The figure token i stands for in this range: its own value, or for the
  // tail of a compound number ("twenty [two]") whose head lies outside the
  // range, the whole compound's value (so "twenty two" -> "twenty three"
  // is 22 -> 23). Tails of a head inside the range add nothing.
  std::optional<std::string_view> FigureAt(int i) const {
    const auto& value = side_.facts->Figure(i);
    if (!value) return std::nullopt;
    if (!value->empty()) return std::string_view(*value);
    int head = i;
    while (head > 0 && side_.facts->Figure(head) && side_.facts->Figure(head)->empty()) --head;
    if (head >= side_.begin || !side_.facts->Figure(head)) return std::nullopt;
    // Only the first tail in the range speaks for the compound.
    if (i > side_.begin) return std::nullopt;
    return std::string_view(*side_.facts->Figure(head));
  }

  bool HasDigitFigure() const {
    for (int i = side_.begin; i < side_.end; ++i) {
      if (IsWordish(side_.At(i)) && HasDigit(side_.Key(i))) return true;
    }
    return false;
  }

  // The words of the range as compared for "cosmetic": lower-cased,
  // apostrophes and hyphens dropped, number words as digits.
  // (Into `words`, cleared first: every run is checked, and the buffers
  // are reused from run to run.)
  void CosmeticText(CosmeticWords& words) const {
    words.Clear();
    for (int i = side_.begin; i < side_.end; ++i) {
      // A percent sign is part of the figure: "27 %" is "27%".
      if (side_.Key(i) == "%") {
        words.Add("%");
        continue;
      }
      if (!IsWordish(side_.At(i))) {
        // A sign heads its figure ("-9"): its value, not a dash.
        if (const auto value = side_.facts->Figure(i); value && !value->empty()) {
          words.Add(*value);
        }
        continue;
      }
      const std::string_view folded = side_.facts->Folded(i);
      // "a dozen" is 12 and "a million" one million.
      if ((folded == "a" || folded == "an") && i + 1 < side_.end && side_.facts->Figure(i + 1)) {
        if (!HasDigit(*side_.facts->Figure(i + 1))) words.Add("1");
        continue;
      }
      if (side_.facts->Figure(i)) {
        if (const auto value = FigureAt(i)) words.Add(*value);
        continue;
      }
      words.AddWithoutApostrophesAndHyphens(folded);
    }
  }

  // Names in the range, sorted and distinct.
  std::vector<std::string_view> ProperNouns() const {
    std::vector<std::string_view> names;
    for (int i = side_.begin; i < side_.end; ++i) {
      if (side_.facts->IsName(i)) names.push_back(side_.facts->Folded(i));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }

  // Whether the range holds a name, without collecting them.
  bool HasProperNoun() const {
    for (int i = side_.begin; i < side_.end; ++i) {
      if (side_.facts->IsName(i)) return true;
    }
    return false;
  }

  bool TouchesSpeech() const {
    for (int i = side_.begin; i < side_.end; ++i) {
      if (side_.facts->InSpeech(i)) return true;
    }
    return false;
  }

  int MatchedEntry(LexiconList list, int i) const {
    return side_.facts->MatchedEntry(list, static_cast<std::size_t>(i));
  }

  std::size_t MatchLength(LexiconList list, int i) const {
    return side_.facts->MatchAt(list, static_cast<std::size_t>(i));
  }

  bool IsLexiconWord(int i, LexiconList list) const {
    return side_.facts->MatchAt(list, static_cast<std::size_t>(i)) == 1;
  }

  // Whether the range spells the lower-cased word with a capital.
  bool WrittenCapitalised(std::string_view folded) const {
    for (int i = side_.begin; i < side_.end && !side_.Empty(); ++i) {
      if (side_.facts->Folded(i) != folded) continue;
      if (StartsWithCapital(side_.Text().Text(static_cast<std::size_t>(i)))) return true;
    }
    return false;
  }

  bool TextHasWord(std::string_view folded) const {
    return side_.facts != nullptr && side_.facts->HasWord(folded);
  }

 private:
  static constexpr std::uint32_t kCountedLists =
      1u << static_cast<unsigned>(LexiconList::kAttribution) |
      1u << static_cast<unsigned>(LexiconList::kAttributionVerb) |
      1u << static_cast<unsigned>(LexiconList::kCorrection) |
      1u << static_cast<unsigned>(LexiconList::kDenial) |
      1u << static_cast<unsigned>(LexiconList::kDenialException) |
      1u << static_cast<unsigned>(LexiconList::kDenialVerb) |
      1u << static_cast<unsigned>(LexiconList::kNegation) |
      1u << static_cast<unsigned>(LexiconList::kNegativeVerb);

  int CountTouchingOne(LexiconList list) const {
    int count = 0;
    const int from = std::max(0, side_.begin - 4);
    for (int pos = from; pos < side_.end; ++pos) {
      const std::size_t n = side_.facts->MatchAt(list, static_cast<std::size_t>(pos));
      if (n > 0 && pos + static_cast<int>(n) > side_.begin) ++count;
    }
    return count;
  }

  void CountAllTouching() const {
    auto& counts = touching_.emplace();
    counts.fill(0);
    const int from = std::max(0, side_.begin - 4);
    for (int pos = from; pos < side_.end; ++pos) {
      const auto at = static_cast<std::size_t>(pos);
      for (std::uint32_t lists = side_.facts->StartsAt(at) & kCountedLists; lists != 0;
           lists &= lists - 1) {
        const auto list = static_cast<LexiconList>(std::countr_zero(lists));
        const std::size_t n = side_.facts->MatchAt(list, at);
        if (n > 0 && pos + static_cast<int>(n) > side_.begin) {
          ++counts[static_cast<std::size_t>(list)];
        }
      }
    }
  }

  Side side_;
  // CountAllTouching's counts, by list.
  mutable std::optional<std::array<int, kLexiconListCount>> touching_;
};

constexpr std::size_t kLongWord = 7;
constexpr std::size_t kVeryLongWord = 12;

bool AreTypoFixes(const CosmeticWords& a, const CosmeticWords& b,
                  const SideReader& old_side, const SideReader& new_side) {
  if (a.size() != b.size() || a.empty()) return false;
  // "now" -> "not", "million" -> "billion" are no typos; "Wedensday" ->
  // "Wednesday" is, a word figure on one side only.
  // (Six letters up, as "Monday": "May" -> "Mar" is no slip.)
  auto words_only = [](const std::vector<std::string_view>& figures) {
    constexpr std::size_t kShortestWord = 6;
    return std::none_of(figures.begin(), figures.end(), [](std::string_view f) {
      return HasDigit(f) || CharacterCount(f) < kShortestWord;
    });
  };
  if (old_side.Negations() != new_side.Negations()) return false;
  if (const auto before = old_side.Figures(), after = new_side.Figures(); before != after) {
    if (!(before.empty() && words_only(after)) && !(after.empty() && words_only(before))) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (HasDigit(a[i]) || HasDigit(b[i])) return false;
    const CodePoints a_chars(a[i]);
    const CodePoints b_chars(b[i]);
    if (std::min(a_chars.size(), b_chars.size()) < 4) return false;
    // A name with a different initial is a different name (Ветров,
    // Петров) unless the old text already uses the corrected one; ordinary
    // words get first-letter typos fixed too (tarmers -> farmers).
    if (a_chars.front() != b_chars.front() && new_side.WrittenCapitalised(b[i]) &&
        !old_side.TextHasWord(b[i])) {
      return false;
    }
    // One slip; in a long word of the same length two ("Tesally" ->
    // "Tessaly"), which a different name of that length rarely is, and in
    // a very long word any two inside it ("свидельствуют" ->
    // "свидетельствуют"; a changed ending is another form:
    // "переохлаждены" -> "переохлажденных").
    const std::size_t shorter = std::min(a_chars.size(), b_chars.size());
    const bool same_ending = a_chars[a_chars.size() - 1] == b_chars[b_chars.size() - 1] &&
                             a_chars[a_chars.size() - 2] == b_chars[b_chars.size() - 2];
    const int allowed = (a_chars.size() == b_chars.size() && shorter >= kLongWord) ||
                                (shorter >= kVeryLongWord && same_ending)
                            ? 2
                            : 1;
    const int distance = EditDistance(a_chars, b_chars);
    if (distance < 1 || distance > allowed) return false;
  }
  return true;
}

// A figure's number and its unit symbol: "7-y" is 7 years ("the seventh
// year"); a figure without a unit has an empty one.
std::pair<std::string_view, std::string_view> NumberAndUnit(std::string_view figure) {
  const std::size_t dash = figure.rfind('-');
  // ("2-3" is a range: no unit.)
  if (dash == std::string_view::npos || dash == 0 || figure[dash - 1] < '0' ||
      figure[dash - 1] > '9' || dash + 1 == figure.size() ||
      (figure[dash + 1] >= '0' && figure[dash + 1] <= '9')) {
    return {figure, {}};
  }
  return {figure.substr(0, dash), figure.substr(dash + 1)};
}

// The hour of a clock time on the hour, "17.00"; 0 for any other figure.
int HourOnTheHour(std::string_view figure) {
  if (!figure.ends_with(".00")) return 0;
  int hour = 0;
  const std::string_view digits = figure.substr(0, figure.size() - 3);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), hour);
  return error == std::errc() && end == digits.data() + digits.size() && hour >= 1 && hour <= 24
             ? hour
             : 0;
}

// A measure in the smallest unit of its kind: "1.3" km is 1300 m. The
// metric system's factors, not a word list: the symbols are the [unit]
// lists' ones, shared by all languages.
std::optional<std::pair<std::string_view, double>> InSmallUnits(std::string_view number,
                                                                 std::string_view unit) {
  struct Factor {
    std::string_view unit;
    std::string_view small;
    double factor;
  };
  static constexpr Factor kFactors[] = {
      {"km", "mm", 1e6}, {"m", "mm", 1e3}, {"cm", "mm", 10}, {"mm", "mm", 1},
      {"t", "kg", 1e3},  {"kg", "kg", 1},  {"wk", "min", 10080}, {"d", "min", 1440},
      {"h", "min", 60},  {"min", "min", 1}, {"dec", "mo", 120},   {"y", "mo", 12},
      {"mo", "mo", 1},
  };
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size()) return std::nullopt;
  for (const Factor& f : kFactors) {
    if (f.unit == unit) return std::pair{f.small, value * f.factor};
  }
  return std::nullopt;
}

// Whether two measures are as much in the smallest unit of their kind
// ("1.3 km" and "1300 m", "12 months" and "1 year").
bool SameAmount(std::string_view a_number, std::string_view a_unit, std::string_view b_number,
                std::string_view b_unit) {
  const auto a_small = InSmallUnits(a_number, a_unit);
  const auto b_small = InSmallUnits(b_number, b_unit);
  return a_small && b_small && a_small->first == b_small->first &&
         std::abs(a_small->second - b_small->second) <= 1e-9 * std::abs(a_small->second);
}

// Whether two figures are one written in two ways that the figures
// themselves cannot tell apart: a number with its unit and without ("the
// seventh year in a row" -> "the seventh consecutive year"), and a clock
// time on the hour and the hour as a number ("с 8 до 17 часов" -> "с 8:00
// до 17:00").
bool SameFigureLoosely(std::string_view a, std::string_view b) {
  const auto [a_number, a_unit] = NumberAndUnit(a);
  const auto [b_number, b_unit] = NumberAndUnit(b);
  if (a_number == b_number) return a_unit.empty() != b_unit.empty();
  if (a_unit != b_unit && SameAmount(a_number, a_unit, b_number, b_unit)) return true;
  auto hour_of = [](std::string_view number, std::string_view unit) {
    return unit.empty() || unit == "h" ? number : std::string_view();
  };
  if (const int hour = HourOnTheHour(a)) return hour_of(b_number, b_unit) == std::to_string(hour);
  if (const int hour = HourOnTheHour(b)) return hour_of(a_number, a_unit) == std::to_string(hour);
  return false;
}

// Whether `figure` is one of a unit ("1-h") that `text` writes with "a"
// or "an" ("an hour and 40 minutes" for "1 hour 40 minutes"), or in
// Cyrillic alone: no figure of its own, as "four trains a day" must not
// be. Or as much as one of another ("12 months" for "a year").
bool OneUnitIn(std::string_view figure, const TextFacts& text) {
  const auto [number, unit] = NumberAndUnit(figure);
  if (unit.empty() || (number != "1" && !InSmallUnits(number, unit))) return false;
  auto is_one = [&](std::string_view symbol) {
    return symbol == unit ? number == "1" : SameAmount(number, unit, "1", symbol);
  };
  const std::size_t n = text.text().tokens.size();
  for (std::size_t i = 1; i < n; ++i) {
    const auto at = static_cast<int>(i);
    if (text.MatchAt(LexiconList::kUnit, i) != 1) continue;
    const auto symbol = text.lexicon().UnitSymbol(text.Folded(at));
    if (!symbol || !is_one(*symbol)) continue;
    const std::string_view before = text.Folded(at - 1);
    if (before == "a" || before == "an") return true;
    // Cyrillic has no article: a unit with no figure before it is one
    // ("за годину" for "за одну годину").
    if (static_cast<unsigned char>(text.Folded(at)[0]) >= 0xD0 && !text.Figure(at - 1)) {
      return true;
    }
  }
  return false;
}

// Whether `fraction` ("1/3") rounds to `percent` ("33", "33.3") percent.
bool FractionAsPercent(std::string_view fraction, std::string_view percent) {
  const std::size_t slash = fraction.find('/');
  if (slash == std::string_view::npos) return false;
  int numerator = 0;
  int denominator = 0;
  double share = 0;
  const char* const end = fraction.data() + fraction.size();
  const auto top = std::from_chars(fraction.data(), fraction.data() + slash, numerator);
  const auto bottom = std::from_chars(fraction.data() + slash + 1, end, denominator);
  const auto whole = std::from_chars(percent.data(), percent.data() + percent.size(), share);
  if (top.ptr != fraction.data() + slash || bottom.ptr != end || denominator <= 0 ||
      whole.ptr != percent.data() + percent.size() || whole.ec != std::errc()) {
    return false;
  }
  return std::abs(100.0 * numerator / denominator - share) < 0.5;
}

// "a third" -> "33%": a fraction `fractions` has and a number of `others`
// that is the percentage it rounds to, where `other` speaks of percentages,
// are one figure. So is the percent sign with them, where only `others`
// has one (`other`'s figures count a percentage's number and its sign
// apart).
void PairFractionsWithPercentages(std::vector<std::string_view>& fractions,
                                  std::vector<std::string_view>& others, const TextFacts& other) {
  if (others.empty() || std::none_of(fractions.begin(), fractions.end(), [](std::string_view f) {
        return f.find('/') != std::string_view::npos;
      })) {
    return;
  }
  const auto sign = std::find(others.begin(), others.end(), "%");
  if (sign == others.end()) {
    const auto& figures = other.AllFigures();
    if (std::none_of(figures.begin(), figures.end(),
                     [&](int id) { return other.FigureText(id) == "%"; })) {
      return;
    }
  }
  const bool sign_unpaired = sign != others.end();
  bool paired = false;
  std::erase_if(fractions, [&](std::string_view fraction) {
    const auto match = std::find_if(others.begin(), others.end(), [&](std::string_view number) {
      return FractionAsPercent(fraction, number);
    });
    if (match == others.end()) return false;
    others.erase(match);
    paired = true;
    return true;
  });
  if (paired && sign_unpaired) std::erase(others, std::string_view("%"));
}

// The figures each text has and the other lacks (multiset differences),
// less the pairs that are one figure written in two ways
// (SameFigureLoosely).
struct FigureDifference {
  std::vector<std::string_view> old_only;
  std::vector<std::string_view> new_only;
};

FigureDifference DifferentFigures(const TextFacts& old_text, const TextFacts& new_text) {
  const auto& a = old_text.AllFigures();
  const auto& b = new_text.AllFigures();
  FigureDifference difference;
  std::vector<int> only;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only));
  for (const int id : only) difference.old_only.push_back(old_text.FigureText(id));
  only.clear();
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(only));
  for (const int id : only) difference.new_only.push_back(new_text.FigureText(id));
  auto& news = difference.new_only;
  std::erase_if(difference.old_only, [&](std::string_view figure) {
    const auto paired = std::find_if(news.begin(), news.end(), [&](std::string_view other) {
      return SameFigureLoosely(figure, other);
    });
    if (paired == news.end()) return false;
    news.erase(paired);
    return true;
  });
  // "дві-три" is the range "2-3", written "2–3" its two ends; "треть" the
  // fraction "1/3", written "1/3" its two numbers.
  auto range_ends_in = [](std::string_view range, std::vector<std::string_view>& figures) {
    const std::size_t dash = range.find_first_of("-/");
    if (dash == std::string_view::npos || dash == 0 || !HasDigit(range.substr(dash + 1)) ||
        range.find_first_not_of("0123456789-/") != std::string_view::npos) {
      return false;
    }
    const auto low = std::find(figures.begin(), figures.end(), range.substr(0, dash));
    const auto high = std::find(figures.begin(), figures.end(), range.substr(dash + 1));
    if (low == figures.end() || high == figures.end()) return false;
    figures.erase(std::max(low, high));
    figures.erase(std::min(low, high));
    return true;
  };
  std::erase_if(difference.old_only,
                [&](std::string_view figure) { return range_ends_in(figure, news); });
  std::erase_if(difference.new_only, [&](std::string_view figure) {
    return range_ends_in(figure, difference.old_only);
  });
  PairFractionsWithPercentages(difference.old_only, difference.new_only, new_text);
  PairFractionsWithPercentages(difference.new_only, difference.old_only, old_text);
  std::erase_if(difference.old_only,
                [&](std::string_view figure) { return OneUnitIn(figure, new_text); });
  std::erase_if(difference.new_only,
                [&](std::string_view figure) { return OneUnitIn(figure, old_text); });
  return difference;
}

// The letters `a` and `b` start with alike.
std::size_t SharedLetters(std::string_view a, std::string_view b) {
  std::size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  // Whole characters only: "ба" of "баев" and "бабин" shares the first
  // byte of "е" and "б".
  while (common > 0 && common < a.size() &&
         (static_cast<unsigned char>(a[common]) & 0xC0) == 0x80) {
    --common;
  }
  return CharacterCount(a.substr(0, common));
}

// Equal but for at most two trailing letters of the shorter word.
bool SameStem(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::size_t shared = SharedLetters(a, b);
  const std::size_t shorter = std::min(CharacterCount(a), CharacterCount(b));
  return shared >= 3 && shared + 2 >= shorter;
}

// Whether the [source] lists name `a` and `b` the same source
// ("officials", "authorities": `authorit* = official`).
bool SameSourceWord(const Lexicon& lexicon, std::string_view a, std::string_view b) {
  const auto stems = lexicon.SameSourceStems(a);
  return std::any_of(stems.begin(), stems.end(),
                     [&](std::string_view stem) { return b.starts_with(stem); });
}

// "NCEA's" without its "'s".
std::string_view WithoutPossessive(std::string_view word) {
  for (const std::string_view possessive : {"'s", "\u2019s", "\u02bcs"}) {
    if (word.ends_with(possessive)) return word.substr(0, word.size() - possessive.size());
  }
  return word;
}

// The letters of an abbreviation as written ("FAO", "UN's", "МЧС"), lower
// case; empty for other words. Two to six capitals, and a possessive.
std::string AbbreviationLetters(std::string_view written, std::string_view folded) {
  // (`folded` needs no cut: only its first `letters` characters are read.)
  written = WithoutPossessive(written);
  std::size_t letters = 0;
  std::size_t capitals = 0;
  bool lower_before = false;
  std::string initials;  // the capitals, lower-cased ("md" of "MoD")
  for (std::size_t at = 0; at < written.size();) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(written.data() + at),
                         static_cast<utf8proc_ssize_t>(written.size() - at), &c);
    if (n <= 0) return {};
    if (utf8proc_isupper(c)) {
      ++capitals;
      lower_before = false;
      utf8proc_uint8_t lower[4];
      const utf8proc_ssize_t length = utf8proc_encode_char(utf8proc_tolower(c), lower);
      initials.append(reinterpret_cast<const char*>(lower), static_cast<std::size_t>(length));
    } else if (utf8proc_islower(c) && letters > 0 && !lower_before) {
      lower_before = true;  // the "of" of "MoD", the "for" of "DfE"
    } else {
      return {};
    }
    at += static_cast<std::size_t>(n);
    ++letters;
  }
  if (capitals < 2 || letters > 6) return {};
  // All capitals: the folded word itself ("нбу" keeps its Cyrillic case
  // folding).
  if (capitals == letters) return std::string(FirstCharacters(folded, letters));
  return initials;
}

// "of", "and", "по": a word of three letters or fewer written in lower
// case, which names written out skip.
bool IsShortLowerCaseWord(const Side& side, int i) {
  return CharacterCount(side.facts->Folded(i)) <= 3 &&
         !StartsWithCapital(side.Text().Text(static_cast<std::size_t>(i)));
}

// The first letters of the words, and of each part of a hyphenated word:
// "Food and Agriculture Organization" -> "fao" (short lower-case words
// skipped), "Министерства внутренних дел" -> "мвд" (all words).
std::string Initials(const Side& side, bool skip_short_words) {
  std::string initials;
  for (int i = side.begin; i < side.end && !side.Empty(); ++i) {
    if (!IsWordish(side.At(i))) continue;
    const std::string_view folded = side.facts->Folded(i);
    if (skip_short_words &&
        (IsShortLowerCaseWord(side, i) ||
         (CharacterCount(folded) <= 3 &&
          side.facts->MatchAt(LexiconList::kFunctionWord, static_cast<std::size_t>(i)) == 1))) {
      continue;  // "The" opening a sentence too
    }
    for (std::size_t start = 0; start < folded.size();) {
      std::size_t end = folded.find('-', start);
      if (end == std::string_view::npos) end = folded.size();
      initials += FirstCharacters(folded.substr(start, end - start), 1);
      start = end + 1;
    }
  }
  return initials;
}

// Whether the words a negation governed in `negated` went with it: two or
// more words of three letters or more follow it in the run, and none of
// them is left, with any ending, in the other side's paragraph ("so that
// families would not have to travel" -> "sparing families": a clause
// rewritten, not a negation flipped). One word is not enough: "did not
// know" -> "knew" changes the fact and shares no stem.
bool NegatedWordsGone(const Side& negated, const Side& other) {
  if (negated.Empty() || other.facts == nullptr) return false;
  int from = -1;
  for (int i = negated.begin; i < negated.end && from < 0; ++i) {
    // After the whole negation: "no longer", "ни разу".
    if (const std::size_t n =
            negated.facts->MatchAt(LexiconList::kNegation, static_cast<std::size_t>(i));
        n > 0) {
      from = i + static_cast<int>(n);
    }
  }
  if (from < 0) return false;
  const auto words = other.facts->FoldedWords();
  int gone = 0;
  for (int i = from; i < negated.end; ++i) {
    const std::string_view word = negated.facts->Folded(i);
    if (!IsWordish(negated.At(i)) || CharacterCount(word) < 3) continue;
    const bool left = std::any_of(words.begin(), words.end(),
                                  [&](std::string_view w) { return SameStem(word, w); });
    if (left) return false;
    ++gone;
  }
  return gone >= 2;
}

// Whether `word` is `governed` with a [negative-prefix] written into it:
// "unchanged" for "(not) changed", "непотушенный" for "(не) потушили".
// The stems may differ in up to three trailing letters.
bool PrefixNegates(const Lexicon& lexicon, std::string_view word, std::string_view governed) {
  // The stem's first four letters follow a prefix of one to six bytes.
  const std::string_view head = FirstCharacters(governed, 4);
  for (std::size_t cut = word.find(head, 1); cut != std::string_view::npos && cut <= 6;
       cut = word.find(head, cut + 1)) {
    const std::string_view rest = word.substr(cut);
    const std::size_t shared = SharedLetters(rest, governed);
    const std::size_t shorter = std::min(CharacterCount(rest), CharacterCount(governed));
    if (shared < 4 || shared + 3 < shorter) continue;
    const std::string_view prefix = word.substr(0, cut);
    if (lexicon.MatchAt(LexiconList::kNegativePrefix, std::span(&prefix, 1), 0) == 1) return true;
  }
  return false;
}

// The word a negative prefix of `word` negates ("resolved" of
// "unresolved"), or empty when it has none.
std::string_view UnprefixedStem(const Lexicon& lexicon, std::string_view word) {
  constexpr std::size_t kMinStem = 4;
  for (std::size_t cut = 1; cut <= 6 && cut + kMinStem <= word.size(); ++cut) {
    const std::string_view prefix = word.substr(0, cut);
    if (lexicon.MatchAt(LexiconList::kNegativePrefix, std::span(&prefix, 1), 0) == 1) {
      return word.substr(cut);
    }
  }
  return {};
}

// The first word from `from` a negation there governs, past an auxiliary
// ("could not be confirmed"); -1 past the end.
int GovernedWord(const TextFacts& text, int from) {
  const auto size = static_cast<int>(text.text().tokens.size());
  int word = from;
  while (word < size &&
         (!IsWordish(text.text().tokens[static_cast<std::size_t>(word)]) ||
          (text.MatchAt(LexiconList::kAuxiliary, static_cast<std::size_t>(word)) == 1 &&
           word + 1 < size))) {
    ++word;
  }
  return word < size ? word : -1;
}

// Whether `other` writes a negation of `governed` into one word that
// `negated` lacks ("confirmed" of "could not be confirmed" and
// "unconfirmed").
bool WritesNegationIntoWord(const TextFacts& negated, std::string_view governed,
                            const TextFacts& other) {
  const auto size = static_cast<int>(other.text().tokens.size());
  for (int j = 0; j < size; ++j) {
    if (!IsWordish(other.text().tokens[static_cast<std::size_t>(j)])) continue;
    const std::string_view candidate = other.Folded(j);
    if (PrefixNegates(other.lexicon(), candidate, governed) && !negated.HasWord(candidate)) {
      return true;
    }
  }
  return false;
}

// Whether the word a negation in `negated` governs has an opposite in
// `other`'s words ("сохраняет активность" -> "не теряет активности", "не
// исключают" -> "допускают"), or is there with the negation written into
// it ("not changed" -> "unchanged"): the negation and the opposite cancel
// out.
bool NegatesAnOpposite(const Side& negated, const Side& other) {
  if (negated.Empty() || other.Empty()) return false;
  for (int i = negated.begin; i < negated.end; ++i) {
    const std::size_t n =
        negated.facts->MatchAt(LexiconList::kNegation, static_cast<std::size_t>(i));
    if (n == 0) continue;
    const Lexicon& lexicon = negated.facts->lexicon();
    // A negation written into its word ("unresolved") negates the rest of
    // it ("remained open" -> "were still unresolved").
    const std::string_view rest =
        n == 1 ? UnprefixedStem(lexicon, negated.facts->Folded(i)) : std::string_view();
    // The first word after the negation, in the run or just after it.
    const int word = GovernedWord(*negated.facts, i + static_cast<int>(n));
    if (word < 0 && rest.empty()) return false;
    const std::string_view governed = rest.empty() ? negated.facts->Folded(word) : rest;
    for (int j = other.begin; j < other.end; ++j) {
      if (IsWordish(other.At(j)) && lexicon.AreOpposites(governed, other.facts->Folded(j))) {
        return true;
      }
    }
    // The negation written into the word may stand in another run of the
    // rewrite ("причиной стал непотушенный костер" -> "из-за костра,
    // который не потушили"): anywhere in the other paragraph, so long as
    // the negated paragraph lacks it.
    return WritesNegationIntoWord(*negated.facts, governed, *other.facts);
  }
  return false;
}

// How many of the negations of `negated` `other` writes into a word
// instead (WritesNegationIntoWord), wherever they stand in the paragraph.
// A "без" or "without" counts where `other` has a word saying it that
// `negated` lacks ("бездомных людей" -> "людей без жилья"), one word each:
// the [privative] list holds both.
int NegationsWrittenIntoWords(const TextFacts& negated, const TextFacts& other) {
  int count = 0;
  const auto size = static_cast<int>(negated.text().tokens.size());
  std::vector<std::string_view> privative;
  bool privative_found = false;
  for (int i = 0; i < size; ++i) {
    const std::size_t n = negated.MatchAt(LexiconList::kNegation, static_cast<std::size_t>(i));
    if (n == 0) continue;
    const int word = GovernedWord(negated, i + static_cast<int>(n));
    if (word >= 0 && WritesNegationIntoWord(negated, negated.Folded(word), other)) {
      ++count;
    } else if (negated.MatchAt(LexiconList::kPrivative, static_cast<std::size_t>(i)) == 1) {
      if (!privative_found) {
        privative_found = true;
        const auto other_size = other.text().tokens.size();
        for (std::size_t j = 0; j < other_size; ++j) {
          if (other.MatchAt(LexiconList::kPrivative, j) == 1 &&
              other.MatchAt(LexiconList::kNegation, j) == 0 &&
              !negated.HasWord(other.Folded(static_cast<int>(j)))) {
            privative.push_back(other.Folded(static_cast<int>(j)));
          }
        }
      }
      if (!privative.empty()) {
        privative.pop_back();
        ++count;
      }
    }
    i += static_cast<int>(n) - 1;
  }
  return count;
}

// "Денис Анатольевич Ершов", "Олена Петрівна": a [patronymic] word after
// a first name, which a house style may drop or add without naming anyone
// else ("Джокович", "Абрамович" alone are surnames).
bool IsPatronymicIn(const TextFacts& text, std::string_view folded) {
  const auto size = static_cast<int>(text.text().tokens.size());
  for (int i = 1; i < size; ++i) {
    const auto at = static_cast<std::size_t>(i);
    if (text.Folded(i) == folded && text.MatchAt(LexiconList::kPatronymic, at) == 1 &&
        text.text().tokens[at - 1].kind == TokenKind::kWord &&
        StartsWithCapital(text.text().Text(at - 1))) {
      return true;
    }
  }
  return false;
}

// Whether `text` has `name` (folded), or a word of its stem: a name only inflected
// by a rewrite ("прокурор Андрій Коваленко" -> "за словами прокурора Андрія
// Коваленка") is still there.
bool HasNameStem(const TextFacts& text, std::string_view name) {
  if (text.HasName(name)) return true;
  // "Telegram-канале" is "Telegram": a Latin name with a Cyrillic noun
  // hyphened on.
  if (const std::size_t hyphen = name.find('-');
      hyphen != std::string_view::npos && hyphen + 1 < name.size() &&
      static_cast<unsigned char>(name[0]) < 0x80 &&
      static_cast<unsigned char>(name[hyphen + 1]) >= 0x80 &&
      HasNameStem(text, name.substr(0, hyphen))) {
    return true;
  }
  // Both words may differ in at most their last two letters, three from
  // six letters up ("Буревісник", "Буревісникові"): a short word sharing a
  // long name's start ("моста", "Мостострой-Регион") is another.
  const std::size_t letters = CharacterCount(name);
  const auto words = text.FoldedWords();
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
    if (!SameStem(name, word)) return false;
    const std::size_t other = CharacterCount(word);
    const std::size_t slack = std::min(letters, other) >= 6 ? 3 : 2;
    return other + slack >= letters && letters + slack >= other;
  });
}

// Whether the name at i of `text` is part of a full name that `other`
// shortens: written together with the capitalised word at i + side, which
// `other` has as a name without one in this name's place ("Виктора
// Самойлова" -> "сказал Самойлов", "Calder Aggregates" -> "Calder"; but
// "Pelagos Maritime" -> "Thalassa Maritime" is another company), as often
// as this text has it (where the full name went and a later "Баранов" was
// left, "мэр Игорь Баранов" was not shortened). Not when that word is an
// institution's: "[-Eastbrook-]{+Northfield+} University" beside "the
// University of Marston". (At a sentence's start on both sides,
// "Greyhill" is a name where the article (`mentions`, may be null) never
// writes it in lower case.)
bool ShortenedAt(const TextFacts& text, int i, const TextFacts& other, int side,
                 const ArticleMentions* mentions) {
  constexpr std::size_t kMinShared = 4;  // letters: not "Marsh" for "March"
  const int j = i + side;
  const auto size = static_cast<int>(text.text().tokens.size());
  if (j < 0 || j >= size ||
      text.text().tokens[static_cast<std::size_t>(j)].kind != TokenKind::kWord ||
      !StartsWithCapital(text.text().Text(static_cast<std::size_t>(j))) ||
      text.MatchAt(LexiconList::kInstitution, static_cast<std::size_t>(j)) > 0) {
    return false;
  }
  const std::string_view kept = text.Folded(j);
  const bool named =
      text.IsName(j) || (mentions != nullptr && !mentions->WritesInLowerCase(kept));
  // Capitalised words of `facts` the kept name is (inflected).
  auto is_kept = [&](const TextFacts& facts, int k) {
    const auto at = static_cast<std::size_t>(k);
    return facts.text().tokens[at].kind == TokenKind::kWord &&
           (facts.IsName(k) || (named && StartsWithCapital(facts.text().Text(at)))) &&
           SameStem(facts.Folded(k), kept) && SharedLetters(facts.Folded(k), kept) >= kMinShared;
  };
  int here = 0;
  for (int k = 0; k < size; ++k) here += is_kept(text, k);
  const auto other_size = static_cast<int>(other.text().tokens.size());
  int alone = 0;  // in `other`, without another name in this one's place
  for (int k = 0; k < other_size; ++k) {
    if (!is_kept(other, k)) continue;
    const int place = k - side;
    alone += place < 0 || place >= other_size || !other.IsName(place);
  }
  return alone > 0 && alone >= here;
}

// A negation flips a sentence that otherwise stays: "will" -> "will not".
// Counts are (all negations, negations less quantity bounds): a change
// shows in both, so "не меньше недели" -> "как минимум неделю" (a bound
// reworded) and "не превысит" -> "не более" (a negated verb become a
// bound) are no negation.
bool NegationChanged(std::pair<int, int> before, std::pair<int, int> after) {
  return before.first != after.first && before.second != after.second;
}

// A run this long is a rewrite, not a negation flipped.
constexpr int kMaxNegationRunWords = 8;
constexpr int kMaxNameSwapWords = 5;

int WordCount(const Side& side) {
  int words = 0;
  for (int i = side.begin; i < side.end && !side.Empty(); ++i) words += IsWordish(side.At(i));
  return words;
}

// Whether `rest` is spelled by the starts of `words` in order, one start
// (of any length) per word, the last with up to two letters of another
// ending: "минобороны" from "министерства обороны", "укрзалізниці" from
// "Української залізниці", "мінфіну" from "міністерству фінансів".
bool SpelledFromStarts(std::string_view rest, std::span<const std::string_view> words) {
  if (words.empty()) return false;
  const std::string_view word = words.front();
  const std::size_t letters = CharacterCount(word);
  for (std::size_t n = 1; n <= letters; ++n) {
    const std::string_view start = FirstCharacters(word, n);
    if (!rest.starts_with(start)) break;
    const std::string_view after = rest.substr(start.size());
    if (words.size() == 1) {
      if (n >= 3 && CharacterCount(after) <= 2) return true;
    } else if (SpelledFromStarts(after, words.subspan(1))) {
      return true;
    }
  }
  return false;
}

// Whether `letters` (an abbreviation's) start `word` and follow in it in
// order, in a word three times as long: "ода" in
// "облдержадміністрації", "ога" in "облгосадминистрации", one word
// compounded of the starts the abbreviation takes letters from. Two
// letters only where the second starts the compound's second part, after
// its joining vowel: "єс" in "Євросоюзу", "ес" in "Евросоюза".
bool ContractsTo(std::string_view word, std::string_view letters) {
  const std::size_t count = CharacterCount(letters);
  if (count < 2 || CharacterCount(word) < 3 * count ||
      !word.starts_with(FirstCharacters(letters, 1))) {
    return false;
  }
  if (count == 2) {
    const std::string_view first = FirstCharacters(letters, 1);
    const std::string_view second = letters.substr(first.size());
    for (const std::string_view joint : {"о", "е"}) {
      const std::string joined = std::string(joint) + std::string(second);
      const std::size_t at = word.find(joined, first.size());
      // Three letters of its first part at least ("євр").
      if (at != std::string_view::npos && CharacterCount(word.substr(0, at)) >= 3) return true;
    }
    return false;
  }
  std::size_t at = 0;
  for (std::size_t i = 0; i < letters.size();) {
    const std::string_view letter = FirstCharacters(letters.substr(i), 1);
    at = word.find(letter, at);
    if (at == std::string_view::npos) return false;
    at += letter.size();
    i += letter.size();
  }
  return true;
}

// Whether the article titles `name_stem` with `title` or with a title the
// lexicon names the same source ("мэр* = глава": "Мэр" for "Глава
// Северогорска Виктор Кулагин").
bool TitledAs(const ArticleMentions& mentions, const Lexicon& lexicon, std::string_view name_stem,
              std::string_view title) {
  if (mentions.Titled(name_stem, MentionStem(title))) return true;
  const auto same = lexicon.SameSourceStems(title);  // its own stem first
  return std::any_of(same.begin() + (same.empty() ? 0 : 1), same.end(),
                     [&](std::string_view other) { return mentions.Titled(name_stem, other); });
}

// How many of the tokens [from, to) are words other than figures and
// function words ("в четвер в обласній": 1); -1 when one is no word
// (punctuation ends the clause).
int ContentWordsBetween(const TextFacts& text, int from, int to) {
  int words = 0;
  for (int i = from; i < to; ++i) {
    const auto at = static_cast<std::size_t>(i);
    if (!IsWordish(text.text().tokens[at])) return -1;
    if (!text.Figure(i) && text.MatchAt(LexiconList::kFunctionWord, at) == 0) ++words;
  }
  return words;
}

// Whether `kind` ("company", "компания") may stand for `name`, the story's
// subject: the article's headline or first paragraph names it, and the
// article already calls something by this kind ("the company"): "Severnside
// Water said" -> "The company said". (`name` as written, or lower case
// but for its first letter: "QuickDish" is no "Quickdish".)
bool IsKindOfLeadName(const ArticleMentions& mentions, std::string_view kind,
                      std::string_view name) {
  if (kind.empty() || !mentions.InLead(MentionStem(name))) return false;
  const std::string_view stem = MentionStem(kind);
  const bool latin = static_cast<unsigned char>(kind[0]) < 0x80;
  return mentions.MentionsInLowerCase(latin ? "the " + std::string(stem) : std::string(stem));
}

// "[-Минобороны-]{+Министерство обороны+}": one capitalised word made of
// the starts of the two or more words the other side writes out (short
// lower-case words such as "по" aside).
bool ShortensWords(const Side& shortened, const Side& words) {
  if (shortened.Empty() || words.Empty() || WordCount(shortened) != 1) return false;
  int at = shortened.begin;
  while (!IsWordish(shortened.At(at))) ++at;
  if (!StartsWithCapital(shortened.Text().Text(static_cast<std::size_t>(at)))) return false;
  std::vector<std::string_view> written;
  for (int i = words.begin; i < words.end; ++i) {
    if (IsWordish(words.At(i)) && !IsShortLowerCaseWord(words, i)) {
      written.push_back(words.facts->Folded(i));
    }
  }
  return written.size() >= 2 && SpelledFromStarts(shortened.facts->Folded(at), written);
}

// Denial words in a range; "was denied bail" holds one but denies no claim.
int DenialWords(const SideReader& r) {
  return r.CountTouching(LexiconList::kDenial) - r.CountTouching(LexiconList::kDenialException);
}

// What one run of changed words inside a paragraph amounts to.
class RunClassifier {
 public:
  // `mentions` (may be null) is the article around the run.
  RunClassifier(const TextFacts* old_facts, const TextFacts* new_facts, const ChangeRun& run,
                const ArticleMentions* mentions = nullptr)
      : old_({old_facts, run.old_begin, run.old_end}),
        new_({new_facts, run.new_begin, run.new_end}),
        old_reader_(old_),
        new_reader_(new_),
        mentions_(mentions) {}

  // Only spacing, case, punctuation, number words or typos changed. Words
  // are compared joined, so "35 percent" and "35%" ("35" "%") agree.
  bool IsCosmetic() const {
    thread_local CosmeticWords a;
    thread_local CosmeticWords b;
    old_reader_.CosmeticText(a);
    new_reader_.CosmeticText(b);
    return a.joined() == b.joined() || AreTypoFixes(a, b, old_reader_, new_reader_);
  }

  bool IsDenial() const {
    if (DenialWords(new_reader_) > DenialWords(old_reader_)) return true;
    // A weak denial word denies with a claim word ("rejected the reports")
    // or a negation ("insisted it had done nothing wrong") in its sentence.
    constexpr auto kVerb = LexiconList::kDenialVerb;
    return new_reader_.CountTouching(kVerb) > old_reader_.CountTouching(kVerb) &&
           (new_reader_.SentenceContains(LexiconList::kClaim, std::nullopt, kVerb) ||
            new_reader_.SentenceContains(LexiconList::kNegation, kVerb, kVerb));
  }

  // A denial taken out ("called the report totally false and said..." to
  // "said...") withdraws it: as newsworthy as one added. Not when another
  // denial verb took its place ("denied" -> "rejected the claims").
  bool IsDenialWithdrawn() const {
    const int old_verbs = old_reader_.CountTouching(LexiconList::kDenialVerb);
    const int new_verbs = new_reader_.CountTouching(LexiconList::kDenialVerb);
    if (DenialWords(old_reader_) > DenialWords(new_reader_) && new_verbs <= old_verbs) return true;
    // A weak denial word taken out with the claim it denied beside it
    // ("rejected claims that officers had used excessive force and said"),
    // and no refusal in its place ("отклонил" -> "отказался").
    return old_verbs > new_verbs && DenialWords(new_reader_) <= DenialWords(old_reader_) &&
           new_reader_.CountTouching(LexiconList::kNegativeVerb) == 0 &&
           old_reader_.SentenceContains(LexiconList::kClaim, std::nullopt,
                                        LexiconList::kDenialVerb);
  }

  // "would not say" for "declined to say" keeps the meaning: a negative
  // verb counts as a negation.
  bool IsNegation() const {
    if (WordCount(old_) + WordCount(new_) > kMaxNegationRunWords) return false;
    const auto before = old_reader_.NegationCounts();
    const auto after = new_reader_.NegationCounts();
    if (!NegationChanged(before, after)) return false;
    const bool removed = before.second > after.second;
    if (removed ? NegatesAnOpposite(old_, new_) : NegatesAnOpposite(new_, old_)) return false;
    return removed ? !NegatedWordsGone(old_, new_) : !NegatedWordsGone(new_, old_);
  }

  // A figure changed: the run's figures differ, and the paragraph's too (a
  // figure that only moved within the paragraph is no change).
  bool IsNumber() const {
    const auto a = old_reader_.Figures();
    const auto b = new_reader_.Figures();
    if (a == b) return false;
    if (old_.facts != nullptr && new_.facts != nullptr) {
      // The same figures, loosely, are no change.
      if (old_.facts->AllFigures() == new_.facts->AllFigures()) return false;
      const FigureDifference difference = DifferentFigures(*old_.facts, *new_.facts);
      if (difference.old_only.empty() && difference.new_only.empty()) return false;
      // "[-The school, which has 240 students, was earmarked-]{+Earmarked+}
      // ... {+, the school has 240 students+}": the run's figures only
      // moved; the paragraphs differ in another ("the two" put in).
      auto any_in = [](const std::vector<std::string_view>& run,
                       const std::vector<std::string_view>& differing) {
        return std::any_of(run.begin(), run.end(), [&](std::string_view figure) {
          // As the paragraph's figures have it: "27%" is 27 and a percentage.
          if (figure.size() > 1 && figure.back() == '%') figure.remove_suffix(1);
          return std::find(differing.begin(), differing.end(), figure) != differing.end();
        });
      };
      if (!any_in(a, difference.old_only) && !any_in(b, difference.new_only)) return false;
    }
    return old_reader_.HasDigitFigure() || new_reader_.HasDigitFigure() ||
           (!a.empty() && !b.empty());
  }

  bool IsQuote() const { return old_reader_.TouchesSpeech() || new_reader_.TouchesSpeech(); }

  // A name swapped for another; in a rewrite of a whole clause names come
  // and go without one replacing the other.
  bool IsEntity() const {
    if (WordCount(old_) > kMaxNameSwapWords || WordCount(new_) > kMaxNameSwapWords) {
      return false;
    }
    if (ChangesInstitutionName() || RenamesInstitutionAtSentenceStart() || ReplacesBody() ||
        RenamesWithinInstitutionName()) {
      return true;
    }
    // Names that left, replaced by names that arrived; a name that only
    // moved within the paragraph is still on the other side.
    if (old_.facts == nullptr || new_.facts == nullptr) return false;
    auto old_names = old_reader_.ProperNouns();
    auto new_names = new_reader_.ProperNouns();
    // "[-degrees Celsius-]{+°C+}": units, whatever their capitals.
    const auto is_unit = [&](std::string_view name) {
      return old_.facts->lexicon().UnitSymbol(name).has_value();
    };
    std::erase_if(old_names, is_unit);
    std::erase_if(new_names, is_unit);
    bool left = false;
    bool arrived = false;
    // (A name a shortened full name dropped has not left: "Виктора
    // Самойлова" -> "Самойлов".)
    auto shortened = [&](std::string_view name) {
      for (int i = old_.begin; i < old_.end; ++i) {
        if (old_.facts->Folded(i) == name &&
            (ShortenedAt(*old_.facts, i, *new_.facts, 1, mentions_) ||
             ShortenedAt(*old_.facts, i, *new_.facts, -1, mentions_))) {
          return true;
        }
      }
      return false;
    };
    for (std::string_view name : old_names) {
      left |= !HasNameStem(*new_.facts, name) && !shortened(name);
    }
    for (std::string_view name : new_names) arrived |= !HasNameStem(*old_.facts, name);
    if (!left || !arrived || NamesARegionTwoWays(old_names, new_names)) return false;
    return !IsSameReferent() && !SpellsOutAbbreviation();
  }

  // "Львівської області" -> "Львівщини", "у Волинській області" -> "на
  // Волині": a region named by its adjective and "область" on one side and
  // by its own name on the other. The names share their first five
  // letters and one side has a [region] word ("область", "Львівщина").
  bool NamesARegionTwoWays(const std::vector<std::string_view>& old_names,
                           const std::vector<std::string_view>& new_names) const {
    constexpr std::size_t kStem = 5;
    auto says_region = [](const Side& side) {
      for (int i = side.begin; i < side.end && !side.Empty(); ++i) {
        if (side.facts->MatchAt(LexiconList::kRegion, static_cast<std::size_t>(i)) == 1) {
          return true;
        }
      }
      return false;
    };
    if (!says_region(old_) && !says_region(new_)) return false;
    auto stem = [](std::string_view word) {
      return CharacterCount(word) >= kStem ? FirstCharacters(word, kStem) : std::string_view();
    };
    auto all_paired = [&](const std::vector<std::string_view>& names,
                          const std::vector<std::string_view>& others) {
      return std::all_of(names.begin(), names.end(), [&](std::string_view name) {
        const std::string_view s = stem(name);
        return !s.empty() && std::any_of(others.begin(), others.end(), [&](std::string_view o) {
                 return stem(o) == s;
               });
      });
    };
    return all_paired(old_names, new_names) && all_paired(new_names, old_names);
  }

  // Checked last, as they read the whole article: a person named another
  // way or an abbreviation written out is no change of who is cited.
  bool IsAttribution() const {
    return AttributionChanged() && !IsSameReferent() && !SpellsOutAbbreviation();
  }

  bool AttributionChanged() const {
    if (AddsTitleToName()) return false;
    if (old_reader_.CountTouching(LexiconList::kAttribution) !=
        new_reader_.CountTouching(LexiconList::kAttribution)) {
      return true;
    }
    // "..., Reuters reported" added or removed: a reporting verb with a name.
    const int old_verbs = old_reader_.CountTouching(LexiconList::kAttributionVerb);
    const int new_verbs = new_reader_.CountTouching(LexiconList::kAttributionVerb);
    if (old_verbs != new_verbs) {
      const SideReader& more = new_verbs > old_verbs ? new_reader_ : old_reader_;
      if (more.HasProperNoun()) return true;
    }
    // "The [-club said-]{+Harlow Gazette reported that+}": the reporting
    // verb replaced with its speaker, named on one side only.
    if (old_verbs > 0 && new_verbs > 0 &&
        old_reader_.HasProperNoun() != new_reader_.HasProperNoun()) {
      return true;
    }
    // "according to Reuters" -> "according to the FT": what follows a
    // source phrase, or precedes a reporting verb, was replaced.
    if (old_.Empty() != new_.Empty()) {
      // "according to a study published on Tuesday [-by the Nordic Public
      // Health Institute-]": who is cited, taken out of the phrase's clause.
      // (A name the other version has elsewhere only moved.)
      const Side& side = old_.Empty() ? new_ : old_;
      // (The other side's facts may be null: bound only where a name is.)
      const TextFacts* other = (old_.Empty() ? old_ : new_).facts;
      const SideReader& reader = old_.Empty() ? new_reader_ : old_reader_;
      auto names_new = [&] {
        const auto names = reader.ProperNouns();
        return std::any_of(names.begin(), names.end(),
                           [&](std::string_view name) { return !HasNameStem(*other, name); });
      };
      return NamedAfterSourcePhrase() || (InSourcePhraseClause(side) && names_new());
    }
    return SourceContext(new_, new_reader_) || SourceContext(old_, old_reader_) ||
           SourceReplacedWithVerb();
  }

  // "По [-его-] данным {+командования Воздушных сил+}": who is cited put
  // in (or taken out) right after a source phrase, where none was named.
  bool NamedAfterSourcePhrase() const {
    const Side& side = old_.Empty() ? new_ : old_;
    const SideReader& reader = old_.Empty() ? new_reader_ : old_reader_;
    if (!reader.HasProperNoun() && reader.CountWithin(LexiconList::kSource) == 0) return false;
    // ("according to the {+regional employers' association. The+}
    // Federation": past a function word, for what was put in.)
    int start = side.begin;
    if (old_.Empty() && start > 0 &&
        side.facts->MatchAt(LexiconList::kFunctionWord, static_cast<std::size_t>(start - 1)) == 1) {
      --start;
    }
    for (int pos = std::max(0, start - 4); pos < start; ++pos) {
      const std::size_t n =
          side.facts->MatchAt(LexiconList::kAttribution, static_cast<std::size_t>(pos));
      const int end = pos + static_cast<int>(n);
      if (n > 0 && (end == side.begin || end == start)) return true;
    }
    return false;
  }

  // "{+Dr+} Osei said", "По словам {+гендиректора+} Гордеева": a title or
  // two words put before (or taken from) a name the other version has,
  // with no reporting verb or figure among them: the same person.
  bool AddsTitleToName() const {
    if (old_.Empty() == new_.Empty()) return false;
    const Side& side = old_.Empty() ? new_ : old_;
    const SideReader& reader = old_.Empty() ? new_reader_ : old_reader_;
    const Side& other = old_.Empty() ? old_ : new_;
    if (other.facts == nullptr || side.end >= side.Size() || WordCount(side) > 2 ||
        reader.CountWithin(LexiconList::kAttributionVerb) > 0 ||
        reader.CountWithin(LexiconList::kAttribution) > 0 || reader.HasDigitFigure() ||
        !side.facts->IsName(side.end)) {
      return false;
    }
    return HasNameStem(*other.facts, side.facts->Folded(side.end));
  }

  // "[-сообщил губернатор-]{+сообщили в МЧС+}": a reporting verb replaced
  // together with who reports, a name or source word on both sides.
  bool SourceReplacedWithVerb() const {
    auto reports_someone = [](const SideReader& reader) {
      return reader.CountWithin(LexiconList::kAttributionVerb) > 0 &&
             (reader.HasProperNoun() || reader.CountWithin(LexiconList::kSource) > 0);
    };
    return reports_someone(old_reader_) && reports_someone(new_reader_);
  }

  // Whether a source word is in the run, on either side.
  bool NamesSource() const {
    return old_reader_.CountWithin(LexiconList::kSource) > 0 ||
           new_reader_.CountWithin(LexiconList::kSource) > 0;
  }

  bool IsCorrection() const {
    if (new_.Empty()) return false;
    return new_reader_.CountTouching(LexiconList::kCorrection) >
               old_reader_.CountTouching(LexiconList::kCorrection) &&
           CorrectionAtStart();
  }

  TagSet Tags() const {
    if (IsCosmetic()) return {Tag::kCosmetic};
    TagSet tags;
    // A denial negates by nature: "denies" is not a negation added too.
    if (IsDenial() || IsDenialWithdrawn()) {
      tags.insert(Tag::kDenial);
      // But a bare "не" put in or taken out negates as well ("вину [-не-]
      // признал").
      if (OnlyNegationWords(old_) && OnlyNegationWords(new_) && IsNegation()) {
        tags.insert(Tag::kNegation);
      }
    } else if (IsNegation()) {
      tags.insert(Tag::kNegation);
    }
    if (IsNumber()) tags.insert(Tag::kNumber);
    if (IsQuote()) tags.insert(Tag::kQuote);
    if (IsAttribution()) tags.insert(Tag::kAttribution);
    if (IsEntity()) tags.insert(Tag::kEntity);
    if (IsCorrection()) tags.insert(Tag::kCorrection);
    if (tags.empty()) tags.insert(Tag::kReworded);
    return tags;
  }

  // Whether the run's side holds negation words only (or nothing).
  static bool OnlyNegationWords(const Side& side) {
    for (int i = side.begin; i < side.end; ++i) {
      if (side.facts->MatchAt(LexiconList::kNegation, static_cast<std::size_t>(i)) != 1) {
        return false;
      }
    }
    return true;
  }

  bool ChangesQuestionMark() const {
    const auto marks = [](const Side& side) {
      int count = 0;
      for (int i = side.begin; i < side.end && !side.Empty(); ++i) count += side.Key(i) == "?";
      return count;
    };
    return marks(old_) != marks(new_);
  }

  // "according to the [-national weather service-]{+coastguard+}.": what a
  // source phrase cites, to the end of its clause, is replaced by words
  // the old paragraph never has (nor the new one the old words). The
  // paragraph's sources cannot tell: no name or [source] word on either
  // side (those the paragraph check follows).
  bool SwapsCitedSource() const {
    if (old_.Empty() || new_.Empty() ||
        !((RightAfterSourcePhrase(old_) && RightAfterSourcePhrase(new_)) ||
          (WhereReportedFrom(old_) && WhereReportedFrom(new_))) ||
        !EndsClause(old_) || !EndsClause(new_) ||
        old_reader_.HasProperNoun() || new_reader_.HasProperNoun() ||
        old_reader_.CountWithin(LexiconList::kSource) > 0 ||
        new_reader_.CountWithin(LexiconList::kSource) > 0) {
      return false;
    }
    return EveryWordReplaced();
  }

  // Whether each side has content words the other paragraph lacks, all of
  // them, and the two are no typo, abbreviation or other way of naming
  // one referent.
  bool EveryWordReplaced() const {
    return AllWordsNew(old_, *new_.facts) && AllWordsNew(new_, *old_.facts) && !IsCosmetic() &&
           !SpellsOutAbbreviation() && !IsSameReferent();
  }

  // Whether the run has content words, none of which (by its stem) the
  // `other` paragraph has.
  static bool AllWordsNew(const Side& run, const TextFacts& other) {
    bool any = false;
    for (int i = run.begin; i < run.end; ++i) {
      if (!IsWordish(run.At(i)) ||
          run.facts->MatchAt(LexiconList::kFunctionWord, static_cast<std::size_t>(i)) > 0) {
        continue;
      }
      if (HasNameStem(other, run.facts->Folded(i))) return false;
      any = true;
    }
    return any;
  }

  // "Фахівці [-департаменту міського господарства-]{+інспекції державного
  // архітектурно-будівельного контролю+}": one body, its institution word
  // and what it is of, replaced by another, in words neither paragraph
  // shares with the other.
  bool ReplacesBody() const {
    constexpr int kMaxBodyWords = 5;
    auto body = [](const Side& side) {
      const int words = WordCount(side);
      return words >= 2 && words <= kMaxBodyWords && IsWordish(side.At(side.begin)) &&
             side.facts->MatchAt(LexiconList::kInstitution,
                                 static_cast<std::size_t>(side.begin)) == 1;
    };
    return !old_.Empty() && !new_.Empty() && body(old_) && body(new_) &&
           !SameStem(old_.facts->Folded(old_.begin), new_.facts->Folded(new_.begin)) &&
           EveryWordReplaced();
  }

  // Whether punctuation or the paragraph's end follows the run.
  static bool EndsClause(const Side& side) {
    return side.end >= side.Size() || !IsWordish(side.At(side.end));
  }

  // "повідомили [-в обласному гідрометцентрі-]{+на метеостанції+}":
  // whether the run says where a Ukrainian or Russian reporting verb right
  // before it (and its preposition, in the run or not) was said. (In
  // English the reported clause follows "said".) Up to `gap` words may
  // stand between the preposition and the run ("повідомили в обласному
  // управлінні [-поліції-]").
  static bool WhereReportedFrom(const Side& side, int gap = 0) {
    static constexpr std::string_view kPlaces[] = {"в", "у", "во", "на"};
    auto is_place = [&](int i) {
      return std::find(std::begin(kPlaces), std::end(kPlaces), side.facts->Folded(i)) !=
             std::end(kPlaces);
    };
    if (side.begin >= side.end) return false;
    int verb_end = side.begin;  // the preposition opens the run,
    for (int i = side.begin - 1; !is_place(verb_end); --i) {  // or stands before it
      if (i < std::max(0, side.begin - 1 - gap) || !IsWordish(side.At(i))) return false;
      verb_end = i;
    }
    return static_cast<unsigned char>(side.Key(verb_end)[0]) >= 0x80 &&
           EntryEndsAt(side, LexiconList::kAttributionVerb, verb_end, 3);
  }

  // Whether a source phrase ("according to", "по данным") ends right
  // before the run, or before "the" and the run.
  static bool RightAfterSourcePhrase(const Side& side) {
    int end = side.begin;
    if (end > 0 && side.facts->Folded(end - 1) == "the") --end;
    return EntryEndsAt(side, LexiconList::kAttribution, end, 4);
  }

  // Whether an entry of `list` starting at most `reach` tokens back ends
  // right before token `end`.
  static bool EntryEndsAt(const Side& side, LexiconList list, int end, int reach) {
    for (int pos = std::max(0, end - reach); pos < end; ++pos) {
      const std::size_t n = side.facts->MatchAt(list, static_cast<std::size_t>(pos));
      if (n > 0 && pos + static_cast<int>(n) == end) return true;
    }
    return false;
  }

  // "[-Hargreave-]{+Onwe+} said", "[-He-]{+Marsden+} said": whoever speaks
  // is replaced, right before the reporting verb, by someone the article
  // does not make the same person. Stands whatever the rest of the
  // paragraph says: the same names elsewhere in it are not this statement.
  bool SwapsSpeaker() const {
    using Kind = Reference::Kind;
    if (old_.Empty() || new_.Empty() || !FollowedByReportingVerb(old_) ||
        !FollowedByReportingVerb(new_)) {
      return false;
    }
    const Reference a = ReferenceOf(old_);
    const Reference b = ReferenceOf(new_);
    if (a.kind == Kind::kNone || b.kind == Kind::kNone || IsCosmetic() ||
        SpellsOutAbbreviation()) {
      return false;
    }
    if (a.kind == Kind::kName && b.kind == Kind::kName &&
        SameStem(a.folded_name, b.folded_name)) {
      return false;
    }
    // IsSameReferent, on the references already read.
    return mentions_ != nullptr && !Corefer(a, b) && !Corefer(b, a) &&
           !TitleForNameBefore(old_, a, b) && !TitleForNameBefore(new_, b, a);
  }

 private:
  // How one side of a run refers to someone: a pronoun ("he", "його"), a
  // title ("the judge", "Губернатор"), or a name with or without its
  // title ("Hargreave", "Minister Voss").
  struct Reference {
    enum class Kind { kNone, kPronoun, kTitle, kName };
    Kind kind = Kind::kNone;
    std::string_view title;  // lower case
    std::string_view name;   // the last capitalised word, as written
    std::string_view folded_name;
    // The kind of body a capitalised institution word of the name says
    // ("board" of "Water Services Regulation Board"), lower case.
    std::string_view body;
  };

  // How lenient a reading is, for IsSameReferent, which only clears a
  // finding: past reporting verbs, and also taking a word the article
  // writes as someone's title for a title.
  enum class Leniency { kNone, kPastVerbs, kArticleTitles };

  Reference ReferenceOf(const Side& side, Leniency leniency = Leniency::kNone) const {
    using Kind = Reference::Kind;
    if (side.Empty()) return {};
    Reference reference;
    int pronouns = 0;
    for (int i = side.begin; i < side.end; ++i) {
      if (!IsWordish(side.At(i))) continue;
      const auto at = static_cast<std::size_t>(i);
      // "[-сказав Ткачук-]{+пояснив інженер+}": the reporting verb beside
      // whoever speaks is not who it is.
      if (leniency != Leniency::kNone) {
        if (const std::size_t verb = side.facts->MatchAt(LexiconList::kAttributionVerb, at);
            verb > 0) {
          i += static_cast<int>(verb) - 1;
          continue;
        }
      }
      if (side.facts->MatchAt(LexiconList::kPronoun, at) == 1) {
        ++pronouns;
      } else if (side.facts->MatchAt(LexiconList::kSource, at) == 1 && reference.title.empty()) {
        reference.title = side.facts->Folded(i);
      } else if (side.facts->MatchAt(LexiconList::kFunctionWord, at) == 1) {
        continue;  // "the"
      } else if (StartsWithCapital(side.Text().Text(at)) &&
                 (side.facts->IsName(i) || mentions_ == nullptr ||
                  !mentions_->WritesInLowerCase(side.facts->Folded(i)))) {
        // A capital at a sentence start that the article also writes in
        // lower case ("Как отмечают") is no name.
        reference.name = side.Text().Text(at);
        reference.folded_name = side.facts->Folded(i);
        if (side.facts->MatchAt(LexiconList::kInstitution, at) == 1) {
          reference.body = reference.folded_name;
        }
      } else if (leniency == Leniency::kArticleTitles && reference.title.empty() &&
                 mentions_ != nullptr && !StartsWithCapital(side.Text().Text(at)) &&
                 mentions_->TitlesSomeone(MentionStem(side.facts->Folded(i)))) {
        // A word no list has that the article writes before a name as
        // a title ("інженер Василь Ткачук"): "пояснив інженер".
        reference.title = side.facts->Folded(i);
      } else {
        return {};
      }
    }
    if (pronouns > 0) {
      reference.kind = pronouns == 1 && reference.title.empty() && reference.name.empty()
                           ? Kind::kPronoun
                           : Kind::kNone;
    } else if (!reference.name.empty()) {
      reference.kind = Kind::kName;
    } else if (!reference.title.empty()) {
      reference.kind = Kind::kTitle;
    }
    return reference;
  }

  // Whether `a` and `b` are one person the article names: a pronoun for
  // a named person or a titled one, a title for a name the article gives
  // that title. Two names, or two pronouns, are not matched here.
  bool Corefer(const Reference& a, const Reference& b) const {
    using Kind = Reference::Kind;
    if (b.kind != Kind::kName && b.kind != Kind::kTitle) return false;
    const std::string_view name = MentionStem(b.name);
    const std::string_view title = MentionStem(b.title);
    switch (a.kind) {
      case Kind::kPronoun:
        if (b.kind == Kind::kTitle) return mentions_->TitlesSomeone(title);
        return mentions_->Mentions(name) && (b.title.empty() || mentions_->Titled(name, title));
      case Kind::kTitle:
        if (b.kind == Kind::kTitle) {
          return SameStem(a.title, b.title) || SameSource(a.title, b.title);
        }
        // (Not a body of another kind: "the company" is no "... Board".)
        return (TitledAs(*mentions_, lexicon(), name, a.title) ||
                IsKindOfLeadName(*mentions_, a.title, b.name)) &&
               (b.title.empty() || SameStem(a.title, b.title)) &&
               (b.body.empty() || SameStem(a.title, b.body) || SameSource(a.title, b.body));
      default:
        return false;
    }
  }

  const Lexicon& lexicon() const {
    return (old_.facts != nullptr ? old_.facts : new_.facts)->lexicon();
  }

  bool SameSource(std::string_view a, std::string_view b) const {
    return SameSourceWord(lexicon(), a, b);
  }

  // "[-He-]{+Hargreave+} told investigators", "[-The minister-]{+Minister
  // Voss+} said", "[-Коваленко-]{+Міністр+} пообіцяв": the same person
  // named another way, neither a new source nor another person.
  bool IsSameReferent() const {
    if (mentions_ == nullptr) return false;
    Reference a = ReferenceOf(old_, Leniency::kPastVerbs);
    Reference b = ReferenceOf(new_, Leniency::kPastVerbs);
    // A title the article gives only matters against a name or a pronoun
    // (and asks the whole article).
    using Kind = Reference::Kind;
    auto names = [](const Reference& r) {
      return r.kind == Kind::kName || r.kind == Kind::kPronoun;
    };
    if (a.kind == Kind::kNone && names(b)) {
      a = ReferenceOf(old_, Leniency::kArticleTitles);
    } else if (b.kind == Kind::kNone && names(a)) {
      b = ReferenceOf(new_, Leniency::kArticleTitles);
    }
    return Corefer(a, b) || Corefer(b, a) || TitleForNameBefore(old_, a, b) ||
           TitleForNameBefore(new_, b, a);
  }

  // "Harbourline Ferries will hold prices, [-the operator-]{+Harbourline
  // Ferries+} said": a title standing for someone its own sentence has
  // just named, written by name on the other side.
  static bool TitleForNameBefore(const Side& side, const Reference& title,
                                 const Reference& name) {
    if (title.kind != Reference::Kind::kTitle || name.kind != Reference::Kind::kName ||
        (!name.title.empty() && !SameStem(title.title, name.title))) {
      return false;
    }
    for (int i = side.begin - 1; i >= 0 && !IsSentenceEnd(side.Key(i)); --i) {
      if (IsWordish(side.At(i)) &&
          StartsWithCapital(side.Text().Text(static_cast<std::size_t>(i))) &&
          SameStem(side.facts->Folded(i), name.folded_name)) {
        return true;
      }
    }
    return false;
  }

  static bool FollowedByReportingVerb(const Side& side) {
    return side.end < side.Size() &&
           side.facts->MatchAt(LexiconList::kAttributionVerb, static_cast<std::size_t>(side.end)) >
               0;
  }

  // "[-FAO-]{+Food and Agriculture Organization+}", "[-МЧС-]{+Министерства
  // по чрезвычайным ситуациям+}": an abbreviation written out, or back.
  bool SpellsOutAbbreviation() const {
    // One abbreviation on one side, among other words or alone ("[-The
    // Regional Water Authority-]{+As a precaution, the RWA+}"), and words
    // of the other side, in a row, with its letters for initials.
    auto one = [](const Side& abbreviation, const Side& words) {
      if (abbreviation.Empty() || words.Empty()) return false;
      std::string letters;
      for (int i = abbreviation.begin; i < abbreviation.end; ++i) {
        if (!IsWordish(abbreviation.At(i))) continue;
        std::string found = AbbreviationLetters(
            abbreviation.Text().Text(static_cast<std::size_t>(i)), abbreviation.facts->Folded(i));
        if (found.empty()) continue;
        if (!letters.empty()) return false;  // one abbreviation
        letters = std::move(found);
      }
      if (letters.empty()) return false;
      // "[-Євросоюзу-]{+ЄС+}": one word compounded of its letters.
      if (WordCount(words) == 1) {
        for (int i = words.begin; i < words.end; ++i) {
          if (IsWordish(words.At(i)) && ContractsTo(words.facts->Folded(i), letters)) return true;
        }
      }
      // (Its last letter is a whole character: "у" is two bytes.)
      const std::string_view but_last =
          FirstCharacters(letters, CharacterCount(letters) - 1);
      constexpr int kMaxWords = 8;
      for (int begin = words.begin; begin < words.end; ++begin) {
        for (int end = begin + 2; end <= std::min(words.end, begin + kMaxWords); ++end) {
          const Side span{words.facts, begin, end};
          const std::string long_words = Initials(span, /*skip_short_words=*/true);
          const std::string all_words = Initials(span, /*skip_short_words=*/false);
          if (long_words == letters || all_words == letters) return true;
          // "Національний банк" is НБУ, "Служба безпеки" СБУ: an official
          // abbreviation may end in its country's letter.
          if (CharacterCount(letters) >= 3 && (long_words == but_last || all_words == but_last)) {
            return true;
          }
          // "Державна служба України з надзвичайних ситуацій" is ДСНС: a
          // country that an official name adds inside is no letter of it.
          for (int k = begin + 1; k + 1 < end; ++k) {
            if (!words.facts->IsName(k)) continue;
            const std::string around = Initials({words.facts, begin, k}, true) +
                                       Initials({words.facts, k + 1, end}, true);
            if (around == letters) return true;
          }
        }
      }
      return false;
    };
    return one(old_, new_) || one(new_, old_) || ShortensWords(old_, new_) ||
           ShortensWords(new_, old_);
  }

  // "[-Печерський-]{+Шевченківський+} районний суд" opening a sentence,
  // where a capital alone says no name: one capitalised word for another
  // right before an institution word ("суд", "университет", "court").
  bool RenamesInstitutionAtSentenceStart() const {
    auto one_capital_before_institution = [](const Side& side) {
      if (side.end - side.begin != 1 ||
          (side.begin > 0 && !IsSentenceEnd(side.Key(side.begin - 1)))) {
        return false;
      }
      // ("[-A-]{+The+} ministry": a function word names nothing, and
      // "[-Руководитель-]{+Глава+} фонда" is who heads it.)
      const auto at = static_cast<std::size_t>(side.begin);
      if (!StartsWithCapital(side.Text().Text(at)) ||
          side.facts->MatchAt(LexiconList::kFunctionWord, at) > 0 ||
          side.facts->MatchAt(LexiconList::kSource, at) > 0) {
        return false;
      }
      for (int i = side.end; i < std::min(side.Size(), side.end + 2); ++i) {
        if (side.facts->MatchAt(LexiconList::kInstitution, static_cast<std::size_t>(i)) == 1) {
          return true;
        }
      }
      return false;
    };
    return one_capital_before_institution(old_) && one_capital_before_institution(new_) &&
           !SameStem(old_.facts->Folded(old_.begin), new_.facts->Folded(new_.begin));
  }

  // "в Каменском [-техническом-]{+аграрном+} университете": a lower-case
  // word of an institution's name replaced, between the capitalised word
  // that opens the name and the institution word that closes it.
  bool RenamesWithinInstitutionName() const {
    auto within_name = [](const Side& side) {
      if (side.end - side.begin != 1 || side.begin == 0 || side.end >= side.Size() ||
          !IsWordish(side.At(side.begin)) || !IsWordish(side.At(side.begin - 1))) {
        return false;
      }
      const auto at = static_cast<std::size_t>(side.begin);
      return !StartsWithCapital(side.Text().Text(at)) &&
             side.facts->MatchAt(LexiconList::kFunctionWord, at) == 0 &&
             StartsWithCapital(side.Text().Text(at - 1)) &&
             side.facts->MatchAt(LexiconList::kInstitution, static_cast<std::size_t>(side.end)) ==
                 1;
    };
    return within_name(old_) && within_name(new_) &&
           !SameStem(old_.facts->Folded(old_.begin), new_.facts->Folded(new_.begin));
  }

  // "Міністерство [-освіти-]{+охорони здоров'я+}": the words after a
  // capitalised institution word are part of its name even in lower case.
  bool ChangesInstitutionName() const {
    if (old_.Empty() || new_.Empty() || new_.begin == 0) return false;
    // "Environment Agency [-brought the case. Its-]{+, whose+}": a name
    // goes on in words, not past a comma or a stop.
    if (!IsWordish(old_.At(old_.begin)) || !IsWordish(new_.At(new_.begin))) return false;
    // "Progressive Union [-holds-]{+holding+}": a word's other form.
    if (SameStem(old_.facts->Folded(old_.begin), new_.facts->Folded(new_.begin))) return false;
    const int before = new_.begin - 1;
    // "Meridian Bank [-says-]{+said+}": a reporting verb after the name is
    // no part of it, nor is a negation ("Суда [-не могут-]{+лишены
    // возможности+}", where "Суда" are ships).
    for (const SideReader* reader : {&old_reader_, &new_reader_}) {
      if (reader->CountWithin(LexiconList::kAttributionVerb) > 0 ||
          reader->CountWithin(LexiconList::kNegation) > 0 ||
          reader->CountWithin(LexiconList::kNegativeVerb) > 0) {
        return false;
      }
    }
    if (!StartsWithCapital(new_.Text().Text(static_cast<std::size_t>(before))) ||
        !new_reader_.IsLexiconWord(before, LexiconList::kInstitution)) {
      return false;
    }
    // English capitalises a name's words but "of", "the" ("Council
    // [-voted-]{+members+}" is no new council).
    auto names_on = [](const Side& side) {
      for (int i = side.begin; i < side.end; ++i) {
        if (!IsWordish(side.At(i)) ||
            side.facts->MatchAt(LexiconList::kFunctionWord, static_cast<std::size_t>(i)) > 0) {
          continue;
        }
        const std::string_view text = side.Text().Text(static_cast<std::size_t>(i));
        return static_cast<unsigned char>(text[0]) >= 0x80 || StartsWithCapital(text);
      }
      return false;
    };
    return names_on(old_) && names_on(new_);
  }

  // A correction note starts its paragraph or a sentence ("Correction: ...",
  // "Оновлено: ..."), or is a whole phrase ("this article has been updated").
  bool CorrectionAtStart() const {
    for (int i = new_.begin; i < new_.end; ++i) {
      if (!IsWordish(new_.At(i))) continue;
      const bool starts = i == 0 || IsSentenceEnd(new_.Key(i - 1));
      const bool labelled = i + 1 < new_.Size() && new_.Key(i + 1) == ":";
      if ((starts || labelled) && new_reader_.IsLexiconWord(i, LexiconList::kCorrection)) {
        return true;
      }
    }
    return MultiWordCorrection();
  }

  bool MultiWordCorrection() const {
    for (int i = new_.begin; i < new_.end; ++i) {
      if (new_.facts->MatchAt(LexiconList::kCorrection, static_cast<std::size_t>(i)) > 1) {
        return true;
      }
    }
    return false;
  }

  // Whether the tokens [from, to) are a day or time and the words that
  // tie it in ("в середу", "on Tuesday", "вранці в"): no punctuation, and
  // at most one word other than figures and function words.
  static bool OnlyWhenBetween(const Side& side, int from, int to) {
    if (from >= to) return false;
    const int others = ContentWordsBetween(*side.facts, from, to);
    return others >= 0 && others <= 1;
  }

  // Whether the tokens [from, to) are all words: one clause.
  static bool OnlyWordsBetween(const Side& side, int from, int to) {
    for (int i = from; i < to; ++i) {
      if (!IsWordish(side.At(i))) return false;
    }
    return true;
  }

  // "according to a report by the [-state audit office-]": a source phrase
  // whose clause runs on to the run, six tokens at most.
  static bool InSourcePhraseClause(const Side& side) {
    constexpr int kPhraseReach = 6;
    for (int pos = std::max(0, side.begin - 2 - kPhraseReach); pos < side.begin - 4; ++pos) {
      const std::size_t n =
          side.facts->MatchAt(LexiconList::kAttribution, static_cast<std::size_t>(pos));
      if (n > 0 && OnlyWordsBetween(side, pos + static_cast<int>(n), side.begin)) return true;
    }
    return false;
  }

  // Whether the run stands where a source is named: right after "according
  // to" or "citing", or (for a name) right after or before a reporting
  // verb ("told Reuters", "Reuters said").
  bool SourceContext(const Side& side, const SideReader& reader) const {
    if (side.Empty()) return false;
    // A reporting verb next to the run matters only if the run names who
    // speaks ("told Reuters", "police said"), not in "declined to say";
    // found out only when such a verb is there.
    std::optional<bool> names_cache;
    auto names = [&] {
      if (!names_cache) {
        names_cache = reader.HasProperNoun() || reader.CountWithin(LexiconList::kSource) > 0;
      }
      return *names_cache;
    };
    if (InSourcePhraseClause(side) && names()) return true;
    if (WhereReportedFrom(side, 2) && names()) return true;
    for (int pos = std::max(0, side.begin - 4); pos < side.begin; ++pos) {
      const auto at = static_cast<std::size_t>(pos);
      const std::size_t n = side.facts->MatchAt(LexiconList::kAttribution, at);
      if (n > 0 && pos + static_cast<int>(n) >= side.begin - 1) return true;
      // "в пресс-службе [-мэрии-]", "a spokesman for [-the council-]":
      // whom the speaker speaks for.
      const std::size_t speaker = side.facts->MatchAt(LexiconList::kSpeaksFor, at);
      if (speaker > 0 && pos + static_cast<int>(speaker) >= side.begin - 1 && names()) {
        return true;
      }
      const std::size_t v = side.facts->MatchAt(LexiconList::kAttributionVerb, at);
      if (v > 0 && pos + static_cast<int>(v) >= side.begin - 1 && names()) return true;
      // "повідомила в середу [-обласна прокуратура-]": the speaker after
      // the verb and when it spoke.
      if (v > 0 && OnlyWhenBetween(side, pos + static_cast<int>(v), side.begin) && names()) {
        return true;
      }
    }
    for (int pos = side.end; pos < std::min(side.Size(), side.end + 2); ++pos) {
      if (side.facts->MatchAt(LexiconList::kAttributionVerb, static_cast<std::size_t>(pos)) > 0 &&
          names()) {
        return true;
      }
    }
    return false;
  }

  Side old_;
  Side new_;
  SideReader old_reader_;
  SideReader new_reader_;
  const ArticleMentions* mentions_;
};

// The facts of both sides of a change, each computed once.
struct ChangeFacts {
  std::optional<TextFacts> old_facts;
  std::optional<TextFacts> new_facts;

  ChangeFacts(const TokenDiff& diff, WordLookup& words) {
    if (diff.old_text != nullptr) old_facts.emplace(*diff.old_text, words);
    if (diff.new_text != nullptr) new_facts.emplace(*diff.new_text, words);
  }
  const TextFacts* Old() const { return old_facts ? &*old_facts : nullptr; }
  const TextFacts* New() const { return new_facts ? &*new_facts : nullptr; }
  bool EitherIsBoilerplate() const {
    return (old_facts && old_facts->IsBoilerplate()) || (new_facts && new_facts->IsBoilerplate());
  }
};

// What a rewritten sentence keeps: runs see a clause that moved within the
// paragraph as a deletion here and an insertion there. A negation or an
// attribution counts only if the paragraph as a whole gained or lost one,
// and a figure replaced across two runs ("said on Tuesday" rewritten into
// "said on Wednesday that") is a changed figure.
class ParagraphBalance {
 public:
  // `mentions` (may be null): the article, for names it gives people the
  // other paragraph only calls "he" or "його".
  // `later`: this is the paragraph's later version.
  ParagraphBalance(const TextFacts& text, const ArticleMentions* mentions, bool later)
      : text_(text),
        reader_(Side{&text, 0, static_cast<int>(text.text().tokens.size())}),
        mentions_(mentions),
        later_(later) {}

  std::pair<int, int> Negations() const { return reader_.NegationCounts(); }
  // Denial words (less exceptions) and denial verbs.
  std::pair<int, int> Denials() const {
    return {DenialWords(reader_), reader_.CountTouching(LexiconList::kDenialVerb)};
  }

  // Who is named or cited, and how often a statement is reported.
  // Attribution changes when who is cited changes, or a paragraph gains
  // or loses its attribution altogether; one more "she argued" in a
  // paragraph already attributed to her is rewording.
  bool SameSources(const ParagraphBalance& other) const {
    const bool reports = (Reports() > 0) == (other.Reports() > 0) ||
                         (Reports() > 0 ? ReportsKeptIn(other) : other.ReportsKeptIn(*this));
    return reports && SourcesIn(other) && other.SourcesIn(*this) && NamesIn(other) &&
           other.NamesIn(*this);
  }

  // Whether a source next to a report here is none of `other`'s sources.
  bool NamesSourceMissingFrom(const ParagraphBalance& other) const {
    const auto& theirs = other.Sources();
    return std::any_of(Sources(SourceKind::kNextToReport).begin(),
                       Sources(SourceKind::kNextToReport).end(), [&](int entry) {
                         return !std::binary_search(theirs.begin(), theirs.end(), entry);
                       });
  }

  // Whether each report here is a reporting verb that `other` still has,
  // in another voice or form ("Правозащитники признали Колесова" ->
  // "Колесов был признан правозащитниками"): no report dropped.
  // Or a report citing a person `other` names too (PersonCitedIn), or by a
  // pronoun after such a report.
  bool ReportsKeptIn(const ParagraphBalance& other) const {
    const auto size = static_cast<int>(text_.text().tokens.size());
    const auto other_size = static_cast<int>(other.text_.text().tokens.size());
    bool person_kept = false;
    for (int pos = 0; pos < size; ++pos) {
      const std::size_t phrase = reader_.MatchLength(LexiconList::kAttribution, pos);
      const std::size_t verb =
          phrase > 0 ? 0 : reader_.MatchLength(LexiconList::kAttributionVerb, pos);
      if (phrase == 0 && verb == 0) continue;
      const int end = pos + static_cast<int>(phrase + verb);
      bool kept = PersonCitedIn(pos, end, other) || (phrase > 0 && CitedWordsIn(end, other));
      // "Кравець вважає ... За її словами": a pronoun for that person.
      person_kept = person_kept || kept;
      for (int i = std::max(0, pos - 1); i <= end && i < size && !kept && person_kept; ++i) {
        kept = reader_.IsLexiconWord(i, LexiconList::kPronoun);
      }
      for (int j = 0; j < other_size && !kept && verb > 0; ++j) {
        kept = SameStem(text_.Folded(pos), other.text_.Folded(j));
      }
      if (!kept) return false;
      pos = end - 1;
    }
    return true;
  }

  // "..., according to a preliminary analysis circulated to other
  // observatories" -> "A preliminary analysis circulated to other
  // observatories puts ...": what the source phrase cites, from `from` to
  // the clause's end, three words at least, is word for word in `other`.
  // Not a named body: "The Westmoor Regional Council closed the road" is
  // no report of the council's (see PersonCitedIn).
  bool CitedWordsIn(int from, const ParagraphBalance& other) const {
    constexpr int kMinWords = 3;
    constexpr int kMaxWords = 8;
    const auto size = static_cast<int>(text_.text().tokens.size());
    int end = from;
    while (end < size && end - from < kMaxWords &&
           text_.text().tokens[static_cast<std::size_t>(end)].kind == TokenKind::kWord) {
      if (text_.IsName(end)) return false;
      ++end;
    }
    if (end - from < kMinWords) return false;
    const auto cited = text_.FoldedWords().subspan(static_cast<std::size_t>(from),
                                                   static_cast<std::size_t>(end - from));
    const auto theirs = other.text_.FoldedWords();
    return std::search(theirs.begin(), theirs.end(), cited.begin(), cited.end()) != theirs.end();
  }

  // "Главный тренер Ольга Сафронова назвала выход в финал главным
  // успехом" -> "По словам главного тренера Ольги Сафроновой, выход в
  // финал стал...": whether the report [from, to) cites a person by first
  // name and surname, right before it or a few words after, whom `other`
  // names too. A person named doing something in a news story says it;
  // a body ("the council closed the road" -> "according to the council")
  // is not taken so.
  bool PersonCitedIn(int from, int to, const ParagraphBalance& other) const {
    constexpr int kReach = 4;
    const auto size = static_cast<int>(text_.text().tokens.size());
    // The whole name, two or three words, none a body's.
    auto person_at = [&](int first, int step) {
      int words = 0;
      for (int i = first; i >= 0 && i < size && text_.IsName(i); i += step, ++words) {
        if (words == 3 || reader_.MatchedEntry(LexiconList::kSource, i) >= 0 ||
            reader_.IsLexiconWord(i, LexiconList::kInstitution) ||
            !HasNameStem(other.text_, text_.Folded(i))) {
          return false;
        }
      }
      return words >= 2;
    };
    if (from > 0 && person_at(from - 1, -1)) return true;
    for (int i = to; i < size && i < to + kReach; ++i) {
      const std::string_view key = text_.text().Key(static_cast<std::size_t>(i));
      if (!IsWordish(text_.text().tokens[static_cast<std::size_t>(i)]) || IsSentenceEnd(key)) {
        break;
      }
      if (text_.IsName(i)) return person_at(i, 1);
    }
    return false;
  }

  // Whether every source here is a source of `other` too, or only the title
  // of a name `other` has ("chairwoman Irene Fahl" -> "Irene Fahl, who
  // chairs"): NamesIn follows the person.
  bool SourcesIn(const ParagraphBalance& other) const {
    const auto& mine = Sources(SourceKind::kNamesNoOneElse);
    const auto& theirs = other.Sources(SourceKind::kNamesNoOneElse);
    if (std::includes(theirs.begin(), theirs.end(), mine.begin(), mine.end())) return true;
    for (const int entry : mine) {
      if (std::binary_search(theirs.begin(), theirs.end(), entry)) continue;
      for (const auto& [i, source] : SourceWords()) {
        if (source != entry || StandsForSentenceSubject(i) || !NextToReport(i)) continue;
        if (TitlesNameOf(i, other) || SpeaksForSourceOf(i, other) ||
            std::any_of(other.text_.AllNames().begin(), other.text_.AllNames().end(),
                        [&](std::string_view name) { return WritesOutShortenedAt(i, name); })) {
          continue;
        }
        if (!KindOfAbbreviationIn(i, other) && !InSpelledOutAbbreviation(i, other) &&
            !TitlesSomeoneOf(i, other) && !SpeakerNamedBefore(i, other) &&
            !KindOfLeadNameIn(i, other) && !KindBesideName(i, other) &&
            !other.PronounSpeaksFor(entry) && !CalledByPronounIn(i, other)) {
          return false;
        }
      }
    }
    return true;
  }

  // "По его словам, ..." -> "..., директор говорить не стал": a source
  // word of the later paragraph that the article already had (in lower
  // case, as a kind) where the earlier one says "he": the one it meant.
  bool CalledByPronounIn(int i, const ParagraphBalance& other) const {
    return later_ && mentions_ != nullptr && other.PronounReports() &&
           mentions_->MentionsInLowerCase(MentionStem(text_.Folded(i)));
  }

  // Whether a pronoun is whom the paragraph cites: inside a source phrase
  // ("По его словам") or right before a reporting verb ("he said").
  bool PronounReports() const {
    if (!HasPronoun()) return false;
    const auto size = static_cast<int>(text_.text().tokens.size());
    for (int pos = 0; pos < size; ++pos) {
      if (text_.MatchAt(LexiconList::kPronoun, static_cast<std::size_t>(pos)) == 0) continue;
      for (int start = std::max(0, pos - 3); start <= pos; ++start) {
        if (start + static_cast<int>(reader_.MatchLength(LexiconList::kAttribution, start)) > pos) {
          return true;
        }
      }
      for (int k = pos + 1; k < std::min(size, pos + 4); ++k) {
        if (!IsWordish(text_.text().tokens[static_cast<std::size_t>(k)])) break;
        if (reader_.MatchLength(LexiconList::kAttributionVerb, k) > 0) return true;
      }
    }
    return false;
  }

  // Whether every name here occurs in `other` too, in any position and
  // allowing a case ending ("Олег Дорошенко", "Олега Дорошенка"), so that a
  // name which only moved to a sentence start is no new name.
  // A name of the later paragraph that the article already gave someone
  // the earlier one refers to by a pronoun ("По его словам" -> "пояснил
  // Морозов") is there too.
  bool NamesIn(const ParagraphBalance& other) const {
    return std::all_of(text_.AllNames().begin(), text_.AllNames().end(),
                       [&](std::string_view name) {
                         return HasNameStem(other.text_, name) || IsPatronymicIn(text_, name) ||
                                (later_ && mentions_ != nullptr && other.HasPronoun() &&
                                 mentions_->Mentions(MentionStem(name))) ||
                                SpelledOutIn(name, other) || other.TitlesName(name) ||
                                other.WritesOutShortened(name) ||
                                AbbreviationOfKindIn(name, other) ||
                                (later_ && mentions_ != nullptr &&
                                 mentions_->Mentions(MentionStem(name)) &&
                                 BeforeNameIn(name, other)) ||
                                other.CallsByKind(name, *this) || AbbreviationCitesNoOne(name) ||
                                PartOfNameKeptIn(name, other) ||
                                EmployerInTitleIn(name, other);
                       });
  }

  // Whether the paragraph has `name`, and `holds(i)` at every place i it
  // has it.
  template <typename Holds>
  bool AtEveryPlaceOf(std::string_view name, Holds holds) const {
    const auto size = static_cast<int>(text_.text().tokens.size());
    bool found = false;
    for (int i = 0; i < size; ++i) {
      if (text_.Folded(i) != name) continue;
      if (!holds(i)) return false;
      found = true;
    }
    return found;
  }

  // Whether `name`, wherever the paragraph has it, is part of a full name
  // `other` shortens (ShortenedAt). A later version's name only before
  // the name kept: a first name added, not "the Skarn Courier" for "Skarn".
  bool PartOfNameKeptIn(std::string_view name, const ParagraphBalance& other) const {
    return AtEveryPlaceOf(name, [&](int i) {
      return ShortenedAt(text_, i, other.text_, 1, mentions_) ||
             (!later_ && ShortenedAt(text_, i, other.text_, -1, mentions_));
    });
  }

  // Whether `name`, wherever the paragraph has it, is the body in the
  // title of a person `other` names, and `other` titles that person with a
  // word of the same stem: "Очільниця Міністерства інфраструктури Олена
  // Ковальчук" for "міністр інфраструктури Олена Ковальчук", "head of the
  // Ministry of Energy Ian Rees" for "energy minister Ian Rees".
  bool EmployerInTitleIn(std::string_view name, const ParagraphBalance& other) const {
    constexpr int kReach = 4;      // tokens from the body to the person
    constexpr std::size_t kStem = 6;  // letters: "мініст", "minist"
    if (CharacterCount(name) < kStem) return false;
    const auto size = static_cast<int>(text_.text().tokens.size());
    const auto other_size = static_cast<int>(other.text_.text().tokens.size());
    auto titled_there = [&](std::string_view person) {
      for (int k = 0; k < other_size; ++k) {
        if (!other.text_.IsName(k) || !SameStem(other.text_.Folded(k), person)) continue;
        for (int t = std::max(0, k - kReach); t < k; ++t) {
          if (SharedLetters(other.text_.Folded(t), name) >= kStem) return true;
        }
      }
      return false;
    };
    return AtEveryPlaceOf(name, [&](int i) {
      for (int j = i + 1; j < size && j <= i + kReach; ++j) {
        if (!IsWordish(text_.text().tokens[static_cast<std::size_t>(j)])) break;
        if (text_.IsName(j) && titled_there(text_.Folded(j))) return true;
      }
      return false;
    });
  }

  // Whether `name` is an abbreviation nowhere near a report: "14 аппаратов
  // УЗИ" for "ультразвуковой диагностики" names a thing, not who speaks.
  bool AbbreviationCitesNoOne(std::string_view name) const {
    return AtEveryPlaceOf(name, [&](int i) {
      return TextFacts::IsAllCaps(text_.text().Text(static_cast<std::size_t>(i))) &&
             !NextToReport(i);
    });
  }

  // Whether `name`, wherever the paragraph has it, comes at most three
  // tokens before a name `other` has too: an employer in a person's title
  // ("Генеральный директор «Северных крыльев» Илья Захаров" for
  // "генерального директора авиакомпании Ильи Захарова").
  bool BeforeNameIn(std::string_view name, const ParagraphBalance& other) const {
    const auto size = static_cast<int>(text_.text().tokens.size());
    return AtEveryPlaceOf(name, [&](int i) {
      for (int j = i + 1; j <= std::min(size - 1, i + 3); ++j) {
        if (text_.IsName(j) && text_.Folded(j) != name &&
            HasNameStem(other.text_, text_.Folded(j))) {
          return true;
        }
      }
      return false;
    });
  }

  // Whether the article gives the source word at i, or the source it names
  // the same ("мэр* = глава"), as the title of `name`: "Мэр сообщил" for
  // "Глава Северогорска Виктор Кулагин".
  bool TitleOf(int i, std::string_view name) const {
    return mentions_ != nullptr &&
           TitledAs(*mentions_, text_.lexicon(), MentionStem(name), text_.Folded(i));
  }

  // Whether a source word here is the title the article gives `name`.
  bool TitlesName(std::string_view name) const {
    return std::any_of(SourceWords().begin(), SourceWords().end(),
                       [&](const auto& source) { return TitleOf(source.first, name); });
  }

  // Whether the source word at i stands for someone `other` names: the
  // title the article gives a name only `other` has ("Мэр сообщил" ->
  // "Виктор Кулагин сообщил"), or a title of someone the article names
  // where `other` has one more pronoun ("по словам главы города" -> "по
  // его словам").
  bool TitlesSomeoneOf(int i, const ParagraphBalance& other) const {
    if (mentions_ == nullptr) return false;
    if (other.AnyNameNotIn(*this, [&](std::string_view name) { return TitleOf(i, name); })) {
      return true;
    }
    return other.Pronouns() > Pronouns() &&
           mentions_->TitlesSomeone(MentionStem(text_.Folded(i)));
  }

  // Whether the source word at i is a kind ("company", "компания") written
  // as one names something already named: lower case, and in English
  // after "the".
  bool IsKindReference(int i) const {
    const auto& tokens = text_.text();
    const auto at = static_cast<std::size_t>(i);
    if (StartsWithCapital(tokens.Text(at))) return false;
    if (static_cast<unsigned char>(tokens.Key(at)[0]) < 0x80) {
      return i > 0 && text_.Folded(i - 1) == "the";
    }
    return true;
  }

  // "Orvex said ... The company said" -> "Orvex said ... It blamed",
  // "Nordpetrol, which operates the refinery, said ... The company did not
  // say": the kind at i refers back to a name the paragraph gave before
  // it, one `other` names too. Without an article to make the kind
  // definite (Cyrillic), only to a name right before a reporting verb.
  bool SpeakerNamedBefore(int i, const ParagraphBalance& other) const {
    if (!IsKindReference(i)) return false;
    const bool definite = i > 0 && text_.Folded(i - 1) == "the";
    for (int j = 0; j < i; ++j) {
      if ((definite || reader_.MatchLength(LexiconList::kAttributionVerb, j + 1) > 0) &&
          (text_.IsName(j) || IsSpeakerAtSentenceStart(j)) &&
          HasNameStem(other.text_, text_.Folded(j))) {
        return true;
      }
    }
    return false;
  }

  // "The ministry did not name the official. It said" (for "... by the
  // ministry, which said"): a pronoun right before a reporting verb, its
  // sentence's first word, stands for the source `entry` that opens the
  // sentence before it (within its first two words).
  bool PronounSpeaksFor(int entry) const {
    const auto& tokens = text_.text();
    const auto size = static_cast<int>(tokens.tokens.size());
    for (int j = 1; j + 1 < size; ++j) {
      const auto at = static_cast<std::size_t>(j);
      if (!IsSentenceEnd(tokens.Key(at - 1)) || text_.MatchAt(LexiconList::kPronoun, at) == 0 ||
          reader_.MatchLength(LexiconList::kAttributionVerb, j + 1) == 0) {
        continue;
      }
      const int start = SentenceStart(tokens, j - 1);
      for (int k = start; k < std::min(j - 1, start + 2); ++k) {
        const int source = reader_.MatchedEntry(LexiconList::kSource, k);
        if (source >= 0 && text_.lexicon().SameSourceAs(source) == entry) return true;
      }
    }
    return false;
  }

  // "the Sentinel newspaper" -> "the Sentinel", "газета «Вести»" ->
  // "«Вести»": the kind at i names the body named right beside it, which
  // `other` names too, in the same form.
  bool KindBesideName(int i, const ParagraphBalance& other) const {
    const auto size = static_cast<int>(text_.text().tokens.size());
    int after = i + 1;
    if (after < size && text_.text().tokens[static_cast<std::size_t>(after)].kind ==
                            TokenKind::kQuote) {
      ++after;
    }
    for (const int j : {i - 1, after}) {
      // (As written: "«Заречинский вестник»" is not "Заречинска".)
      if (j >= 0 && j < size && text_.IsName(j) && other.text_.HasName(text_.Folded(j))) {
        return true;
      }
    }
    return false;
  }

  // Whether the kind at i may stand for `name` (IsKindOfLeadName).
  bool KindOfLeadName(int i, std::string_view name) const {
    return mentions_ != nullptr && IsKindReference(i) &&
           IsKindOfLeadName(*mentions_, text_.Folded(i), name);
  }

  // Whether the source word at i is such a kind for a name only `other`
  // has (KindOfLeadName).
  bool KindOfLeadNameIn(int i, const ParagraphBalance& other) const {
    return other.AnyNameNotIn(*this, [&](std::string_view name) {
      return KindOfLeadName(i, name) && !other.NamesBodyOfOtherKind(name, text_.Folded(i));
    });
  }

  // Whether a source word here, one `named` lacks, is a kind for `name`
  // (KindOfLeadName), the other way round.
  bool CallsByKind(std::string_view name, const ParagraphBalance& named) const {
    const auto& theirs = named.Sources();
    return std::any_of(SourceWords().begin(), SourceWords().end(), [&](const auto& source) {
      return !std::binary_search(theirs.begin(), theirs.end(), source.second) &&
             KindOfLeadName(source.first, name) &&
             !named.NamesBodyOfOtherKind(name, text_.Folded(source.first));
    });
  }

  // Whether `name` is a word of a name here that says it is a body of
  // another kind than `kind`: "the company" is not the "Water Services
  // Regulation Board", whatever the lead names.
  bool NamesBodyOfOtherKind(std::string_view name, std::string_view kind) const {
    const auto size = static_cast<int>(text_.text().tokens.size());
    for (int i = 0; i < size; ++i) {
      if (text_.Folded(i) != name || !text_.IsName(i)) continue;
      int begin = i;
      while (begin > 0 && text_.IsName(begin - 1)) --begin;
      for (int j = begin; j < size && text_.IsName(j); ++j) {
        const std::string_view word = text_.Folded(j);
        if (text_.MatchAt(LexiconList::kInstitution, static_cast<std::size_t>(j)) == 1 &&
            !SameStem(word, kind) && !SameSourceWord(text_.lexicon(), kind, word)) {
          return true;
        }
      }
    }
    return false;
  }

  // Whether the source word at i is the title of a name right after it,
  // its other words between ("глава региона Александр Богомаз"), that
  // `other` names too: the person is the source, whatever the title. A
  // place the title holds is passed over ("Министр туризма Приречного края
  // Елена Жаркова" -> "глава краевого министерства туризма Елена Жаркова").
  bool TitlesNameOf(int i, const ParagraphBalance& other) const {
    constexpr int kMaxTitleWords = 4;
    const auto size = static_cast<int>(text_.text().tokens.size());
    int words = 0;
    bool quoted = false;
    for (int j = i + 1; j < size && words <= kMaxTitleWords; ++j) {
      const Token& token = text_.text().tokens[static_cast<std::size_t>(j)];
      // "its owner, the Trakt group": a comma right after the title sets
      // the name beside it; quotation marks hold a name.
      if (token.kind == TokenKind::kQuote) {
        quoted = true;
        continue;
      }
      if (j == i + 1 && text_.Folded(j) == ",") continue;
      if (!IsWordish(token)) return false;
      ++words;
      // (A quoted name as written: "газета «Заречинский вестник»" is no
      // title of "Заречинска".)
      if (text_.IsName(j) && (quoted ? other.text_.HasName(text_.Folded(j))
                                     : HasNameStem(other.text_, text_.Folded(j)))) {
        return true;
      }
    }
    return false;
  }

  // "Представитель компании заявил" -> "В компании заверили", "A
  // spokeswoman for Greenfield Council said" -> "Greenfield Council
  // said": the source word at i speaks for a body named next to it
  // (`[speaks-for]`), one `other` has as its source.
  bool SpeaksForSourceOf(int i, const ParagraphBalance& other) const {
    constexpr int kReach = 3;
    if (text_.MatchAt(LexiconList::kSpeaksFor, static_cast<std::size_t>(i)) == 0) return false;
    const auto& theirs = other.Sources();
    const auto size = static_cast<int>(text_.text().tokens.size());
    auto names_source = [&](int j) {
      const int entry = reader_.MatchedEntry(LexiconList::kSource, j);
      if (entry >= 0) {
        return std::binary_search(theirs.begin(), theirs.end(),
                                  text_.lexicon().SameSourceAs(entry));
      }
      return text_.IsName(j) && HasNameStem(other.text_, text_.Folded(j));
    };
    for (int j = i + 1; j < size && j <= i + kReach + 1; ++j) {
      if (!IsWordish(text_.text().tokens[static_cast<std::size_t>(j)])) break;
      if (names_source(j)) return true;
    }
    for (int j = i - 1; j >= 0 && j >= i - kReach; --j) {
      if (!IsWordish(text_.text().tokens[static_cast<std::size_t>(j)])) break;
      if (names_source(j)) return true;
    }
    return false;
  }

  // Whether the words from `begin` are those a shortened name is made of
  // the starts of ("министерстве здравоохранения" for "Минздрава",
  // "Министерство обороны" for "Минобороны"), in any case.
  bool WritesOutShortenedAt(int begin, std::string_view shortened) const {
    constexpr std::size_t kMaxWords = 4;
    std::array<std::string_view, kMaxWords> words;
    std::size_t count = 0;
    const auto size = static_cast<int>(text_.text().tokens.size());
    for (int i = begin; i < size && count < kMaxWords; ++i) {
      const auto at = static_cast<std::size_t>(i);
      if (!IsWordish(text_.text().tokens[at])) break;
      if (i > begin && CharacterCount(text_.Folded(i)) <= 3 &&
          !StartsWithCapital(text_.text().Text(at))) {
        continue;  // "по", "of"
      }
      words[count++] = text_.Folded(i);
    }
    for (std::size_t n = 2; n <= count; ++n) {
      if (SpelledFromStarts(shortened, std::span(words.data(), n))) return true;
    }
    return false;
  }

  // Whether the paragraph writes out the shortened name `name` somewhere
  // (WritesOutShortenedAt).
  bool WritesOutShortened(std::string_view name) const {
    const auto size = static_cast<int>(text_.text().tokens.size());
    const std::string_view first = FirstCharacters(name, 1);
    for (int i = 0; i < size; ++i) {
      if (text_.Folded(i).starts_with(first) && WritesOutShortenedAt(i, name)) return true;
    }
    return false;
  }

  // Whether `holds` for a name here that `other` lacks: one of its names,
  // or a capitalised word before "said" at a sentence start.
  template <typename Holds>
  bool AnyNameNotIn(const ParagraphBalance& other, Holds holds) const {
    auto fits = [&](std::string_view name) {
      return !HasNameStem(other.text_, name) && holds(name);
    };
    return std::any_of(text_.AllNames().begin(), text_.AllNames().end(), fits) ||
           AnySpeakerAtSentenceStart(fits);
  }

  // Whether `is_speaker` holds for a capitalised word that opens a
  // sentence right before a reporting verb ("Ashby said"): a surname the
  // paragraph alone cannot tell from a sentence's first word.
  template <typename IsSpeaker>
  bool AnySpeakerAtSentenceStart(IsSpeaker is_speaker) const {
    const auto size = static_cast<int>(text_.text().tokens.size());
    for (int j = 0; j + 1 < size; ++j) {
      if (reader_.MatchLength(LexiconList::kAttributionVerb, j + 1) > 0 &&
          IsSpeakerAtSentenceStart(j) && is_speaker(text_.Folded(j))) {
        return true;
      }
    }
    return false;
  }

  // Whether the word at j opens a sentence capitalised and may be a name:
  // no source word ("Слідство вважає"), function word or word the article
  // writes in lower case.
  bool IsSpeakerAtSentenceStart(int j) const {
    const auto& tokens = text_.text();
    const auto at = static_cast<std::size_t>(j);
    return (j == 0 || IsSentenceEnd(tokens.Key(at - 1))) && IsWordish(tokens.tokens[at]) &&
           StartsWithCapital(tokens.Text(at)) &&
           reader_.MatchedEntry(LexiconList::kSource, j) < 0 &&
           reader_.MatchLength(LexiconList::kFunctionWord, j) == 0 &&
           (mentions_ == nullptr || !mentions_->WritesInLowerCase(text_.Folded(j)));
  }

  // "According to the union" for "The NUT said": the source word at i is
  // the kind of body an abbreviation only `other` has is, its first letter
  // one of the abbreviation's ("union" in the National Union of Teachers,
  // "служба" in ФСБ).
  bool KindOfAbbreviationIn(int i, const ParagraphBalance& other) const {
    const std::string_view initial = FirstCharacters(text_.Folded(i), 1);
    return std::any_of(other.Abbreviations().begin(), other.Abbreviations().end(),
                       [&](const std::string& letters) {
                         return letters.find(initial) != std::string::npos &&
                                !HasNameStem(text_, letters);
                       });
  }

  // Whether `name`, an abbreviation, is a body `other` calls by its kind
  // (KindOfAbbreviationIn, the other way round).
  bool AbbreviationOfKindIn(std::string_view name, const ParagraphBalance& other) const {
    if (std::find(Abbreviations().begin(), Abbreviations().end(), name) == Abbreviations().end()) {
      return false;
    }
    const auto& mine = Sources();
    if (std::any_of(other.SourceWords().begin(), other.SourceWords().end(),
                    [&](const auto& source) {
                      return !std::binary_search(mine.begin(), mine.end(), source.second) &&
                             name.find(FirstCharacters(other.text_.Folded(source.first), 1)) !=
                                 std::string_view::npos;
                    })) {
      return true;
    }
    // "the board" for "the SMB" (State Minerals Board): an institution word
    // here lacks, with the abbreviation's last letter, the kind its name
    // ends with.
    if (!other.text_.MayMatch(LexiconList::kInstitution)) return false;
    const auto other_size = static_cast<int>(other.text_.text().tokens.size());
    for (int k = 0; k < other_size; ++k) {
      const std::string_view word = other.text_.Folded(k);
      if (other.text_.MatchAt(LexiconList::kInstitution, static_cast<std::size_t>(k)) == 1 &&
          name.ends_with(FirstCharacters(word, 1)) && !text_.HasWord(word)) {
        return true;
      }
    }
    return false;
  }

  // Whether each place the paragraph has `name` is in the written-out name
  // of an abbreviation `other` has ("охорони" of "МОЗ"), or `name` is an
  // abbreviation `other` writes out.
  bool SpelledOutIn(std::string_view name, const ParagraphBalance& other) const {
    // ("The NCEA's director": its letters.)
    const std::string_view letters = WithoutPossessive(name);
    if (std::find(Abbreviations().begin(), Abbreviations().end(), letters) !=
            Abbreviations().end() &&
        other.WritesOut(letters)) {
      return true;
    }
    if (other.Abbreviations().empty()) return false;
    return AtEveryPlaceOf(name, [&](int i) { return InSpelledOutAbbreviation(i, other); });
  }

  // Whether the paragraph writes out the abbreviation of `letters`: words
  // with those initials ("Міністерство охорони здоров'я" for "моз"), or
  // one word compounded of their starts ("облдержадміністрації").
  bool WritesOut(std::string_view letters) const {
    const auto size = static_cast<int>(text_.text().tokens.size());
    for (int begin = 0; begin < size; ++begin) {
      if (ContractsTo(text_.Folded(begin), letters)) return true;
      for (int end = begin + 2; end <= std::min(size, begin + kMaxAbbreviatedWords); ++end) {
        if (HasInitials(begin, end, [&](const std::string& initials) {
              return initials == letters;
            })) {
          return true;
        }
      }
    }
    return false;
  }

  // "Міністерство охорони здоров'я" where `other` writes "МОЗ": the word
  // at i is one of the written-out name of an abbreviation of `other`'s.
  bool InSpelledOutAbbreviation(int i, const ParagraphBalance& other) const {
    const std::vector<std::string>& abbreviations = other.Abbreviations();
    if (abbreviations.empty()) return false;
    const auto size = static_cast<int>(text_.text().tokens.size());
    for (int begin = std::max(0, i - kMaxAbbreviatedWords + 1); begin <= i; ++begin) {
      for (int end = std::max(i + 1, begin + 2); end <= std::min(size, begin + kMaxAbbreviatedWords);
           ++end) {
        if (HasInitials(begin, end, [&](const std::string& initials) {
              return std::find(abbreviations.begin(), abbreviations.end(), initials) !=
                     abbreviations.end();
            })) {
          return true;
        }
      }
    }
    return false;
  }

  // Whether the initials of words [begin, end), with or without short
  // lower-case words, are ones `accepts` takes; one compounded word may
  // give two (CompoundInitials).
  template <typename Accepts>
  bool HasInitials(int begin, int end, Accepts accepts) const {
    const Side words{&text_, begin, end};
    for (const bool skip_short_words : {true, false}) {
      if (accepts(Initials(words, skip_short_words))) return true;
    }
    for (const bool skip_short_words : {true, false}) {
      for (const std::string& initials : CompoundInitials(words, skip_short_words)) {
        if (accepts(initials)) return true;
      }
    }
    return false;
  }

  // "Приозёрская электросетевая компания" is ПЭСК: the initials of the
  // words where one word compounded of two ("электро" + "сетевая") gives
  // two, its first letter and the one after its joining vowel (as
  // ContractsTo reads "Євросоюзу" as ЄС), each part three letters or more.
  static std::vector<std::string> CompoundInitials(const Side& words, bool skip_short_words) {
    constexpr std::size_t kMinPart = 3;
    std::vector<std::string> found;
    for (int j = words.begin; j < words.end; ++j) {
      const std::string_view folded = words.facts->Folded(j);
      if (!IsWordish(words.At(j)) || CharacterCount(folded) < 2 * kMinPart + 1 ||
          folded.find('-') != std::string_view::npos) {
        continue;
      }
      const std::string before = Initials({words.facts, words.begin, j}, skip_short_words);
      const std::string after = Initials({words.facts, j + 1, words.end}, skip_short_words);
      const std::string_view first = FirstCharacters(folded, 1);
      for (const std::string_view joint : {"о", "е"}) {
        for (std::size_t at = folded.find(joint, first.size()); at != std::string_view::npos;
             at = folded.find(joint, at + joint.size())) {
          const std::string_view rest = folded.substr(at + joint.size());
          if (CharacterCount(folded.substr(0, at)) < kMinPart || CharacterCount(rest) < kMinPart) {
            continue;
          }
          found.push_back(before + std::string(first) + std::string(FirstCharacters(rest, 1)) +
                          after);
        }
      }
    }
    return found;
  }

  // The letters of each abbreviation the paragraph has ("моз" of "МОЗ").
  const std::vector<std::string>& Abbreviations() const {
    if (abbreviations_) return *abbreviations_;
    abbreviations_.emplace();
    for (std::size_t i = 0; i < text_.text().tokens.size(); ++i) {
      // Two capitals at least, the second one the second or the third
      // character ("MoD").
      const std::string_view written = text_.text().Text(i);
      if (text_.text().tokens[i].kind != TokenKind::kWord || !StartsWithCapital(written)) continue;
      const std::string_view rest = written.substr(FirstCharacters(written, 1).size());
      if (!StartsWithCapital(rest) &&
          !StartsWithCapital(rest.substr(FirstCharacters(rest, 1).size()))) {
        continue;
      }
      std::string letters = AbbreviationLetters(written, text_.Folded(static_cast<int>(i)));
      if (!letters.empty()) abbreviations_->push_back(std::move(letters));
    }
    return *abbreviations_;
  }

  bool HasPronoun() const { return Pronouns() > 0; }

  int Pronouns() const {
    if (!text_.MayMatch(LexiconList::kPronoun)) return 0;
    int pronouns = 0;
    for (std::size_t i = 0; i < text_.text().tokens.size(); ++i) {
      pronouns += text_.MatchAt(LexiconList::kPronoun, i) > 0;
    }
    return pronouns;
  }

  // Source phrases and reporting verbs together: "энергетики говорят" and
  // "по словам энергетиков" report the same statement.
  int Reports() const {
    if (!reports_) reports_ = CountReports();
    return *reports_;
  }

  const TextFacts& facts() const { return text_; }

  // Which source entries the paragraph names, by entry, so that
  // inflection ("полиция", "полицией", "мэр", "мэра") and plurals, which
  // match the same entry ("полиц*", "мэр*"), are the same source.
  enum class SourceKind {
    kAll,
    kNextToReport,    // a source phrase or reporting verb within a few words
    kNamesNoOneElse,  // less "the company" for the company its sentence opens with
  };
  const std::vector<int>& Sources(SourceKind kind = SourceKind::kAll) const {
    auto& cache = sources_[static_cast<std::size_t>(kind)];
    if (!cache) cache = FindSources(kind);
    return *cache;
  }

 private:
  int CountReports() const {
    int reports = 0;
    if (!text_.MayMatch(LexiconList::kAttribution) &&
        !text_.MayMatch(LexiconList::kAttributionVerb)) {
      return reports;
    }
    const auto size = static_cast<int>(text_.text().tokens.size());
    for (int pos = 0; pos < size; ++pos) {
      std::size_t n = reader_.MatchLength(LexiconList::kAttribution, pos);
      if (n == 0) n = reader_.MatchLength(LexiconList::kAttributionVerb, pos);
      if (n == 0) continue;
      ++reports;  // a verb inside the phrase ("как сообщили") is the same report
      pos += static_cast<int>(n) - 1;
    }
    return reports;
  }

  // Sorted, each source once: a paragraph that names the prosecutor twice
  // and then once cites the same source.
  std::vector<int> FindSources(SourceKind kind) const {
    std::vector<int> sources;
    for (const auto& [i, entry] : SourceWords()) {
      if ((kind == SourceKind::kNextToReport && !NextToReport(i)) ||
          (kind == SourceKind::kNamesNoOneElse && StandsForSentenceSubject(i))) {
        continue;
      }
      sources.push_back(entry);
    }
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    return sources;
  }

  // The source words in order: (position, source entry), one entry for
  // words that name the same source ("поліцейські", "поліція").
  const std::vector<std::pair<int, int>>& SourceWords() const {
    if (source_words_) return *source_words_;
    source_words_.emplace();
    if (!text_.MayMatch(LexiconList::kSource)) return *source_words_;
    const auto size = static_cast<int>(text_.text().tokens.size());
    for (int i = 0; i < size; ++i) {
      const int entry = reader_.MatchedEntry(LexiconList::kSource, i);
      if (entry >= 0) source_words_->emplace_back(i, text_.lexicon().SameSourceAs(entry));
    }
    return *source_words_;
  }

  // "Harbourline Ferries will hold prices, the operator said": a source
  // word after a comma, before a reporting verb, in a sentence that opens
  // with a name, is that name again.
  bool StandsForSentenceSubject(int i) const {
    const auto& tokens = text_.text();
    // A lower-case word right after the comma or "the": "Authority" in
    // ", the Financial Supervisory Authority says" is someone else.
    if (static_cast<std::size_t>(i + 1) >= tokens.tokens.size() || i < 2 ||
        reader_.MatchLength(LexiconList::kAttributionVerb, i + 1) == 0 ||
        StartsWithCapital(tokens.Text(static_cast<std::size_t>(i)))) {
      return false;
    }
    const int before = tokens.Key(static_cast<std::size_t>(i - 1)) == "," ? i - 1 : i - 2;
    if (tokens.Key(static_cast<std::size_t>(before)) != ",") return false;
    const int start = SentenceStart(tokens, i);
    // A name's first word at the sentence start may not count as a name
    // by itself; its second does ("Harbourline Ferries").
    return start + 1 < i && reader_.MatchedEntry(LexiconList::kSource, start) < 0 &&
           (text_.IsName(start) ||
            (StartsWithCapital(tokens.Text(static_cast<std::size_t>(start))) &&
             text_.IsName(start + 1)));
  }

  // Whether token i stands where a source is named: within a few words of
  // a reporting verb or source phrase of its sentence ("сообщил
  // следователь", "police said"), or in the clause a source phrase opens.
  bool NextToReport(int i) const {
    constexpr int kReach = 3;
    const auto size = static_cast<int>(text_.text().tokens.size());
    const auto key = [&](int pos) { return text_.text().Key(static_cast<std::size_t>(pos)); };
    // Back to the sentence start: a source phrase whose clause runs on to
    // i ("according to a filing published by the company"), or a
    // reporting verb a few words before.
    // (Not past a comma after the phrase's own source: "за словами Мазура,
    // військові тренувалися" reports what the soldiers did.)
    bool clause = true;
    for (int pos = i - 1; pos >= 0 && !IsSentenceEnd(key(pos)); --pos) {
      if (key(pos) == ",") clause = false;
      const std::size_t phrase = reader_.MatchLength(LexiconList::kAttribution, pos);
      if (phrase > 0 && (clause || (pos + static_cast<int>(phrase) + kReach > i &&
                                    key(pos + static_cast<int>(phrase)) == ","))) {
        return true;
      }
      const std::size_t verb = reader_.MatchLength(LexiconList::kAttributionVerb, pos);
      if (verb > 0 && (pos + static_cast<int>(verb) + kReach > i ||
                       FewWordsBetween(pos + static_cast<int>(verb), i))) {
        return true;
      }
    }
    for (int pos = i + 1; pos < size && pos <= i + kReach && !IsSentenceEnd(key(pos)); ++pos) {
      if (reader_.MatchLength(LexiconList::kAttribution, pos) > 0 ||
          reader_.MatchLength(LexiconList::kAttributionVerb, pos) > 0) {
        return true;
      }
    }
    return false;
  }

  // "повідомили в четвер в обласній військовій адміністрації": between
  // a reporting verb and i no punctuation, at most six tokens, and at most
  // two of them words other than function words and figures (a day, "в").
  // Ukrainian and Russian put the source after the verb so; in English
  // that is the reported clause ("said on Tuesday the company would").
  bool FewWordsBetween(int from, int i) const {
    constexpr int kMaxTokens = 6;
    constexpr int kMaxWords = 2;
    if (i - from > kMaxTokens ||
        static_cast<unsigned char>(text_.text().Key(static_cast<std::size_t>(i))[0]) < 0x80) {
      return false;
    }
    const int words = ContentWordsBetween(text_, from, i);
    return words >= 0 && words <= kMaxWords;
  }

  // The most words an abbreviation is written out in.
  static constexpr int kMaxAbbreviatedWords = 8;

  const TextFacts& text_;
  SideReader reader_;
  const ArticleMentions* mentions_;
  bool later_;
  // Computed on first use; asked for several times per paragraph.
  mutable std::optional<int> reports_;
  mutable std::array<std::optional<std::vector<int>>, 3> sources_;
  mutable std::optional<std::vector<std::pair<int, int>>> source_words_;
  mutable std::optional<std::vector<std::string>> abbreviations_;
};

// Whether each side has a figure the other lacks.
bool FigureReplaced(const TextFacts& old_text, const TextFacts& new_text) {
  const FigureDifference difference = DifferentFigures(old_text, new_text);
  return !difference.old_only.empty() && !difference.new_only.empty();
}

void CheckAgainstWholeParagraphs(const ChangeFacts& facts, const ArticleMentions* mentions,
                                 bool runs_name_sources, TagSet& tags) {
  if (facts.Old() == nullptr || facts.New() == nullptr) return;
  // A finding the whole paragraphs undo leaves a rewording, moved or not.
  const bool runs_found_substance = tags.AnySubstantive();
  const ParagraphBalance before(*facts.Old(), mentions, /*later=*/false);
  const ParagraphBalance after(*facts.New(), mentions, /*later=*/true);
  if (tags.contains(Tag::kNegation) && !NegationChanged(before.Negations(), after.Negations())) {
    tags.erase(Tag::kNegation);
  }
  // "Unconfirmed reports" -> "reports that could not be confirmed", in
  // runs of their own: the paragraph gained a negation its old version
  // wrote into a word.
  if (tags.contains(Tag::kNegation)) {
    auto b = before.Negations();
    auto a = after.Negations();
    const bool gained = a.first > b.first;
    const int written = gained ? NegationsWrittenIntoWords(*facts.New(), *facts.Old())
                               : NegationsWrittenIntoWords(*facts.Old(), *facts.New());
    auto& more = gained ? a : b;
    more.first -= written;
    more.second -= written;
    if (written > 0 && !NegationChanged(b, a)) tags.erase(Tag::kNegation);
  }
  if (tags.contains(Tag::kAttribution) && before.SameSources(after)) tags.erase(Tag::kAttribution);
  // "The ministry denied targeting civilian areas" -> "Denying that it had
  // targeted civilian areas, the ministry ...": a denial recast in runs of
  // its own, taken out of one and put into another; the paragraph denies
  // as often as it did.
  // So is one denial written with another word ("провини не визнає" ->
  // "вину заперечує").
  if (tags.contains(Tag::kDenial)) {
    const auto denials = before.Denials();
    const auto later = after.Denials();
    const int count = denials.first + denials.second;
    if (count > 0 && count == later.first + later.second) tags.erase(Tag::kDenial);
  }

  // A source phrase dropped or added in a rewrite ("По предварительным
  // данным следствия, пожар ..." -> "Пожар ..."): the runs may not see it,
  // the paragraph's reports and sources do. Where both report, a source
  // word far from any report ("would cost the operator") is no new source.
  // (Not where the runs only fixed typos: "[-свидельствуют-]{+свидетельствуют+}
  // данные" is the same report, which the misspelt verb hid.)
  const bool only_cosmetic = tags.size() == 1 && tags.contains(Tag::kCosmetic);
  if (!only_cosmetic && !tags.contains(Tag::kAttribution) && before.Reports() != after.Reports() &&
      before.Sources() != after.Sources() &&
      (before.Reports() == 0 || after.Reports() == 0 ||
       (before.Sources(ParagraphBalance::SourceKind::kNextToReport) !=
            after.Sources(ParagraphBalance::SourceKind::kNextToReport) &&
        !before.SameSources(after)))) {
    tags.insert(Tag::kAttribution);
  }
  // "повідомили [-у міській раді-] в понеділок {+у профспілці+}": one
  // source next to a report taken out and another put in, in runs of
  // their own (so some run holds a source word); each version names one
  // the other has nowhere. Not where a run fixed a typo:
  // "[-пресслужбі-]{+прес-службі+}" are two entries of one source.
  if (runs_name_sources && !tags.contains(Tag::kAttribution) && !tags.contains(Tag::kCosmetic) &&
      before.Reports() > 0 && after.Reports() > 0 &&
      before.NamesSourceMissingFrom(after) && after.NamesSourceMissingFrom(before) &&
      !before.SameSources(after)) {
    tags.insert(Tag::kAttribution);
  }
  if (tags.contains(Tag::kReworded) && !tags.contains(Tag::kNumber) &&
      FigureReplaced(*facts.Old(), *facts.New())) {
    tags.insert(Tag::kNumber);
  }
  if (!tags.AnySubstantive() && !tags.contains(Tag::kCosmetic) &&
      (!tags.contains(Tag::kMoved) || runs_found_substance)) {
    tags.insert(Tag::kReworded);
  }
}

// A line too short to be a paragraph of the article and no sentence
// ("Share this article", "Читайте нас в Telegram"): a widget's label.
constexpr int kMaxWidgetWords = 8;

// Whether the sentence around [begin, end) in `text` was rewritten: of its
// words outside that range, a third or more, and three or more, are inside
// other runs of the diff on that side.
bool SentenceRewrittenAround(const TokenizedText& text, int begin, int end,
                             const std::vector<ChangeRun>& runs, bool old_side) {
  const int start = SentenceStart(text, std::min(begin, static_cast<int>(text.tokens.size())));
  const int stop = SentenceStop(text, std::max(end, start));
  int words = 0;
  int changed = 0;
  for (int i = start; i < stop; ++i) {
    if ((i >= begin && i < end) || !IsWordish(text.tokens[static_cast<std::size_t>(i)])) continue;
    ++words;
    for (const ChangeRun& run : runs) {
      const int b = old_side ? run.old_begin : run.new_begin;
      const int e = old_side ? run.old_end : run.new_end;
      if (i >= b && i < e) {
        ++changed;
        break;
      }
    }
  }
  constexpr int kMinChanged = 3;
  return changed >= kMinChanged && 3 * changed >= words;
}

// Whether a negation word in [begin, end) of `negated` negates a word that
// `other` has without it, after the same word: "It will {+not+} include",
// "its members had [-not-] passed", "{+держава не компенсуватиме+}" beside
// "[-держава компенсуватиме-]" flip the same verb, however much the
// sentence around was rewritten or moved. (A content word of four letters
// or more.)
bool NegatesAWordKept(const TextFacts& negated, int begin, int end, const TextFacts& other) {
  constexpr std::size_t kMinLetters = 4;
  const auto size = static_cast<int>(negated.text().tokens.size());
  const auto other_size = static_cast<int>(other.text().tokens.size());
  for (int i = begin; i < end; ++i) {
    const std::size_t n = negated.MatchAt(LexiconList::kNegation, static_cast<std::size_t>(i));
    const int governed = i + static_cast<int>(n);
    if (n == 0 || governed >= size) continue;
    const auto at = static_cast<std::size_t>(governed);
    const std::string_view word = negated.Folded(governed);
    if (negated.text().tokens[at].kind != TokenKind::kWord || CharacterCount(word) < kMinLetters ||
        negated.MatchAt(LexiconList::kFunctionWord, at) > 0 ||
        negated.MatchAt(LexiconList::kNegation, at) > 0) {
      continue;
    }
    // After the same word as the negation: "will [not] include", but not
    // "workers, not self-employed" for "workers rather than self-employed".
    const std::string_view before = i > 0 ? negated.Folded(i - 1) : std::string_view();
    for (int k = 1; k < other_size; ++k) {
      if (other.Folded(k) == word && other.Folded(k - 1) == before) return true;
    }
  }
  return false;
}

// "в [-Белоярскую центральную районную-]{+городскую+} больницу
// {+Соснового Бора+}": a name replaced by another in two runs with a word
// or two between them, read as one run.
bool NameReplacedAcrossRuns(const TokenDiff& diff, const ChangeFacts& facts,
                            const ArticleMentions* mentions) {
  constexpr int kMaxGap = 2;  // tokens
  if (diff.old_text == nullptr || diff.new_text == nullptr) return false;
  // "[-based in Tallinn-]" -> "{+Tallinn-based+}": one name, hyphened on.
  auto hyphened_name = [](const TextFacts& text, int from, int to) {
    for (int t = from; t < to; ++t) {
      if (text.IsName(t) && text.Folded(t).find('-') != std::string_view::npos) return true;
    }
    return false;
  };
  for (std::size_t i = 1; i < diff.runs.size(); ++i) {
    const ChangeRun& a = diff.runs[i - 1];
    const ChangeRun& b = diff.runs[i];
    if (b.old_begin - a.old_end > kMaxGap || b.new_begin - a.new_end > kMaxGap) continue;
    bool sentence_ends = false;
    for (int t = a.old_end; t < b.old_begin; ++t) {
      sentence_ends |= IsSentenceEnd(diff.old_text->Key(static_cast<std::size_t>(t)));
    }
    if (sentence_ends) continue;
    const ChangeRun merged{a.old_begin, b.old_end, a.new_begin, b.new_end};
    if (hyphened_name(*facts.Old(), merged.old_begin, merged.old_end) ||
        hyphened_name(*facts.New(), merged.new_begin, merged.new_end)) {
      continue;
    }
    if (RunClassifier(facts.Old(), facts.New(), merged, mentions).IsEntity()) return true;
  }
  return false;
}

// "chartered from the Greek owner [-Pelagos Maritime-]{+Thalassa Carriers,
// will serve the route+}": a name the other version lacks, in the place of
// one there that this version lacks, replaced it, however much of the
// sentence was rewritten around it. In its place: after the same two
// tokens (inflected: "52-річного Василя [-Мельничука-]" and "52-річний
// Василь {+Гончаренко+}") and before the same one, or the other way round;
// so that a name written out ("the [-FAO-] said" -> "the {+Food+} and
// Agriculture Organization said") is not taken for another. A mark, the
// text's edge or a name both versions have ends a name as well as
// another: "в посёлке [-Светлый Яр-] Михаил" and "в посёлке {+Белая
// Заводь+}.".
bool NameReplacedInPlace(const ChangeFacts& facts, const ArticleMentions* mentions) {
  constexpr int kContext = 2;  // tokens
  const TextFacts* old_text = facts.Old();
  const TextFacts* new_text = facts.New();
  if (old_text == nullptr || new_text == nullptr) return false;
  const auto& old_names = old_text->AllNames();
  const auto& new_names = new_text->AllNames();
  if (std::includes(new_names.begin(), new_names.end(), old_names.begin(), old_names.end()) ||
      std::includes(old_names.begin(), old_names.end(), new_names.begin(), new_names.end())) {
    return false;
  }
  const int old_size = static_cast<int>(old_text->text().tokens.size());
  const int new_size = static_cast<int>(new_text->text().tokens.size());
  // Per token, whether it is a name the other version lacks.
  auto lacked_in = [](const TextFacts& text, const TextFacts& other) {
    const auto size = static_cast<int>(text.text().tokens.size());
    std::vector<bool> lacked(static_cast<std::size_t>(size));
    for (int i = 0; i < size; ++i) {
      lacked[static_cast<std::size_t>(i)] = text.IsName(i) && !HasNameStem(other, text.Folded(i));
    }
    return lacked;
  };
  const std::vector<bool> old_lacked = lacked_in(*old_text, *new_text);
  const std::vector<bool> new_lacked = lacked_in(*new_text, *old_text);
  // The end of the lacked names from i on, when a run of them starts at i.
  auto run_from = [](const std::vector<bool>& lacked, int i) -> std::optional<int> {
    const auto at = static_cast<std::size_t>(i);
    if (!lacked[at] || (at > 0 && lacked[at - 1])) return std::nullopt;
    std::size_t end = at;
    while (end < lacked.size() && lacked[end]) ++end;
    return static_cast<int>(end);
  };
  // Whether token i of `text` ends a name: a mark, the edge, or a name
  // `other` has.
  auto ends_name = [](const TextFacts& text, const TextFacts& other, int i) {
    const auto size = static_cast<int>(text.text().tokens.size());
    return i < 0 || i >= size || !IsWordish(text.text().tokens[static_cast<std::size_t>(i)]) ||
           (text.IsName(i) && HasNameStem(other, text.Folded(i)));
  };
  // The same word at old a and new b, or a name's end at both.
  auto same_token = [&](int a, int b) {
    if (a >= 0 && b >= 0 && a < old_size && b < new_size &&
        old_text->Folded(a) == new_text->Folded(b)) {
      return true;
    }
    return ends_name(*old_text, *new_text, a) && ends_name(*new_text, *old_text, b);
  };
  // The same kContext tokens from old a and new b (step -1: before them),
  // a word among them.
  auto same_context = [&](int a, int b, int step) {
    bool word = false;
    for (int k = 0; k < kContext; ++k, a += step, b += step) {
      if (a < 0 || b < 0 || a >= old_size || b >= new_size ||
          !SameStem(old_text->Folded(a), new_text->Folded(b))) {
        return false;
      }
      word |= IsWordish(old_text->text().tokens[static_cast<std::size_t>(a)]);
    }
    return word;
  };
  for (int i = 0; i < old_size; ++i) {
    const auto old_run = run_from(old_lacked, i);
    if (!old_run) continue;
    const int old_end = *old_run;
    for (int j = 0; j < new_size; ++j) {
      const auto new_run = run_from(new_lacked, j);
      if (!new_run) continue;
      const int new_end = *new_run;
      // (After a first name both have, a surname needs no end: it is none
      // of an abbreviation's words.)
      const bool after_first_name = i > 0 && j > 0 && old_text->IsName(i - 1) &&
                                    new_text->IsName(j - 1) &&
                                    HasNameStem(*new_text, old_text->Folded(i - 1));
      const bool in_place = (same_context(i - 1, j - 1, -1) &&
                             (after_first_name || same_token(old_end, new_end))) ||
                            (same_context(old_end, new_end, 1) && same_token(i - 1, j - 1));
      if (!in_place) continue;
      const RunClassifier swap(old_text, new_text, {i, old_end, j, new_end}, mentions);
      if (!swap.IsCosmetic() && swap.IsEntity()) return true;
    }
  }
  return false;
}

// (A short line with a stamp word, "By Staff | 2 min read", is already
// boilerplate by TextFacts::IsStampLine.)
bool IsCallToAction(const Side& whole) {
  if (whole.Empty() || WordCount(whole) > kMaxWidgetWords) return false;
  const std::string_view last = whole.Key(whole.end - 1);
  if (IsSentenceEnd(last) || last == ":" || last == "\"") return false;
  // A figure makes a short line a headline of its own ("Death toll rises
  // to 12").
  for (int i = whole.begin; i < whole.end; ++i) {
    if (IsWordish(whole.At(i)) && HasDigit(whole.Key(i))) return false;
  }
  return true;
}

// Tags of a paragraph that appeared or disappeared as a whole.
TagSet WholeParagraphTags(bool inserted, const TokenDiff& diff, const ChangeFacts& facts) {
  const TextFacts& text = inserted ? *facts.New() : *facts.Old();
  if (text.IsBoilerplate()) return {Tag::kBoilerplate};
  TagSet tags = {inserted ? Tag::kParagraphAdded : Tag::kParagraphRemoved};
  const Side whole{&text, 0, static_cast<int>(text.text().tokens.size())};
  if (SideReader(whole).TouchesSpeech()) tags.insert(Tag::kQuote);
  const RunClassifier classifier(facts.Old(), facts.New(), diff.runs.front());
  if (inserted) {
    if (classifier.IsDenial()) tags.insert(Tag::kDenial);
    if (classifier.IsCorrection()) tags.insert(Tag::kCorrection);
  } else if (classifier.IsDenialWithdrawn()) {
    // A denial removed with its paragraph is withdrawn, as one taken out
    // of a paragraph that stays.
    tags.insert(Tag::kDenial);
  }
  if (tags.size() == 1 && IsCallToAction(whole)) return {Tag::kBoilerplate};
  return tags;
}

}  // namespace

// Whether two versions of a paragraph have the same sentences, token for
// token, in another order.
bool SentencesReordered(const TokenizedText& a, const TokenizedText& b) {
  if (a.tokens.size() != b.tokens.size()) return false;
  // The same tokens in any order first, told by sums that ignore order
  // (most changed paragraphs differ there).
  auto sums = [](const TokenizedText& text) {
    std::pair<std::uint64_t, std::uint64_t> sum{0, 0};
    for (const Token& token : text.tokens) {
      const auto key = static_cast<std::uint64_t>(token.key);
      sum.first += key;
      sum.second += key * key;
    }
    return sum;
  };
  if (sums(a) != sums(b)) return false;
  auto sentences = [](const TokenizedText& text) {
    std::vector<std::vector<int>> out(1);
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
      out.back().push_back(text.tokens[i].key);
      if (IsSentenceEnd(text.Key(i))) out.emplace_back();
    }
    if (out.back().empty()) out.pop_back();
    std::sort(out.begin(), out.end());
    return out;
  };
  return sentences(a) == sentences(b);
}

bool IsSubstantiveTag(std::string_view tag) {
  const TagInfo* info = FindTag(tag);
  return info != nullptr && info->substantive;
}

std::vector<std::string> ClassifyParagraphChange(ParagraphOp op, const TokenDiff& diff,
                                                 WordLookup& words,
                                                 const ArticleMentions* mentions) {
  const ChangeFacts facts(diff, words);
  switch (op) {
    case ParagraphOp::kInserted:
    case ParagraphOp::kDeleted:
      return WholeParagraphTags(op == ParagraphOp::kInserted, diff, facts).InVocabularyOrder();
    case ParagraphOp::kChanged:
    case ParagraphOp::kMoved:
      break;
  }
  if (facts.EitherIsBoilerplate()) return {"boilerplate"};
  if (op == ParagraphOp::kChanged && diff.old_text != nullptr && diff.new_text != nullptr &&
      SentencesReordered(*diff.old_text, *diff.new_text)) {
    // Moved, as whole paragraphs are; and the paragraph reads otherwise.
    return {"moved", "reworded"};
  }
  TagSet tags;
  if (op == ParagraphOp::kMoved) tags.insert(Tag::kMoved);
  bool swapped_speaker = false;
  bool runs_name_sources = false;
  for (const ChangeRun& run : diff.runs) {
    const RunClassifier classifier(facts.Old(), facts.New(), run, mentions);
    TagSet run_tags = classifier.Tags();
    // A negation flips a sentence that otherwise stays; with a third or
    // more of its other words changed too, the sentence was rewritten
    // ("did not match" -> "were out of line with").
    // Not where the negation flips a word both versions have.
    if (run_tags.contains(Tag::kNegation) &&
        (SentenceRewrittenAround(*diff.old_text, run.old_begin, run.old_end, diff.runs,
                                 /*old_side=*/true) ||
         SentenceRewrittenAround(*diff.new_text, run.new_begin, run.new_end, diff.runs,
                                 /*old_side=*/false)) &&
        !NegatesAWordKept(*facts.New(), run.new_begin, run.new_end, *facts.Old()) &&
        !NegatesAWordKept(*facts.Old(), run.old_begin, run.old_end, *facts.New())) {
      run_tags.erase(Tag::kNegation);
    }
    tags.merge(run_tags);
    swapped_speaker |= classifier.SwapsSpeaker() || classifier.SwapsCitedSource();
    runs_name_sources = runs_name_sources || classifier.NamesSource();
  }
  if (!tags.contains(Tag::kEntity) && (NameReplacedAcrossRuns(diff, facts, mentions) ||
                                       NameReplacedInPlace(facts, mentions))) {
    tags.insert(Tag::kEntity);
  }
  CheckAgainstWholeParagraphs(facts, mentions, runs_name_sources, tags);
  if (swapped_speaker) tags.insert(Tag::kAttribution);
  // Every run's finding stands: a typo fixed beside a changed figure is
  // both cosmetic and a number change. Substantiveness comes from the
  // substantive tags alone.
  if (tags.empty()) tags.insert(Tag::kCosmetic);
  return tags.InVocabularyOrder();
}

std::vector<std::string> ClassifyHeadlineChange(const TokenDiff& diff, WordLookup& words) {
  const ChangeFacts facts(diff, words);
  TagSet tags;
  for (const ChangeRun& run : diff.runs) {
    const RunClassifier classifier(facts.Old(), facts.New(), run);
    // A question mark turns a headline's statement into a question.
    if (classifier.IsCosmetic() && !classifier.ChangesQuestionMark()) continue;
    tags.insert(Tag::kHeadline);
    if (classifier.IsDenial()) {
      tags.insert(Tag::kDenial);
    } else if (classifier.IsNegation()) {
      tags.insert(Tag::kNegation);
    }
    if (classifier.IsNumber()) tags.insert(Tag::kNumber);
  }
  if (tags.empty()) tags.insert(Tag::kCosmetic);
  return tags.InVocabularyOrder();
}

void MarkInvisibleChange(ArticleDiff& diff) {
  if (diff.HasChanges() || !diff.tags.empty()) return;
  diff.tags = {"cosmetic"};
  diff.score = FindTag("cosmetic")->weight;
}

void SummarizeEdit(ArticleDiff& diff) {
  TagSet tags;
  auto add = [&tags](const std::vector<std::string>& names) {
    for (const std::string& name : names) {
      if (const auto* tag = FindTag(name)) tags.insert(static_cast<Tag>(tag - kTags.data()));
    }
  };
  add(diff.title_tags);
  for (const ParagraphChange& change : diff.paragraphs) add(change.tags);
  diff.tags = tags.InVocabularyOrder();
  double unimportance = 1.0;
  double minor = 0.0;
  for (const std::string& tag : diff.tags) {
    const TagInfo* info = FindTag(tag);
    if (info->substantive) {
      diff.substantive = true;
      unimportance *= 1.0 - info->weight;
    } else {
      minor = std::max(minor, info->weight);
    }
  }
  diff.score = diff.substantive ? 1.0 - unimportance : minor;
}

}  // namespace revwatch
