#include "engine/model/row_ttl.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace strata {

namespace {

constexpr std::int64_t kMicro = 1'000;
constexpr std::int64_t kMilli = 1'000'000;
constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

// An interval's three fields, as CockroachDB (like PostgreSQL) keeps them: months, days and a time.
struct Interval {
  std::int64_t months = 0;
  std::int64_t days = 0;
  std::int64_t nanos = 0;
};

struct Unit {
  std::string_view names[6];
  std::int64_t months = 0;
  std::int64_t days = 0;
  std::int64_t nanos = 0;
};

const Unit kUnits[] = {
    {{"year", "years", "yr", "y"}, 12, 0, 0},
    {{"month", "months", "mon", "mons"}, 1, 0, 0},
    {{"week", "weeks", "w", ""}, 0, 7, 0},
    {{"day", "days", "d", ""}, 0, 1, 0},
    {{"hour", "hours", "hr", "h"}, 0, 0, kHour},
    {{"minute", "minutes", "min", "m"}, 0, 0, kMinute},
    {{"second", "seconds", "sec", "s"}, 0, 0, kSecond},
    {{"millisecond", "milliseconds", "msec", "ms"}, 0, 0, kMilli},
    {{"microsecond", "microseconds", "usec", "us", "\u00b5s", "\u03bcs"}, 0, 0, kMicro},  // Go prints µs
};

const Unit* find_unit(std::string_view name) {
  if (name.size() > 1 && name.back() == 's' && name != "ms" && name != "us" && name != "mons") {
    // "mins", "secs", "hrs", "yrs": a plural of a short name.
    for (const Unit& unit : kUnits) {
      if (std::find(std::begin(unit.names), std::end(unit.names), name.substr(0, name.size() - 1)) !=
          std::end(unit.names))
        return &unit;
    }
  }
  for (const Unit& unit : kUnits) {
    if (std::find(std::begin(unit.names), std::end(unit.names), name) != std::end(unit.names)) return &unit;
  }
  return nullptr;
}

// Far beyond any interval a TTL means (about 290 years of nanoseconds, or of months and days), and
// within what a 64-bit count holds: anything larger is refused, never cast.
constexpr long double kLimit = 9.0e18L;

// Adds `total` (a count of nanoseconds, rounded to microseconds as CockroachDB keeps them) to `to`;
// false when the result would not be an interval strata can hold.
bool add_nanos(std::int64_t& to, long double total) {
  const long double micros = std::round(total / kMicro);
  if (!(std::fabs(micros) * kMicro < kLimit) || std::fabs(static_cast<long double>(to) + micros * kMicro) >= kLimit) {
    return false;
  }
  to += static_cast<std::int64_t>(micros) * kMicro;
  return true;
}

bool add_count(std::int64_t& to, long double whole) {
  if (!(std::fabs(whole) < 1.0e9L) || std::fabs(static_cast<long double>(to) + whole) >= 1.0e9L) return false;
  to += static_cast<std::int64_t>(whole);
  return true;
}

// Adds `amount` of `unit`, spilling fractions down the way PostgreSQL does (a month is 30 days).
bool add(Interval& out, long double amount, const Unit& unit) {
  const long double months = amount * static_cast<long double>(unit.months);
  const long double whole_months = std::trunc(months);
  const long double days = amount * static_cast<long double>(unit.days) + (months - whole_months) * 30;
  const long double whole_days = std::trunc(days);
  const long double nanos = amount * static_cast<long double>(unit.nanos) + (days - whole_days) * kDay;
  return add_count(out.months, whole_months) && add_count(out.days, whole_days) && add_nanos(out.nanos, nanos);
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// [-+]digits[.digits] at `i`; the text read, empty when there is none.
std::string_view number_at(std::string_view text, std::size_t& i) {
  const std::size_t start = i;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  const std::size_t digits = i;
  while (i < text.size() && (is_digit(text[i]) || text[i] == '.')) ++i;
  if (i == digits) {
    i = start;
    return {};
  }
  return text.substr(start, i - start);
}

std::optional<long double> to_number(std::string_view text) {
  if (text.empty() || std::count(text.begin(), text.end(), '.') > 1 || text.back() == '.') return std::nullopt;
  if (text.size() > 30) return std::nullopt;  // no interval strata reads needs so many digits
  return std::stold(std::string(text));
}

// [-]H:MM[:SS[.f]] (the number before the first ':' was read already, as `hours`).
bool add_clock(Interval& out, std::string_view hours, std::string_view text, std::size_t& i) {
  const bool negative = hours.starts_with('-');
  const auto hour_count = to_number(hours);
  if (!hour_count) return false;
  long double total = std::fabs(*hour_count) * kHour;
  const std::int64_t scales[] = {kMinute, kSecond};
  for (std::int64_t scale : scales) {
    if (i >= text.size() || text[i] != ':') break;
    ++i;
    std::string_view part = number_at(text, i);
    if (part.empty() || part.starts_with('-') || part.starts_with('+')) return false;
    if (scale == kMinute && part.find('.') != std::string_view::npos) return false;
    const auto count = to_number(part);
    if (!count) return false;
    total += *count * static_cast<long double>(scale);
  }
  return add_nanos(out.nanos, negative ? -total : total);
}

std::optional<Interval> parse_interval(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::string_view s = lower;
  Interval out;
  bool any = false;
  std::size_t i = 0;
  for (;;) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i == s.size()) break;
    const std::string_view number = number_at(s, i);
    if (number.empty() || !to_number(number)) return std::nullopt;
    any = true;
    if (i < s.size() && s[i] == ':') {
      if (number.find('.') != std::string_view::npos || !add_clock(out, number, s, i)) return std::nullopt;
      continue;
    }
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    // Letters, and the bytes of µ (U+00B5 or U+03BC) in Go's "µs".
    while (i < s.size() &&
           (std::isalpha(static_cast<unsigned char>(s[i])) || static_cast<unsigned char>(s[i]) >= 0x80)) {
      ++i;
    }
    static const Unit kSeconds = kUnits[6];
    const Unit* unit = i == start ? &kSeconds : find_unit(s.substr(start, i - start));  // a bare number: seconds
    if (unit == nullptr || !add(out, *to_number(number), *unit)) return std::nullopt;
  }
  if (!any) return std::nullopt;
  return out;
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// ".5", ".000001": the fraction of a second in `nanos` (under one second), without trailing zeros.
std::string fraction(std::int64_t nanos, int digits) {
  if (nanos == 0) return "";
  std::string out = fmt::format(".{:0{}}", nanos, digits);
  while (out.back() == '0') out.pop_back();
  return out;
}

std::string clock_text(std::int64_t nanos) {
  const std::string sign = nanos < 0 ? "-" : "";
  const std::int64_t n = nanos < 0 ? -nanos : nanos;
  return fmt::format("{}{:02}:{:02}:{:02}{}", sign, n / kHour, n % kHour / kMinute, n % kMinute / kSecond,
                     fraction(n % kSecond / kMicro, 6));
}

std::string go_duration(std::int64_t nanos) {
  if (nanos == 0) return "0s";
  const std::string sign = nanos < 0 ? "-" : "";
  const std::int64_t n = nanos < 0 ? -nanos : nanos;
  if (n < kMicro) return fmt::format("{}{}ns", sign, n);
  if (n < kMilli) return fmt::format("{}{}{}µs", sign, n / kMicro, fraction(n % kMicro, 3));
  if (n < kSecond) return fmt::format("{}{}{}ms", sign, n / kMilli, fraction(n % kMilli, 6));
  std::string out = sign;
  if (n >= kHour) out += fmt::format("{}h", n / kHour);
  if (n >= kMinute) out += fmt::format("{}m", n % kHour / kMinute);
  return out + fmt::format("{}{}s", n % kMinute / kSecond, fraction(n % kSecond, 9));
}

}  // namespace

