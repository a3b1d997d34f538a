// The migrations directory and strata.sum: file names, versions, pairs, and every way the files can
// disagree with strata.sum.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migrations/directory.hpp"
#include "migrations/sum.hpp"
#include "strata/errors.hpp"
#include "support/migration_dir.hpp"

namespace strata::migrations {
namespace {

using ::testing::HasSubstr;
using testing::MigrationDir;

std::string load_error(const std::filesystem::path& path) {
  try {
    read_directory(path);
  } catch (const LoadError& error) {
    return error.what();
  }
  return "no error";
}

std::vector<std::string> problems(const Directory& directory) {
  std::vector<std::string> out;
  for (const auto& p : verify_sum(directory)) out.push_back(p.file_name + ": " + p.message);
  return out;
}

TEST(MigrationDirectory, ReadsPairsInNumericVersionOrder) {
  MigrationDir dir;
  dir.add("10_ten", "SELECT 10;", "SELECT -10;");
  dir.add("9_nine", "SELECT 9;", std::nullopt);
  dir.add("0001_one", "SELECT 1;", "SELECT -1;");
  dir.write("README.md", "not a migration");
  dir.write(".hidden.sql", "ignored");
  const Directory d = read_directory(dir.path());
  ASSERT_EQ(d.migrations.size(), 3u);
  EXPECT_EQ(d.migrations[0].version, 1);
  EXPECT_EQ(d.migrations[0].version_text, "0001");
  EXPECT_EQ(d.migrations[0].name, "one");
  EXPECT_EQ(d.migrations[1].version, 9);
  EXPECT_FALSE(d.migrations[1].down.has_value());
  EXPECT_EQ(d.migrations[2].version, 10);
  EXPECT_EQ(d.migrations[2].down->text(), "SELECT -10;");
  EXPECT_EQ(d.migrations[2].up.checksum, sha256_checksum("SELECT 10;"));
}

TEST(MigrationDirectory, Sha256IsTheStandardDigest) {
  EXPECT_EQ(sha256_checksum(""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_checksum("abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(MigrationDirectory, BadNamesAndPairsAreErrorsNamingTheFile) {
  {
    MigrationDir dir;
    dir.write("0001_x.sql", "SELECT 1;");
    EXPECT_THAT(load_error(dir.path()), HasSubstr("0001_x.sql: expected a migration file named"));
  }
  {
    MigrationDir dir;
    dir.write("abc_x.up.sql", "SELECT 1;");
    EXPECT_THAT(load_error(dir.path()), HasSubstr("the version 'abc' is not a number"));
  }
  {
    MigrationDir dir;
    dir.write("1_bad name.up.sql", "SELECT 1;");
    EXPECT_THAT(load_error(dir.path()), HasSubstr("letters, digits"));
  }
  {
    MigrationDir dir;
    dir.add("1_a", "SELECT 1;", std::nullopt);
    dir.add("01_b", "SELECT 1;", std::nullopt);
    EXPECT_THAT(load_error(dir.path()), HasSubstr("one migration per version"));
  }
  {
    MigrationDir dir;
    dir.write("3_c.down.sql", "SELECT 1;");
    EXPECT_THAT(load_error(dir.path()), HasSubstr("3_c.down.sql: expected 3_c.up.sql next to this down file"));
  }
  {
    MigrationDir dir;
    dir.add("99999999999999999999_big", "SELECT 1;", std::nullopt);
    EXPECT_THAT(load_error(dir.path()), HasSubstr("fits in 64 bits"));
  }
  EXPECT_THROW(read_directory("/nonexistent/strata/migrations"), UsageError);
}

TEST(MigrationSum, AgreesAfterHashAndCatchesEveryKindOfChange) {
  MigrationDir dir;
  dir.add("1_a", "SELECT 1;", "SELECT -1;");
  dir.add("2_b", "SELECT 2;", std::nullopt);
  EXPECT_THAT(problems(read_directory(dir.path())),
              ::testing::ElementsAre("strata.sum: is missing: run `strata migrate hash` to write it"));
  dir.hash();
  EXPECT_TRUE(verify_sum(read_directory(dir.path())).empty());
  EXPECT_NO_THROW(require_sum(read_directory(dir.path())));

  dir.write("1_a.up.sql", "SELECT 11;");
  EXPECT_THAT(problems(read_directory(dir.path())),
              ::testing::ElementsAre("1_a.up.sql: was edited after strata.sum was written"));
  dir.write("1_a.up.sql", "SELECT 1;");

  dir.add("3_c", "SELECT 3;", std::nullopt);
  EXPECT_THAT(problems(read_directory(dir.path())),
              ::testing::ElementsAre(HasSubstr("3_c.up.sql: is not in strata.sum")));
  dir.remove("3_c");

  dir.remove("2_b");
  EXPECT_THAT(problems(read_directory(dir.path())),
              ::testing::ElementsAre(HasSubstr("2_b.up.sql: is listed in strata.sum but is not")));
  dir.add("2_b", "SELECT 2;", std::nullopt);
  EXPECT_TRUE(verify_sum(read_directory(dir.path())).empty());

  try {
    dir.write("2_b.up.sql", "DROP TABLE everything;");
    require_sum(read_directory(dir.path()));
    FAIL() << "an edited file must be refused";
  } catch (const LoadError& error) {
    EXPECT_THAT(error.what(), HasSubstr("2_b.up.sql was edited"));
    EXPECT_THAT(error.what(), HasSubstr("strata migrate hash"));
  }
}

TEST(MigrationSum, AHandEditedSumIsCaughtWithItsLine) {
  MigrationDir dir;
  dir.add("1_a", "SELECT 1;", std::nullopt);
  dir.hash();
  std::string sum = dir.text("strata.sum");
  // Make the file line match an edited file, as someone hiding an edit would.
  dir.write("1_a.up.sql", "SELECT 2;");
  const std::string old_line = "1_a.up.sql " + sha256_checksum("SELECT 1;");
  sum.replace(sum.find(old_line), old_line.size(), "1_a.up.sql " + sha256_checksum("SELECT 2;"));
  dir.write("strata.sum", sum);
  EXPECT_THAT(problems(read_directory(dir.path())), ::testing::ElementsAre(HasSubstr("edited by hand")));

  dir.write("strata.sum", sum + "garbage\n");
  const auto found = verify_sum(read_directory(dir.path()));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].line, 5);
  EXPECT_THAT(found[0].message, HasSubstr("expected `<file> sha256:<checksum>`"));
}

}  // namespace
}  // namespace strata::migrations
