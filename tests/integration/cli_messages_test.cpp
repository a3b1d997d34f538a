// What `strata` says when something is wrong: the unknown command or option with the closest known
// one, which kind of file has errors, advice given once, a lost connection without libpq's noise,
// thousands of errors capped, huge values cut, and too deep nesting with its place.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
using testing::strata_binary;

CommandResult strata(std::vector<std::string> args) {
  args.insert(args.begin(), strata_binary());
  return run_command(args, {"DATABASE_URL="});
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::size_t longest_line(const std::string& text) {
  std::size_t longest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    longest = std::max(longest, end - start);
    start = end + 1;
  }
  return longest;
}

TEST(CliMessages, AnUnknownCommandIsNamedWithTheClosestOne) {
  const auto typo = strata({"aply"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.err, HasSubstr("`strata` has no command 'aply': did you mean `strata apply`?"));
  EXPECT_THAT(typo.err, Not(HasSubstr("A subcommand is required")));

  const auto nested = strata({"migrate", "stauts"});
  EXPECT_EQ(nested.exit_code, 2);
  EXPECT_THAT(nested.err, HasSubstr("did you mean `strata migrate status`?"));

  const auto far = strata({"migrate", "launch"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_THAT(far.err, HasSubstr("`strata migrate` has no command 'launch'; its commands are: up, down, goto"));

  const auto none = strata({"migrate"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, HasSubstr("`strata migrate` needs a command: up, down, goto, status, hash, new, repair, set"));
}

TEST(CliMessages, AnUnknownOptionIsNamedWithTheClosestOne) {
  const auto typo = strata({"migrate", "up", "--dirr", "d"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.err, HasSubstr("`strata migrate up` has no option --dirr: did you mean --dir?"));
  EXPECT_THAT(typo.err, Not(HasSubstr("Could not convert")));

  const auto equals = strata({"plan", "--formt=json"});
  EXPECT_THAT(equals.err, HasSubstr("has no option --formt: did you mean --format?"));

  const auto number = strata({"migrate", "up", "many"});
  EXPECT_EQ(number.exit_code, 2);
  EXPECT_THAT(number.err, HasSubstr("N cannot be 'many': expected a whole number"));
}

TEST(CliMessages, HelpIsACommand) {
  const auto help = strata({"help"});
  ASSERT_EQ(help.exit_code, 0) << help.err;
  EXPECT_THAT(help.out, HasSubstr("Usage: strata"));
  EXPECT_THAT(help.out, HasSubstr("migrate"));
  EXPECT_THAT(help.out, HasSubstr("Exit codes"));

  const auto up = strata({"help", "migrate", "up"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_THAT(up.out, HasSubstr("Usage: strata migrate up"));
  EXPECT_THAT(up.out, HasSubstr("--dry-run"));
  EXPECT_EQ(up.out, strata({"migrate", "up", "--help"}).out) << "`help X` and `X --help` say the same";

  const auto typo = strata({"help", "migrate", "stauts"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.err, HasSubstr("did you mean `strata migrate status`?"));
}

TEST(CliMessages, ErrorsSayWhichKindOfFileHasThem) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int);", std::nullopt);
  const std::string d = dir.path().string();

  const auto missing = strata({"migrate", "up", "--url", db.url(), "--dir", d});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("strata.sum is missing"));
  EXPECT_EQ(count_of(missing.err, "strata migrate hash"), 1u) << "the advice once:\n" << missing.err;
  EXPECT_THAT(missing.err, HasSubstr("strata: 1 error in strata.sum"));
  EXPECT_THAT(missing.err, Not(HasSubstr("schema")));

  dir.hash();
  dir.write("1_users.up.sql", "CREATE TABLE users (id bigint);");
  const auto edited = strata({"migrate", "up", "--url", db.url(), "--dir", d});
  EXPECT_THAT(edited.err, HasSubstr("strata: 1 error in strata.sum"));

  dir.hash();
  dir.write("users.up.sql", "SELECT 1;");
  const auto named = strata({"migrate", "hash", "--dir", d});
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_THAT(named.err, HasSubstr("strata: 1 error in the migrations directory"));
  fs::remove(dir.path() / "users.up.sql");

  dir.write("strata.yaml", "url: x\nmigrashuns: y\n");
  const auto config = strata({"migrate", "status", "--config", (dir.path() / "strata.yaml").string()});
  EXPECT_EQ(config.exit_code, 2);
  EXPECT_THAT(config.err, HasSubstr("strata: 1 error in strata.yaml"));

  dir.write("schema.yaml", "tables:\n  t:\n    columns:\n      id: { type: 12 }\n");
  const auto schema = strata({"ddl", "--schema", (dir.path() / "schema.yaml").string()});
  EXPECT_THAT(schema.err, HasSubstr("strata: 1 error in the declared schema"));
}

TEST(CliMessages, ThousandsOfErrorsAreCappedAndHugeValuesCut) {
  MigrationDir dir;
  std::string yaml = "tables:\n";
  const int tables = 31251;
  for (int i = 0; i < tables; ++i) yaml += "  t" + std::to_string(i) + ":\n    colums: {}\n";
  dir.write("many.yaml", yaml);
  const auto many = strata({"ddl", "--schema", (dir.path() / "many.yaml").string()});
  EXPECT_EQ(many.exit_code, 2);
  EXPECT_EQ(count_of(many.err, ": error: "), 50u);
  EXPECT_THAT(many.err, HasSubstr("and " + std::to_string(tables * 2 - 50) + " more"));
  EXPECT_LT(many.err.size(), 20000u);

  const std::string huge(5 * 1000 * 1000, 'x');
  dir.write("huge.yaml", "tables:\n  t:\n    columns:\n      id: { type: " + huge + " }\n");
  const auto cut = strata({"ddl", "--schema", (dir.path() / "huge.yaml").string()});
  EXPECT_EQ(cut.exit_code, 2);
  EXPECT_THAT(cut.err, HasSubstr("unknown type 'xxx"));
  EXPECT_THAT(cut.err, HasSubstr("characters cut"));
  EXPECT_LT(longest_line(cut.err), 1000u);
  EXPECT_LT(cut.err.size(), 5000u);
}

TEST(CliMessages, TooDeepNestingSaysWhere) {
  MigrationDir dir;
  const int depth = 100000;
  dir.write("deep.yaml", "tables:\n  t: " + std::string(depth, '[') + std::string(depth, ']') + "\n");
  const auto deep = strata({"ddl", "--schema", (dir.path() / "deep.yaml").string()});
  EXPECT_EQ(deep.exit_code, 2);
  EXPECT_THAT(deep.err, HasSubstr("deep.yaml:2:"));
  EXPECT_THAT(deep.err, HasSubstr("nested too deeply"));
  EXPECT_THAT(deep.err, Not(HasSubstr("bad file")));
}

TEST(CliMessages, ALostConnectionSaysSoWithoutLibpqNoise) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_gone", "CREATE TABLE a (id int);\nSELECT pg_terminate_backend(pg_backend_pid());", std::nullopt);
  dir.hash();
  const auto lost = strata({"migrate", "up", "--url", db.url(), "--dir", dir.path().string()});
  EXPECT_EQ(lost.exit_code, 3) << lost.err;
  EXPECT_THAT(lost.err, HasSubstr("lost the connection"));
  EXPECT_THAT(lost.err, Not(HasSubstr("client encoding")));
  EXPECT_THAT(lost.err, Not(HasSubstr("This probably means")));
}

}  // namespace
}  // namespace strata
