#include "strata/errors.hpp"

#include <fmt/format.h>

namespace strata {

namespace {

std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += to_string(d.position) + ": " + d.message;
  }
  return out;
}

}  // namespace

std::string to_string(const SourcePosition& position) {
  if (position.line <= 0) return position.file;
  if (position.column <= 0) return fmt::format("{}:{}", position.file, position.line);
  return fmt::format("{}:{}:{}", position.file, position.line, position.column);
}

LoadError::LoadError(std::vector<Diagnostic> diagnostics, std::string subject)
    : Error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)), subject_(std::move(subject)) {}

DatabaseError::DatabaseError(const std::string& message, std::string statement, std::string sqlstate)
    : Error(message), statement_(std::move(statement)), sqlstate_(std::move(sqlstate)) {}

ExitCode exit_code_for(const std::exception& error) {
  if (dynamic_cast<const FindingsError*>(&error)) return ExitCode::Findings;
  if (dynamic_cast<const LoadError*>(&error) || dynamic_cast<const UsageError*>(&error) ||
      dynamic_cast<const PlanError*>(&error)) {
    return ExitCode::BadInput;
  }
  if (dynamic_cast<const ConnectionError*>(&error) || dynamic_cast<const LockWaitTimeout*>(&error)) {
    return ExitCode::ConnectionFailed;
  }
  return ExitCode::ApplyFailed;
}

}  // namespace strata
