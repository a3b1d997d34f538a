#include "support/crdb_standin/time_text.hpp"

#include <cctype>
#include <cstdio>
#include <map>

namespace strata::standin {
namespace {

constexpr Micros kSecond = 1'000'000;
constexpr Micros kDay = 86'400 * kSecond;

// Days since 1970-01-01 of a date, and back (std::chrono's proleptic Gregorian calendar).
std::int64_t days_from_civil(long y, long m, long d) {
  using namespace std::chrono;
  const sys_days days{year{static_cast<int>(y)} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}};
  return days.time_since_epoch().count();
}

void civil_from_days(std::int64_t days, std::int64_t& y, unsigned& m, unsigned& d) {
  using namespace std::chrono;
  const year_month_day date{sys_days{std::chrono::days{days}}};
  y = static_cast<int>(date.year());
  m = static_cast<unsigned>(date.month());
  d = static_cast<unsigned>(date.day());
}

// Reads `count` digits at `at`; -1 when they are not there.
long digits(std::string_view text, size_t& at, size_t count) {
  if (at + count > text.size()) return -1;
  long value = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[at + i]))) return -1;
    value = value * 10 + (text[at + i] - '0');
  }
  at += count;
  return value;
}

// "HH:MM:SS[.ffffff]" at `at`, as microseconds; nullopt when absent.
std::optional<Micros> clock_time(std::string_view text, size_t& at) {
  const long h = digits(text, at, 2);
  if (h < 0 || at >= text.size() || text[at++] != ':') return std::nullopt;
  const long mi = digits(text, at, 2);
  if (mi < 0 || at >= text.size() || text[at++] != ':') return std::nullopt;
  const long s = digits(text, at, 2);
  if (s < 0) return std::nullopt;
  Micros micros = ((h * 60 + mi) * 60 + s) * kSecond;
  if (at < text.size() && text[at] == '.') {
    Micros scale = kSecond / 10;
    for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at, scale /= 10) {
      micros += (text[at] - '0') * scale;
    }
  }
  return micros;
}

}  // namespace

Micros to_micros(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
}

std::string format_timestamptz(Micros micros) {
  std::int64_t days = micros / kDay;
  Micros rest = micros % kDay;
  if (rest < 0) {
    rest += kDay;
    --days;
  }
  std::int64_t y = 0;
  unsigned m = 0;
  unsigned d = 0;
  civil_from_days(days, y, m, d);
  const Micros seconds = rest / kSecond;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u %02lld:%02lld:%02lld.%06lld+00:00", static_cast<long long>(y),
                m, d, static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60), static_cast<long long>(rest % kSecond));
  return buffer;
}

std::optional<Micros> parse_timestamptz(std::string_view text) {
  size_t at = 0;
  const long y = digits(text, at, 4);
  if (y < 0 || at >= text.size() || text[at++] != '-') return std::nullopt;
  const long m = digits(text, at, 2);
  if (m < 1 || m > 12 || at >= text.size() || text[at++] != '-') return std::nullopt;
  const long d = digits(text, at, 2);
  if (d < 1 || d > 31) return std::nullopt;
  Micros micros = days_from_civil(y, m, d) * kDay;
  if (at < text.size() && (text[at] == ' ' || text[at] == 'T')) {
    ++at;
    const auto time = clock_time(text, at);
    if (!time) return std::nullopt;
    micros += *time;
  }
  if (at < text.size() && text[at] == 'Z') return at + 1 == text.size() ? std::optional(micros) : std::nullopt;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at++] == '+' ? 1 : -1;
    const long oh = digits(text, at, 2);
    long om = 0;
    if (oh < 0) return std::nullopt;
    if (at < text.size() && text[at] == ':') {
      ++at;
      om = digits(text, at, 2);
      if (om < 0) return std::nullopt;
    }
    micros -= sign * (oh * 60 + om) * 60 * kSecond;
  }
  return at == text.size() ? std::optional(micros) : std::nullopt;
}

std::optional<Micros> parse_interval(std::string_view text) {
  static const std::map<std::string, Micros> kUnits = {
      {"us", 1},
      {"microsecond", 1},
      {"microseconds", 1},
      {"ms", 1000},
      {"millisecond", 1000},
      {"milliseconds", 1000},
      {"s", kSecond},
      {"sec", kSecond},
      {"second", kSecond},
      {"seconds", kSecond},
      {"m", 60 * kSecond},
      {"min", 60 * kSecond},
      {"minute", 60 * kSecond},
      {"minutes", 60 * kSecond},
      {"h", 3600 * kSecond},
      {"hour", 3600 * kSecond},
      {"hours", 3600 * kSecond},
      {"d", kDay},
      {"day", kDay},
      {"days", kDay},
  };
  Micros total = 0;
  size_t at = 0;
  bool any = false;
  while (at < text.size()) {
    if (text[at] == ' ') {
      ++at;
      continue;
    }
    if (size_t probe = at; text.size() - at >= 8 && text[at + 2] == ':') {
      const auto time = clock_time(text, probe);
      if (!time) return std::nullopt;
      total += *time;
      at = probe;
      any = true;
      continue;
    }
    const size_t number_start = at;
    if (text[at] == '-' || text[at] == '+') ++at;
    while (at < text.size() && (std::isdigit(static_cast<unsigned char>(text[at])) || text[at] == '.')) ++at;
    if (at == number_start) return std::nullopt;
    const double amount = std::stod(std::string(text.substr(number_start, at - number_start)));
    while (at < text.size() && text[at] == ' ') ++at;
    const size_t unit_start = at;
    while (at < text.size() && std::isalpha(static_cast<unsigned char>(text[at]))) ++at;
    const auto unit = kUnits.find(std::string(text.substr(unit_start, at - unit_start)));
    if (unit == kUnits.end()) return std::nullopt;
    total += static_cast<Micros>(amount * static_cast<double>(unit->second));
    any = true;
  }
  return any ? std::optional(total) : std::nullopt;
}

}  // namespace strata::standin
