// `--format json` for scripts: every command prints exactly one JSON document on standard output,
// on success and on failure (then with an "error" object), in the shape docs/json.md documents.
// Each test parses the whole of standard output: a sentence after the document fails the parse.
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

using testing::CommandResult;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::run_command;
using testing::strata_binary;

const std::string kUnreachable = "postgresql://nobody@127.0.0.1:1/none";
const char* const kUsers = "tables:\n  users:\n    primary_key: [id]\n    columns:\n      id: { type: bigint }\n";

CommandResult strata(std::vector<std::string> args) {
  args.insert(args.begin(), strata_binary());
  return run_command(args, {"DATABASE_URL="});
}

// Standard output as one JSON document (the parse fails on anything before or after it).
nlohmann::json document_of(const CommandResult& result) {
  try {
    return nlohmann::json::parse(result.out);
  } catch (const nlohmann::json::parse_error& error) {
    ADD_FAILURE() << "standard output is not one JSON document: " << error.what() << "\n" << result.out;
    return nlohmann::json::object();
  }
}

// The document of a failure: an "error" object with its code and exit code, agreeing with the
// process's exit code.
nlohmann::json error_of(const CommandResult& result, const std::string& code, int exit_code) {
  EXPECT_EQ(result.exit_code, exit_code) << result.err;
  const auto document = document_of(result);
  EXPECT_TRUE(document.contains("error")) << document.dump(2);
  if (!document.contains("error")) return nlohmann::json::object();
  const auto& error = document["error"];
  EXPECT_EQ(error.value("code", ""), code) << error.dump(2);
  EXPECT_EQ(error.value("exit_code", -1), exit_code);
  EXPECT_FALSE(error.value("message", "").empty());
  return error;
}

std::string write_schema(const MigrationDir& dir, const std::string& yaml) {
  const auto path = dir.path() / "schema.yaml";
  std::ofstream(path) << yaml;
  return path.string();
}

