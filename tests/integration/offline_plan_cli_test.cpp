// `strata plan --from a.sql --schema b.sql --dialect cockroachdb`, the command, with no server:
// every acceptance case's from.yaml and to.yaml written as CockroachDB SQL by `strata ddl`, then
// planned offline, must print the CockroachDB golden (plan.cockroachdb.sql, or the refusal of
// error.cockroachdb.txt / error.txt where the case has no CockroachDB plan), for the release the
// goldens were made for (24.3, database "shop"). The plan's `int` is compared as the server reads
// it, as in tests/unit/sql_cases_test.cpp (SQL has decided what YAML's `int` left to the dialect).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/case_files.hpp"
#include "support/migration_dir.hpp"
#include "support/run_command.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::run_command;
using testing::strata_binary;

const fs::path kCases = fs::path(STRATA_SOURCE_DIR) / "tests/cases";

// Cases whose schemas CockroachDB SQL cannot state: a CYCLE sequence, extensions in from.yaml that
// the plan does not refuse for the same extension; and every case that declares renamed_from
// (history, not state: see declares_renames).
const std::vector<std::string> kNotSql = {"sequence-altered", "sequence-created", "extension-dropped",
                                          "extension-undeclared-left-alone"};

bool declares_renames(const fs::path& dir) {
  return testing::read_file(dir / "to.yaml").find("renamed_from") != std::string::npos;
}

const std::vector<std::string> kRelease = {"--dialect", "cockroachdb", "--server-version",
                                           "24.3",      "--database",  "shop"};

std::vector<std::string> strata(std::vector<std::string> args) {
  args.insert(args.begin(), strata_binary());
  args.insert(args.end(), kRelease.begin(), kRelease.end());
  return args;
}

std::string bigint_for_int(const std::string& plan) {
  static const std::regex kInt(R"(\bint\b)");
  return std::regex_replace(plan, kInt, "bigint");
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && std::find(kNotSql.begin(), kNotSql.end(), name) == kNotSql.end() &&
        !declares_renames(entry.path()))
      names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

class OfflinePlanCli : public ::testing::TestWithParam<std::string> {};

TEST_P(OfflinePlanCli, CockroachSqlPlansTheGoldenWithNoServer) {
  const fs::path dir = kCases / GetParam();
  testing::MigrationDir scratch;
  const fs::path own_error = dir / "error.cockroachdb.txt";
  const fs::path error_file = fs::exists(own_error) ? own_error : dir / "error.txt";
  for (const std::string side : {"from", "to"}) {
    const auto ddl = run_command(strata(
        {"ddl", "--schema", (dir / (side + ".yaml")).string(), "-o", (scratch.path() / (side + ".sql")).string()}));
    if (ddl.exit_code != 0 && fs::exists(error_file)) {
      // A schema CockroachDB refuses cannot be written as its SQL: refused for the plan's reason.
      EXPECT_THAT(ddl.err, HasSubstr(testing::read_file(error_file).substr(0, 60)));
      return;
    }
    ASSERT_EQ(ddl.exit_code, 0) << side << ".yaml: " << ddl.err;
  }
  const auto plan = run_command(strata({"plan", "--from", (scratch.path() / "from.sql").string(), "--schema",
                                        (scratch.path() / "to.sql").string(), "--format", "sql"}));
  if (!fs::exists(dir / "plan.cockroachdb.sql")) {
    ASSERT_TRUE(fs::exists(error_file)) << "the case has neither a CockroachDB plan nor an error";
    EXPECT_NE(plan.exit_code, 0) << plan.out;
    EXPECT_THAT(plan.err, HasSubstr(testing::read_file(error_file).substr(0, 60)));
    return;
  }
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_EQ(bigint_for_int(plan.out), bigint_for_int(testing::read_file(dir / "plan.cockroachdb.sql")));
}

INSTANTIATE_TEST_SUITE_P(Cases, OfflinePlanCli, ::testing::ValuesIn(case_names()), [](const auto& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

TEST(OfflinePlanCliUsage, FromWithoutADialectIsBadInput) {
  const fs::path dir = kCases / "table-create";
  const auto result = run_command(
      {strata_binary(), "plan", "--from", (dir / "from.yaml").string(), "--schema", (dir / "to.yaml").string()});
  EXPECT_EQ(result.exit_code, 2) << result.out;
  EXPECT_THAT(result.err, HasSubstr("--dialect"));
}

// `strata check --dialect` with no server: the migrations, read offline as that server's SQL, are
// compared with the declared schema, and what they miss is a finding.
class OfflineCheckCli : public ::testing::TestWithParam<std::string> {};

TEST_P(OfflineCheckCli, MigrationsDriftFromTheDeclaredSchemaWithNoServer) {
  testing::MigrationDir migrations;
  migrations.add("1_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);", std::nullopt);
  migrations.add("2_name", "ALTER TABLE users ADD COLUMN name text;", std::nullopt);
  migrations.hash();
  testing::MigrationDir schema;
  const std::string users =
      "tables:\n  users:\n    columns:\n      id: { type: bigint }\n      email: { type: text }\n"
      "      name: { type: text, nullable: true }\n";
  const std::string key = "    primary_key: [id]\n";
  schema.write("schema.yaml", users + key);
  const std::vector<std::string> check = {strata_binary(), "check",
                                          "--dir",         migrations.path().string(),
                                          "--schema",      (schema.path() / "schema.yaml").string(),
                                          "--dialect",     GetParam()};
  const auto clean = run_command(check);
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_THAT(clean.out, HasSubstr("read offline as " + GetParam()));

  schema.write("schema.yaml", users + "      nickname: { type: text, nullable: true }\n" + key);
  const auto drift = run_command(check);
  EXPECT_EQ(drift.exit_code, 1) << drift.out << drift.err;
  EXPECT_THAT(drift.out, HasSubstr("SD102"));
  EXPECT_THAT(drift.out, HasSubstr("nickname"));
}

INSTANTIATE_TEST_SUITE_P(Dialects, OfflineCheckCli, ::testing::Values("postgres", "cockroachdb"));

}  // namespace
}  // namespace strata
