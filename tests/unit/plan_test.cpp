// diff() and make_plan() on pairs of declared schemas, no server: the orders and shapes of plans
// that the acceptance cases (tests/cases) found wrong once. The plans there run on a real server;
// these pin the pure part of each fix.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dialects/postgres/postgres_dialect.hpp"
#include "strata/diff.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"

namespace strata {
namespace {

Plan plan(const std::string& from, const std::string& to) {
  const auto dialect = std::make_unique<postgres::PostgresDialect>();
  return plan_changes(load_schema_text(from, "from.yaml"), load_schema_text(to, "to.yaml"), *dialect);
}

std::vector<std::string> descriptions(const Plan& p) {
  std::vector<std::string> out;
  for (const auto& step : p.steps) out.push_back(step.description);
  return out;
}

// Two tables that refer to each other, both dropped: their foreign keys go first, and the tables
// (which no longer hold them) in any order. This was a cycle error.
TEST(Plan, DropsTwoTablesThatReferToEachOther) {
  const Plan p = plan(R"(
tables:
  a: { columns: { id: bigint, b_id: bigint }, primary_key: [id], foreign_keys: [{ columns: [b_id], references: b }] }
  b: { columns: { id: bigint, a_id: bigint }, primary_key: [id], foreign_keys: [{ columns: [a_id], references: a }] }
)",
                      "{}");
  EXPECT_EQ(descriptions(p),
            (std::vector<std::string>{"drop foreign key a_b_id_fkey of table a",
                                      "drop foreign key b_a_id_fkey of table b", "drop table a", "drop table b"}));
}

// A renamed table keeps the foreign keys that refer to it, and its keys and indexes are renamed
// with it: nothing is dropped and created again.
TEST(Plan, TableRenameKeepsReferencesAndRenamesKeys) {
  const Plan p = plan(R"(
tables:
  customer: { columns: { id: bigint, name: text }, primary_key: [id], unique: [[name]] }
  orders: { columns: { id: bigint, c: bigint }, primary_key: [id], foreign_keys: [{ columns: [c], references: customer }] }
)",
                      R"(
tables:
  customers: { renamed_from: customer, columns: { id: bigint, name: text }, primary_key: [id], unique: [[name]] }
  orders: { columns: { id: bigint, c: bigint }, primary_key: [id], foreign_keys: [{ columns: [c], references: customers }] }
)");
  EXPECT_EQ(descriptions(p), (std::vector<std::string>{
                                 "rename table customer to customers",
                                 "rename index customer_pkey of table customers to customers_pkey",
                                 "rename index customer_name_key of table customers to customers_name_key",
                             }));
}

// Checks, index expressions and predicates, computed columns and references to a renamed column
// follow it: the server rewrites them.
TEST(Plan, ColumnRenameCarriesExpressionsAndReferences) {
  const Plan p = plan(R"(
tables:
  users: { columns: { id: bigint }, primary_key: [id] }
  posts:
    columns: { id: bigint, body: text, n: integer, twice: { type: bigint, generated: { expression: n * 2 } }, u: bigint }
    primary_key: [id]
    indexes: [{ name: posts_len, columns: [{ expression: length(body) }], where: n > 0 }]
    foreign_keys: [{ name: posts_u_fkey, columns: [u], references: users }]
    checks: { body_set: "body <> ''" }
)",
                      R"(
tables:
  users: { columns: { uid: { type: bigint, renamed_from: id } }, primary_key: [uid] }
  posts:
    columns:
      id: bigint
      content: { type: text, renamed_from: body }
      count: { type: integer, renamed_from: n }
      twice: { type: bigint, generated: { expression: count * 2 } }
      u: bigint
    primary_key: [id]
    indexes: [{ name: posts_len, columns: [{ expression: length(content) }], where: count > 0 }]
    foreign_keys: [{ name: posts_u_fkey, columns: [u], references: users }]
    checks: { body_set: "content <> ''" }
)");
  EXPECT_EQ(descriptions(p), (std::vector<std::string>{
                                 "rename column body of table posts to content",
                                 "rename column n of table posts to count",
                                 "rename column id of table users to uid",
                             }));
}

// A unique key replaced by another over the same columns: the new one is built before the old one
// goes, so that the columns stay unique throughout.
TEST(Plan, ReplacementUniqueKeyComesFirst) {
  const Plan p = plan(R"(
tables:
  m: { columns: { id: bigint, email: text }, primary_key: [id], unique: [[email]] }
)",
                      R"(
tables:
  m: { columns: { id: bigint, email: text }, primary_key: [id], indexes: [{ name: m_email_idx, columns: [email], unique: true }] }
)");
  EXPECT_EQ(descriptions(p), (std::vector<std::string>{"create index m_email_idx on table m",
                                                       "drop unique constraint m_email_key of table m"}));
}

