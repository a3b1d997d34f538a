#include "support/crdb_standin/statement_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace strata::standin {

StatementLog::StatementLog(const std::string& path) {
  if (path.empty()) return;
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw CatalogueError("cannot open the log " + path + ": " + std::strerror(errno));
}

StatementLog::~StatementLog() {
  if (fd_ > 2) ::close(fd_);
}

void StatementLog::record(int session, const std::string& statement, const std::vector<Text>& params,
                          const std::optional<SqlError>& error) {
  std::string line =
      std::to_string(session) + "\t" + (error ? error->sqlstate : "ok") + "\t" + escape_copy_text(statement);
  for (const auto& param : params) line += "\t" + escape_copy_text(param);
  line += "\n";
  const std::lock_guard lock(mutex_);
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + written, line.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    written += static_cast<size_t>(n);
  }
}

void StatementLog::quiesce() {
  const std::lock_guard lock(mutex_);
}

std::vector<LoggedStatement> parse_statement_log(const std::string& text) {
  std::vector<LoggedStatement> statements;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // a line still being written
    std::vector<std::string> fields;
    for (size_t at = start;;) {
      const size_t tab = text.find('\t', at);
      if (tab == std::string::npos || tab > end) {
        fields.push_back(text.substr(at, end - at));
        break;
      }
      fields.push_back(text.substr(at, tab - at));
      at = tab + 1;
    }
    if (fields.size() >= 3) {
      LoggedStatement entry;
      entry.session = std::stoi(fields[0]);
      entry.sqlstate = fields[1] == "ok" ? "" : fields[1];
      entry.statement = unescape_copy_text(fields[2], "log").value_or("");
      for (size_t i = 3; i < fields.size(); ++i) entry.params.push_back(unescape_copy_text(fields[i], "log"));
      statements.push_back(std::move(entry));
    }
    start = end + 1;
  }
  return statements;
}

}  // namespace strata::standin
