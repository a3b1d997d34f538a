// The names and errors of strata/migration.hpp.
#include "strata/migration.hpp"

namespace strata {

std::string_view state_name(MigrationState state) {
  switch (state) {
    case MigrationState::Applied:
      return "applied";
    case MigrationState::Pending:
      return "pending";
    case MigrationState::Partial:
      return "partial";
    case MigrationState::Failed:
      return "failed";
    case MigrationState::Reverting:
      return "reverting";
    case MigrationState::Modified:
      return "modified";
    case MigrationState::Missing:
      return "missing";
  }
  return "pending";
}

MigrationFailed::MigrationFailed(const std::string& message, std::string statement, std::string sqlstate,
                                 std::string file, int line)
    : DatabaseError(message, std::move(statement), std::move(sqlstate)), file_(std::move(file)), line_(line) {}

}  // namespace strata
