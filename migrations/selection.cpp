#include "migrations/selection.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace strata::migrations {

namespace {

std::map<std::int64_t, const HistoryRow*> by_version(const std::vector<HistoryRow>& history) {
  std::map<std::int64_t, const HistoryRow*> rows;
  for (const auto& row : history) rows[row.version] = &row;
  return rows;
}

// Applied or half applied: its statements (some of them) are in the database.
bool took_effect(const HistoryRow& row) {
  return row.state != RowState::Failed;
}

std::int64_t newest_applied(const std::vector<HistoryRow>& history) {
  std::int64_t newest = 0;
  for (const auto& row : history) {
    if (took_effect(row)) newest = std::max(newest, row.version);
  }
  return newest;
}

std::vector<Action> pending_up_to(const Directory& directory, const std::vector<HistoryRow>& history,
                                  std::optional<std::int64_t> last, std::optional<std::size_t> count,
                                  bool out_of_order) {
  const auto rows = by_version(history);
  std::vector<Action> actions;
  // A half-applied migration is finished before anything else.
  for (const auto& m : directory.migrations) {
    const auto it = rows.find(m.version);
    if (it != rows.end() && it->second->state == RowState::Partial) {
      actions.push_back(Action{&m, false, it->second, it->second->statements_applied});
    }
  }
  const std::int64_t newest = newest_applied(history);
  for (const auto& m : directory.migrations) {
    if (last && m.version > *last) break;
    const auto it = rows.find(m.version);
    const HistoryRow* row = it == rows.end() ? nullptr : it->second;
    if (row && row->state != RowState::Failed) continue;
    if (m.version < newest && !out_of_order) {
      throw UsageError(fmt::format(
          "migration {} is pending, but the newer migration {} is already applied: it was probably added on a "
          "branch merged late. Give it a version after {} (rename the files and run `strata migrate hash`), or "
          "apply it out of order on purpose with --out-of-order",
          m.up.file_name, newest, newest));
    }
    actions.push_back(Action{&m, false, row, 0});
  }
  if (count && actions.size() > *count) actions.resize(*count);
  return actions;
}

// A half-applied file may have changed after its statements that took effect.
bool same_applied_prefix(const Directory& directory, const Migration& m, const HistoryRow& row) {
  if (row.state != RowState::Partial || row.prefix_checksum.empty()) return false;
  try {
    const auto statements = split_statements(m.up.text(), (directory.path / m.up.file_name).string());
    if (static_cast<int>(statements.size()) < row.statements_applied) return false;
    return prefix_checksum(statements, row.statements_applied) == row.prefix_checksum;
  } catch (const LoadError&) {
    return false;  // the file no longer splits: it did change
  }
}

// Where a half-applied (or half-reverted) migration stopped: the statement it stopped at.
void describe_stop(const Directory& directory, const Migration& m, const HistoryRow& row, MigrationStatus& s) {
  if (row.state != RowState::Partial && row.state != RowState::Reverting) return;
  const MigrationFile* file = row.state == RowState::Reverting ? (m.down ? &*m.down : nullptr) : &m.up;
  s.interrupted = row.statement_started.has_value();
  s.stopped_at = row.statement_started.value_or(row.statements_applied + 1);
  if (file == nullptr) return;
  try {
    const auto statements = split_statements(file->text(), (directory.path / file->file_name).string());
    if (s.stopped_at < 1 || s.stopped_at > static_cast<int>(statements.size())) return;
    const Statement& statement = statements[static_cast<std::size_t>(s.stopped_at - 1)];
    s.stopped_line = statement.line;
    s.stopped_statement = statement.sql;
  } catch (const LoadError&) {
    // the file no longer splits: the statement cannot be shown
  }
}

}  // namespace

std::string prefix_checksum(const std::vector<Statement>& statements, int count) {
  std::string text;
  for (int i = 0; i < count && i < static_cast<int>(statements.size()); ++i) {
    text += statements[static_cast<std::size_t>(i)].sql;
    text += "\n;\n";
  }
  return sha256_checksum(text);
}

void check_history(const Directory& directory, const std::vector<HistoryRow>& history) {
  std::map<std::int64_t, const Migration*> files;
  for (const auto& m : directory.migrations) files[m.version] = &m;
  for (const auto& row : history) {
    const auto it = files.find(row.version);
    if (it == files.end()) {
      if (row.state == RowState::Failed) continue;  // a failed attempt left nothing behind
      throw UsageError(fmt::format(
          "migration {} ({}) is {} in the database, but {} has no file for it: was the file deleted or renamed, "
          "or is this directory older than the database? Restore {}_{}.up.sql",
          row.version, row.name, row_state_name(row.state), directory.path.string(), row.version, row.name));
    }
    const Migration& m = *it->second;
    if (row.state != RowState::Failed && row.checksum != m.up.checksum && !same_applied_prefix(directory, m, row)) {
      throw MigrationChanged(fmt::format(
          "{} was changed after it was applied (recorded {}, file {}). An applied migration must not change: "
          "undo the edit and put the change in a new migration{}",
          (directory.path / m.up.file_name).string(), row.checksum, m.up.checksum,
          row.state == RowState::Partial ? fmt::format(" (it stopped half way: only statements after the first {} "
                                                       "that took effect may change)",
                                                       row.statements_applied)
                                         : std::string()));
    }
  }
}

