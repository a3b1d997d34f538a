#include "migrations/history.hpp"
#include "engine/db/sqlstate.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/db/server_dialect.hpp"
#include "engine/model/quote.hpp"
#include "strata/errors.hpp"
#include "strata/run_options.hpp"

namespace strata::migrations {

namespace {

// {} is the table's name (braces of the SQL doubled).
const char* const kCreate =
    "CREATE TABLE IF NOT EXISTS {} ("
    " version bigint PRIMARY KEY,"
    " name text NOT NULL,"
    " checksum text NOT NULL,"
    " state text NOT NULL,"  // applied | partial | failed | reverting
    " statements_total integer NOT NULL,"
    " statements_applied integer NOT NULL,"
    " statement_started integer,"
    " statement_started_at timestamptz,"
    " prefix_checksum text NOT NULL DEFAULT '',"
    " jobs bigint[] NOT NULL DEFAULT '{{}}',"
    " started_at timestamptz NOT NULL,"
    " finished_at timestamptz,"
    " duration_ms bigint,"
    " success boolean NOT NULL,"
    " error text,"
    " applied_by text NOT NULL)";

// The columns every write sets, in the order of kValues.
constexpr std::string_view kColumns[] = {"version",
                                         "name",
                                         "checksum",
                                         "state",
                                         "statements_total",
                                         "statements_applied",
                                         "statement_started",
                                         "statement_started_at",
                                         "prefix_checksum",
                                         "jobs",
                                         "started_at",
                                         "finished_at",
                                         "duration_ms",
                                         "success",
                                         "error",
                                         "applied_by"};

// $1..$14: version, name, checksum, state, total, applied, started statement, jobs, started_at
// (NULL: now()), finished (bool), duration_ms, error, applied by, prefix checksum. The statement's
// start time is the server's.
const char* const kValues =
    "VALUES ($1, $2, $3, $4, $5, $6, $7::integer, CASE WHEN $7::integer IS NULL THEN NULL ELSE now() END, $14,"
    " $8::bigint[], coalesce($9::timestamptz, now()), CASE WHEN $10::boolean THEN now() END, $11::bigint,"
    " $4 = 'applied', $12, $13)";

std::string jobs_literal(const std::vector<std::int64_t>& jobs) {
  return fmt::format("{{{}}}", fmt::join(jobs, ","));
}

std::vector<std::int64_t> parse_jobs(std::string_view text) {
  std::vector<std::int64_t> jobs;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t comma = text.find(',', pos);
    const std::string item(text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    if (!item.empty()) jobs.push_back(std::stoll(item));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return jobs;
}

RowState parse_state(std::string_view text, const HistoryTableName& table) {
  if (text == "applied") return RowState::Applied;
  if (text == "failed") return RowState::Failed;
  if (text == "reverting") return RowState::Reverting;
  if (text == "partial") return RowState::Partial;
  throw Error(fmt::format("{} holds an unknown state '{}': was it written by a newer strata?", table.display(), text));
}

std::string applied_by() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return fmt::format("{} pid {}", host, getpid());
}

}  // namespace

std::string_view row_state_name(RowState state) {
  switch (state) {
    case RowState::Applied:
      return "applied";
    case RowState::Partial:
      return "partial";
    case RowState::Failed:
      return "failed";
    case RowState::Reverting:
      return "reverting";
  }
  return "partial";
}

History::History(Connection& connection, const ServerDialect& dialect, const std::string& table)
    : connection_(connection), dialect_(dialect), table_(parse_history_table(table)) {}

void History::ensure_table() {
  if (!table_.schema.empty()) connection_.exec("CREATE SCHEMA IF NOT EXISTS " + quote_ident(table_.schema));
  connection_.exec(fmt::format(fmt::runtime(kCreate), table_.sql()));
}

std::vector<HistoryRow> History::read() {
  pqxx::result rows;
  try {
    rows = connection_.exec(
        "SELECT version, name, checksum, state, statements_total, statements_applied, statement_started,"
        " coalesce(statement_started_at::text, ''), array_to_string(jobs, ','), started_at::text,"
        " coalesce(finished_at::text, ''), duration_ms, coalesce(error, ''), prefix_checksum, applied_by "
        "FROM " +
        table_.sql() + " ORDER BY version");
  } catch (const DatabaseError& error) {
    if (error.sqlstate() == sqlstate::kUndefinedTable) return {};  // no history yet
    throw;
  }
  std::vector<HistoryRow> history;
  history.reserve(rows.size());
  for (const auto& row : rows) {
    HistoryRow r;
    r.version = row[0].as<std::int64_t>();
    r.name = row[1].c_str();
    r.checksum = row[2].c_str();
    r.state = parse_state(row[3].c_str(), table_);
    r.statements_total = row[4].as<int>();
    r.statements_applied = row[5].as<int>();
    if (!row[6].is_null()) r.statement_started = row[6].as<int>();
    r.statement_started_at = row[7].c_str();
    r.jobs = parse_jobs(row[8].c_str());
    r.started_at = row[9].c_str();
    r.finished_at = row[10].c_str();
    r.finished = !r.finished_at.empty();
    if (!row[11].is_null()) r.duration_ms = row[11].as<std::int64_t>();
    r.error = row[12].c_str();
    r.prefix_checksum = row[13].c_str();
    r.applied_by = row[14].c_str();
    history.push_back(std::move(r));
  }
  return history;
}

void History::write(pqxx::transaction_base& tx, const HistoryRow& row) const {
  const std::string table = table_.sql();
  const std::string sql =
      dialect_.upsert_sql(UpsertStatement{table, "version", {std::begin(kColumns), std::end(kColumns)}, kValues});
  const std::optional<int> started = row.statement_started;
  const std::optional<std::string> started_at =
      row.started_at.empty() ? std::nullopt : std::optional<std::string>(row.started_at);
  const std::optional<std::string> error = row.error.empty() ? std::nullopt : std::optional<std::string>(row.error);
  tx.exec_params(sql, row.version, row.name, row.checksum, std::string(row_state_name(row.state)), row.statements_total,
                 row.statements_applied, started, jobs_literal(row.jobs), started_at, row.finished, row.duration_ms,
                 error, row.applied_by.empty() ? applied_by() : row.applied_by, row.prefix_checksum);
}

void History::remove(pqxx::transaction_base& tx, std::int64_t version) const {
  tx.exec_params("DELETE FROM " + table_.sql() + " WHERE version = $1", version);
}

}  // namespace strata::migrations
