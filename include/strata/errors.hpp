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

// The declared schema (or another input file) is invalid. Carries every problem found, in file order,
// and what kind of input had them (`subject`: "the declared schema", "strata.sum", "strata.yaml",
// "the migrations directory", "a migration file"), so that a summary says which.
class STRATA_EXPORT LoadError : public Error {
 public:
  explicit LoadError(std::vector<Diagnostic> diagnostics, std::string subject = "the declared schema");
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  const std::string& subject() const { return subject_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::string subject_;
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

// strata's lock was not obtained within the wait (--lock-wait): another strata holds it. Nothing was
// changed; trying again later may succeed (exit code 3, like a server that cannot be reached).
class STRATA_EXPORT LockWaitTimeout : public Error {
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

// Exit codes of the `strata` command, as DESIGN.md fixes them:
//   0 success, or nothing to do;
//   1 strata stopped for a person to decide, having changed nothing since its last recorded step:
//     findings (check, drift, lint), a hazard not allowed, a plan not confirmed, a statement a killed
//     strata left unconfirmed (--interrupted). Running the same command again gives the same answer;
//   2 bad input: usage, schema files, migration files, strata.sum, strata.yaml;
//   3 the database could not be used: unreachable, credentials refused, the connection lost, or
//     strata's lock held by another strata past --lock-wait. Trying again later may succeed;
//   4 the database refused a statement, a schema-change job failed, or a limit ran out while applying.
enum class ExitCode : int {
  Ok = 0,
  Findings = 1,
  BadInput = 2,
  ConnectionFailed = 3,
  ApplyFailed = 4,
};

// The exit code for an exception escaping a command: the one mapping every path of `strata` uses.
STRATA_EXPORT ExitCode exit_code_for(const std::exception& error);

}  // namespace strata
