// Row-level TTL values (engine/model/row_ttl): intervals as CockroachDB prints them (PostgreSQL's
// style: years and mons, days, then HH:MM:SS), the Go-style duration of ttl_row_stats_poll_interval,
// and the values strata refuses.
#include <gtest/gtest.h>

#include "engine/model/row_ttl.hpp"

namespace strata {
namespace {

TEST(RowTtl, IntervalsReadAsCockroachDbPrintsThem) {
  // The printed forms of row_level_ttl@0017defd and the v26.2 docs: '10 minutes' -> '00:10:00',
  // '3 months' -> '3 mons'.
  EXPECT_EQ(canonical_interval("10 minutes"), "00:10:00");
  EXPECT_EQ(canonical_interval("3 months"), "3 mons");
  EXPECT_EQ(canonical_interval("00:10:00"), "00:10:00");
  EXPECT_EQ(canonical_interval("0:10"), "00:10:00");
  EXPECT_EQ(canonical_interval("1 day"), "1 day");
  EXPECT_EQ(canonical_interval("2 weeks"), "14 days");
  EXPECT_EQ(canonical_interval("1 year 2 months 3 days 4 hours 5 minutes 6 seconds"), "1 year 2 mons 3 days 04:05:06");
  EXPECT_EQ(canonical_interval("14 months"), "1 year 2 mons");
  EXPECT_EQ(canonical_interval("1.5 hours"), "01:30:00");
  EXPECT_EQ(canonical_interval("1h30m"), "01:30:00");
  EXPECT_EQ(canonical_interval("36 hours"), "36:00:00");  // hours are not folded into days
  EXPECT_EQ(canonical_interval("90 secs"), "00:01:30");
  EXPECT_EQ(canonical_interval("1.5 seconds"), "00:00:01.5");
  EXPECT_EQ(canonical_interval("250 ms"), "00:00:00.25");
  EXPECT_EQ(canonical_interval("1 Day 02:00:00"), "1 day 02:00:00");
  EXPECT_EQ(canonical_interval("-1 hour"), "-01:00:00");
  EXPECT_EQ(canonical_interval("30"), "00:00:30");  // a bare number is seconds
  EXPECT_EQ(canonical_interval("0 seconds"), "00:00:00");
}

TEST(RowTtl, WhatIsNoIntervalIsRefused) {
  for (const char* text : {"", "ten minutes", "10 fortnights", "1..5 hours", "1:2:3:4", "10 minutes ago", "5.",
                           "1:30:15.", "1:30:.", "1:30:1.2.3", "10000000000000000000 years", "3000000000 days",
                           "99999999999999999999999999999999999 hours", "9000000 hours 9000000 hours"}) {
    EXPECT_FALSE(canonical_interval(text).has_value()) << text;
  }
}

TEST(RowTtl, DurationsReadAsGoPrintsThem) {
  EXPECT_EQ(canonical_duration("1 minute"), "1m0s");  // the printed form: ttl_row_stats_poll_interval = '1m0s'
  EXPECT_EQ(canonical_duration("1m0s"), "1m0s");
  EXPECT_EQ(canonical_duration("90 seconds"), "1m30s");
  EXPECT_EQ(canonical_duration("1 hour"), "1h0m0s");
  EXPECT_EQ(canonical_duration("1 day"), "24h0m0s");
  EXPECT_EQ(canonical_duration("1.5s"), "1.5s");
  EXPECT_EQ(canonical_duration("500ms"), "500ms");
  EXPECT_EQ(canonical_duration("500µs"), "500µs");  // as Go prints it, read back
  EXPECT_EQ(canonical_duration("1.5µs"), "2µs");    // CockroachDB keeps microseconds
  EXPECT_EQ(canonical_duration("1.5ms"), "1.5ms");
  EXPECT_EQ(canonical_duration("0s"), "0s");
  EXPECT_FALSE(canonical_duration("1 month").has_value());
}

TEST(RowTtl, ValuesOfEachKind) {
  EXPECT_EQ(canonical_ttl_value(TtlValue::Integer, "0100"), "100");
  EXPECT_FALSE(canonical_ttl_value(TtlValue::Integer, "-1").has_value());
  EXPECT_FALSE(canonical_ttl_value(TtlValue::Integer, "1.5").has_value());
  EXPECT_EQ(canonical_ttl_value(TtlValue::Boolean, "ON"), "true");
  EXPECT_EQ(canonical_ttl_value(TtlValue::Boolean, "false"), "false");
  EXPECT_FALSE(canonical_ttl_value(TtlValue::Boolean, "yes").has_value());
  EXPECT_EQ(canonical_ttl_value(TtlValue::Text, "@hourly"), "@hourly");
  ASSERT_NE(find_ttl_setting("expire_after"), nullptr);
  EXPECT_EQ(find_ttl_setting("expire_after")->value, TtlValue::Interval);
  EXPECT_EQ(find_ttl_setting("ttl_expire_after"), nullptr);  // names are without the prefix
}

}  // namespace
}  // namespace strata
