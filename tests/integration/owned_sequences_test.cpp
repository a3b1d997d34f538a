// Sequences a column owns (serial, OWNED BY) on the real PostgreSQL: they go with their table or
// column in the plan (DROP SEQUENCE after DROP TABLE would find them gone), a sequence that is kept
// is detached from an owner that goes, and `migrate new` writes such a pair that works both ways.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "strata/apply.hpp"
#include "strata/load.hpp"
#include "strata/migrate.hpp"
#include "support/migration_dir.hpp"
#include "support/test_database.hpp"
#include "support/waiting.hpp"

namespace strata {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::query_value;

void run_sql(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::nontransaction(connection).exec(sql);
}

std::string plan_text(const Plan& plan) {
  std::string out;
  for (const auto& step : plan.steps) {
    out += step.description + "\n";
    for (const auto& statement : step.statements) out += "  " + statement + "\n";
  }
  return out;
}

ApplyResult apply(const std::string& url, const std::string& yaml) {
  ApplyOptions options;
  options.allowed_hazards = {HazardKind::DataLoss};
  return apply_schema(url, load_schema_text(yaml, "schema.yaml"), options);
}

const std::string kKeep = "tables:\n  keep:\n    columns: { id: { type: int, nullable: true } }\n";

TEST(OwnedSequences, ATableIsDroppedWithItsSerialSequence) {
  testing::TestDatabase db;
  run_sql(db.url(),
          "CREATE TABLE gone (id serial PRIMARY KEY, n bigserial); CREATE TABLE keep (id int);"
          "INSERT INTO gone DEFAULT VALUES;");
  const ApplyResult result = apply(db.url(), kKeep);
  ASSERT_TRUE(result.applied);
  const std::string text = plan_text(result.plan);
  EXPECT_THAT(text, HasSubstr("drop table gone (and its sequences gone_id_seq, gone_n_seq)")) << text;
  EXPECT_THAT(text, Not(HasSubstr("DROP SEQUENCE"))) << text;
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM pg_class WHERE relname LIKE 'gone%'"), "0");
}

TEST(OwnedSequences, AColumnIsDroppedWithItsSerialSequence) {
  testing::TestDatabase db;
  run_sql(db.url(), "CREATE TABLE keep (id int, n serial); INSERT INTO keep (id) VALUES (1);");
  const ApplyResult result = apply(db.url(), kKeep);
  ASSERT_TRUE(result.applied);
  const std::string text = plan_text(result.plan);
  EXPECT_THAT(text, HasSubstr("drop column n from table keep (and its sequence keep_n_seq)")) << text;
  EXPECT_THAT(text, Not(HasSubstr("DROP SEQUENCE"))) << text;
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM pg_class WHERE relname = 'keep_n_seq'"), "0");
}

TEST(OwnedSequences, ADeclaredSequenceIsDetachedFromAnOwnerThatGoes) {
  testing::TestDatabase db;
  run_sql(db.url(), "CREATE TABLE gone (id serial PRIMARY KEY); CREATE TABLE keep (id int);");
  const std::string declared = kKeep + "sequences:\n  gone_id_seq: { type: integer }\n";
  const ApplyResult result = apply(db.url(), declared);
  ASSERT_TRUE(result.applied);
  const std::string text = plan_text(result.plan);
  EXPECT_THAT(text, HasSubstr("ALTER SEQUENCE gone_id_seq OWNED BY NONE")) << text;
  EXPECT_LT(text.find("OWNED BY NONE"), text.find("DROP TABLE gone")) << text;
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM pg_class WHERE relname = 'gone_id_seq'"), "1");
  EXPECT_TRUE(plan_schema(db.url(), load_schema_text(declared, "schema.yaml")).empty());
}

TEST(OwnedSequences, AnIdentityColumnsTableIsDropped) {
  testing::TestDatabase db;
  run_sql(db.url(), "CREATE TABLE gone (id int GENERATED ALWAYS AS IDENTITY); CREATE TABLE keep (id int);");
  EXPECT_TRUE(apply(db.url(), kKeep).applied);
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM pg_class WHERE relname LIKE 'gone%'"), "0");
}

TEST(OwnedSequences, MigrateNewDropsASerialTableAndItsDownBringsItBack) {
  testing::TestDatabase db;
  testing::MigrationDir dir;
  dir.add("1_serial", "CREATE TABLE gone (id serial PRIMARY KEY);\nCREATE TABLE keep (id int);", std::nullopt);
  dir.hash();
  const auto written =
      new_migration(dir.path(), "drop_gone", load_schema_text(kKeep, "schema.yaml"), testing::admin_url());
  ASSERT_TRUE(written.has_value());
  EXPECT_THAT(dir.text(written->up_file.filename().string()), Not(HasSubstr("DROP SEQUENCE")));
  Migrator migrator(db.url(), dir.path());
  EXPECT_EQ(migrator.up().runs.size(), 2u);
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM pg_class WHERE relname LIKE 'gone%'"), "0");
  EXPECT_EQ(migrator.down().runs.size(), 1u);
  run_sql(db.url(), "INSERT INTO gone DEFAULT VALUES");  // the default's sequence is back too
}

}  // namespace
}  // namespace strata
