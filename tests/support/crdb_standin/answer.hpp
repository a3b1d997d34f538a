// What the stand-in answers to one statement, the session it answers in, and the two ways an
// answer ends early: an SQL error (as the release would raise it) and "no recorded answer".
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/crdb_standin/catalogue.hpp"

namespace strata::standin {

struct SqlError {
  std::string sqlstate;
  std::string message;
  std::string detail;
  std::string hint;
};

// Thrown while answering: the statement fails with this error.
struct SqlFailure : std::exception {
  explicit SqlFailure(SqlError e) : error(std::move(e)) {}
  const char* what() const noexcept override { return error.message.c_str(); }
  SqlError error;
};

// Thrown while answering: the catalogue and state record no answer; `reason` says what is missing.
struct NoAnswer : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] inline void fail(std::string sqlstate, std::string message, std::string hint = "") {
  throw SqlFailure(SqlError{std::move(sqlstate), std::move(message), "", std::move(hint)});
}

struct Answer {
  bool returns_rows = false;  // RowDescription and DataRows precede CommandComplete
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::string tag;  // CommandComplete; empty for an empty query
  std::optional<SqlError> error;
};

enum class TransactionState { Idle, InBlock, Failed };

struct Session {
  int id = 0;
  std::string database;
  std::string user;
  std::string application_name;
  // Values of the release's session settings; nullopt where the default is not established.
  std::map<std::string, std::optional<std::string>> settings;
  TransactionState transaction = TransactionState::Idle;
};

// Everything an answer may read.
struct Context {
  const Release& release;
  const State& state;
  std::chrono::system_clock::time_point now;
};

}  // namespace strata::standin
