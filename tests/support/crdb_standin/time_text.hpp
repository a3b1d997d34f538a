// TIMESTAMPTZ and INTERVAL values as text, in UTC only: what `now()` and `now() - $1::INTERVAL`
// need.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace strata::standin {

// Microseconds since 1970-01-01 00:00:00 UTC.
using Micros = std::int64_t;

Micros to_micros(std::chrono::system_clock::time_point time);
// "2026-12-06 10:55:01.123456+00:00"
std::string format_timestamptz(Micros micros);
// "YYYY-MM-DD[ HH:MM:SS[.ffffff]][+HH[:MM]|-HH[:MM]|Z]"; nullopt when it is not one.
std::optional<Micros> parse_timestamptz(std::string_view text);
// "1000 milliseconds", "2s", "1 day 02:00:00", "00:00:01.5"; nullopt when not understood.
std::optional<Micros> parse_interval(std::string_view text);

}  // namespace strata::standin
