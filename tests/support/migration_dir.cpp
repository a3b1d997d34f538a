#include "support/migration_dir.hpp"

#include "support/run_command.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <pqxx/pqxx>

#include "migrations/directory.hpp"
#include "migrations/sum.hpp"

namespace strata::testing {

namespace fs = std::filesystem;

namespace {

// The tests keep strata's checksum cache (migrations/checksum_cache.hpp) in the build tree, for
// themselves and the strata processes they start, not in the home directory.
[[maybe_unused]] const bool cache_in_build_tree = [] {
  ::setenv("STRATA_CACHE_DIR", STRATA_TEST_CACHE_DIR, 0);
  return true;
}();

}  // namespace

MigrationDir::MigrationDir() {
  static std::atomic<int> counter{0};
  path_ =
      fs::temp_directory_path() / ("strata-migrations-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

MigrationDir::~MigrationDir() {
  if (path_.empty()) return;
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

MigrationDir::MigrationDir(MigrationDir&& other) noexcept : path_(std::move(other.path_)) {
  other.path_.clear();
}

void MigrationDir::add(const std::string& stem, const std::string& up, const std::optional<std::string>& down) {
  write(stem + ".up.sql", up);
  if (down) write(stem + ".down.sql", *down);
}

void MigrationDir::write(const std::string& file_name, const std::string& text) {
  std::ofstream(path_ / file_name, std::ios::binary | std::ios::trunc) << text;
}

std::string MigrationDir::text(const std::string& file_name) const {
  std::ifstream in(path_ / file_name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void MigrationDir::remove(const std::string& stem) {
  fs::remove(path_ / (stem + ".up.sql"));
  fs::remove(path_ / (stem + ".down.sql"));
}

void MigrationDir::hash() {
  migrations::write_sum(migrations::read_directory(path_));
}

void MigrationDir::git_commit(const std::string& message) {
  auto git = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"/usr/bin/env", "git",
                                     "-C",           path_.string(),
                                     "-c",           "user.name=strata tests",
                                     "-c",           "user.email=tests@strata.invalid"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto result = run_command(argv);
    if (result.exit_code != 0) throw std::runtime_error("git " + args.front() + " failed: " + result.err);
  };
  if (!std::filesystem::exists(path_ / ".git")) git({"init", "-q"});
  git({"add", "-A", "."});
  git({"commit", "-qm", message});
}

std::vector<std::string> table_names(const std::string& url) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  std::vector<std::string> names;
  for (const auto& row : tx.exec("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN "
                                 "('strata_schema_history', 'strata_lock') ORDER BY tablename")) {
    names.emplace_back(row[0].c_str());
  }
  return names;
}

bool has_column(const std::string& url, const std::string& table, const std::string& column) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  return !tx.exec_params(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 "
                "AND column_name = $2",
                table, column)
              .empty();
}

bool has_index(const std::string& url, const std::string& index) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  return !tx.exec_params("SELECT 1 FROM pg_indexes WHERE schemaname = 'public' AND indexname = $1", index).empty();
}

}  // namespace strata::testing
