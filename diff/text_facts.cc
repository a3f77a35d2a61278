#include "diff/text_facts.h"

#include <utf8proc.h>

#include <algorithm>
#include <charconv>

namespace revwatch {
namespace {

// The value of a figure that is a whole number below 1,000, else -1.
int SmallNumber(const std::optional<std::string_view>& figure) {
  if (!figure || figure->empty() || figure->size() > 3) return -1;
  int value = 0;
  for (char c : *figure) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// std::popcount is a library call on baseline x86-64 (no POPCNT), and
// this runs for every token; a few shifts and masks do the same inline.
constexpr std::uint32_t CountBits(std::uint32_t v) {
  v = v - ((v >> 1) & 0x55555555u);
  v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
  v = (v + (v >> 4)) & 0x0F0F0F0Fu;
  return (v * 0x01010101u) >> 24;
}
static_assert(CountBits(0) == 0 && CountBits(0x7FFFF) == 19 && CountBits(0xFFFFFFFFu) == 32);

enum class LetterCase { kLower, kUpper, kNone };

struct CharCase {
  LetterCase letter_case;
  std::size_t length;  // in bytes; 0 where `text` holds no valid UTF-8
};

// The case of the character at `pos` (< text.size()) as utf8proc tells
// it; ASCII and the Cyrillic letters of U+0400-U+045F, nearly every
// capital a news text has, without a table lookup.
CharCase CaseAt(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    const LetterCase letter_case = byte >= 'a' && byte <= 'z'   ? LetterCase::kLower
                                   : byte >= 'A' && byte <= 'Z' ? LetterCase::kUpper
                                                                : LetterCase::kNone;
    return {letter_case, 1};
  }
  if ((byte == 0xD0 || byte == 0xD1) && pos + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[pos + 1]);
    if ((next & 0xC0) == 0x80) {
      const int cp = ((byte & 0x1F) << 6) | (next & 0x3F);
      if (cp < 0x430) return {LetterCase::kUpper, 2};  // Ѐ-Џ, А-Я
      if (cp < 0x460) return {LetterCase::kLower, 2};  // а-я, ѐ-џ
    }
  }
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                  static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) return {LetterCase::kNone, 0};
  const LetterCase letter_case = utf8proc_islower(cp)   ? LetterCase::kLower
                                 : utf8proc_isupper(cp) ? LetterCase::kUpper
                                                        : LetterCase::kNone;
  return {letter_case, static_cast<std::size_t>(n)};
}

// One or two digits of hours and two of minutes ("3", "20"): the hours,
// else nullopt. Each caller bounds them for its own clock.
std::optional<int> ClockHours(std::string_view hours, std::string_view minutes) {
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(hours) || hours.size() > 2 || !digits(minutes) || minutes.size() != 2) {
    return std::nullopt;
  }
  return std::stoi(std::string(hours));
}

// 1-12 with am or pm on a 24-hour clock: "12am" is 0, "11pm" 23.
int TwentyFourHour(int hours, bool pm) { return hours % 12 + (pm ? 12 : 0); }

// The figure of a clock time on a 24-hour clock: "23.15", "1.30".
std::string ClockFigure(int hours, std::string_view minutes) {
  return std::to_string(hours) + "." + std::string(minutes);
}

}  // namespace

bool IsWordish(const Token& t) {
  return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
}