std::vector<Action> select_up(const Directory& directory, const std::vector<HistoryRow>& history,
                              std::optional<std::size_t> count, bool out_of_order) {
  for (const auto& row : history) {
    if (row.state == RowState::Reverting) {
      throw UsageError(
          fmt::format("migration {} ({}) stopped half way through its down file ({} of {} statements ran): finish "
                      "reverting it with `strata migrate down` first",
                      row.version, row.name, row.statements_applied, row.statements_total));
    }
  }
  return pending_up_to(directory, history, std::nullopt, count, out_of_order);
}

std::vector<Action> select_down(const Directory& directory, const std::vector<HistoryRow>& history, std::size_t count) {
  std::map<std::int64_t, const Migration*> files;
  for (const auto& m : directory.migrations) files[m.version] = &m;
  std::vector<Action> actions;
  for (auto it = history.rbegin(); it != history.rend() && actions.size() < count; ++it) {
    const HistoryRow& row = *it;
    if (row.state == RowState::Failed) continue;
    if (row.state == RowState::Partial) {
      throw UsageError(fmt::format(
          "migration {} ({}) stopped half way through its up file ({} of {} statements took effect): finish it "
          "with `strata migrate up` before reverting it",
          row.version, row.name, row.statements_applied, row.statements_total));
    }
    const Migration* m = files.at(row.version);  // check_history() made sure it exists
    if (!m->down) {
      throw UsageError(fmt::format("migration {} has no down file ({}_{}.down.sql), so it cannot be reverted",
                                   m->up.file_name, m->version_text, m->name));
    }
    actions.push_back(Action{m, true, &row, row.state == RowState::Reverting ? row.statements_applied : 0});
  }
  // A half-reverted migration is the newest applied one only if nothing was applied after it; put
  // it first in any case.
  std::stable_partition(actions.begin(), actions.end(),
                        [](const Action& a) { return a.row->state == RowState::Reverting; });
  return actions;
}

std::vector<Action> select_goto(const Directory& directory, const std::vector<HistoryRow>& history,
                                std::int64_t version, bool out_of_order) {
  if (version != 0) {
    const bool known = std::any_of(directory.migrations.begin(), directory.migrations.end(),
                                   [&](const Migration& m) { return m.version == version; });
    if (!known) {
      throw UsageError(fmt::format("there is no migration {} in {} (use 0 to revert every migration)", version,
                                   directory.path.string()));
    }
  }
  std::size_t newer = 0;
  for (const auto& row : history) {
    if (took_effect(row) && row.version > version) ++newer;
  }
  std::vector<Action> actions = select_down(directory, history, newer);
  // What remains applied after the downs: the rows not reverted.
  std::vector<HistoryRow> remaining;
  for (const auto& row : history) {
    const bool reverted = std::any_of(actions.begin(), actions.end(), [&](const Action& a) { return a.row == &row; });
    if (!reverted) remaining.push_back(row);
  }
  for (auto action : pending_up_to(directory, remaining, version, std::nullopt, out_of_order)) {
    // Point at the caller's history rows, not the copies.
    if (action.row) {
      const auto it = std::find_if(history.begin(), history.end(),
                                   [&](const HistoryRow& r) { return r.version == action.row->version; });
      action.row = &*it;
    }
    actions.push_back(action);
  }
  return actions;
}

std::vector<MigrationStatus> migration_states(const Directory& directory, const std::vector<HistoryRow>& history) {
  const auto rows = by_version(history);
  std::map<std::int64_t, MigrationStatus> states;
  for (const auto& m : directory.migrations) {
    MigrationStatus s;
    s.version = m.version;
    s.name = m.name;
    s.state = MigrationState::Pending;
    if (m.down) s.down_lossy = directive_values(m.down->text(), "lossy");
    states[m.version] = s;
  }
  std::map<std::int64_t, const Migration*> files;
  for (const auto& m : directory.migrations) files[m.version] = &m;
  for (const auto& [version, row] : rows) {
    MigrationStatus& s = states[version];
    s.version = version;
    if (s.name.empty()) s.name = row->name;
    s.statements_applied = row->statements_applied;
    s.statements_total = row->statements_total;
    s.applied_at = row->finished_at.empty() ? row->started_at : row->finished_at;
    s.duration_ms = row->duration_ms;
    s.error = row->error;
    s.applied_by = row->applied_by;
    const auto file = files.find(version);
    switch (row->state) {
      case RowState::Applied:
        s.state = MigrationState::Applied;
        break;
      case RowState::Partial:
        s.state = MigrationState::Partial;
        break;
      case RowState::Failed:
        s.state = MigrationState::Failed;
        break;
      case RowState::Reverting:
        s.state = MigrationState::Reverting;
        break;
    }
    if (file == files.end()) {
      if (row->state != RowState::Failed) s.state = MigrationState::Missing;
    } else if (row->state != RowState::Failed && row->checksum != file->second->up.checksum &&
               !same_applied_prefix(directory, *file->second, *row)) {
      s.state = MigrationState::Modified;
    }
  }
  std::vector<MigrationStatus> out;
  for (auto& [version, s] : states) {
    const auto row = rows.find(version);
    const auto file = files.find(version);
    if (row != rows.end() && file != files.end()) describe_stop(directory, *file->second, *row->second, s);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace strata::migrations