TEST(CliJson, ApplyPrintsOneDocumentAlsoForADryRun) {
  testing::TestDatabase db;
  MigrationDir dir;
  const std::string schema = write_schema(dir, kUsers);
  const auto dry = strata({"apply", "--url", db.url(), "--schema", schema, "--dry-run", "--format", "json"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  const auto plan = document_of(dry);
  EXPECT_EQ(plan["format"], "strata-plan");
  EXPECT_EQ(plan["dry_run"], true);
  EXPECT_EQ(plan["applied"], false);
  ASSERT_EQ(plan["steps"].size(), 1u);
  EXPECT_THAT(dry.err, HasSubstr("Dry run: nothing was changed"));

  const auto applied = strata({"apply", "--url", db.url(), "--schema", schema, "--auto-approve", "--format", "json"});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_EQ(document_of(applied)["applied"], true);

  const auto nothing = strata({"apply", "--url", db.url(), "--schema", schema, "--auto-approve", "--format", "json"});
  ASSERT_EQ(nothing.exit_code, 0) << nothing.err;
  EXPECT_TRUE(document_of(nothing)["steps"].empty());

  pqxx::connection c(db.url());
  pqxx::nontransaction(c).exec("INSERT INTO users VALUES (1)");
  const std::string tier = write_schema(dir, std::string(kUsers) + "      tier: { type: int }\n");
  const auto refused = strata({"apply", "--url", db.url(), "--schema", tier, "--auto-approve", "--format", "json"});
  const auto error = error_of(refused, "hazard-refused", 1);
  EXPECT_EQ(error["hazards"], nlohmann::json::array({"not-null-without-default"}));

  const auto failed = strata(
      {"apply", "--url", db.url(), "--schema", tier, "--auto-approve", "--allow-hazards", "all", "--format", "json"});
  const auto refusal = error_of(failed, "database", 4);
  EXPECT_EQ(refusal["sqlstate"], "23502");
  EXPECT_THAT(refusal.value("statement", ""), HasSubstr("tier"));
  EXPECT_EQ(document_of(failed)["applied"], false) << "the plan it tried is in the document";
}

TEST(CliJson, MigrateUpReportsTheFailureAndWhatRanBeforeIt) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.add("2_posts", "CREATE TABLE posts (id int);\nINSERT INTO nowhere VALUES (1);", "DROP TABLE posts;");
  dir.hash();
  const std::string d = dir.path().string();

  const auto dry = strata({"migrate", "up", "--url", db.url(), "--dir", d, "--dry-run", "--format", "json"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  const auto planned = document_of(dry);
  EXPECT_EQ(planned["dry_run"], true);
  ASSERT_EQ(planned["migrations"].size(), 2u);
  EXPECT_EQ(planned["migrations"][1]["file"], "2_posts.up.sql");
  EXPECT_EQ(planned["migrations"][1]["in_transaction"], true);
  ASSERT_EQ(planned["migrations"][1]["would_run"].size(), 2u);
  EXPECT_EQ(planned["migrations"][1]["would_run"][1]["sql"], "INSERT INTO nowhere VALUES (1)");
  EXPECT_EQ(planned["migrations"][1]["would_run"][1]["line"], 2);

  const auto failed = strata({"migrate", "up", "--url", db.url(), "--dir", d, "--format", "json"});
  const auto error = error_of(failed, "migration-failed", 4);
  EXPECT_THAT(error.value("file", ""), EndsWith("2_posts.up.sql"));
  EXPECT_EQ(error["line"], 2);
  EXPECT_EQ(error["statement"], "INSERT INTO nowhere VALUES (1)");
  EXPECT_EQ(error["sqlstate"], "42P01");
  const auto ran = document_of(failed)["migrations"];
  ASSERT_EQ(ran.size(), 1u) << "the migration that finished before the failure";
  EXPECT_EQ(ran[0]["version"], 1);

  const auto status = strata({"migrate", "status", "--url", db.url(), "--dir", d, "--format", "json"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  const auto states = document_of(status);
  EXPECT_EQ(states["migrations"][0]["state"], "applied");
  EXPECT_EQ(states["migrations"][1]["state"], "failed");
  EXPECT_FALSE(states["migrations"][0]["applied_by"].is_null());

  dir.write("2_posts.up.sql", "CREATE TABLE posts (id int);");
  dir.hash();
  const auto up = strata({"migrate", "up", "--url", db.url(), "--dir", d, "--format", "json"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(document_of(up)["migrations"].size(), 1u);
  const auto down = strata({"migrate", "down", "2", "--url", db.url(), "--dir", d, "--format", "json"});
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_EQ(document_of(down)["migrations"][0]["direction"], "down");
  const auto go = strata({"migrate", "goto", "1", "--url", db.url(), "--dir", d, "--format", "json"});
  ASSERT_EQ(go.exit_code, 0) << go.err;
  EXPECT_EQ(document_of(go)["migrations"].size(), 1u);
}

TEST(CliJson, EveryCommandFailsWithOneDocument) {
  testing::TestDatabase db;
  MigrationDir dir;
  const std::string schema = write_schema(dir, kUsers);
  const std::string d = dir.path().string();
  error_of(strata({"plan", "--url", kUnreachable, "--schema", schema, "--format", "json"}), "connection", 3);
  error_of(strata({"inspect", "--url", kUnreachable, "--format", "json"}), "connection", 3);
  error_of(strata({"check", "--dir", d, "--url", kUnreachable, "--format", "json"}), "connection", 3);
  error_of(strata({"migrate", "status", "--url", db.url(), "--dir", d + "/nope", "--format", "json"}), "usage", 2);
  error_of(strata({"migrate", "up", "--dirr", d, "--format", "json"}), "usage", 2);
  error_of(strata({"migrate", "repair", "--applied", "--url", db.url(), "--dir", d, "--format", "json"}), "usage", 2);

  const std::string bad = write_schema(dir, "tables:\n  t:\n    colums: {}\n");
  const auto load = error_of(strata({"plan", "--url", db.url(), "--schema", bad, "--format", "json"}), "load", 2);
  EXPECT_THAT(load.value("file", ""), EndsWith("schema.yaml"));
  EXPECT_TRUE(load["line"].is_number()) << load.dump(2);
  ASSERT_FALSE(load["diagnostics"].empty());
  EXPECT_EQ(load["diagnostic_count"], load["diagnostics"].size());
}

TEST(CliJson, SuccessfulCommandsPrintOneDocument) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.hash();
  const std::string d = dir.path().string();
  const std::string schema = write_schema(dir, kUsers);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"plan", "--url", db.url(), "--schema", schema, "--format", "json"},
           {"inspect", "--url", db.url(), "--format", "json"},
           {"check", "--dir", d, "--format", "json"},
           {"migrate", "status", "--url", db.url(), "--dir", d, "--format", "json"},
           {"migrate", "set", "1", "--url", db.url(), "--dir", d, "--dry-run", "--format", "json"},
       }) {
    const auto result = strata(args);
    EXPECT_EQ(result.exit_code, 0) << args[0] << ": " << result.err;
    const auto document = document_of(result);
    EXPECT_TRUE(document.is_object()) << args[0];
    EXPECT_FALSE(document.contains("error")) << args[0];
  }
}

}  // namespace
}  // namespace strata