// (The pilcrow joins two paragraphs diffed as one: see JoinParagraphs.)
bool IsSentenceEnd(std::string_view key) {
  return key == "." || key == "!" || key == "?" || key == "\u00b6";
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool StartsWithCapital(std::string_view spelling) {
  return !spelling.empty() && CaseAt(spelling, 0).letter_case == LetterCase::kUpper;
}

TextFacts::TextFacts(const TokenizedText& text, WordLookup& words)
    : text_(text), words_(words), folded_of_(text.vocabulary().FoldedIds()) {
  const Vocabulary& vocabulary = text.vocabulary();
  const std::size_t n = text.tokens.size();
  folded_.resize(n);
  starts_.resize(n);
  match_offsets_.resize(n);
  std::uint32_t slots = 0;
  std::uint32_t lists = 0;
  // One pass over the tokens for the folded words and their masks (from
  // locals: the stores into the members' arrays would otherwise make the
  // compiler load every pointer again for each token).
  const std::span<const Token> tokens = text.tokens;
  const std::span<const int> folded_of = folded_of_;
  for (std::size_t i = 0; i < n; ++i) {
    const int folded = folded_of[static_cast<std::size_t>(tokens[i].key)];
    const std::string_view word = vocabulary.Text(folded);
    const std::uint32_t starts = words.StartMask(folded, word);
    folded_[i] = word;
    starts_[i] = starts;
    lists |= starts;
    match_offsets_[i] = slots;
    slots += CountBits(starts);
  }
  lists_ = lists;
  match_slots_ = slots;
  if ((lists & Bit(LexiconList::kNotSource)) != 0) UnmarkNotSources();
  if ((lists & Bit(LexiconList::kSourceLead)) != 0) UnmarkReasonLeads();
  FindSpeech();
  boilerplate_ = ComputeBoilerplate();
}

void TextFacts::UnmarkNotSources() {
  // The words of "source of funding" or "energy sources" start no source
  // or attribution (fewer bits leave each token's match slots in range).
  // Such a phrase has its source word first or second, so only the
  // source words and the word before each are looked up.
  const std::uint32_t source_bits = Bit(LexiconList::kSource) | Bit(LexiconList::kAttribution);
  for (std::size_t i = 0; i < starts_.size(); ++i) {
    if ((starts_[i] & source_bits) == 0) continue;
    for (std::size_t start = i > 0 ? i - 1 : 0; start <= i; ++start) {
      if ((starts_[start] & Bit(LexiconList::kNotSource)) != 0 &&
          start + lexicon().MatchAt(LexiconList::kNotSource, folded_, start) > i) {
        starts_[i] &= ~source_bits;
        break;
      }
    }
  }
}

void TextFacts::UnmarkReasonLeads() {
  const Lexicon& lexicon = this->lexicon();
  for (std::size_t i = 0; i < starts_.size(); ++i) {
    if ((starts_[i] & Bit(LexiconList::kSourceLead)) == 0 ||
        (starts_[i] & Bit(LexiconList::kAttribution)) == 0) {
      continue;
    }
    const std::size_t lead = lexicon.MatchAt(LexiconList::kSourceLead, folded_, i);
    // A longer [attribution] entry says what it cites: "citing data".
    if (lead == 0 || lexicon.MatchAt(LexiconList::kAttribution, folded_, i) > lead) continue;
    if (!CitedFrom(i + lead)) starts_[i] &= ~Bit(LexiconList::kAttribution);
  }
}

bool TextFacts::CitedFrom(std::size_t i) const {
  // "citing two unnamed officials", "посилаючись на «Укренерго»".
  constexpr std::size_t kWords = 3;
  const std::uint32_t cites = Bit(LexiconList::kSource) | Bit(LexiconList::kInstitution) |
                              Bit(LexiconList::kSpeaksFor) | Bit(LexiconList::kAttribution);
  std::size_t words = 0;
  for (std::size_t j = i; j < starts_.size() && words < kWords; ++j) {
    const Token& token = text_.tokens[j];
    if (token.kind == TokenKind::kQuote) continue;
    if (token.kind == TokenKind::kPunct) return false;
    ++words;
    if (token.kind != TokenKind::kWord) continue;
    if (token.key != FoldedId(j) && StartsWithCapital(text_.Text(j))) return true;
    if ((starts_[j] & cites) == 0) continue;
    for (const LexiconList list : {LexiconList::kSource, LexiconList::kInstitution,
                                   LexiconList::kSpeaksFor, LexiconList::kAttribution}) {
      if ((starts_[j] & Bit(list)) != 0 && lexicon().MatchAt(list, folded_, j) > 0) return true;
    }
  }
  return false;
}

int TextFacts::OwnFigure(std::size_t i) const {
  const Token& t = text_.tokens[i];
  return words_.TokenFigure(t.key, t.kind, [&] { return FigureValue(i); });
}

void TextFacts::ComputeFigures() const {
  figures_found_ = true;
  const std::size_t n = text_.tokens.size();
  figure_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = text_.tokens[i];
    figure_[i] = words_.TokenFigure(t.key, t.kind, [&] { return FigureValue(i); });
  }
  part_of_figure_ = words_.InternFigure("");
  ReadNumberPhrases();
  // Joining only ever starts at a figure, and the joins make no token a
  // figure that the passes could start at (see each), so they visit these
  // positions only: few tokens of a text are figures.
  // Reused from text to text (a long comparison has thousands).
  thread_local std::vector<std::size_t> figures;
  figures.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (IsFigure(i)) figures.push_back(i);
  }
  JoinCompoundNumbers(figures);
  // Each pass starts at figures no join of its own took in already; like
  // JoinCompoundNumbers, neither makes any other token a figure.
  auto join_from_figures = [](auto join) {
    std::size_t next = 0;  // where the pass goes on
    for (const std::size_t i : figures) {
      if (i >= next) next = join(i);
    }
  };
  join_from_figures([this](std::size_t i) { return JoinMagnitude(i); });
  join_from_figures([this](std::size_t i) { return JoinUnit(i); });
  join_from_figures([this](std::size_t i) { return JoinClockTime(i); });
  join_from_figures([this](std::size_t i) { return JoinMeridiem(i); });
  join_from_figures([this](std::size_t i) { return JoinDate(i); });
  join_from_figures([this](std::size_t i) { return JoinSign(i); });
}

int TextFacts::DayAt(std::size_t i) const {
  const auto plain = PlainNumber(i);
  if (!plain || plain->value.empty() || plain->value.size() > 2 ||
      plain->value.find('.') != std::string_view::npos) {
    return 0;
  }
  int day = 0;
  std::from_chars(plain->value.data(), plain->value.data() + plain->value.size(), day);
  return day >= 1 && day <= 31 ? day : 0;
}

// "14 August", "August 14", "Aug. 14th", "14-го августа", "14 серпня" and
// "14.08" (house styles differ) are one date: the figure "14.08", with
// ".2025" when a year follows ("14 августа 2025 года" is "14.08.2025").
// Returns where the pass goes on.
std::size_t TextFacts::JoinDate(std::size_t i) const {
  const std::size_t n = figure_.size();
  auto past_parts = [&](std::size_t j) {
    while (j < n && figure_[j] == part_of_figure_) ++j;
    return j;
  };
  auto month_at = [&](std::size_t j) {
    if (j >= n || (starts_[j] & Bit(LexiconList::kMonth)) == 0) return 0;
    return words_.Of(FoldedId(j), folded_[j]).month;
  };
  int day = 0;
  int month = 0;
  std::size_t end = i + 1;
  std::size_t after = past_parts(i + 1);
  if (after < n && folded_[after] == "of") ++after;
  if (const int written = month_at(i)) {  // "August 14", "Aug. 14"
    std::size_t j = i + 1;
    if (j < n && text_.Key(j) == ".") ++j;
    if (j < n && (day = DayAt(j)) != 0) {
      month = written;
      end = past_parts(j + 1);
    }
  } else if ((month = month_at(after)) != 0) {  // "14 August", "14th of August"
    day = DayAt(i);
    end = after + 1;
  } else if (text_.tokens[i].kind == TokenKind::kNumber && text_.Key(i)[0] == '0') {
    // "01.08" is "1.08", as "1 August" is.
    const std::string_view value = text_.Key(i);
    if (value.size() >= 5 && value[2] == '.' && value[1] != '0') {
      figure_[i] = words_.InternFigure(std::string(value.substr(1)));
    }
    return i + 1;
  }
  if (day == 0 || month == 0) return i + 1;
  std::string date = std::to_string(day) + (month < 10 ? ".0" : ".") + std::to_string(month);
  // A year after it: "14 August 2025", "August 14, 2025", "14 Aug. 2025".
  std::size_t year = end < n && (text_.Key(end) == "," || text_.Key(end) == ".") ? end + 1 : end;
  if (year < n && text_.tokens[year].kind == TokenKind::kNumber) {
    const std::string_view digits = text_.Key(year);
    if (digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20"))) {
      date += '.';
      date += digits;
      end = year + 1;
    }
  }
  figure_[i] = words_.InternFigure(date);
  for (std::size_t k = i + 1; k < end; ++k) figure_[k] = part_of_figure_;
  return end;
}

