// A password in a connection URL never appears in anything strata prints: every command runs with
// a URL holding one, given as --url, as $DATABASE_URL and in strata.yaml, and fails in each way it
// can (wrong password, nothing listening, no such database, a malformed URL, a bad sslmode, a
// failing migration); its standard output and error are searched for the password.
//
// A new command is one line in kCommands.
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/secure_server.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::kPassword;
using testing::MigrationDir;
using ::testing::Not;
using testing::run_command;
using testing::strata_binary;

// Arguments after `strata`. {schema}, {dir}, {new_dir} and {url} are filled in per run.
struct CommandCase {
  std::string name;
  std::vector<std::string> args;
  bool connects;  // false: the URL is not used (a --url is then an unknown option)
};

const std::vector<CommandCase> kCommands = {
    {"inspect", {"inspect"}, true},
    {"plan", {"plan", "--schema", "{schema}"}, true},
    {"apply", {"apply", "--schema", "{schema}", "--auto-approve"}, true},
    {"ddl", {"ddl", "--schema", "{schema}"}, false},
    {"lock status", {"lock", "status"}, true},
    {"lock release", {"lock", "release", "--force"}, true},
    {"migrate up", {"migrate", "up", "--dir", "{dir}"}, true},
    {"migrate down", {"migrate", "down", "--dir", "{dir}"}, true},
    {"migrate goto", {"migrate", "goto", "1", "--dir", "{dir}"}, true},
    {"migrate status", {"migrate", "status", "--dir", "{dir}"}, true},
    {"migrate hash", {"migrate", "hash", "--dir", "{dir}"}, false},
    {"migrate new", {"migrate", "new", "shop", "--schema", "{schema}", "--dir", "{new_dir}"}, true},
    {"migrate repair", {"migrate", "repair", "--applied", "--dir", "{dir}", "--dry-run"}, true},
    {"migrate set", {"migrate", "set", "0", "--dir", "{dir}", "--dry-run", "--format", "json"}, true},
    {"completion", {"completion", "bash"}, false},
    {"check", {"check", "--schema", "{schema}", "--dir", "{dir}", "--format", "json"}, true},
    {"check --dev-url", {"check", "--schema", "{schema}", "--dir", "{dir}", "--dev-url", "{url}"}, true},
};

// How a run goes wrong. Runs that connect fail (exit code >= 2) unless `connects_fine`.
struct Failure {
  std::string name;
  std::string url;
  bool failing_migration = false;  // the migrations directory holds a statement the server refuses
  bool connects_fine = false;
};

enum class Way { flag, environment, project_file };

std::string to_string(Way way) {
  return way == Way::flag ? "--url" : way == Way::environment ? "DATABASE_URL" : "strata.yaml";
}

class Secrets : public ::testing::Test {
 protected:
  void SetUp() override {
    STRATA_REQUIRE_LOCAL_POSTGRES();
    server_ = std::make_unique<testing::SecureServer>();
    pqxx::connection admin(server_->admin_url());
    pqxx::nontransaction(admin).exec(fmt::format("CREATE DATABASE strata_secrets OWNER {}", testing::kPasswordUser));

    good_.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
    good_.hash();
    bad_.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
    bad_.add("2_broken", "SELECT 1 / 0;", "SELECT 1;");
    bad_.hash();
  }

  std::vector<Failure> failures() const {
    const std::string user = std::string(testing::kPasswordUser) + ":" + kPassword;
    const std::string other = std::string(testing::kOtherUser) + ":" + kPassword;
    const std::string port = std::to_string(server_->port());
    return {
        {"works", server_->url("127.0.0.1", user, "strata_secrets"), false, true},
        {"failing migration", server_->url("127.0.0.1", user, "strata_secrets"), true, true},
        {"wrong password", server_->url("127.0.0.1", other, "strata_secrets")},
        {"nothing listening", "postgresql://" + user + "@127.0.0.1:1/strata_secrets"},
        {"no such database", server_->url("127.0.0.1", user, "no_such_database")},
        {"malformed URL", "postgresql//" + user + "@127.0.0.1:" + port + "/strata_secrets"},
        {"bad port", "postgresql://" + user + "@127.0.0.1:port/strata_secrets"},
        {"bad sslmode", server_->url("127.0.0.1", user, "strata_secrets", "sslmode=sometimes")},
        {"TLS refused", server_->url("127.0.0.1", user, "strata_secrets",
                                     "sslmode=verify-full&sslrootcert=" + server_->cert("other-ca.crt"))},
    };
  }