const std::vector<TtlSetting>& ttl_settings() {
  static const std::vector<TtlSetting> settings = {
      {kTtlExpireAfter, TtlValue::Interval},
      {kTtlExpirationExpression, TtlValue::Expression},
      {"job_cron", TtlValue::Text},
      {"select_batch_size", TtlValue::Integer},
      {"delete_batch_size", TtlValue::Integer},
      {"select_rate_limit", TtlValue::Integer},
      {"delete_rate_limit", TtlValue::Integer},
      {"pause", TtlValue::Boolean},
      {"row_stats_poll_interval", TtlValue::Duration},
      {"label_metrics", TtlValue::Boolean},
      {"disable_changefeed_replication", TtlValue::Boolean},
  };
  return settings;
}

const TtlSetting* find_ttl_setting(std::string_view name) {
  const auto& settings = ttl_settings();
  const auto it = std::find_if(settings.begin(), settings.end(), [&](const TtlSetting& s) { return s.name == name; });
  return it == settings.end() ? nullptr : &*it;
}

std::optional<std::string> canonical_interval(std::string_view text) {
  const auto interval = parse_interval(text);
  if (!interval) return std::nullopt;
  std::vector<std::string> parts;
  const std::int64_t years = interval->months / 12;
  const std::int64_t months = interval->months % 12;
  if (years != 0) parts.push_back(plural(years, "year", "years"));
  if (months != 0) parts.push_back(plural(months, "mon", "mons"));
  if (interval->days != 0) parts.push_back(plural(interval->days, "day", "days"));
  if (interval->nanos != 0 || parts.empty()) parts.push_back(clock_text(interval->nanos));
  return fmt::format("{}", fmt::join(parts, " "));
}

std::optional<std::string> canonical_duration(std::string_view text) {
  const auto interval = parse_interval(text);
  if (!interval || interval->months != 0) return std::nullopt;
  std::int64_t nanos = interval->nanos;
  if (!add_nanos(nanos, static_cast<long double>(interval->days) * kDay)) return std::nullopt;
  return go_duration(nanos);
}

std::optional<std::string> canonical_ttl_value(TtlValue kind, std::string_view text) {
  switch (kind) {
    case TtlValue::Interval:
      return canonical_interval(text);
    case TtlValue::Duration:
      return canonical_duration(text);
    case TtlValue::Expression:
    case TtlValue::Text:
      return std::string(text);
    case TtlValue::Integer: {
      std::size_t i = text.starts_with('+') ? 1 : 0;
      if (i == text.size() || !std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), is_digit)) {
        return std::nullopt;
      }
      while (i + 1 < text.size() && text[i] == '0') ++i;
      return std::string(text.substr(i));
    }
    case TtlValue::Boolean: {
      std::string lower(text);
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      if (lower == "true" || lower == "on") return "true";
      if (lower == "false" || lower == "off") return "false";
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace strata