// "minus nine degrees", "мінус дев'ять", "-9": a sign before a figure is
// part of it ("-9-°"), so that minus nine is not nine. A sign word is a
// [number-word] whose value is "-"; without a figure after it ("plus or
// minus") it is none. A "-" is a sign when it stands apart before and is
// written together with the figure ("to -9", not "2023-24" or "- 9").
// Returns where the pass goes on.
std::size_t TextFacts::JoinSign(std::size_t i) const {
  const std::size_t n = figure_.size();
  const auto value = FigureAt(i);
  if (!value || value->empty()) return i + 1;
  if (*value == "-") {
    const std::size_t j = i + 1;
    const auto next = j < n ? FigureAt(j) : std::nullopt;
    if (!next || next->empty() || *next == "-") {
      figure_[i] = WordLookup::kNoFigure;
      return i + 1;
    }
    figure_[i] = words_.InternFigure("-" + std::string(*next));
    figure_[j] = part_of_figure_;
    return j + 1;
  }
  const Token& token = text_.tokens[i];
  if (i >= 1 && text_.Key(i - 1) == "-" && !token.space_before &&
      (i == 1 || (text_.tokens[i - 1].space_before && !IsFigure(i - 2)))) {
    // The sign heads the figure, so that a run of the sign alone changes it.
    figure_[i - 1] = words_.InternFigure("-" + std::string(*value));
    figure_[i] = part_of_figure_;
  }
  return i + 1;
}

// "10 a.m.", "6.15 p.m.", "11 PM", "шостої ранку", "в 11 часов вечера": the
// hours and minutes before them as a 24-hour clock time, "10.00", "18.15",
// "23.00", as ClockValue makes "10am" and JoinClockTime "18:15". The
// [day-part] list holds the words of the day ("вечора = pm"); "a.m." is
// three tokens. Returns where the pass goes on.
std::size_t TextFacts::JoinMeridiem(std::size_t i) const {
  const std::size_t n = figure_.size();
  std::size_t j = i + 1;
  while (j < n && figure_[j] == part_of_figure_) ++j;  // past "3:20"'s minutes
  const auto value = FigureAt(i);
  if (j >= n || !value) return i + 1;
  std::string_view v = *value;
  // An hour written out ("шостої" is "6-й") or with its unit ("6-h" of
  // "6 часов", whose unit word comes next).
  for (const std::string_view suffix : {"-й", "th", "-h"}) {
    if (v.ends_with(suffix)) {
      if (suffix == "-h" && j + 1 < n && MatchAt(LexiconList::kUnit, j) == 1) ++j;
      v.remove_suffix(suffix.size());
      break;
    }
  }
  std::string_view part;
  std::size_t end = j + 1;
  if ((folded_[j] == "a" || folded_[j] == "p") && j + 2 < n && folded_[j + 1] == "." &&
      folded_[j + 2] == "m") {
    part = folded_[j] == "p" ? "pm" : "am";
    end = j + 3;
  } else if (MatchAt(LexiconList::kDayPart, j) == 1) {
    part = words_.lexicon().EntryValue(LexiconList::kDayPart, folded_[j]).value_or("");
  }
  if (part.empty()) return i + 1;
  const std::size_t mark = v.find('.');
  const std::string_view hours = v.substr(0, mark);
  const std::string_view minutes = mark == std::string_view::npos ? "00" : v.substr(mark + 1);
  const auto h = ClockHours(hours, minutes);
  if (!h || *h < 1 || *h > 12) return i + 1;
  // At night, nine is 21.00 and two is 2.00.
  const bool pm = part == "pm" || (part == "night" && *h >= 6 && *h < 12);
  figure_[i] = words_.InternFigure(ClockFigure(TwentyFourHour(*h, pm), minutes));
  for (std::size_t k = i + 1; k < end; ++k) figure_[k] = part_of_figure_;
  return end;
}

// "3:20" written "3.20" (house styles differ: "3:20 a.m.", "3.20am", "о
// 15.30", "23:15" for "11.15pm"): hours, a colon and two digits of
// minutes, written together, are the figure "3.20". Returns where the
// pass goes on.
std::size_t TextFacts::JoinClockTime(std::size_t i) const {
  const std::size_t n = figure_.size();
  if (i + 2 >= n || text_.tokens[i].kind != TokenKind::kNumber ||
      text_.tokens[i + 2].kind != TokenKind::kNumber || text_.Key(i + 1) != ":") {
    return i + 1;
  }
  const std::string_view hours = text_.Text(i);
  const std::string_view colon = text_.Text(i + 1);
  const std::string_view minutes = text_.Text(i + 2);
  const bool together = hours.data() + hours.size() == colon.data() &&
                        colon.data() + colon.size() == minutes.data();
  const auto h = ClockHours(hours, minutes);
  if (!together || !h || *h > 24 || minutes[0] > '5') return i + 1;
  figure_[i] = words_.InternFigure(ClockFigure(*h, minutes));  // "01:30" is "1.30"
  // (The colon too, so that "3:[-20-]{+40+}" finds its head.)
  figure_[i + 1] = part_of_figure_;
  figure_[i + 2] = part_of_figure_;
  return i + 3;
}

bool TextFacts::IsFigureSoFar(std::size_t i) const {
  if (!figures_found_) {
    // Only a number phrase starting at or before i can make it a figure
    // when its own word is none; joining compounds, magnitudes and units changes
    // values, never whether a token is a figure.
    bool phrase = false;
    for (std::size_t j = 0; j <= i; ++j) {
      phrase |= (starts_[j] & Bit(LexiconList::kNumberWord)) != 0;
    }
    if (!phrase) return OwnFigure(i) != WordLookup::kNoFigure;
    ComputeFigures();
  }
  return IsFigure(i);
}

std::size_t TextFacts::KnownMatch(LexiconList list, std::size_t pos) const {
  // Only entries of one word start here: matched, whatever follows.
  if ((words_.MultiWordMask(FoldedId(pos)) & Bit(list)) == 0) return 1;
  if (matches_.empty()) matches_.assign(match_slots_, kUnknownMatch);
  // The slot of `list` among the lists this token may start.
  const std::size_t slot =
      match_offsets_[pos] +
      CountBits(starts_[pos] & (Bit(list) - 1));
  std::uint8_t& known = matches_[slot];
  if (known != kUnknownMatch) return known;
  const std::size_t length = words_.lexicon().MatchAt(list, folded_, pos);
  if (length < kUnknownMatch) known = static_cast<std::uint8_t>(length);
  return length;
}

