// The history table's name (strata.yaml history_table:, --history-table): what is accepted, how
// it is quoted, and which live tables it names.
#include <gtest/gtest.h>

#include "engine/db/history_table.hpp"
#include "strata/errors.hpp"

namespace strata {
namespace {

TEST(HistoryTable, PlainAndSchemaQualifiedNames) {
  const auto plain = parse_history_table("strata_schema_history");
  EXPECT_EQ(plain.schema, "");
  EXPECT_EQ(plain.sql(), "strata_schema_history");
  EXPECT_TRUE(plain.names({"public", "strata_schema_history"}));
  EXPECT_TRUE(plain.names({"other", "strata_schema_history"}));
  EXPECT_FALSE(plain.names({"public", "history"}));

  const auto qualified = parse_history_table("ops.migrations_done$1");
  EXPECT_EQ(qualified.schema, "ops");
  EXPECT_EQ(qualified.name, "migrations_done$1");
  EXPECT_EQ(qualified.display(), "ops.migrations_done$1");
  EXPECT_TRUE(qualified.names({"ops", "migrations_done$1"}));
  EXPECT_FALSE(qualified.names({"public", "migrations_done$1"}));
}

TEST(HistoryTable, NamesThatAreNotOneAreRefused) {
  for (const char* bad :
       {"", "History", "a-b", "1abc", "a.b.c", ".x", "x.", "select", "a b", "drop table x;", "\"quoted\""}) {
    EXPECT_TRUE(history_table_problem(bad).has_value()) << bad;
    EXPECT_THROW(parse_history_table(bad), UsageError) << bad;
  }
  EXPECT_FALSE(history_table_problem(std::string(63, 'h')).has_value());
  EXPECT_TRUE(history_table_problem(std::string(64, 'h')).has_value());
}

}  // namespace
}  // namespace strata
