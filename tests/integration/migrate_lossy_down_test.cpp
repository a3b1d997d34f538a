// `strata migrate down` and `goto` before a down file that says it cannot restore data
// (`-- strata:lossy <why>`, as `strata migrate new` writes it): on no terminal they run nothing and
// exit 1, naming the file and why, unless --auto-approve says to go on; a dry run lists the reasons.
// (On a terminal they ask; the tests here have none, as CI has none.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"
#include "support/waiting.hpp"

namespace strata {
namespace {

using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::query_value;
using testing::run_command;
using testing::strata_binary;

std::vector<std::string> migrate(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {strata_binary(), "migrate"};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

MigrationDir users_then_notes() {
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.add("2_notes", "ALTER TABLE users ADD COLUMN note text;",
          "-- strata:lossy step 1 (drop column note from table users): drops column note of users and its values\n"
          "ALTER TABLE users DROP COLUMN note;");
  dir.hash();
  return dir;
}

TEST(MigrateLossyDown, WithNoOneToAskNothingRunsUnlessAutoApproved) {
  testing::TestDatabase db;
  MigrationDir dir = users_then_notes();
  const std::string d = dir.path().string();
  ASSERT_EQ(run_command(migrate({"up", "--url", db.url(), "--dir", d})).exit_code, 0);

  const auto refused = run_command(migrate({"down", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("nothing was run"));
  EXPECT_THAT(refused.err, HasSubstr("down 2 notes: step 1 (drop column note from table users)"));
  EXPECT_THAT(refused.err, HasSubstr("--auto-approve"));
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"), "1")
      << "the column is still there";

  const auto refused_goto = run_command(migrate({"goto", "0", "--url", db.url(), "--dir", d, "--format", "json"}));
  EXPECT_EQ(refused_goto.exit_code, 1) << refused_goto.err;
  EXPECT_THAT(refused_goto.out, HasSubstr("\"error\"")) << "one JSON document, also when refused";

  const auto preview = run_command(migrate({"down", "--dry-run", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(preview.exit_code, 0) << preview.err;
  EXPECT_THAT(preview.out, HasSubstr("-- cannot restore data: step 1 (drop column note from table users)"));

  const auto approved = run_command(migrate({"down", "--auto-approve", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(approved.exit_code, 0) << approved.err;
  EXPECT_THAT(approved.out, HasSubstr("cannot restore data: step 1"));
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"), "0");

  // A down file with no such line runs as before.
  const auto plain = run_command(migrate({"down", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
}

}  // namespace
}  // namespace strata