int TextFacts::MatchedEntry(LexiconList list, std::size_t pos) const {
  if (MatchAt(list, pos) == 0) return -1;
  const int id = FoldedId(pos);
  if ((words_.MultiWordMask(id) & Bit(list)) == 0) {
    return words_.SingleWordEntry(list, id, folded_, pos);
  }
  return words_.lexicon().MatchedEntry(list, folded_, pos);
}

namespace {

// "2-year", "two-year", "5-km", "5-kilometre", "29-летний": a number and
// the unit of measure joined to it are the number and the unit's symbol,
// as "2 years" and "5 km" written apart are ("2-y", "5-km"), so that the
// unit's spelling and ending are no change of figure. Units with digits
// stay as written.
std::string NumberWithUnit(std::string_view digits, std::string_view unit,
                           const Lexicon& lexicon) {
  for (const char c : unit) {
    if (c >= '0' && c <= '9') return std::string(digits) + "-" + std::string(unit);
  }
  // Any other word is no unit of measure: "46-pupil school" is "a school
  // of 46 pupils", as "46" (a unit the lists lack would otherwise never
  // match the number and the noun written apart).
  const auto symbol = lexicon.UnitSymbol(unit);
  if (!symbol) return std::string(digits);
  return std::string(digits) + "-" + std::string(*symbol);
}

// "11.15pm", "1.30am", "3pm": a clock time as the figure "23.15", "1.30",
// "15.00", as JoinClockTime makes "23:15", "01:30" and "15:00".
std::optional<std::string> ClockValue(std::string_view word) {
  if (word.size() < 3 || !(word.ends_with("am") || word.ends_with("pm"))) return std::nullopt;
  const bool pm = word.ends_with("pm");
  word.remove_suffix(2);
  std::string_view hours = word;
  std::string_view minutes = "00";
  if (const std::size_t mark = word.find_first_of(".:"); mark != std::string_view::npos) {
    hours = word.substr(0, mark);
    minutes = word.substr(mark + 1);
  }
  const auto h = ClockHours(hours, minutes);
  if (!h || *h < 1 || *h > 12 || minutes[0] > '5') return std::nullopt;
  return ClockFigure(TwentyFourHour(*h, pm), minutes);
}

std::string NumberValue(std::string_view key);

// "7-й", "3-го", "21st", "7th" are the number they start with; a name
// joined to a number ("ТЭЦ-2", "COVID-19") is that number; other words
// with digits ("5G") stay as written.
std::string OrdinalDigits(std::string_view word, const Lexicon& lexicon) {
  std::size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  // "2,800-passenger", "1.5-litre": a number with its separators before
  // the noun, as "2,800 passengers" and "1.5 litres" written apart.
  std::size_t number = digits;
  while (digits > 0 && number + 1 < word.size() && (word[number] == ',' || word[number] == '.') &&
         word[number + 1] >= '0' && word[number + 1] <= '9') {
    ++number;
    while (number < word.size() && word[number] >= '0' && word[number] <= '9') ++number;
  }
  if (number > digits && number + 1 < word.size() && word[number] == '-' &&
      !lexicon.NumberValue(word.substr(number + 1))) {
    return NumberWithUnit(NumberValue(word.substr(0, number)), word.substr(number + 1), lexicon);
  }
  if (digits == 0) {
    // "ТЭЦ-2", "Су-27": a name and its number; the number is the figure
    // ("теплоэлектроцентраль № 2" is the same one).
    const std::size_t hyphen = word.rfind('-');
    if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < word.size() &&
        word.find_first_not_of("0123456789", hyphen + 1) == std::string_view::npos &&
        !HasDigit(word.substr(0, hyphen))) {
      return std::string(word.substr(hyphen + 1));
    }
    return std::string(word);
  }
  if (digits == word.size()) return std::string(word);
  std::string_view rest = word.substr(digits);
  if (rest.front() == '-') rest.remove_prefix(1);
  static constexpr std::string_view kSuffixes[] = {
      "st", "nd", "rd", "th", "й", "я", "е", "го", "му", "ми", "х", "ий", "ій", "ої", "ого",
      "ому", "ая", "ое", "ой", "ым", "ых", "та", "те", "ту", "ті", "ї", "ю", "м", "тих"};
  // "1990-е", "1990-х", "1990-ті" are the 1990s, not the year 1990.
  const bool decade = digits == 4 && word[3] == '0';
  for (const std::string_view suffix : kSuffixes) {
    if (rest == suffix) {
      const bool plural = suffix == "е" || suffix == "х" || suffix == "ых" || suffix == "ті" ||
                          suffix == "тих";
      // "1990-х" is written "1990s" in English.
      return std::string(word.substr(0, digits)) + (decade && plural ? "s" : "");
    }
    // "19th-century": an ordinal and its unit.
    if (rest.size() > suffix.size() + 1 && rest.starts_with(suffix) &&
        rest[suffix.size()] == '-') {
      return NumberWithUnit(word.substr(0, digits), rest.substr(suffix.size() + 1), lexicon);
    }
  }
  if (word[digits] == '-') return NumberWithUnit(word.substr(0, digits), rest, lexicon);
  // "2km", "40mm": a number and a unit written together, as "2 km" (two
  // letters at least: "1990s" is a decade; but "9C" is 9 degrees).
  if (const auto symbol = lexicon.UnitSymbol(rest);
      symbol && (rest.size() >= 2 || *symbol == "°")) {
    return NumberWithUnit(word.substr(0, digits), rest, lexicon);
  }
  return std::string(word);
}

// "1,250": a comma that may be a decimal one or a thousands one.
bool IsThousandsComma(std::string_view key) {
  const std::size_t comma = key.find(',');
  if (comma == std::string_view::npos) return false;
  std::size_t digits = 0;  // "1,500%" keeps its sign
  while (comma + 1 + digits < key.size() && key[comma + 1 + digits] >= '0' &&
         key[comma + 1 + digits] <= '9') {
    ++digits;
  }
  return digits == 3;
}

