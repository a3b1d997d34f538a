// What each dialect answers at the seam, where the layers above ask instead of testing a name:
// its SQL grammar, the server behaviours lint rules look for, its capabilities and its upsert.
#include <gtest/gtest.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/postgres/postgres_dialect.hpp"

namespace strata {
namespace {

const postgres::PostgresDialect kPostgres;
const cockroachdb::CockroachDialect kCockroach("db", cockroachdb::Version{25, 4});

TEST(DialectSeam, GrammarSaysHowEachServerReadsSql) {
  EXPECT_EQ(kPostgres.grammar(), SqlGrammar{});
  EXPECT_TRUE(kCockroach.grammar().cockroach_lexicon);
  EXPECT_TRUE(kCockroach.grammar().split_other_operators);
}

TEST(DialectSeam, LintBehavioursAreEachServersOwn) {
  EXPECT_EQ(kPostgres.lint_behaviours(), std::set<LintBehaviour>{LintBehaviour::BlockingDdl});
  EXPECT_EQ(kCockroach.lint_behaviours(),
            (std::set<LintBehaviour>{LintBehaviour::UnsafeDdlTransactions, LintBehaviour::PrimaryKeyRebuild,
                                     LintBehaviour::RegionalRows}));
}

TEST(DialectSeam, CapabilitiesDecideTransactionsAndLocks) {
  EXPECT_TRUE(kPostgres.capabilities().transactional_ddl);
  EXPECT_TRUE(kPostgres.capabilities().advisory_locks_work);
  EXPECT_FALSE(kCockroach.capabilities().transactional_ddl);
  EXPECT_FALSE(kCockroach.capabilities().advisory_locks_work);
}

TEST(DialectSeam, TheLedgerIsWrittenWithEachServersInsertOrReplace) {
  const UpsertStatement upsert{"h", "version", {"version", "name", "state"}, "VALUES ($1, $2, $3)"};
  EXPECT_EQ(kPostgres.upsert_sql(upsert),
            "INSERT INTO h (version, name, state) VALUES ($1, $2, $3) ON CONFLICT (version) DO UPDATE SET "
            "name = excluded.name, state = excluded.state");
  EXPECT_EQ(kCockroach.upsert_sql(upsert), "UPSERT INTO h (version, name, state) VALUES ($1, $2, $3)");
}

}  // namespace
}  // namespace strata