// An index predicate or a check that names a column of a rebuilt enum holds constants of the old
// type: it goes before the rebuild and comes back after.
TEST(Plan, EnumRebuildRecreatesIndexesAndChecksThatNameItsColumns) {
  const std::string table = R"(
tables:
  jobs:
    columns: { id: bigint, state: s }
    primary_key: [id]
    indexes: [{ name: jobs_open, columns: [id], where: "state = 'a'" }, { name: jobs_state, columns: [state] }]
    checks: { not_b: "state <> 'b'" }
)";
  const Plan p = plan("enums: { s: [a, b, c] }" + table, "enums: { s: [a, c, b] }" + table);
  EXPECT_EQ(descriptions(p), (std::vector<std::string>{
                                 "drop index jobs_open of table jobs",
                                 "drop check not_b of table jobs",
                                 "rebuild enum s (values removed or reordered)",
                                 "create index jobs_open on table jobs",
                                 "add check not_b to table jobs",
                             }));
}

// A sequence a column owns (serial) goes with its table or column: DROP SEQUENCE after DROP TABLE
// would find it gone. One that is kept is detached (OWNED BY NONE) before its owner goes.
// A dropped materialized view frees its indexes' names: a sequence that takes one comes after the
// drop (by priority it would come first, and PostgreSQL would refuse the name as taken).
TEST(Plan, ADroppedMaterializedViewFreesItsIndexNames) {
  const Plan p = plan(R"(
tables: { t: { columns: { id: bigint }, primary_key: [id] } }
views: { stats: { materialized: true, query: "SELECT count(*) AS n FROM t", indexes: [{ name: stats_n, columns: [n] }] } }
)",
                      R"(
tables: { t: { columns: { id: bigint }, primary_key: [id] } }
sequences: { stats_n: {} }
)");
  EXPECT_EQ(descriptions(p), (std::vector<std::string>{"drop materialized view stats", "create sequence stats_n"}));
}

// A declared view's query that PostgreSQL's parser refuses, or that is no query, is refused when
// planning, with no server to ask.
TEST(Plan, AViewQueryPostgresCannotParseIsRefused) {
  auto message = [](const std::string& query) {
    try {
      plan("{}", "views: { v: \"" + query + "\" }");
    } catch (const PlanError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("SELEC 1"),
            "view public.v: PostgreSQL's parser refuses its query: syntax error at or near \"SELEC\"");
  EXPECT_EQ(message("DELETE FROM t"),
            "view public.v: expected its query to be one SELECT (or VALUES, WITH … SELECT), found: DELETE FROM t");
  EXPECT_EQ(message("SELECT 1"), "no error");
}

TEST(Plan, AnOwnedSequenceGoesWithItsOwner) {
  const auto dialect = std::make_unique<postgres::PostgresDialect>();
  Schema live = load_schema_text(
      "sequences:\n  gone_id_seq: {}\n  keep_n_seq: {}\n  kept_seq: {}\n"
      "tables:\n  gone: { columns: { id: bigint } }\n  keep: { columns: { id: bigint, n: bigint, m: bigint } }\n",
      "live.yaml");
  for (auto& sequence : live.sequences) {
    if (sequence.name.name == "gone_id_seq") sequence.owned_by = SequenceOwner{{"public", "gone"}, "id"};
    if (sequence.name.name == "keep_n_seq") sequence.owned_by = SequenceOwner{{"public", "keep"}, "n"};
    if (sequence.name.name == "kept_seq") sequence.owned_by = SequenceOwner{{"public", "keep"}, "m"};
  }
  const Schema declared =
      load_schema_text("sequences:\n  kept_seq: {}\ntables:\n  keep: { columns: { id: bigint } }\n", "to.yaml");
  const Plan p = plan_changes(live, declared, *dialect);
  EXPECT_EQ(descriptions(p), (std::vector<std::string>{
                                 "detach sequence kept_seq from column m of table keep, which is dropped",
                                 "drop column n from table keep (and its sequence keep_n_seq)",
                                 "drop column m from table keep",
                                 "drop table gone (and its sequence gone_id_seq)",
                             }));
  ASSERT_FALSE(p.steps.empty());
  EXPECT_EQ(p.steps[0].statements, (std::vector<std::string>{"ALTER SEQUENCE kept_seq OWNED BY NONE"}));
  // Ownership is a fact of the live database, not a difference to plan.
  Schema same = live;
  for (auto& sequence : same.sequences) sequence.owned_by.reset();
  EXPECT_TRUE(plan_changes(live, same, *dialect).empty());
}

}  // namespace
}  // namespace strata