// A number's digits without separators. A single comma with one, two or
// more than three digits after it ("1,5", "2,01", "0,4567") can only be a
// decimal comma, and is a point; "1,500" is fifteen hundred.
std::string NumberValue(std::string_view key) {
  const std::size_t comma = key.find(',');
  const bool decimal = comma != std::string_view::npos && !IsThousandsComma(key) &&
                       key.find_first_of(",.", comma + 1) == std::string_view::npos &&
                       key.find('.') == std::string_view::npos;
  std::string value;
  for (const char c : key) {
    if (c == ',' && decimal) {
      value += '.';
    } else if (c != ' ' && c != ',') {
      value += c;
    }
  }
  // "48,60" is "48,6" and "2,0" is "2": a price's or a measure's trailing
  // zeros after a decimal comma ("15.30" may be a time).
  const std::size_t point = value.find('.');
  if (decimal && point != std::string::npos && point > 0 &&
      value.find_first_not_of("0123456789", point + 1) == std::string::npos) {
    while (value.back() == '0') value.pop_back();
    if (value.back() == '.') value.pop_back();
  }
  return value;
}

// `number` times a magnitude ("K", "M", "B"), in digits: "1.25" and "B"
// give "1250000000"; nullopt for another magnitude or more decimals than
// it has zeros.
std::optional<std::string> Scaled(std::string_view number, std::string_view magnitude) {
  const std::size_t zeros = magnitude == "K" ? 3 : magnitude == "M" ? 6 : magnitude == "B" ? 9 : 0;
  const std::size_t point = std::min(number.find('.'), number.size());
  const std::string_view fraction = point < number.size() ? number.substr(point + 1) : "";
  if (zeros == 0 || number.empty() || fraction.size() > zeros ||
      number.find_first_not_of("0123456789.") != std::string_view::npos ||
      fraction.find('.') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string value = std::string(number.substr(0, point)) + std::string(fraction) +
                      std::string(zeros - fraction.size(), '0');
  value.erase(0, std::min(value.find_first_not_of('0'), value.size() - 1));
  return value;
}

}  // namespace

// "forty-two", "twenty-three": a tens word and a unit word joined by a
// hyphen, as digits; nullopt for other hyphenated words.
std::optional<std::string> TextFacts::HyphenatedNumber(std::string_view word) const {
  const std::size_t hyphen = word.find('-');
  if (word.find('-', hyphen + 1) != std::string_view::npos) return std::nullopt;
  const Lexicon& lexicon = words_.lexicon();
  const auto tens = lexicon.NumberValue(word.substr(0, hyphen));
  const auto unit = lexicon.NumberValue(word.substr(hyphen + 1));
  const int t = SmallNumber(tens);
  const int u = SmallNumber(unit);
  // A number word and a unit ("two-year" as "2-year"), from two up
  // ("one-sided", "one-off" are no figures).
  if (t >= 2 && t <= 99 && !unit) {
    return NumberWithUnit(std::to_string(t), word.substr(hyphen + 1), lexicon);
  }
  // An ordinal before a noun, "second-round" as "second round" is, and
  // "nineteenth-century" as "19th-century".
  if (tens && HasDigit(*tens) && !unit) {
    return NumberWithUnit(OrdinalDigits(*tens, lexicon), word.substr(hyphen + 1), lexicon);
  }
  if (t >= 20 && t <= 90 && t % 10 == 0 && u >= 1 && u <= 9) return std::to_string(t + u);
  // "дві-три", "five-six": a range, the figure "2-3" (its ends, written in
  // digits apart, "2–3", are paired with it: see DifferentFigures).
  if (t >= 1 && u > t) return std::to_string(t) + "-" + std::to_string(u);
  return std::nullopt;
}

