#include "extract/lead_lines.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "core/article.h"

namespace revwatch {
namespace {

// A line longer than this is a sentence, not a byline or a date.
constexpr int kMaxLeadLineWords = 14;
// The share of date words a date line needs.
constexpr double kDateWordShare = 0.6;

constexpr std::string_view kBylinePrefixes[] = {
    "by ",      "posted by ", "written by ", "words by ",
    "author: ", "автор: ",    "Автор: "};

constexpr std::string_view kDateWords[] = {
    "jan",       "january",   "feb",      "february", "mar",      "march",
    "apr",       "april",     "may",      "jun",      "june",     "jul",
    "july",      "aug",       "august",   "sep",      "sept",     "september",
    "oct",       "october",   "nov",      "november", "dec",      "december",
    "mon",       "monday",    "tue",      "tues",     "tuesday",  "wed",
    "wednesday", "thu",       "thur",     "thurs",    "thursday", "fri",
    "friday",    "sat",       "saturday", "sun",      "sunday",   "am",
    "pm",        "utc",       "gmt",      "est",      "edt",      "cst",
    "cdt",       "pst",       "pdt",      "bst",      "cet",      "cest",
    "updated",   "published", "posted",   "last",     "modified", "on",
    "at",        "st",        "nd",       "rd",       "th",       "date",
    "time",      "first",     "and"};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Lower-cases ASCII letters; other bytes (UTF-8 of other scripts) stay.
std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), AsciiLower);
  return out;
}

// ASCII letter-or-digit runs; a run with other bytes (non-Latin letters)
// is kept as a non-date token.
std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string token;
  for (char c : text) {
    if (IsAsciiAlnum(c) || (static_cast<unsigned char>(c) & 0x80) != 0) {
      token.push_back(AsciiLower(c));
    } else if (!token.empty()) {
      tokens.push_back(std::move(token));
      token.clear();
    }
  }
  if (!token.empty()) tokens.push_back(std::move(token));
  return tokens;
}

bool IsNumber(std::string_view token) {
  return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// "9th", "21st": a number with an ordinal suffix.
bool IsOrdinal(std::string_view token) {
  return token.size() > 2 && IsNumber(token.substr(0, token.size() - 2)) &&
         std::find(std::begin(kDateWords), std::end(kDateWords),
                   token.substr(token.size() - 2)) != std::end(kDateWords);
}

bool StartsWithCapital(std::string_view text) {
  if (text.empty()) return false;
  const auto c = static_cast<unsigned char>(text.front());
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

bool IsBylineLine(std::string_view text, std::string_view byline) {
  if (CountWords(text) > kMaxLeadLineWords) return false;
  const std::string lower = Lower(text);
  if (!byline.empty() && lower == Lower(byline)) return true;
  for (std::string_view prefix : kBylinePrefixes) {
    if (lower.starts_with(prefix)) {
      return StartsWithCapital(text.substr(prefix.size()));
    }
  }
  return false;
}

bool IsDateLine(std::string_view text) {
  if (CountWords(text) > kMaxLeadLineWords) return false;
  const std::vector<std::string> tokens = Tokens(text);
  std::size_t numbers = 0;
  std::size_t date_words = 0;
  for (const std::string& token : tokens) {
    if (IsNumber(token) || IsOrdinal(token)) {
      ++numbers;
    } else if (std::find(std::begin(kDateWords), std::end(kDateWords), token) !=
               std::end(kDateWords)) {
      ++date_words;
    }
  }
  return numbers > 0 && static_cast<double>(numbers + date_words) >=
                            kDateWordShare * static_cast<double>(tokens.size());
}

}  // namespace revwatch
