// The migration history: one row per migration in strata_schema_history (or the table a project
// names: RunSettings::history_table), written in the same
// transaction as a check that this strata still holds its lock (fencing), with
// the dialect's insert-or-replace (INSERT ... ON CONFLICT on PostgreSQL, UPSERT on CockroachDB).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "engine/db/history_table.hpp"
#include "strata/run_options.hpp"

namespace strata {
class Connection;
class ServerDialect;
}  // namespace strata

namespace strata::migrations {

enum class RowState { Applied, Partial, Failed, Reverting };

struct HistoryRow {
  std::int64_t version = 0;
  std::string name;
  std::string checksum;  // of the up file when it was applied
  RowState state = RowState::Partial;
  int statements_total = 0;
  int statements_applied = 0;  // up: statements that took effect; reverting: down statements that did
  // A statement (from 1) begun outside a transaction and not yet confirmed: a migrator that died
  // there leaves it set, and the next run must find out whether it took effect.
  std::optional<int> statement_started;
  std::string statement_started_at;  // server time, for finding its jobs
  // sha256 of the statements counted in statements_applied: a half-applied file may still be fixed
  // after the statements that took effect.
  std::string prefix_checksum;
  std::vector<std::int64_t> jobs;
  std::string started_at;   // empty: now()
  std::string finished_at;  // as read
  bool finished = false;    // write: set finished_at to now()
  std::optional<std::int64_t> duration_ms;
  std::string error;
  // Who wrote the row, as read; on write, empty names this process ("host pid N").
  std::string applied_by;
};

class History {
 public:
  // `dialect` writes the rows in the server's own insert-or-replace, into `table` (throws
  // UsageError when it cannot name a table: see RunSettings::history_table).
  History(Connection& connection, const ServerDialect& dialect, const std::string& table = kHistoryTable);

  const HistoryTableName& table() const { return table_; }

  // Creates the table when it is missing (call under the lock).
  void ensure_table();

  // Every row, ascending by version; empty when the table does not exist yet. One query.
  std::vector<HistoryRow> read();

  // Inserts or replaces the row of `row.version`, inside `tx`.
  void write(pqxx::transaction_base& tx, const HistoryRow& row) const;
  void remove(pqxx::transaction_base& tx, std::int64_t version) const;

 private:
  Connection& connection_;
  const ServerDialect& dialect_;
  HistoryTableName table_;
};

std::string_view row_state_name(RowState state);

}  // namespace strata::migrations
