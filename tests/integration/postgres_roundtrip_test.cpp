// Declared schema -> DDL -> a real PostgreSQL -> introspection -> the same schema, and
// introspection -> YAML -> load -> the same schema again.
#include <filesystem>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/db/connection.hpp"
#include "strata/dialect.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

const std::filesystem::path kSource = STRATA_SOURCE_DIR;

void run_sql(const std::string& url, const std::vector<std::string>& statements) {
  pqxx::connection connection(url);
  pqxx::work tx(connection);
  for (const auto& statement : statements) tx.exec(statement);
  tx.commit();
}

Schema introspect(const std::string& url, const IntrospectOptions& options = {}) {
  Connection connection(url);
  return std::make_unique<postgres::PostgresDialect>()->introspect(connection, options);
}

class RoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(RoundTrip, DeclaredSchemaIsWhatTheServerReportsBack) {
  testing::TestDatabase db;
  const auto dialect = std::make_unique<postgres::PostgresDialect>();
  const Schema declared = load_schema({(kSource / GetParam()).string()});
  run_sql(db.url(), create_statements(declared, *dialect));

  IntrospectOptions options;
  options.declared = &declared;  // as strata plan reads it: the server says how it prints the views
  const Schema live = introspect(db.url(), options);
  Schema expected = declared;
  expected.database.name = db.name();
  dialect->normalize(expected);
  EXPECT_EQ(live, expected) << "--- declared:\n" << describe(expected) << "--- live:\n" << describe(live);

  // inspect's YAML loads back as the same schema.
  Schema reloaded = load_schema_text(to_yaml(live), "inspected.yaml");
  dialect->normalize(reloaded);
  EXPECT_EQ(reloaded, live) << to_yaml(live);
}

INSTANTIATE_TEST_SUITE_P(Schemas, RoundTrip, ::testing::Values("examples/shop", "tests/schemas/everything.yaml"),
                         [](const auto& info) { return std::string(info.index == 0 ? "shop" : "everything"); });

// The catalog is read with the same few queries whatever the number of tables.
TEST(Introspection, RoundTripsDoNotGrowWithTables) {
  auto round_trips_for = [](int tables) {
    testing::TestDatabase db;
    std::vector<std::string> ddl{"CREATE TYPE mood AS ENUM ('a', 'b')"};
    for (int i = 0; i < tables; ++i) {
      ddl.push_back("CREATE TABLE t" + std::to_string(i) +
                    " (id bigint PRIMARY KEY, m mood, parent bigint, note text CHECK (note <> ''), "
                    "UNIQUE (note))");
      ddl.push_back("CREATE INDEX ON t" + std::to_string(i) + " (lower(note))");
      if (i > 0) ddl.push_back("ALTER TABLE t" + std::to_string(i) + " ADD FOREIGN KEY (parent) REFERENCES t0 (id)");
    }
    run_sql(db.url(), ddl);
    Connection connection(db.url());
    const int before = connection.round_trips();
    const Schema schema = std::make_unique<postgres::PostgresDialect>()->introspect(connection, {});
    EXPECT_EQ(static_cast<int>(schema.tables.size()), tables);
    return connection.round_trips() - before;
  };
  const int few = round_trips_for(2);
  const int many = round_trips_for(60);
  EXPECT_EQ(few, many);
  // One query each: the database and its extensions, namespaces, enums, sequences, columns,
  // indexes, constraints, comments, views, functions and triggers.
  EXPECT_LE(many, 10);
}

TEST(Introspection, NormalisesTypeAliasesAndDefaults) {
  testing::TestDatabase db;
  run_sql(db.url(), {"CREATE TABLE t (a int4 NOT NULL, b character varying(10), c timestamp with time zone "
                     "DEFAULT CURRENT_TIMESTAMP, d serial, e float8 DEFAULT '1.5', f text DEFAULT 'x'::text, "
                     "g numeric DEFAULT -1, h boolean DEFAULT false, i int8[] DEFAULT '{}')"});
  const Schema live = introspect(db.url());
  ASSERT_EQ(live.tables.size(), 1u);
  const Table& t = live.tables[0];
  EXPECT_EQ(t.find_column("a")->type, "integer");
  EXPECT_FALSE(t.find_column("a")->nullable);
  EXPECT_EQ(t.find_column("b")->type, "varchar(10)");
  EXPECT_TRUE(t.find_column("b")->nullable);
  EXPECT_EQ(t.find_column("c")->type, "timestamptz");
  EXPECT_EQ(t.find_column("c")->default_expr, "CURRENT_TIMESTAMP");
  EXPECT_EQ(t.find_column("d")->type, "integer");
  EXPECT_EQ(t.find_column("d")->default_expr, "nextval('t_d_seq')");
  EXPECT_EQ(t.find_column("e")->type, "double precision");
  EXPECT_EQ(t.find_column("f")->default_expr, "'x'");
  EXPECT_EQ(t.find_column("g")->default_expr, "-1");
  EXPECT_EQ(t.find_column("h")->default_expr, "FALSE");
  EXPECT_EQ(t.find_column("i")->type, "bigint[]");
  // The serial column's sequence is an ordinary sequence of the model.
  ASSERT_EQ(live.sequences.size(), 1u);
  EXPECT_EQ(live.sequences[0].name.name, "t_d_seq");
  EXPECT_EQ(live.sequences[0].type, "integer");
}

