#include "migrations/record.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/db/server_dialect.hpp"
#include "engine/lock/lock.hpp"
#include "migrations/history.hpp"
#include "migrations/repair.hpp"
#include "strata/errors.hpp"

namespace strata::migrations {

namespace {

const Migration& find(const Directory& directory, std::int64_t version) {
  for (const auto& m : directory.migrations) {
    if (m.version == version) return m;
  }
  throw UsageError(fmt::format("no migration of version {} in {}", version, directory.path.string()));
}

// Where strata's history and the versions to record disagree.
std::vector<std::string> disagreements(const Directory& directory, const std::vector<HistoryRow>& rows,
                                       const std::vector<std::int64_t>& versions, RecordResult& result) {
  std::vector<std::string> out;
  std::map<std::int64_t, const HistoryRow*> by_version;
  for (const auto& row : rows) by_version[row.version] = &row;
  for (const auto version : versions) {
    const auto it = by_version.find(version);
    if (it == by_version.end()) continue;
    const HistoryRow& row = *it->second;
    const Migration& m = find(directory, version);
    if (row.state == RowState::Applied && row.checksum == m.up.checksum) {
      result.already_applied.push_back(version);
    } else {
      out.push_back(fmt::format("strata's history has version {} as {}{}", version, row_state_name(row.state),
                                row.checksum == m.up.checksum ? "" : " with another checksum"));
    }
  }
  const std::int64_t highest = versions.empty() ? 0 : *std::max_element(versions.begin(), versions.end());
  for (const auto& row : rows) {
    if (row.version <= highest && std::find(versions.begin(), versions.end(), row.version) == versions.end() &&
        row.state == RowState::Applied) {
      out.push_back(
          fmt::format("strata's history has version {} applied, which the other record does not", row.version));
    }
  }
  return out;
}

}  // namespace

RecordResult record_applied(Connection& connection, const std::string& url, const ServerDialect& dialect,
                            const Directory& directory, const std::vector<std::int64_t>& versions,
                            const RunSettings& settings, const std::string& purpose) {
  RecordResult result;
  const auto lock = acquire_schema_lock(connection, url, dialect, settings.lock, purpose, nullptr);
  History history(connection, dialect, settings.history_table);
  history.ensure_table();
  const auto problems = disagreements(directory, history.read(), versions, result);
  if (!problems.empty()) {
    throw FindingsError(
        fmt::format("nothing was recorded: strata's history disagrees:\n  {}\nResolve it (`strata "
                    "migrate status` shows the history), then run this again.",
                    fmt::join(problems, "\n  ")));
  }
  std::vector<HistoryRow> rows;
  for (const auto version : versions) {
    if (std::find(result.already_applied.begin(), result.already_applied.end(), version) !=
        result.already_applied.end())
      continue;
    const Migration& m = find(directory, version);
    HistoryRow row = applied_row(directory, m, nullptr, fmt::format("{} ({})", person(), purpose));
    row.duration_ms = 0;
    rows.push_back(std::move(row));
    result.recorded.push_back(version);
  }
  try {
    pqxx::work tx(connection.raw());
    lock->check_held(tx);
    for (const auto& row : rows) history.write(tx, row);
    tx.commit();
  } catch (const strata::Error&) {
    throw;
  } catch (const std::exception& error) {
    connection.rethrow(error, "writing " + settings.history_table);
  }
  return result;
}

}  // namespace strata::migrations
