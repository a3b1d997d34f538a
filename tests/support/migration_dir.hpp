// Test support for versioned migrations: a migrations directory in a temporary place, and a few
// questions about a database's catalog.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace strata::testing {

// A fresh directory under the system's temporary directory, removed by the destructor.
class MigrationDir {
 public:
  MigrationDir();
  ~MigrationDir();
  MigrationDir(const MigrationDir&) = delete;
  MigrationDir& operator=(const MigrationDir&) = delete;
  MigrationDir(MigrationDir&& other) noexcept;
  MigrationDir& operator=(MigrationDir&&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes <stem>.up.sql and, when given, <stem>.down.sql.
  void add(const std::string& stem, const std::string& up, const std::optional<std::string>& down);
  void write(const std::string& file_name, const std::string& text);
  std::string text(const std::string& file_name) const;
  void remove(const std::string& stem);  // both files
  void hash();                           // rewrites strata.sum (`strata migrate hash`)
  // Makes the directory a git repository (once) and commits everything in it; throws
  // std::runtime_error with git's message when git fails.
  void git_commit(const std::string& message);

 private:
  std::filesystem::path path_;
};

// Tables of the public schema, sorted, without strata's own.
std::vector<std::string> table_names(const std::string& url);
bool has_column(const std::string& url, const std::string& table, const std::string& column);
bool has_index(const std::string& url, const std::string& index);

}  // namespace strata::testing