// "двадцатитрехлетней", "п'ятиповерховий": number words in the genitive
// compounded with a unit, as "23-летней" is "23-y". Tens and a unit
// ("двадцати" + "трех") add up.
std::optional<std::string> TextFacts::CompoundedNumber(std::string_view word) const {
  constexpr std::size_t kMinLetters = 8;  // "пятилетний"; "сотня" is no compound
  // (Cyrillic only: English writes "five-year", which HyphenatedNumber
  // reads.)
  if (word.empty() || static_cast<unsigned char>(word[0]) < 0xD0) return std::nullopt;
  const std::size_t letters = CharacterCount(word);
  if (letters < kMinLetters) return std::nullopt;
  const Lexicon& lexicon = words_.lexicon();
  // The unit: the longest ending the [unit] list has, three letters up.
  for (std::size_t cut = 3; cut + 3 <= letters; ++cut) {
    const std::size_t at = FirstCharacters(word, cut).size();
    const std::string_view unit = word.substr(at);
    if (!lexicon.UnitSymbol(unit)) continue;
    const std::string_view numbers = word.substr(0, at);
    if (const int whole = SmallNumber(lexicon.NumberValue(numbers)); whole > 0) {
      return NumberWithUnit(std::to_string(whole), unit, lexicon);
    }
    const std::size_t count = CharacterCount(numbers);
    for (std::size_t split = 3; split + 3 <= count; ++split) {
      const std::size_t middle = FirstCharacters(numbers, split).size();
      const int tens = SmallNumber(lexicon.NumberValue(numbers.substr(0, middle)));
      const int ones = SmallNumber(lexicon.NumberValue(numbers.substr(middle)));
      if (tens >= 20 && tens <= 90 && tens % 10 == 0 && ones >= 1 && ones <= 9) {
        return NumberWithUnit(std::to_string(tens + ones), unit, lexicon);
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// Normalised value of a figure: a number without separators, a number
// word as digits, a magnitude, month or weekday as the word.
std::optional<std::string> TextFacts::FigureValue(std::size_t i) const {
  const Token& t = text_.tokens[i];
  const std::string_view folded = folded_[i];
  if (t.kind == TokenKind::kNumber) return NumberValue(text_.Key(i));
  if (t.kind != TokenKind::kWord) return std::nullopt;
  if (HasDigit(folded)) {
    if (auto clock = ClockValue(folded)) return clock;
    return OrdinalDigits(folded, words_.lexicon());
  }
  auto figure = words_.Of(FoldedId(i), folded).figure;
  if (!figure && folded.find('-') != std::string_view::npos) return HyphenatedNumber(folded);
  if (!figure) return CompoundedNumber(folded);
  // "first = 1st" in the lists: the same digits as a written "1st".
  if (figure && HasDigit(*figure)) return OrdinalDigits(*figure, words_.lexicon());
  return figure;
}


// "per cent" is "%": a listed phrase with a value is one figure, carried by
// its first word.
void TextFacts::ReadNumberPhrases() const {
  const std::size_t n = figure_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t length = MatchAt(LexiconList::kNumberWord, i);
    if (length < 2) continue;
    std::string phrase(folded_[i]);
    for (std::size_t k = i + 1; k < i + length; ++k) phrase += ' ' + std::string(folded_[k]);
    auto value = words_.lexicon().NumberValue(phrase);
    if (!value) continue;
    figure_[i] = words_.InternFigure(*value);
    for (std::size_t k = i + 1; k < i + length; ++k) figure_[k] = part_of_figure_;
    i += length - 1;
  }
}

// "twenty two", "двадцять дві", "сто п'ять": number words that add up are
// one figure, so that "двадцять дві" -> "22" is no change of value. The
// first word takes the sum and the others an empty value (part of it).
// (The "hundred" a unit word multiplies may become a figure here; it is
// passed over.)
void TextFacts::JoinCompoundNumbers(const std::vector<std::size_t>& figures) const {
  const std::size_t n = figure_.size();
  std::size_t next = 0;  // where the loop over all tokens would go on
  for (std::size_t i : figures) {
    if (i < next) continue;
    next = i + 1;
    if (text_.tokens[i].kind != TokenKind::kWord) continue;
    int total = SmallNumber(FigureAt(i));
    // "three hundred": a unit word times "hundred".
    if (total >= 1 && total <= 9 && i + 1 < n && folded_[i + 1] == "hundred") {
      total *= 100;
      figure_[i + 1] = part_of_figure_;
      ++i;
      std::size_t j = i + 1;
      // "five hundred and twelve"
      if (j + 1 < n && folded_[j] == "and" && text_.tokens[j + 1].kind == TokenKind::kWord) {
        const int part = SmallNumber(FigureAt(j + 1));
        if (part > 0 && part < 100) figure_[j++] = part_of_figure_;
      }
      for (; j < n && text_.tokens[j].kind == TokenKind::kWord; ++j) {
        const int part = SmallNumber(FigureAt(j));
        const bool fits = total % 100 == 0 ? part > 0 && part < 100
                                           : total % 10 == 0 && part > 0 && part < 10;
        if (!fits) break;
        total += part;
        figure_[j] = part_of_figure_;
      }
      figure_[i - 1] = words_.InternFigure(std::to_string(total));
      next = j;
      continue;
    }
    if (total < 20 || total % 10 != 0) continue;
    std::size_t j = i + 1;
    for (; j < n && text_.tokens[j].kind == TokenKind::kWord; ++j) {
      const int part = SmallNumber(FigureAt(j));
      // Each part must fit below the last: 100 + 20 + 5, 20 + 2.
      const int unit = total % 100 == 0 ? 100 : 10;
      if (part <= 0 || part >= unit || (unit == 10 && total % 10 != 0)) break;
      total += part;
      figure_[j] = part_of_figure_;
    }
    if (j > i + 1) {
      figure_[i] = words_.InternFigure(std::to_string(total));
      next = j;
    }
  }
}

// "1.25 billion", "38 млн", "тридцати пяти тысяч": a number (in digits or
// words) and a magnitude word are one figure in digits, so that
// "1,250,000,000" -> "1.25 billion" and "тридцати пяти тысяч" -> "35 тысяч"
// are no change of value. "12,4 млрд" and "1,5 млн" have a decimal comma;
// "1,250 million" is left alone, as its comma may be either. (A token
// JoinCompoundNumbers made a figure has an empty value: no number to
// join.)
std::size_t TextFacts::JoinMagnitude(std::size_t i) const {
  const std::size_t n = figure_.size();
  if (text_.tokens[i].kind == TokenKind::kWord && HasDigit(folded_[i])) {
    ReadGluedMagnitude(i);
    return i + 1;
  }
  const auto plain = PlainNumber(i);
  if (!plain) return i + 1;
  const std::size_t j = plain->next;
  // "1,500" may have a decimal comma ("1,500 млрд" is 1.5 billion), but
  // not before an English magnitude: "1,500 million" is 1.5 billion too.
  if (text_.tokens[i].kind == TokenKind::kNumber && IsThousandsComma(text_.Key(i)) &&
      (j >= n || static_cast<unsigned char>(folded_[j][0]) >= 0x80)) {
    return i + 1;
  }
  const auto magnitude = j < n ? FigureAt(j) : std::nullopt;
  if (!magnitude) return i + 1;
  const auto value = Scaled(plain->value, *magnitude);
  if (!value) return i + 1;
  figure_[i] = words_.InternFigure(*value);
  figure_[j] = part_of_figure_;
  // "from one to two million": the number before a range word right
  // before this one shares its magnitude (its own was never joined), when
  // it is the smaller ("in 2019 and 2 million" is no range).
  // So does one before a dash: "300–500 тысяч".
  const std::string_view between = i >= 2 ? text_.Key(i - 1) : std::string_view();
  const bool dash = between == "-" || between == "\u2013" || between == "\u2014";
  if (i >= 2 && (dash || MatchAt(LexiconList::kRangeWord, i - 1) == 1)) {
    auto number = [](std::string_view digits) {
      double parsed = 0;
      const auto [end, error] =
          std::from_chars(digits.data(), digits.data() + digits.size(), parsed);
      return error == std::errc() && end == digits.data() + digits.size() ? parsed : -1.0;
    };
    if (const auto first = PlainNumber(i - 2);
        first && first->next == i - 1 && number(first->value) >= 0 &&
        number(first->value) < number(plain->value)) {
      if (const auto scaled = Scaled(first->value, *magnitude)) {
        figure_[i - 2] = words_.InternFigure(*scaled);
      }
    }
  }
  return j + 1;
}

// "£3.2m", "$4bn", "€15k", "1,5млрд": a number and a magnitude written as
// one word are the number in digits, as "£3.2 million" is. "m" and "k"
// are magnitudes only after a currency sign ("100m" may be metres).
// Joined by hyphens, with what it counts: "140-million-euro" is "140
// million euros", "5-million-tonne" "5 million tonnes".
void TextFacts::ReadGluedMagnitude(std::size_t i) const {
  const std::string_view word = folded_[i];
  const std::size_t digits = word.find_first_not_of("0123456789.,");
  if (digits == 0 || digits == std::string_view::npos) return;
  std::string_view suffix = word.substr(digits);
  std::string_view unit;  // what a hyphenated one counts
  const bool hyphenated = suffix.size() > 1 && suffix[0] == '-';
  if (hyphenated) {
    suffix.remove_prefix(1);
    if (const std::size_t hyphen = suffix.find('-'); hyphen != std::string_view::npos) {
      unit = suffix.substr(hyphen + 1);
      suffix = suffix.substr(0, hyphen);
    }
  }
  std::optional<std::string> magnitude = words_.lexicon().NumberValue(suffix);
  if (!hyphenated && (suffix == "m" || suffix == "k")) {
    const std::string_view before = i > 0 ? text_.Key(i - 1) : "";
    if (before != "£" && before != "$" && before != "€") return;
    magnitude = suffix == "m" ? "M" : "K";
  }
  if (!magnitude) return;
  if (const auto value = Scaled(NumberValue(word.substr(0, digits)), *magnitude)) {
    figure_[i] = words_.InternFigure(
        unit.empty() ? *value : NumberWithUnit(*value, unit, words_.lexicon()));
  }
}

std::optional<TextFacts::PlainNumberAt> TextFacts::PlainNumber(std::size_t i) const {
  const int id = figure_[i];
  if (id == WordLookup::kNoFigure || !words_.IsPlainNumberFigure(id)) return std::nullopt;
  std::size_t next = i + 1;  // past the other words of "тридцати пяти"
  while (next < figure_.size() && figure_[next] == part_of_figure_) ++next;
  return PlainNumberAt{words_.FigureText(id), next};
}

// "5 km", "five kilometres", "140 mm", "50 %": a number and the unit after it are
// one figure, written as "five-kilometre" or "5-km" would be ("5-km"), so
// that the unit's spelling is no change and another unit is one.
std::size_t TextFacts::JoinUnit(std::size_t i) const {
  const auto plain = PlainNumber(i);
  if (!plain || plain->next == figure_.size()) return i + 1;
  const std::string_view number = plain->value;
  std::size_t j = plain->next;
  // "11 тис. гектарів": past the point of an abbreviated magnitude, before
  // a lower-case word.
  if (j + 1 < figure_.size() && figure_[j - 1] == part_of_figure_ && text_.Key(j) == "." &&
      !StartsWithCapital(text_.Text(j + 1))) {
    ++j;
  }
  // "50 %", "50 percent": "50%", as "half = 50%" is.
  if (FigureAt(j) == "%") {
    figure_[i] = words_.InternFigure(std::string(number) + "%");
    figure_[j] = part_of_figure_;
    return j + 1;
  }
  if (MatchAt(LexiconList::kUnit, j) != 1) return i + 1;
  const auto symbol = words_.lexicon().UnitSymbol(folded_[j]);
  // "в 2023 году" is the year 2023, as "в 2023 г." and "in 2023" are.
  if (!symbol || (*symbol == "y" && number.size() == 4)) return i + 1;
  figure_[i] = words_.InternFigure(std::string(number) + "-" + std::string(*symbol));
  return j + 1;
}

bool TextFacts::IsSentenceStart(std::size_t i) const {
  std::size_t j = i;
  while (j > 0 && text_.tokens[j - 1].kind == TokenKind::kQuote) --j;
  return j == 0 || IsSentenceEnd(text_.Key(j - 1)) || text_.Key(j - 1) == ":";
}

bool TextFacts::IsCapitalised(std::size_t i) const {
  const Token& token = text_.tokens[i];
  // A word equal to its lower-cased form has no capital at all: the
  // common case, answered without looking at its letters.
  if (token.kind != TokenKind::kWord || token.key == FoldedId(i) || IsFigure(i)) return false;
  return StartsWithCapital(text_.Text(i));
}

bool TextFacts::IsAllCaps(std::string_view text) {
  int letters = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const CharCase c = CaseAt(text, pos);
    if (c.length == 0 || c.letter_case == LetterCase::kLower) return false;
    letters += c.letter_case == LetterCase::kUpper ? 1 : 0;
    pos += c.length;
  }
  return letters >= 2;
}

// A capitalised word is a name ("Reuters", "Kelly", an acronym) unless it
// only starts a sentence: a sentence-initial word counts when it is an
// acronym or occurs capitalised mid-sentence too, never when it is a
// function word.
const std::vector<int>& TextFacts::AllFigures() const {
  if (!all_figures_) {
    FindFigures();
    // Collected in a buffer reused from text to text, then copied at its
    // size: one allocation per text instead of one per growth.
    thread_local std::vector<int> figures;
    figures.clear();
    // "27%", "27 %" and "27 per cent" are the same figures: a percent sign
    // counts on its own.
    bool percent = false;
    for (std::size_t i = 0; i < figure_.size(); ++i) {
      // Most tokens are no figure, or part of the one before: told by id.
      const int id = figure_[i];
      if (id == WordLookup::kNoFigure) {
        if (text_.tokens[i].kind == TokenKind::kPunct && text_.Key(i) == "%") percent = true;
        continue;
      }
      if (id == part_of_figure_) continue;  // the empty value
      const std::string_view figure = words_.FigureText(id);
      // "one", "одной" are as often "a" or "one of" as a count: a rewrite
      // that adds one is no changed figure (the run that changes one
      // still sees it).
      if (figure == "1" && text_.tokens[i].kind == TokenKind::kWord) continue;
      if (figure.size() > 1 && figure.back() == '%') {
        figures.push_back(words_.InternFigure(figure.substr(0, figure.size() - 1)));
        percent = true;
      } else if (figure == "%") {
        percent = true;
      } else {
        figures.push_back(id);
      }
    }
    // Whether percentages are spoken of, not how often the sign is
    // written: "from six to four per cent" is "from 6% to 4%".
    if (percent) figures.push_back(words_.InternFigure("%"));
    std::sort(figures.begin(), figures.end());
    all_figures_.emplace(figures.begin(), figures.end());
  }
  return *all_figures_;
}

void TextFacts::FindNames() const {
  if (names_found_) return;
  names_found_ = true;
  FindFigures();  // (IsCapitalised asks)
  const std::size_t n = text_.tokens.size();
  name_.assign(n, 0);
  // Reused from text to text (a long comparison has thousands).
  thread_local std::vector<int> mid_sentence;  // folded ids, sorted below
  thread_local std::vector<std::size_t> sentence_starts;
  mid_sentence.clear();
  sentence_starts.clear();
  // (From locals: stores into name_, bytes, may alias any member.)
  const std::span<const Token> tokens = text_.tokens;
  const std::span<const int> folded_of = folded_of_;
  for (std::size_t i = 0; i < n; ++i) {
    // (Most words are lower case: IsCapitalised's first test, inline.)
    const int folded = folded_of[static_cast<std::size_t>(tokens[i].key)];
    if (tokens[i].key == folded || !IsCapitalised(i)) continue;
    // "10 Mbit/s", "9 C": a unit after its number, whatever its capitals.
    if (i > 0 && IsFigure(i - 1) && MatchAt(LexiconList::kUnit, i) == 1) continue;
    if (IsSentenceStart(i)) {
      sentence_starts.push_back(i);
    } else {
      name_[i] = 1;
      mid_sentence.push_back(folded);
      all_names_.push_back(folded_[i]);
    }
  }
  std::sort(mid_sentence.begin(), mid_sentence.end());
  for (const std::size_t i : sentence_starts) {
    if (words_.Of(FoldedId(i), folded_[i]).function_word) continue;
    name_[i] = IsAllCaps(text_.Text(i)) ||
               std::binary_search(mid_sentence.begin(), mid_sentence.end(),
                                  FoldedId(i));
    if (name_[i]) all_names_.push_back(folded_[i]);
  }
  // (Collected as found, in no order: sorted and made distinct here.)
  std::sort(all_names_.begin(), all_names_.end());
  all_names_.erase(std::unique(all_names_.begin(), all_names_.end()), all_names_.end());
}

// Quoted speech: a quotation of at least three words between double-style
// marks, or between single marks that open before a word and close after
// one ('callous and calculated'); a single mark inside or after a word is
// an apostrophe (the Smiths' house).
void TextFacts::FindSpeech() {
  const std::size_t n = text_.tokens.size();
  speech_.assign(n, false);
  // The marks, found in one pass: most paragraphs have none or a few.
  std::vector<std::size_t> marks;
  for (std::size_t i = 0; i < n; ++i) {
    if (text_.tokens[i].kind == TokenKind::kQuote) marks.push_back(i);
  }
  if (marks.empty()) return;
  MarkQuotations(marks, /*single=*/false);
  MarkQuotations(marks, /*single=*/true);
}

bool TextFacts::IsSingleMark(std::string_view mark) {
  return mark == "'" || mark == "\u2018" || mark == "\u2019";
}

void TextFacts::MarkQuotations(const std::vector<std::size_t>& marks, bool single) {
  const std::size_t n = text_.tokens.size();
  std::size_t open = n;  // index of the opening mark, n when none
  for (const std::size_t i : marks) {
    const std::string_view mark = text_.Text(i);
    if (IsSingleMark(mark) != single) continue;
    const bool word_follows = i + 1 < n && !text_.tokens[i + 1].space_before &&
                              IsWordish(text_.tokens[i + 1]);
    const bool opens = single ? (open == n && (i == 0 || text_.tokens[i].space_before) &&
                                 word_follows)
                              : mark == "\u00ab" || (open == n && mark != "\u00bb");
    if (opens) {
      open = i;
      continue;
    }
    if (open == n) continue;
    int words = 0;
    bool punctuated = false;
    for (std::size_t k = open + 1; k < i; ++k) {
      words += IsWordish(text_.tokens[k]);
      punctuated |= text_.tokens[k].kind == TokenKind::kPunct && text_.Key(k) != "-";
    }
    // «Штерн и сыновья», "The Old Mill Inn": a short capitalised quotation
    // without punctuation names a firm or a work; it is no speech.
    const bool title = words <= 4 && !punctuated && open + 1 < i &&
                       StartsWithCapital(text_.Text(open + 1));
    if (words >= 3 && !title) {
      for (std::size_t k = open; k <= i; ++k) speech_[k] = true;
    }
    open = n;
  }
}

bool TextFacts::ComputeBoilerplate() const {
  const auto& folded = folded_;
  if (folded.empty()) return false;
  if (MatchAt(LexiconList::kBoilerplateLead, 0) > 0) return true;
  if (IsStampLine()) return true;
  int words = 0;
  bool stamp_words = false;
  // A date or a clock time: "12:30, 18 декабря" is a stamp however long.
  bool dated = false;
  for (std::size_t pos = 0; pos < folded.size();) {
    if (!IsWordish(text_.tokens[pos])) {
      dated = dated || (folded[pos] == ":" && pos > 0 && pos + 1 < folded.size() &&
                        HasDigit(folded[pos - 1]) && HasDigit(folded[pos + 1]));
      ++pos;
      continue;
    }
    if (++words > 12) return false;
    if (const std::size_t n = MatchAt(LexiconList::kBoilerplate, pos)) {
      pos += n;
      stamp_words = true;
    } else if (IsFigureSoFar(pos) ||
               // "Updated at 13:36", "Оновлено о 15:05": joining words.
               (words > 1 && words_.Of(FoldedId(pos), folded[pos]).function_word)) {
      dated = dated || MatchAt(LexiconList::kMonth, pos) > 0 ||
              MatchAt(LexiconList::kWeekday, pos) > 0;
      ++pos;
    } else {
      return false;
    }
  }
  return words > 0 && (stamp_words || dated || words <= 3);
}

// "By Nadia Voss | Updated 14:37 CET": a short line, no sentence, with a
// stamp word in it is page furniture even with a name in front.
bool TextFacts::IsStampLine() const {
  constexpr int kMaxWords = 12;
  const std::size_t n = text_.tokens.size();
  int words = 0;
  bool stamp = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!IsWordish(text_.tokens[i])) continue;
    if (++words > kMaxWords) return false;
    stamp = stamp || MatchAt(LexiconList::kBoilerplate, i) > 0;
  }
  return stamp && !IsSentenceEnd(text_.Key(n - 1));
}

bool TextFacts::HasWord(std::string_view folded) const {
  // Asked rarely (typo checks), a few times per text at most: reading the
  // words costs less than sorting them.
  return std::find(folded_.begin(), folded_.end(), folded) != folded_.end();
}

}  // namespace revwatch
