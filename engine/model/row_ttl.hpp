// CockroachDB row-level TTL (Table::ttl): the ttl_* storage parameters strata manages, what kind of
// value each takes, and the forms CockroachDB prints their values in, so that a declared value and
// the one SHOW CREATE prints compare equal. Facts: tests/fixtures/crdb-releases/research/objects.md
// section 1 (logic_test/row_level_ttl@0017defd, the v26.2 row-level-ttl docs).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata {

enum class TtlValue {
  Interval,    // an INTERVAL: '10 minutes', printed '00:10:00'
  Duration,    // a duration CockroachDB prints the way Go does: '1 minute', printed '1m0s'
  Expression,  // a TIMESTAMPTZ expression over the row's columns
  Text,        // a string (the job's cron schedule)
  Integer,
  Boolean,
};

struct TtlSetting {
  std::string_view name;  // without CockroachDB's ttl_ prefix: "expire_after"
  TtlValue value;
};

// Every setting strata manages, in the order strata writes them.
const std::vector<TtlSetting>& ttl_settings();
const TtlSetting* find_ttl_setting(std::string_view name);

// The settings that make a table expire rows: a TTL has at least one of them.
inline constexpr std::string_view kTtlExpireAfter = "expire_after";
inline constexpr std::string_view kTtlExpirationExpression = "expiration_expression";
// The job's schedule when none is set, which CockroachDB does not print.
inline constexpr std::string_view kTtlDefaultCron = "@daily";

// An interval as CockroachDB prints it: '10 minutes' and '0:10' -> "00:10:00", '3 months' -> "3 mons",
// '1 year 2 days 1.5 hours' -> "1 year 2 days 01:30:00"; nullopt when `text` is not an interval of
// the forms strata reads ("<number> <unit>" pairs, compact "1h30m", and [-]HH:MM[:SS[.f]]).
std::optional<std::string> canonical_interval(std::string_view text);

// A duration as Go prints it ("1m0s", "1h30m0s", "500ms", and "24h0m0s" for a day), from any form
// canonical_interval reads and Go's µs; nullopt when `text` is not one or has months in it.
std::optional<std::string> canonical_duration(std::string_view text);

// The value of one setting as CockroachDB prints it (an expression is left as it is: the dialect
// canonicalises expressions); nullopt when it is not a value of the setting's kind.
std::optional<std::string> canonical_ttl_value(TtlValue kind, std::string_view text);

}  // namespace strata
