// Connect, statement and lock timeouts: options with defaults, and a wait that runs out says what
// it was waiting for (the server, a statement, a lock) instead of the server's bare words.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::run_command;
using testing::strata_binary;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(Timeouts, AStatementTimeoutSaysWhichStatementItWaitedFor) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_slow", "CREATE TABLE t (id int);\nSELECT pg_sleep(30);\n", "DROP TABLE t;");
  dir.hash();
  const auto start = std::chrono::steady_clock::now();
  const auto result = run_command(
      {strata_binary(), "migrate", "up", "--url", db.url(), "--dir", dir.path().string(), "--statement-timeout", "1"});
  EXPECT_LT(seconds_since(start), 20.0) << "the statement was not cancelled";
  EXPECT_EQ(result.exit_code, 4) << result.err;
  EXPECT_THAT(result.err, HasSubstr("gave up after 1 s (the statement timeout) waiting for `SELECT pg_sleep(30)`"));
  EXPECT_THAT(result.err, HasSubstr("57014"));
}

TEST(Timeouts, TheStatementTimeoutComesFromStrataYamlToo) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_slow", "SELECT pg_sleep(30);\n", std::nullopt);
  dir.hash();
  dir.write("strata.yaml", "statement_timeout: 1\n");
  const auto result = run_command({strata_binary(), "--config", (dir.path() / "strata.yaml").string(), "migrate", "up",
                                   "--url", db.url(), "--dir", dir.path().string()});
  EXPECT_EQ(result.exit_code, 4) << result.err;
  EXPECT_THAT(result.err, HasSubstr("(the statement timeout) waiting for `SELECT pg_sleep(30)`"));
}

TEST(Timeouts, ALockTimeoutSaysItWaitedForALock) {
  testing::TestDatabase db;
  {
    pqxx::connection setup(db.url());
    pqxx::nontransaction(setup).exec("CREATE TABLE accounts (id int)");
  }
  pqxx::connection holder(db.url());
  pqxx::work holding(holder);
  holding.exec("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");

  MigrationDir dir;
  dir.add("1_more", "ALTER TABLE accounts ADD COLUMN note text;\n", "ALTER TABLE accounts DROP COLUMN note;");
  dir.hash();
  const auto result = run_command(
      {strata_binary(), "migrate", "up", "--url", db.url(), "--dir", dir.path().string(), "--lock-timeout", "1"});
  EXPECT_EQ(result.exit_code, 4) << result.err;
  EXPECT_THAT(result.err, HasSubstr("gave up after 1 s (the lock timeout) waiting for a lock another session holds, "
                                    "which `ALTER TABLE accounts ADD COLUMN note text` needs"));
  EXPECT_THAT(result.err, HasSubstr("55P03"));
}

// A server that accepts the TCP connection and never says a word.
class SilentServer {
 public:
  SilentServer() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), length) != 0 || listen(fd_, 16) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
  }
  ~SilentServer() { close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TEST(Timeouts, AConnectTimeoutSaysNothingAnswered) {
  SilentServer silent;
  const std::string url = "postgresql://app@127.0.0.1:" + std::to_string(silent.port()) + "/shop";
  const auto start = std::chrono::steady_clock::now();
  const auto result =
      run_command({strata_binary(), "inspect", "--url", url, "--connect-timeout", "2"}, {"DATABASE_URL="});
  EXPECT_LT(seconds_since(start), 9.0) << "the default (10 s) was used, not --connect-timeout";
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_THAT(result.err, HasSubstr("timeout expired (nothing answered within the connect timeout, 2 s)"));
}

TEST(Timeouts, TheOptionsAreDocumentedWithTheirDefaults) {
  for (const std::vector<std::string>& command : {std::vector<std::string>{"inspect"},
                                                  {"plan"},
                                                  {"apply"},
                                                  {"lock", "status"},
                                                  {"lock", "release"},
                                                  {"migrate", "up"},
                                                  {"migrate", "down"},
                                                  {"migrate", "goto"},
                                                  {"migrate", "status"},
                                                  {"migrate", "new"}}) {
    std::vector<std::string> argv = {strata_binary()};
    argv.insert(argv.end(), command.begin(), command.end());
    argv.push_back("--help");
    const auto help = run_command(argv);
    const std::string name = command.size() > 1 ? command[0] + " " + command[1] : command[0];
    EXPECT_EQ(help.exit_code, 0) << name;
    EXPECT_THAT(help.out, HasSubstr("--connect-timeout INT:NONNEGATIVE=10")) << name;
    EXPECT_THAT(help.out, HasSubstr("--statement-timeout INT:NONNEGATIVE=0")) << name;
  }
  for (const char* command : {"apply", "up"}) {
    std::vector<std::string> argv = {strata_binary()};
    if (std::string(command) == "up") argv.push_back("migrate");
    argv.push_back(command);
    argv.push_back("--help");
    EXPECT_THAT(run_command(argv).out, HasSubstr("--lock-timeout INT=10")) << command;
  }
}

}  // namespace
}  // namespace strata
