// `strata check` end to end on the real server (and on CockroachDB when STRATA_TEST_CRDB_URL is
// set): every report format on a clean project and on one with findings, drift by a column added
// by hand, migrations that miss the declared schema or fail, an edited applied migration, files
// new since a git ref, and the exit codes for bad input and an unreachable server.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using ::testing::HasSubstr;
using testing::MigrationDir;
using ::testing::Not;
using testing::run_command;
using testing::Server;
using testing::strata_binary;

constexpr const char* kSchema = R"(tables:
  users:
    columns:
      id: bigint
      email: text
    primary_key: [id]
  orders:
    columns:
      id: bigint
      user_id: bigint
    primary_key: [id]
    indexes:
      - { name: orders_user, columns: [user_id] }
    foreign_keys:
      - { name: orders_user_fk, columns: [user_id], references: { table: users, columns: [id] } }
)";

CommandResult check(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {strata_binary(), "check"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, {"NO_COLOR="});
}

CommandResult migrate_up(const std::string& url, const MigrationDir& dir) {
  return run_command({strata_binary(), "migrate", "up", "--url", url, "--dir", dir.path().string()});
}

void exec(const std::string& url, const std::string& sql) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  tx.exec(sql);
}

// A project whose migrations produce kSchema.
struct Project {
  MigrationDir dir;
  fs::path schema;
  Project() {
    dir.add("0001_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);", "DROP TABLE users;");
    dir.add("0002_orders",
            "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL,\n"
            "  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));\n"
            "CREATE INDEX orders_user ON orders (user_id);",
            "DROP TABLE orders;");
    dir.hash();
    schema = dir.path() / "schema.yaml";
    std::ofstream(schema) << kSchema;
  }
  std::string d() const { return dir.path().string(); }
};

nlohmann::json findings_of(const CommandResult& result) {
  return nlohmann::json::parse(result.out)["findings"];
}

std::vector<std::string> codes_of(const CommandResult& result) {
  std::vector<std::string> out;
  for (const auto& f : findings_of(result)) out.push_back(f["code"]);
  return out;
}

