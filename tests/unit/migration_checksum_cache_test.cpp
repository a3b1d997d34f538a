// The checksum cache: a start-up reads no file whose stat() is the one hashed before, and reads
// again every file that changed, was replaced, or had not settled when it was hashed.
#include <fcntl.h>

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migrations/checksum_cache.hpp"
#include "migrations/directory.hpp"
#include "strata/errors.hpp"
#include "support/migration_dir.hpp"

namespace strata::migrations {
namespace {

using ::testing::HasSubstr;
using testing::MigrationDir;

// Files written by a test are moments old; reading "a minute later" lets the cache remember them
// without waiting.
std::chrono::system_clock::time_point later() {
  return std::chrono::system_clock::now() + std::chrono::minutes(1);
}

class ChecksumCacheTest : public ::testing::Test {
 protected:
  ChecksumCacheTest() {
    dir_.add("1_a", "SELECT 1;", "SELECT -1;");
    dir_.add("2_b", "SELECT 2;", std::nullopt);
  }
  Directory read() { return read_directory(dir_.path(), cache_file_, later()); }

  MigrationDir dir_;
  MigrationDir cache_dir_;
  std::filesystem::path cache_file_ = cache_dir_.path() / "checksums" / "this-directory";
};

TEST_F(ChecksumCacheTest, ASecondReadHashesNothingAndReadsTextOnlyWhenAsked) {
  const Directory first = read();
  EXPECT_EQ(first.files_hashed, 3);
  const Directory second = read();
  EXPECT_EQ(second.files_hashed, 0);
  ASSERT_EQ(second.migrations.size(), 2u);
  EXPECT_EQ(second.migrations[0].up.checksum, sha256_checksum("SELECT 1;"));
  EXPECT_EQ(second.migrations[0].down->checksum, sha256_checksum("SELECT -1;"));
  EXPECT_FALSE(second.migrations[1].up.content.has_value());
  EXPECT_EQ(second.migrations[1].up.text(), "SELECT 2;");
}

TEST_F(ChecksumCacheTest, AnEditedOrReplacedFileIsHashedAgain) {
  read();
  dir_.write("1_a.up.sql", "SELECT 10;");  // edited in place: its size and times move
  const std::filesystem::path b = dir_.path() / "2_b.up.sql";
  std::ofstream(dir_.path() / "2_b.tmp") << "SELECT 3;";  // as editors save: a new file renamed over
  std::filesystem::rename(dir_.path() / "2_b.tmp", b);
  const Directory again = read();
  EXPECT_EQ(again.files_hashed, 2);
  EXPECT_EQ(again.migrations[0].up.checksum, sha256_checksum("SELECT 10;"));
  EXPECT_EQ(again.migrations[1].up.checksum, sha256_checksum("SELECT 3;"));
}

TEST_F(ChecksumCacheTest, AFileThatHadNotSettledIsNotRemembered) {
  const auto stamp = stamp_at(AT_FDCWD, (dir_.path() / "2_b.up.sql").c_str());
  ASSERT_TRUE(stamp.has_value());
  const auto changed = std::chrono::system_clock::time_point(std::chrono::nanoseconds(stamp->changed_ns));
  read_directory(dir_.path(), cache_file_, changed + kSettled / 2);  // hashed while it had just changed
  EXPECT_EQ(read().files_hashed, 3);
  EXPECT_EQ(read().files_hashed, 0);
}

// The case ctime is there for: an edit that keeps the size (and, set back by hand, the mtime).
TEST(ChecksumCacheEntries, AStampThatMovedInAnyFieldFindsNothing) {
  MigrationDir cache_dir;
  ChecksumCache cache(cache_dir.path() / "cache");
  const FileStamp stamp{1, 2, 30, 1'000'000'000, 1'000'000'000};
  const auto later = std::chrono::system_clock::time_point(std::chrono::seconds(100));
  cache.remember("1_a.up.sql", stamp, "sha256:aa", later);
  EXPECT_EQ(cache.find("1_a.up.sql", stamp), "sha256:aa");
  for (auto moved : {&FileStamp::modified_ns, &FileStamp::changed_ns}) {
    FileStamp other = stamp;
    other.*moved += 1;
    EXPECT_EQ(cache.find("1_a.up.sql", other), std::nullopt);
  }
  for (auto moved : {&FileStamp::device, &FileStamp::inode, &FileStamp::size}) {
    FileStamp other = stamp;
    other.*moved += 1;
    EXPECT_EQ(cache.find("1_a.up.sql", other), std::nullopt);
  }
  EXPECT_EQ(cache.find("2_b.up.sql", stamp), std::nullopt);
  const auto too_soon = std::chrono::system_clock::time_point(std::chrono::nanoseconds(stamp.changed_ns)) + kSettled -
                        std::chrono::milliseconds(1);
  cache.remember("3_c.up.sql", stamp, "sha256:cc", too_soon);
  EXPECT_EQ(cache.find("3_c.up.sql", stamp), std::nullopt);
}

TEST_F(ChecksumCacheTest, ADeletedFileLeavesTheCache) {
  read();
  dir_.remove("2_b");
  EXPECT_EQ(read().files_hashed, 0);
  std::ifstream in(cache_file_);
  const std::string cache((std::istreambuf_iterator<char>(in)), {});
  EXPECT_THAT(cache, HasSubstr("1_a.up.sql"));
  EXPECT_THAT(cache, ::testing::Not(HasSubstr("2_b.up.sql")));
}

TEST_F(ChecksumCacheTest, ACacheThatDoesNotParseIsIgnored) {
  read();
  std::ofstream(cache_file_) << "strata checksum cache 1\n1 2 not-a-number\n";
  EXPECT_EQ(read().files_hashed, 3);
  std::ofstream(cache_file_) << "something else entirely\n";
  EXPECT_EQ(read().files_hashed, 3);
  EXPECT_EQ(read().files_hashed, 0);
}

TEST_F(ChecksumCacheTest, AFileChangedAfterItsChecksumWasTakenIsRefusedWhenRead) {
  read();
  const Directory cached = read();
  ASSERT_EQ(cached.files_hashed, 0);
  dir_.write("2_b.up.sql", "DROP TABLE everything;");
  try {
    cached.migrations[1].up.text();
    FAIL() << "the text no longer matches the checksum checked against strata.sum";
  } catch (const LoadError& error) {
    EXPECT_THAT(error.what(), HasSubstr("2_b.up.sql"));
    EXPECT_THAT(error.what(), HasSubstr("changed while strata was running"));
  }
  EXPECT_FALSE(std::filesystem::exists(cache_file_)) << "a cache found wrong is deleted";
}

TEST_F(ChecksumCacheTest, AFileThatCannotBeStatedIsAnErrorNotLeftOut) {
  std::filesystem::create_symlink("3_c.up.sql", dir_.path() / "3_c.up.sql");  // a loop: ELOOP
  try {
    read();
    FAIL() << "a migration that cannot be read must not be left out of the directory";
  } catch (const LoadError& error) {
    EXPECT_THAT(error.what(), HasSubstr("3_c.up.sql: expected a readable file"));
  }
}

TEST(ChecksumCacheStamp, IsForRegularFilesOnly) {
  MigrationDir dir;
  dir.write("1_a.up.sql", "SELECT 1;");
  const auto stamp = stamp_at(AT_FDCWD, (dir.path() / "1_a.up.sql").c_str());
  ASSERT_TRUE(stamp.has_value());
  EXPECT_EQ(stamp->size, 9u);
  EXPECT_FALSE(stamp_at(AT_FDCWD, dir.path().c_str()).has_value());
  EXPECT_FALSE(stamp_at(AT_FDCWD, (dir.path() / "missing.sql").c_str()).has_value());
}

TEST(ChecksumCacheLocation, ComesFromTheEnvironment) {
  const char* saved = std::getenv("STRATA_CACHE_DIR");
  const std::string restore = saved ? saved : "";
  MigrationDir one;
  MigrationDir other;
  ::setenv("STRATA_CACHE_DIR", "/somewhere", 1);
  const auto file = checksum_cache_file(one.path());
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->parent_path(), std::filesystem::path("/somewhere/checksums"));
  EXPECT_NE(checksum_cache_file(other.path()), file);
  EXPECT_FALSE(checksum_cache_file(one.path() / "missing").has_value());
  ::setenv("STRATA_CACHE_DIR", "", 1);
  EXPECT_FALSE(checksum_cache_file(one.path()).has_value());
  ::setenv("STRATA_CACHE_DIR", restore.c_str(), 1);
  if (!saved) ::unsetenv("STRATA_CACHE_DIR");
}

}  // namespace
}  // namespace strata::migrations
