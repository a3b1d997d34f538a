// `-o FILE` through the front door (`strata ddl`, which needs no server): a device or a FIFO is
// written where it is, a symbolic link stays a link, a file keeps its mode, owner and other hard
// links, and a path that cannot be written is an error naming it and the reason.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_command;
using testing::strata_binary;

const fs::path kShop = fs::path(STRATA_SOURCE_DIR) / "examples/shop";

testing::CommandResult ddl_to(const fs::path& output) {
  return run_command({strata_binary(), "ddl", "--schema", kShop.string(), "-o", output.string()});
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct stat stat_of(const fs::path& path, bool follow = true) {
  struct stat info {};
  EXPECT_EQ(follow ? ::stat(path.c_str(), &info) : ::lstat(path.c_str(), &info), 0) << path;
  return info;
}

// Nothing but the files a test made: no temporary file left behind.
std::vector<std::string> names_in(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(CliOutput, AFifoIsWrittenWhereItIs) {
  testing::MigrationDir dir;
  const fs::path fifo = dir.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // A reader that never blocks: the shop's DDL fits in the pipe's buffer.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  const auto result = ddl_to(fifo);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string received(1 << 16, '\0');
  const ssize_t n = ::read(reader, received.data(), received.size());
  ::close(reader);
  ASSERT_GT(n, 0);
  received.resize(static_cast<std::size_t>(n));
  EXPECT_THAT(received, HasSubstr("CREATE TABLE"));
  EXPECT_TRUE(S_ISFIFO(stat_of(fifo, false).st_mode)) << "the FIFO was replaced by a regular file";
  EXPECT_THAT(names_in(dir.path()), ::testing::ElementsAre("pipe"));
}

TEST(CliOutput, ADeviceStaysADevice) {
  if (::geteuid() != 0) GTEST_SKIP() << "making a device node needs root";
  testing::MigrationDir dir;
  const fs::path null = dir.path() / "null";
  ASSERT_EQ(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  const auto result = ddl_to(null);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto info = stat_of(null, false);
  EXPECT_TRUE(S_ISCHR(info.st_mode)) << "the device node was replaced";
  EXPECT_EQ(info.st_rdev, makedev(1, 3));
  EXPECT_THAT(names_in(dir.path()), ::testing::ElementsAre("null"));
}

TEST(CliOutput, ASymbolicLinkIsFollowedAndStaysALink) {
  testing::MigrationDir dir;
  dir.write("real.sql", "old\n");
  fs::create_symlink("real.sql", dir.path() / "link.sql");
  fs::create_symlink("made.sql", dir.path() / "dangling.sql");
  for (const char* link : {"link.sql", "dangling.sql"}) {
    const auto result = ddl_to(dir.path() / link);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(fs::is_symlink(dir.path() / link)) << link;
  }
  EXPECT_THAT(read_file(dir.path() / "real.sql"), HasSubstr("CREATE TABLE"));
  EXPECT_THAT(read_file(dir.path() / "made.sql"), HasSubstr("CREATE TABLE"));
  EXPECT_THAT(names_in(dir.path()), ::testing::ElementsAre("dangling.sql", "link.sql", "made.sql", "real.sql"));
}

TEST(CliOutput, AFileKeepsItsModeOwnerAndHardLinks) {
  testing::MigrationDir dir;
  const fs::path file = dir.path() / "secret.sql";
  dir.write("secret.sql", "old\n");
  ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
  const bool root = ::geteuid() == 0;
  if (root) {
    ASSERT_EQ(::chown(file.c_str(), 65534, 65534), 0);
  }
  auto result = ddl_to(file);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto info = stat_of(file);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  if (root) {
    EXPECT_EQ(info.st_uid, 65534u);
    EXPECT_EQ(info.st_gid, 65534u);
  }
  EXPECT_THAT(read_file(file), HasSubstr("CREATE TABLE"));

  const fs::path other = dir.path() / "other-name.sql";
  fs::create_hard_link(file, other);
  dir.write("secret.sql", "old\n");
  result = ddl_to(file);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(read_file(other), HasSubstr("CREATE TABLE")) << "the other hard link still holds the old text";
  EXPECT_THAT(names_in(dir.path()), ::testing::ElementsAre("other-name.sql", "secret.sql"));
}

TEST(CliOutput, ANewFileGetsTheUmasksMode) {
  testing::MigrationDir dir;
  const fs::path file = dir.path() / "new.sql";
  const auto result = ddl_to(file);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(stat_of(file).st_mode & 0777, 0666u & ~mask);
}

TEST(CliOutput, ADirectoryOrAMissingDirectoryIsAnErrorNamingThePathAndWhy) {
  testing::MigrationDir dir;
  auto result = ddl_to(dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("cannot write " + dir.path().string() + ": Is a directory"));
  EXPECT_THAT(result.err, Not(HasSubstr("Success")));

  const fs::path missing = dir.path() / "nonexistent" / "x.sql";
  result = ddl_to(missing);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("cannot write " + missing.string() + ": No such file or directory"));
  EXPECT_THAT(result.err, Not(HasSubstr(".strata-")));
  EXPECT_THAT(result.err, Not(HasSubstr("strata-tmp")));
  EXPECT_TRUE(names_in(dir.path()).empty());
}

}  // namespace
}  // namespace strata
