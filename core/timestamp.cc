#include "core/timestamp.h"

#include <chrono>
#include <ctime>
#include <algorithm>
#include <utility>

#include "core/ascii.h"

namespace revwatch {

UnixSeconds NowUnixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatIso8601Utc(UnixSeconds t) {
  std::time_t time = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

namespace {

// Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's
// days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Reads exactly `digits` digits at `pos`.
bool Number(std::string_view s, std::size_t& pos, int digits, int& out) {
  out = 0;
  for (int i = 0; i < digits; ++i, ++pos) {
    if (pos >= s.size() || s[pos] < '0' || s[pos] > '9') return false;
    out = out * 10 + (s[pos] - '0');
  }
  return true;
}

// The start of a day that exists (no 31 April, 29 February in leap years
// only).
std::optional<UnixSeconds> Midnight(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return std::nullopt;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return std::nullopt;
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
}

std::optional<UnixSeconds> ParseIso(std::string_view s) {
  std::size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!Number(s, pos, 4, year) || pos >= s.size() || s[pos++] != '-' ||
      !Number(s, pos, 2, month) || pos >= s.size() || s[pos++] != '-' ||
      !Number(s, pos, 2, day)) {
    return std::nullopt;
  }
  const auto midnight = Midnight(year, month, day);
  if (!midnight) return std::nullopt;
  UnixSeconds offset = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
    ++pos;
    if (!Number(s, pos, 2, hour) || pos >= s.size() || s[pos++] != ':' ||
        !Number(s, pos, 2, minute) || hour > 23 || minute > 59) {
      return std::nullopt;
    }
    if (pos < s.size() && s[pos] == ':' && (!Number(s, ++pos, 2, second) || second > 60)) {
      return std::nullopt;
    }
    if (pos < s.size() && s[pos] == '.') {  // fractions of a second, dropped
      ++pos;
      const std::size_t digits = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == digits) return std::nullopt;
    }
    if (pos < s.size() && s[pos] == 'Z') {
      ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      const int sign = s[pos++] == '+' ? 1 : -1;
      int oh = 0, om = 0;
      if (!Number(s, pos, 2, oh)) return std::nullopt;
      if (pos < s.size() && s[pos] == ':') ++pos;  // "+02:00" or "+0200"
      if (!Number(s, pos, 2, om) || oh > 14 || om > 59) return std::nullopt;
      offset = sign * (oh * 3600 + om * 60);
    }
    if (pos != s.size()) return std::nullopt;
  }
  return *midnight + hour * 3600 + minute * 60 + second - offset;
}

std::optional<UnixSeconds> ParseRelative(std::string_view s, UnixSeconds now) {
  if (s == "now") return now;
  if (s == "yesterday") return now - 86400;
  constexpr std::string_view kAgo = " ago";
  if (!s.ends_with(kAgo)) return std::nullopt;
  s.remove_suffix(kAgo.size());
  std::size_t pos = 0;
  std::int64_t count = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && count < 1000000) {
    count = count * 10 + (s[pos++] - '0');
  }
  if (pos == 0) return std::nullopt;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  const std::string_view unit = s.substr(pos);
  static constexpr std::pair<std::string_view, UnixSeconds> kUnits[] = {
      {"s", 1},         {"sec", 1},       {"secs", 1},       {"second", 1},   {"seconds", 1},
      {"m", 60},        {"min", 60},      {"mins", 60},      {"minute", 60},  {"minutes", 60},
      {"h", 3600},      {"hour", 3600},   {"hours", 3600},   {"d", 86400},    {"day", 86400},
      {"days", 86400},  {"w", 604800},    {"week", 604800},  {"weeks", 604800}};
  for (const auto& [name, seconds] : kUnits) {
    if (unit == name) return now - count * seconds;
  }
  return std::nullopt;
}

// RFC 822 as RFC 1123 and RSS use it: "[Tue, ]10 Jun 2003 04:00[:00] ZONE"
// with ZONE GMT, UT, UTC, Z, +hhmm/-hhmm (or, as feeds write it, +hh:mm)
// or a North American zone name; none, or another name (ambiguous: IST is
// Irish, Indian or Israeli), is taken as UTC. Two-digit years are 19xx
// from 50 up, else 20xx; a one-digit hour is accepted.
std::optional<UnixSeconds> ParseRfc822(std::string_view s) {
  if (const std::size_t comma = s.find(','); comma != std::string_view::npos) {
    s.remove_prefix(comma + 1);
  }
  auto skip_spaces = [&] {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  };
  auto word = [&] {
    skip_spaces();
    const std::size_t end = std::min(s.find(' '), s.size());
    const std::string_view w = s.substr(0, end);
    s.remove_prefix(end);
    return w;
  };
  auto number = [](std::string_view w, int& out) {
    if (w.empty() || w.size() > 4) return false;
    out = 0;
    for (char c : w) {
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return true;
  };
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (!number(word(), day)) return std::nullopt;
  const std::string month_name = AsciiLower(word().substr(0, 3));
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  int month = 0;
  for (int i = 0; i < 12; ++i) {
    if (month_name == kMonths[i]) month = i + 1;
  }
  const std::string_view year_word = word();
  if (month == 0 || !number(year_word, year)) return std::nullopt;
  if (year_word.size() == 2) year += year >= 50 ? 1900 : 2000;
  std::string time(word());
  if (time.size() >= 2 && time[1] == ':') time = "0" + time;  // "4:00:00"
  std::size_t pos = 0;
  if (!Number(time, pos, 2, hour) || pos >= time.size() || time[pos++] != ':' ||
      !Number(time, pos, 2, minute) ||
      (pos < time.size() && (time[pos++] != ':' || !Number(time, pos, 2, second))) ||
      pos != time.size() || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  const std::string zone = AsciiLower(word());
  skip_spaces();
  if (!s.empty()) return std::nullopt;
  UnixSeconds offset = 0;
  static constexpr std::pair<std::string_view, int> kZones[] = {
      {"", 0},   {"gmt", 0}, {"ut", 0},  {"utc", 0}, {"z", 0},   {"est", -5},
      {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
  bool known = false;
  for (const auto& [name, hours] : kZones) {
    if (zone == name) {
      offset = UnixSeconds{hours} * 3600;
      known = true;
    }
  }
  const bool alphabetic = !zone.empty() && std::all_of(zone.begin(), zone.end(), [](char c) {
    return c >= 'a' && c <= 'z';
  });
  if (!known && !alphabetic) {  // other zone names are ambiguous (IST): UTC
    std::string digits = zone;
    if (digits.size() == 6 && digits[3] == ':') digits.erase(3, 1);  // "+03:00"
    int hhmm = 0;
    if (digits.size() != 5 || (digits[0] != '+' && digits[0] != '-') ||
        !number(std::string_view(digits).substr(1), hhmm) || hhmm % 100 > 59) {
      return std::nullopt;
    }
    offset = (digits[0] == '+' ? 1 : -1) * UnixSeconds{hhmm / 100 * 3600 + hhmm % 100 * 60};
  }
  const auto midnight = Midnight(year, month, day);
  if (!midnight) return std::nullopt;
  return *midnight + hour * 3600 + minute * 60 + second - offset;
}

}  // namespace

std::optional<UnixSeconds> ParseInternetTime(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  if (auto iso = ParseIso(text)) return iso;
  return ParseRfc822(text);
}

std::optional<UnixSeconds> ParseTime(std::string_view text, UnixSeconds now) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (auto iso = ParseIso(text)) return iso;
  return ParseRelative(text, now);
}

}  // namespace revwatch