TEST(Introspection, TellsUniqueConstraintsFromUniqueIndexes) {
  testing::TestDatabase db;
  run_sql(db.url(),
          {"CREATE TABLE t (a int, b int, CONSTRAINT t_a_key UNIQUE (a))", "CREATE UNIQUE INDEX t_b_idx ON t (b)"});
  const Schema live = introspect(db.url());
  const Table& t = live.tables.at(0);
  ASSERT_EQ(t.uniques.size(), 1u);
  EXPECT_EQ(t.uniques[0].name, "t_a_key");
  ASSERT_EQ(t.indexes.size(), 1u);
  EXPECT_EQ(t.indexes[0].name, "t_b_idx");
  EXPECT_TRUE(t.indexes[0].unique);
  EXPECT_FALSE(t.primary_key.has_value());
}

TEST(Introspection, LeavesOutExtensionObjectsAndReadsChosenSchemas) {
  testing::TestDatabase db;
  run_sql(db.url(), {"CREATE EXTENSION hstore", "CREATE EXTENSION citext", "CREATE SCHEMA sales",
                     "CREATE TABLE public.p (id int PRIMARY KEY, h hstore, c citext)",
                     "CREATE TABLE sales.s (id int PRIMARY KEY)", "CREATE TYPE sales.kind AS ENUM ('x')"});
  const Schema all = introspect(db.url());
  EXPECT_EQ(all.tables.size(), 2u);
  EXPECT_EQ(all.enums.size(), 1u) << describe(all);
  EXPECT_TRUE(all.sequences.empty());
  EXPECT_EQ(all.schemas, std::vector<std::string>{"sales"});
  EXPECT_EQ(all.find_table({"public", "p"})->find_column("c")->type, "citext");

  const Schema sales = introspect(db.url(), IntrospectOptions{{"sales"}});
  ASSERT_EQ(sales.tables.size(), 1u);
  EXPECT_EQ(sales.tables[0].name, (QualifiedName{"sales", "s"}));
  EXPECT_EQ(sales.enums.size(), 1u);
}

TEST(Introspection, AnEmptyDatabaseHasAnEmptySchema) {
  testing::TestDatabase db;
  const Schema live = introspect(db.url());
  EXPECT_TRUE(live.tables.empty());
  EXPECT_TRUE(live.enums.empty());
  EXPECT_EQ(live.database.name, db.name());
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

// The names the loader picks for unnamed keys, indexes and constraints are the ones PostgreSQL
// picks for the same unnamed objects.
TEST(DefaultNames, MatchWhatPostgresChooses) {
  testing::TestDatabase db;
  const std::string long_table(63, 'x');
  const std::string long_column = "a_rather_long_column_name_that_makes_index_names_too_long";
  run_sql(db.url(),
          {
              "CREATE TABLE t (a int PRIMARY KEY, b int, c int, UNIQUE (b, c), FOREIGN KEY (b) REFERENCES t (a))",
              "CREATE INDEX ON t (b)",
              "CREATE INDEX ON t (b)",
              "CREATE UNIQUE INDEX ON t (c, b)",
              "CREATE TABLE " + long_table + " (" + long_column +
                  " int PRIMARY KEY, other_long_column_name_too int, "
                  "UNIQUE (" +
                  long_column + ", other_long_column_name_too))",
              "CREATE INDEX ON " + long_table + " (" + long_column + ", other_long_column_name_too)",
          });
  const Schema declared = load_schema_text(
      "tables:\n"
      "  t:\n"
      "    columns: { a: int, b: { type: int, nullable: true }, c: { type: int, nullable: true } }\n"
      "    primary_key: [a]\n"
      "    unique: [[b, c]]\n"
      "    foreign_keys: [{ columns: [b], references: t }]\n"
      "    indexes: [{ columns: [b] }, { columns: [b] }, { columns: [c, b], unique: true }]\n"
      "  " +
          long_table +
          ":\n"
          "    columns: { " +
          long_column +
          ": int, other_long_column_name_too: { type: int, nullable: true } }\n"
          "    primary_key: [" +
          long_column +
          "]\n"
          "    unique: [[" +
          long_column +
          ", other_long_column_name_too]]\n"
          "    indexes: [{ columns: [" +
          long_column + ", other_long_column_name_too] }]\n",
      "names.yaml");
  Schema expected = declared;
  expected.database.name = db.name();
  std::make_unique<postgres::PostgresDialect>()->normalize(expected);
  const Schema live = introspect(db.url());
  EXPECT_EQ(live, expected) << "--- declared:\n" << describe(expected) << "--- live:\n" << describe(live);
}

}  // namespace
}  // namespace strata