bool valid_junit(const std::string& xml) {
  const fs::path file = fs::temp_directory_path() / ("strata-check-" + std::to_string(::getpid()) + ".xml");
  std::ofstream(file) << xml;
  const auto result = run_command({"/usr/bin/env", "xmllint", "--noout", "--schema",
                                   std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/junit.xsd", file.string()});
  fs::remove(file);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.exit_code == 0;
}

class Check : public ::testing::TestWithParam<Server> {
 protected:
  testing::TestDatabase db_{GetParam()};
};

TEST_P(Check, ACleanProjectPassesInEveryFormat) {
  Project p;
  ASSERT_EQ(migrate_up(db_.url(), p.dir).exit_code, 0);
  const std::vector<std::string> all = {"--url",    db_.url(),         "--dir",     p.d(),
                                        "--schema", p.schema.string(), "--dev-url", db_.server_url()};
  auto with = [&](const std::string& format) {
    auto args = all;
    args.insert(args.end(), {"--format", format});
    return check(args);
  };

  const auto text = with("text");
  EXPECT_EQ(text.exit_code, 0) << text.out << text.err;
  EXPECT_THAT(text.out, HasSubstr("drift     live database against the declared schema: ok"));
  EXPECT_THAT(text.out, HasSubstr("drift     migrations against the declared schema: ok"));
  EXPECT_THAT(text.out, HasSubstr("lint      migration files: skipped, no migration file is pending"));
  EXPECT_THAT(text.out, HasSubstr("strata check: clean"));

  const auto json = with("json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report["version"], 1);
  EXPECT_EQ(report["status"], "clean");
  EXPECT_EQ(report["summary"]["skipped_checks"], 1);

  const auto junit = with("junit");
  ASSERT_EQ(junit.exit_code, 0) << junit.err;
  EXPECT_TRUE(valid_junit(junit.out));
  EXPECT_THAT(junit.out, HasSubstr("failures=\"0\""));

  const auto github = with("github");
  ASSERT_EQ(github.exit_code, 0) << github.err;
  EXPECT_THAT(github.out, Not(HasSubstr("::error")));
  EXPECT_THAT(github.out, HasSubstr("strata check: 0 findings"));
}

TEST_P(Check, AColumnAddedByHandIsDriftInEveryFormat) {
  Project p;
  ASSERT_EQ(migrate_up(db_.url(), p.dir).exit_code, 0);
  exec(db_.url(), "ALTER TABLE users ADD COLUMN nickname text");
  const std::vector<std::string> args = {"--url", db_.url(), "--schema", p.schema.string()};

  auto json_args = args;
  json_args.insert(json_args.end(), {"--format", "json"});
  const auto json = check(json_args);
  ASSERT_EQ(json.exit_code, 1) << json.out << json.err;
  const auto findings = findings_of(json);
  ASSERT_EQ(findings.size(), 1u) << json.out;
  EXPECT_EQ(findings[0]["code"], "SD101");
  EXPECT_EQ(findings[0]["check"], "drift");
  EXPECT_THAT(findings[0]["message"].get<std::string>(), HasSubstr("nickname"));
  EXPECT_THAT(findings[0]["statement"].get<std::string>(), HasSubstr("DROP COLUMN"));

  auto junit_args = args;
  junit_args.insert(junit_args.end(), {"--format", "junit"});
  const auto junit = check(junit_args);
  EXPECT_EQ(junit.exit_code, 1);
  EXPECT_TRUE(valid_junit(junit.out));
  EXPECT_THAT(junit.out, HasSubstr("<failure type=\"SD101\""));

  auto github_args = args;
  github_args.insert(github_args.end(), {"--format", "github"});
  const auto github = check(github_args);
  EXPECT_EQ(github.exit_code, 1);
  EXPECT_THAT(github.out, HasSubstr("::error title=strata SD101 drift::the live database needs: "));

  const auto text = check(args);
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_THAT(text.out, HasSubstr("SD101"));
  EXPECT_THAT(text.out, Not(HasSubstr("\033[")));
}

TEST_P(Check, MigrationsThatMissTheDeclaredSchemaOrFailAreCaught) {
  Project p;
  std::ofstream(p.schema, std::ios::app) << "  coupons:\n    columns:\n      code: text\n    primary_key: [code]\n";
  const auto missing =
      check({"--dir", p.d(), "--schema", p.schema.string(), "--dev-url", db_.server_url(), "--format", "json"});
  ASSERT_EQ(missing.exit_code, 1) << missing.out << missing.err;
  EXPECT_THAT(codes_of(missing), ::testing::ElementsAre("SD102"));
  EXPECT_THAT(findings_of(missing)[0]["message"].get<std::string>(), HasSubstr("coupons"));

  p.dir.add("0003_broken", "CREATE TABLE coupons (code text PRIMARY KEY);\nALTER TABLE nowhere ADD COLUMN x int;",
            std::nullopt);
  p.dir.hash();
  const auto failing =
      check({"--dir", p.d(), "--schema", p.schema.string(), "--dev-url", db_.server_url(), "--format", "json"});
  ASSERT_EQ(failing.exit_code, 1) << failing.out << failing.err;
  const auto findings = findings_of(failing);
  ASSERT_EQ(findings.size(), 1u) << failing.out;
  EXPECT_EQ(findings[0]["code"], "SD103");
  EXPECT_THAT(findings[0]["file"].get<std::string>(), HasSubstr("0003_broken.up.sql"));
  EXPECT_EQ(findings[0]["line"], 2);
}

TEST_P(Check, EditedAppliedMigrationsAndPendingOnesAreReported) {
  Project p;
  ASSERT_EQ(migrate_up(db_.url(), p.dir).exit_code, 0);
  p.dir.add("0001_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, extra int);",
            "DROP TABLE users;");
  p.dir.add("0003_cleanup", "ALTER TABLE orders ADD COLUMN status text;\nDROP TABLE users CASCADE;", std::nullopt);
  p.dir.hash();
  const auto result = check({"--url", db_.url(), "--dir", p.d(), "--format", "github"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  const std::string edited = (p.dir.path() / "0001_users.up.sql").string();
  const std::string pending = (p.dir.path() / "0003_cleanup.up.sql").string();
  EXPECT_THAT(result.out, HasSubstr("::error file=" + edited + ",title=strata SI102 integrity::"));
  EXPECT_THAT(result.out, HasSubstr("::error file=" + pending + ",line=2,title=strata SL101 lint::DROP TABLE users"));
  // Only the pending file is linted: 0002 is applied.
  EXPECT_THAT(result.out, Not(HasSubstr("0002_orders")));
}

TEST(CheckBase, FilesNewSinceAGitRefAreLintedAndEditsOfOldOnesReported) {
  Project p;
  p.dir.git_commit("base");
  p.dir.add("0001_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);", std::nullopt);
  p.dir.add("0003_tier", "ALTER TABLE users ADD COLUMN tier int NOT NULL;", std::nullopt);
  p.dir.hash();
  const auto result = check({"--dir", p.d(), "--base", "HEAD", "--format", "json"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_THAT(codes_of(result), ::testing::UnorderedElementsAre("SI106", "SL301"));
  const auto report = nlohmann::json::parse(result.out);
  std::vector<std::string> linted;
  for (const auto& c : report["checks"]) {
    if (c["check"] == "lint") linted.push_back(c["name"]);
  }
  EXPECT_THAT(linted, ::testing::ElementsAre(HasSubstr("0003_tier.up.sql")));

  const auto bad_ref = check({"--dir", p.d(), "--base", "no-such-branch"});
  EXPECT_EQ(bad_ref.exit_code, 2);
  EXPECT_THAT(bad_ref.err, HasSubstr("--base no-such-branch: not a commit"));
}

TEST(CheckExit, BadInputIsTwoAndAnUnreachableServerIsThree) {
  Project p;
  const auto nothing = check({});
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_THAT(nothing.err, HasSubstr("nothing to check"));

  p.dir.write("0009_bad.up.sql", "SELECT 'never closed;\n");
  p.dir.hash();
  const auto unsplittable = check({"--dir", p.d()});
  EXPECT_EQ(unsplittable.exit_code, 2);
  EXPECT_THAT(unsplittable.err, HasSubstr("0009_bad.up.sql:1"));

  std::ofstream(p.schema, std::ios::app) << "  broken: [\n";
  const auto bad_schema = check({"--schema", p.schema.string()});
  EXPECT_EQ(bad_schema.exit_code, 2);
  EXPECT_THAT(bad_schema.err, HasSubstr("schema.yaml:"));

  const auto unreachable =
      check({"--url", "postgresql://strata:Sw0rdfish-42@127.0.0.1:1/db?connect_timeout=2", "--dir", p.d()});
  EXPECT_EQ(unreachable.exit_code, 3) << unreachable.err;
  EXPECT_THAT(unreachable.out + unreachable.err, Not(HasSubstr("Sw0rdfish-42")));
}

TEST(CheckDuplicateVersions, AreIntegrityFindingsNotACrash) {
  MigrationDir dir;
  dir.add("0001_a", "SELECT 1;", std::nullopt);
  dir.add("001_b", "SELECT 2;", std::nullopt);
  const auto result = check({"--dir", dir.path().string(), "--format", "json"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_THAT(codes_of(result), ::testing::Contains("SI104"));
}

INSTANTIATE_TEST_SUITE_P(Servers, Check, ::testing::ValuesIn(testing::servers_under_test()),
                         [](const auto& info) { return testing::to_string(info.param); });

}  // namespace
}  // namespace strata
