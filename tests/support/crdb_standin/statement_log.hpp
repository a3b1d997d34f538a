// The stand-in's log: one line per statement received, written before the answer is sent, so a
// client that has its answer finds the line. Fields, separated by tabs, in COPY text escaping:
//   <session id>  <"ok" or the error's SQLSTATE>  <statement>  [<parameter $1>  <$2> …]
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "support/crdb_standin/answer.hpp"

namespace strata::standin {

class StatementLog {
 public:
  // Truncates and appends to `path`; standard error when `path` is empty.
  explicit StatementLog(const std::string& path);
  ~StatementLog();
  StatementLog(const StatementLog&) = delete;
  StatementLog& operator=(const StatementLog&) = delete;

  void record(int session, const std::string& statement, const std::vector<Text>& params,
              const std::optional<SqlError>& error);
  // Waits for a line being written to end (before the process exits).
  void quiesce();

 private:
  std::mutex mutex_;
  int fd_ = 2;
};

// One parsed log line (tests read the log through this).
struct LoggedStatement {
  int session = 0;
  std::string sqlstate;  // empty when the statement succeeded
  std::string statement;
  std::vector<Text> params;
};

std::vector<LoggedStatement> parse_statement_log(const std::string& text);

}  // namespace strata::standin