  testing::CommandResult run(const CommandCase& command, const Failure& failure, Way way) {
    std::vector<std::string> argv = {strata_binary()};
    std::vector<std::string> env = {"DATABASE_URL=", "STRATA_DEV_URL=", "PGPASSWORD="};
    MigrationDir project;  // strata.yaml and a fresh directory for `migrate new`
    if (way == Way::project_file) {
      project.write("strata.yaml", "url: \"" + failure.url + "\"\n");
      argv.insert(argv.end(), {"--config", (project.path() / "strata.yaml").string()});
    }
    const std::string dir = (failure.failing_migration ? bad_ : good_).path().string();
    for (const auto& arg : command.args) {
      if (arg == "{schema}") {
        argv.push_back(STRATA_SOURCE_DIR "/examples/shop");
      } else if (arg == "{dir}") {
        argv.push_back(dir);
      } else if (arg == "{url}") {
        argv.push_back(failure.url);
      } else if (arg == "{new_dir}") {
        argv.push_back((project.path() / "migrations").string());
      } else {
        argv.push_back(arg);
      }
    }
    if (way == Way::flag) argv.insert(argv.end(), {"--url", failure.url});
    if (way == Way::environment) env.push_back("DATABASE_URL=" + failure.url);
    return run_command(argv, env);
  }

  std::unique_ptr<testing::SecureServer> server_;
  MigrationDir good_;
  MigrationDir bad_;
};

TEST_F(Secrets, NoCommandEverPrintsThePassword) {
  int runs = 0;
  for (const auto& failure : failures()) {
    for (const Way way : {Way::flag, Way::environment, Way::project_file}) {
      for (const auto& command : kCommands) {
        const auto result = run(command, failure, way);
        const std::string what = fmt::format("strata {} ({}, URL as {})", command.name, failure.name, to_string(way));
        ++runs;
        EXPECT_THAT(result.out, Not(HasSubstr(kPassword))) << what << " printed the password on stdout:\n"
                                                           << result.out;
        EXPECT_THAT(result.err, Not(HasSubstr(kPassword))) << what << " printed the password on stderr:\n"
                                                           << result.err;
        // The failure must really have happened, or the search proves nothing.
        if (command.connects && !failure.connects_fine) {
          EXPECT_GE(result.exit_code, 2) << what << " did not fail:\n" << result.err;
          EXPECT_THAT(result.err, HasSubstr("strata: error:")) << what;
        }
        if (!command.connects && way == Way::flag) {
          EXPECT_THAT(result.err, HasSubstr("has no option --url")) << what << ": the unexpected --url is named";
        }
      }
    }
  }
  EXPECT_EQ(runs, static_cast<int>(failures().size() * 3 * kCommands.size()));
}

TEST_F(Secrets, TheFailuresAreTheOnesIntended) {
  // Each failure mode fails for its own reason (so the search above covers each path), and the
  // URL strata prints has the password masked.
  const CommandCase inspect = kCommands.front();
  const auto expect = [&](const std::string& name, const std::string& text) {
    for (const auto& failure : failures()) {
      if (failure.name != name) continue;
      const auto result = run(inspect, failure, Way::flag);
      EXPECT_THAT(result.err, HasSubstr(text)) << name;
      return;
    }
    ADD_FAILURE() << "no failure named " << name;
  };
  expect("works", "");
  expect("wrong password", "password authentication failed for user \"strata_other_user\"");
  expect("wrong password", "strata_other_user:***@127.0.0.1");
  expect("nothing listening", "Connection refused");
  expect("no such database", "database \"no_such_database\" does not exist");
  expect("malformed URL", "missing \"=\" after \"postgresql//strata_pw_user:***@127.0.0.1");
  expect("bad port", "invalid integer value \"port\"");
  expect("bad sslmode", "invalid sslmode value: \"sometimes\"");
  expect("TLS refused", "not signed by a CA in sslrootcert");

  const auto works = run(inspect, failures().front(), Way::flag);
  EXPECT_EQ(works.exit_code, 0) << works.err;
  const auto migrated = run(kCommands[6], failures()[1], Way::environment);  // migrate up, failing migration
  EXPECT_EQ(migrated.exit_code, 4) << migrated.err;
  EXPECT_THAT(migrated.err, HasSubstr("division by zero"));
}

}  // namespace
}  // namespace strata
