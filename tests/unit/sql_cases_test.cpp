// The acceptance cases (tests/cases/<name>/) with their schemas written as SQL: from.yaml and
// to.yaml as each dialect writes them (schema_to_sql, what `strata inspect --format sql` prints),
// read back by that dialect's SQL reader, must plan exactly the goldens the YAML plans:
// plan.postgres.sql and plan.cockroachdb.sql (the CockroachDB dialect at v24.3, the oldest supported release, database
// "shop", as tests/unit/crdb_cases_test.cpp plans them). One spelling differs, not the type: a YAML `int` is left to
// the dialect and printed `int`, while SQL has decided it (PostgreSQL's INT is integer, CockroachDB's is INT8): plans
// are compared with that word spelled as the server reads it.
#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include <gtest/gtest.h>

#include "strata/declared_schema.hpp"
#include "strata/dialect_factory.hpp"
#include "strata/errors.hpp"
#include "strata/plan.hpp"
#include "support/case_files.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(STRATA_SOURCE_DIR) / "tests/cases";

// Cases a dialect cannot write as SQL (its emitter refuses a schema), and why.
const std::map<std::string, std::string> kNotWritable = {
    {"cockroachdb/sequence-altered", "from.yaml has a CYCLE sequence, which CockroachDB does not have"},
    {"postgres/multi-region-refused", "to.yaml has regions, which PostgreSQL does not have"},
    {"postgres/column-on-update-added", "to.yaml has an ON UPDATE expression, which PostgreSQL does not have"},
    {"postgres/index-visibility-lowered", "to.yaml has indexes that are not visible, which PostgreSQL does not have"},
    {"postgres/column-on-update-fk-action-refused",
     "to.yaml has an ON UPDATE expression, which PostgreSQL does not have"},
    {"cockroachdb/sequence-created", "to.yaml has a CYCLE sequence, which CockroachDB does not have"},
    {"postgres/primary-key-hash-sharded", "to.yaml has hash-sharded primary keys, which PostgreSQL does not have"},
    {"postgres/row-ttl-added", "to.yaml has row-level TTLs, which PostgreSQL does not have"},
    {"cockroachdb/view-column-type-changed", "from.yaml has views, which strata manages on PostgreSQL only"},
    {"cockroachdb/extension-dropped", "from.yaml has extensions, which strata manages on PostgreSQL only"},
    {"cockroachdb/extension-undeclared-left-alone",
     "from.yaml has extensions, which strata manages on PostgreSQL only"},
};

// Cases whose golden plan needs the server's answer (or the server's reading), which a plan from
// SQL files has not got.
const std::map<std::string, std::string> kServerAnswers = {
    {"postgres/extension-other-schema-left-alone",
     "a database is read in the namespaces the declared schema uses, so hstore's is not; a declared "
     "from-schema is read whole, gis included, and its hstore is dropped"},
    {"postgres/view-query-changed",
     "CREATE OR REPLACE VIEW needs the server to say that the new query keeps the view's columns; "
     "with no server the view is dropped and created again"},
};

// Cases SQL cannot state: renamed_from says what an object was called before, which a schema in
// SQL (what is, not how it came to be) has no place for; a case whose to.yaml declares one is left out.
bool declares_renames(const fs::path& dir) {
  return testing::read_file(dir / "to.yaml").find("renamed_from") != std::string::npos;
}

// `int` as the server reads it (see the top of the file).
std::string int_spelled(const std::string& plan, const std::string& dialect) {
  static const std::regex kInt(R"(\bint\b)");
  return std::regex_replace(plan, kInt, dialect == "cockroachdb" ? "bigint" : "integer");
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<Dialect> dialect_named(const std::string& name) {
  return name == "cockroachdb" ? make_dialect("cockroachdb", "shop", "24.3") : make_dialect("postgres");
}

// The schema of `file`, written as SQL by `dialect` and read back; nullopt when it cannot be written.
std::optional<Schema> through_sql(const fs::path& dir, const std::string& file, const Dialect& dialect,
                                  std::string& why) {
  const Schema yaml = testing::load_case(dir, file);
  std::string sql;
  try {
    sql = schema_to_sql(yaml, dialect);
  } catch (const PlanError& error) {
    why = error.what();
    return std::nullopt;
  }
  return load_declared_texts({{(dir.filename() / (file + ".sql")).string(), sql}}).schema;
}

class SqlCases : public ::testing::TestWithParam<std::tuple<std::string, std::string>> {};

TEST_P(SqlCases, SqlSchemasPlanTheGoldens) {
  const auto& [dialect_name, case_name] = GetParam();
  const fs::path dir = kCases / case_name;
  if (declares_renames(dir)) GTEST_SKIP() << "renamed_from";
  if (dialect_name == "postgres" && fs::exists(dir / "cockroachdb-only.txt")) GTEST_SKIP() << "CockroachDB only";
  const auto dialect = dialect_named(dialect_name);
  std::string why;
  const auto from = through_sql(dir, "from.yaml", *dialect, why);
  const auto to = from ? through_sql(dir, "to.yaml", *dialect, why) : std::nullopt;
  const auto listed = kNotWritable.find(dialect_name + "/" + case_name);
  const fs::path own_error = dir / ("error." + dialect_name + ".txt");
  const fs::path error_file = fs::exists(own_error) ? own_error : dir / "error.txt";
  if (!from || !to) {
    // A schema the dialect refuses to write is refused for the reason the plan is refused for.
    if (fs::exists(error_file) && !why.empty() && testing::read_file(error_file).starts_with(why)) return;
    EXPECT_NE(listed, kNotWritable.end()) << "cannot write the case as SQL: " << why;
    return;
  }
  EXPECT_EQ(listed, kNotWritable.end()) << "the case is written now: remove it from kNotWritable";
  std::string error;
  Plan plan;
  try {
    plan = plan_changes(*from, *to, *dialect);
  } catch (const PlanError& e) {
    error = std::string(e.what()) + "\n";
  }
  if (!error.empty()) {
    ASSERT_TRUE(fs::exists(error_file)) << error;
    EXPECT_EQ(error, testing::read_file(error_file));
    return;
  }
  ASSERT_FALSE(fs::exists(own_error) || (dialect_name == "postgres" && fs::exists(dir / "error.txt")))
      << "expected planning to fail";
  if (const auto it = kServerAnswers.find(dialect_name + "/" + case_name); it != kServerAnswers.end()) {
    EXPECT_NE(plan_to_sql(plan), testing::read_file(dir / ("plan." + dialect_name + ".sql"))) << it->second;
    return;
  }
  EXPECT_EQ(int_spelled(plan_to_sql(plan), dialect_name),
            int_spelled(testing::read_file(dir / ("plan." + dialect_name + ".sql")), dialect_name));
}

INSTANTIATE_TEST_SUITE_P(Cases, SqlCases,
                         ::testing::Combine(::testing::Values("postgres", "cockroachdb"),
                                            ::testing::ValuesIn(case_names())),
                         [](const auto& info) {
                           std::string name = std::get<0>(info.param) + "_" + std::get<1>(info.param);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace strata
