#include "engine/db/connection.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "engine/db/sqlstate.hpp"
#include "engine/db/tls_diagnosis.hpp"
#include "strata/errors.hpp"
#include "strata/redact.hpp"

namespace strata {

namespace {

bool is_uri(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

bool has_parameter(std::string_view url, std::string_view key) {
  const std::string needle = std::string(key) + "=";
  std::size_t pos = 0;
  while ((pos = url.find(needle, pos)) != std::string_view::npos) {
    if (pos == 0 || url[pos - 1] == '?' || url[pos - 1] == '&' || url[pos - 1] == ' ') return true;
    pos += needle.size();
  }
  return false;
}

void add_parameter(std::string& url, std::string_view key, const std::string& value) {
  if (has_parameter(url, key)) return;
  if (is_uri(url)) {
    url += url.find('?') == std::string::npos ? '?' : '&';
    url += fmt::format("{}={}", key, value);
  } else {
    url += fmt::format("{}{}={}", url.empty() ? "" : " ", key, value);
  }
}

// libpq's messages for a connection string it cannot parse: bad input rather than a server problem.
bool is_malformed_url_message(std::string_view message) {
  for (std::string_view marker : {"invalid connection option", "missing \"=\"", "invalid URI",
                                  "invalid percent-encoded", "invalid port number", "unterminated quoted string",
                                  "invalid integer value", "invalid sslmode value", "invalid value for parameter"}) {
    if (message.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string first_line(std::string_view text) {
  const std::size_t end = text.find('\n');
  std::string line(text.substr(0, end));
  if (line.size() > 120) line = line.substr(0, 117) + "...";
  return line;
}

// Why a connection broke, in a line: libpq's first line ("server closed the connection
// unexpectedly"), without its guesses on the lines after; and libpqxx's words for a connection
// that was already gone ("Could not obtain client encoding: not connected") said plainly.
std::string broken_reason(const std::string& message) {
  std::string reason = first_line(message);
  for (const char* gone : {"not connected", "no connection to the server", "Could not obtain client encoding"}) {
    if (reason.find(gone) != std::string::npos) return "the session had already ended";
  }
  for (const char* prefix : {"FATAL:  ", "FATAL: ", "ERROR:  "}) {
    if (reason.starts_with(prefix)) reason.erase(0, std::string_view(prefix).size());
  }
  while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.pop_back();
  return reason.empty() ? "the session ended" : reason;
}

std::string after(std::chrono::seconds limit) {
  return limit.count() > 0 ? fmt::format(" after {} s", limit.count()) : "";
}

// libpq's words for a failed connection, with the cause named where they leave it open.
std::string explain_connect_failure(const std::string& message, const std::string& conninfo,
                                    const ConnectOptions& options, bool url_sets_timeout) {
  if (message.find("certificate verify failed") != std::string::npos) {
    if (auto cause = diagnose_server_certificate(conninfo, options.connect_timeout)) return message + ": " + *cause;
    return message + ": the server's certificate is not signed by a CA in sslrootcert, or has expired";
  }
  if (message.find("does not match host name") != std::string::npos) {
    return message + " (the host name in the URL must be one the server's certificate names)";
  }
  if (message.find("alert unknown ca") != std::string::npos) {
    return message + " (the server does not trust the CA that signed the client certificate, sslcert)";
  }
  if (message.find("timeout expired") != std::string::npos) {
    if (url_sets_timeout) return message + " (nothing answered within the URL's connect_timeout)";
    return fmt::format("{} (nothing answered within the connect timeout, {} s)", message,
                       std::max<std::chrono::seconds::rep>(options.connect_timeout.count(), 2));
  }
  return message;
}

}  // namespace

std::string url_with_database(std::string_view url, std::string_view database) {
  std::string out(url);
  const std::size_t scheme = out.find("://");
  if (scheme == std::string::npos) {
    std::string quoted;
    for (char c : database) {
      if (c == '\\' || c == '\'') quoted += '\\';
      quoted += c;
    }
    return fmt::format("{}{}dbname='{}'", out, out.empty() ? "" : " ", quoted);
  }
  std::string encoded;
  for (unsigned char c : database) {
    if (std::isalnum(c) || c == '_' || c == '-' || c == '.') {
      encoded += static_cast<char>(c);
    } else {
      encoded += fmt::format("%{:02X}", c);
    }
  }
  const std::size_t authority = scheme + 3;
  const std::size_t end = out.find_first_of("/?", authority);
  if (end == std::string::npos) return out + "/" + encoded;
  if (out[end] == '?') return out.substr(0, end) + "/" + encoded + out.substr(end);
  const std::size_t query = out.find('?', end);
  return out.substr(0, end) + "/" + encoded + (query == std::string::npos ? "" : out.substr(query));
}

Connection::Connection(const std::string& url, const ConnectOptions& options) : options_(options) {
  std::string conninfo = url;
  if (conninfo.starts_with("cockroachdb://")) conninfo = "postgresql://" + conninfo.substr(14);
  display_url_ = redact_url(conninfo);
  secrets_ = secrets_of(conninfo);
  const bool url_sets_timeout = has_parameter(conninfo, "connect_timeout");
  add_parameter(conninfo, "connect_timeout", std::to_string(options.connect_timeout.count()));
  add_parameter(conninfo, "application_name", options.application_name);
  try {
    connection_ = std::make_unique<pqxx::connection>(conninfo);
  } catch (const std::exception& error) {
    const std::string message = trim(scrub(error.what(), secrets_));
    if (is_malformed_url_message(message)) {
      throw UsageError(fmt::format("the connection URL {} is not valid: {}", display_url_, message));
    }
    throw ConnectionError(
        fmt::format("cannot connect to {}: {}", display_url_,
                    scrub(explain_connect_failure(message, conninfo, options, url_sets_timeout), secrets_)));
  }
  if (options.statement_timeout.count() > 0) {
    exec(fmt::format("SET statement_timeout = '{}s'", options.statement_timeout.count()));
  }
  server_version_ = exec("SELECT version()")[0][0].c_str();
}

Connection::~Connection() = default;

pqxx::result Connection::exec(const std::string& sql) {
  return run(sql, [&](pqxx::nontransaction& tx) { return tx.exec(sql); });
}

void Connection::set_lock_timeout(std::chrono::seconds timeout) {
  exec(fmt::format("SET lock_timeout = '{}s'", timeout.count()));
  lock_timeout_ = timeout;
}

void Connection::rethrow(const std::exception& error, const std::string& statement) const {
  std::string message = trim(scrub(error.what(), secrets_));
  if (dynamic_cast<const pqxx::broken_connection*>(&error)) {
    throw ConnectionError(fmt::format("lost the connection to {} while running `{}`: {}", display_url_,
                                      first_line(statement), broken_reason(message)));
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&error)) {
    throw ConnectionError(fmt::format(
        "lost the connection to {} while committing: the server may or may not have applied it; the next run "
        "reads the database to find out",
        display_url_));
  }
  if (const auto* sql_error = dynamic_cast<const pqxx::sql_error*>(&error)) {
    std::string code = sql_error->sqlstate();
    // libpqxx 6.4 throws insufficient_privilege without its SQLSTATE.
    if (code.empty() && dynamic_cast<const pqxx::insufficient_privilege*>(&error))
      code = sqlstate::kInsufficientPrivilege;
    // Class 08 (connection exception) and 57P01-57P03 (the server ended the session: an
    // administrator's pg_terminate_backend, a shutdown): the statement was not refused, the
    // session is gone.
    if (code.starts_with(sqlstate::kConnectionExceptionClass) || code == sqlstate::kAdminShutdown ||
        code == sqlstate::kCrashShutdown || code == sqlstate::kCannotConnectNow) {
      throw ConnectionError(fmt::format("lost the connection to {} while running `{}`: {} (SQLSTATE {})", display_url_,
                                        first_line(statement), broken_reason(message), code));
    }
    // A limit that ran out: say what was being waited for.
    if (code == sqlstate::kQueryCanceled && message.find("statement timeout") != std::string::npos) {
      message = fmt::format("gave up{} (the statement timeout) waiting for `{}` to finish: {}",
                            after(options_.statement_timeout), first_line(statement), message);
    } else if (code == sqlstate::kLockNotAvailable && message.find("lock timeout") != std::string::npos) {
      message =
          fmt::format("gave up{} (the lock timeout) waiting for a lock another session holds, which `{}` needs: {}",
                      after(lock_timeout_), first_line(statement), message);
    }
    throw DatabaseError(fmt::format("{} (SQLSTATE {})", message, code.empty() ? "unknown" : code), statement, code);
  }
  if (dynamic_cast<const strata::Error*>(&error)) throw;
  throw DatabaseError(message, statement, "");
}

pqxx::result Connection::exec_with_names(const std::string& sql, const std::vector<std::string>& names) {
  if (names.empty()) return exec_params(sql, nullptr);
  std::string array = "{";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) array += ',';
    array += '"';
    for (const char c : names[i]) {
      if (c == '"' || c == '\\') array += '\\';
      array += c;
    }
    array += '"';
  }
  return exec_params(sql, array + "}");
}

}  // namespace strata
