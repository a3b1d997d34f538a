// Errors by phase. Every error strata throws derives from strata::Error and maps to one exit code
// of the `strata` command (see exit_code()). Messages never contain a password.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "strata/export.hpp"

namespace strata {

class STRATA_EXPORT Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A position in an input file. Lines and columns count from 1; 0 means unknown.
struct SourcePosition {
  std::string file;
  int line = 0;
  int column = 0;
};

STRATA_EXPORT std::string to_string(const SourcePosition& position);  // "file:line:column"

struct Diagnostic {
  SourcePosition position;
  std::string message;  // says what was expected
};

// The declared schema (or another input file) is invalid. Carries every problem found, in file order.
class STRATA_EXPORT LoadError : public Error {
 public:
  explicit LoadError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Bad usage or an input that is well-formed but cannot be acted on (exit code 2).
class STRATA_EXPORT UsageError : public Error {
 public:
  using Error::Error;
};

// The database cannot be reached or refused the credentials (exit code 3).
class STRATA_EXPORT ConnectionError : public Error {
 public:
  using Error::Error;
};

// The database refused a statement (exit code 4). Keeps the statement and the SQLSTATE.
class STRATA_EXPORT DatabaseError : public Error {
 public:
  DatabaseError(const std::string& message, std::string statement, std::string sqlstate);
  const std::string& statement() const { return statement_; }
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string statement_;
  std::string sqlstate_;
};

// The run found something a user must decide on (a hazard not allowed, drift): exit code 1.
class STRATA_EXPORT FindingsError : public Error {
 public:
  using Error::Error;
};

// A plan cannot be made for this dialect (for example multi-region settings on PostgreSQL).
class STRATA_EXPORT PlanError : public Error {
 public:
  using Error::Error;
};

// Exit codes of the `strata` command, as DESIGN.md fixes them.
enum class ExitCode : int {
  Ok = 0,
  Findings = 1,
  BadInput = 2,
  ConnectionFailed = 3,
  ApplyFailed = 4,
};

// The exit code for an exception escaping a command.
STRATA_EXPORT ExitCode exit_code_for(const std::exception& error);

}  // namespace strata
