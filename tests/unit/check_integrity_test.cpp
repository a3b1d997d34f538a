// The integrity check of `strata check`: each SI code on a directory (and history) that raises it
// and on one that does not, and which files the lint then reads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/check/checks.hpp"
#include "migrations/directory.hpp"
#include "support/migration_dir.hpp"

namespace strata::check {
namespace {

using strata::testing::MigrationDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> codes(const IntegrityResult& result) {
  std::vector<std::string> out;
  for (const auto& f : result.report.findings) out.push_back(f.code);
  return out;
}

migrations::HistoryRow applied(const migrations::Migration& m) {
  migrations::HistoryRow row;
  row.version = m.version;
  row.name = m.name;
  row.checksum = m.up.checksum;
  row.state = migrations::RowState::Applied;
  row.finished = true;
  return row;
}

MigrationDir three() {
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.add("2_posts", "CREATE TABLE posts (id int PRIMARY KEY);", "DROP TABLE posts;");
  dir.add("3_tags", "CREATE TABLE tags (id int PRIMARY KEY);", "DROP TABLE tags;");
  dir.hash();
  return dir;
}

TEST(CheckIntegrity, ACleanDirectoryAndHistoryRaiseNothingAndOnlyPendingFilesAreLinted) {
  MigrationDir dir = three();
  const auto d = migrations::read_directory(dir.path());
  const auto result = check_integrity(d, std::vector{applied(d.migrations[0]), applied(d.migrations[1])}, "");
  EXPECT_THAT(codes(result), IsEmpty());
  EXPECT_THAT(result.lint_targets, ElementsAre(2u));
  EXPECT_EQ(result.lint_scope, "pending");
  const auto offline = check_integrity(d, std::nullopt, "");
  EXPECT_THAT(offline.lint_targets, ElementsAre(0u, 1u, 2u));
  EXPECT_EQ(offline.lint_scope, "all");
}

TEST(CheckIntegrity, SI101AFileChangedAfterStrataSum) {
  MigrationDir dir = three();
  dir.write("2_posts.up.sql", "CREATE TABLE posts (id bigint PRIMARY KEY);");
  const auto result = check_integrity(migrations::read_directory(dir.path()), std::nullopt, "");
  ASSERT_THAT(codes(result), ElementsAre("SI101"));
  EXPECT_THAT(result.report.findings[0].file, HasSubstr("strata.sum"));
  EXPECT_GT(result.report.findings[0].line, 0);
  EXPECT_THAT(result.report.findings[0].message, HasSubstr("2_posts.up.sql"));
}

TEST(CheckIntegrity, SI102AnAppliedFileEdited) {
  MigrationDir dir = three();
  auto before = migrations::read_directory(dir.path());
  const auto history = std::vector{applied(before.migrations[0])};
  dir.write("1_users.up.sql", "CREATE TABLE users (id int PRIMARY KEY, extra int);");
  dir.hash();
  const auto result = check_integrity(migrations::read_directory(dir.path()), history, "");
  ASSERT_THAT(codes(result), ElementsAre("SI102"));
  EXPECT_THAT(result.report.findings[0].file, HasSubstr("1_users.up.sql"));
}

TEST(CheckIntegrity, SI103AnAppliedFileGone) {
  MigrationDir dir = three();
  const auto history = std::vector{applied(migrations::read_directory(dir.path()).migrations[0])};
  dir.remove("1_users");
  dir.hash();
  const auto result = check_integrity(migrations::read_directory(dir.path()), history, "");
  ASSERT_THAT(codes(result), ElementsAre("SI103"));
  EXPECT_THAT(result.report.findings[0].message, HasSubstr("migration 1 (users)"));
}

TEST(CheckIntegrity, SI105APendingVersionBelowAnAppliedOne) {
  MigrationDir dir = three();
  const auto d = migrations::read_directory(dir.path());
  const auto result = check_integrity(d, std::vector{applied(d.migrations[0]), applied(d.migrations[2])}, "");
  ASSERT_THAT(codes(result), ElementsAre("SI105"));
  EXPECT_THAT(result.report.findings[0].file, HasSubstr("2_posts.up.sql"));
  EXPECT_THAT(result.lint_targets, ElementsAre(1u));
}

TEST(CheckIntegrity, SI105AndSI106AgainstAGitRef) {
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.add("5_posts", "CREATE TABLE posts (id int PRIMARY KEY);", std::nullopt);
  dir.hash();
  dir.git_commit("base");
  {
    const auto clean = check_integrity(migrations::read_directory(dir.path()), std::nullopt, "HEAD");
    EXPECT_THAT(codes(clean), IsEmpty());
    EXPECT_THAT(clean.lint_targets, IsEmpty());
  }
  dir.add("3_late", "CREATE TABLE late (id int);", std::nullopt);
  dir.add("7_next", "CREATE TABLE next (id int);", std::nullopt);
  dir.write("1_users.down.sql", "DROP TABLE users CASCADE;");
  dir.hash();
  const auto d = migrations::read_directory(dir.path());
  const auto result = check_integrity(d, std::nullopt, "HEAD");
  EXPECT_THAT(codes(result), ::testing::UnorderedElementsAre("SI106", "SI105"));
  for (const auto& f : result.report.findings) {
    const std::string expected = f.code == "SI106" ? "1_users.down.sql" : "3_late.up.sql";
    EXPECT_THAT(f.file, HasSubstr(expected)) << f.code;
  }
  EXPECT_EQ(result.lint_scope, "new since HEAD");
  ASSERT_EQ(result.lint_targets.size(), 2u);
  EXPECT_EQ(d.migrations[result.lint_targets[0]].name, "late");
  EXPECT_EQ(d.migrations[result.lint_targets[1]].name, "next");
}

}  // namespace
}  // namespace strata::check
