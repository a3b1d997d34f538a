#include "migrations/repair.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "engine/db/retry.hpp"
#include "engine/db/server_dialect.hpp"
#include "engine/lock/lock.hpp"
#include "migrations/selection.hpp"
#include "migrations/splitter.hpp"
#include "migrations/sum.hpp"

namespace strata::migrations {

namespace {

bool unresolved(const HistoryRow& row) {
  return row.state == RowState::Partial || row.state == RowState::Failed || row.state == RowState::Reverting;
}

struct Lookup {
  std::map<std::int64_t, const Migration*> files;
  std::map<std::int64_t, const HistoryRow*> rows;
  std::map<std::int64_t, MigrationState> states;
};

Lookup lookup(const Directory& directory, const std::vector<HistoryRow>& history) {
  Lookup out;
  for (const auto& m : directory.migrations) out.files[m.version] = &m;
  for (const auto& row : history) out.rows[row.version] = &row;
  for (const auto& s : migration_states(directory, history)) out.states[s.version] = s.state;
  return out;
}

// The version named, or the only one that `fits`; `what` says which kind for the messages.
std::int64_t chosen_version(const RepairRequest& request, const Lookup& l,
                            const std::function<bool(std::int64_t)>& fits, std::string_view what) {
  if (request.version) return *request.version;
  std::vector<std::int64_t> candidates;
  for (const auto& [version, state] : l.states) {
    if (fits(version)) candidates.push_back(version);
  }
  if (candidates.empty()) {
    throw UsageError(
        fmt::format("no migration is {}: there is nothing to repair (`strata migrate status` lists them)", what));
  }
  if (candidates.size() > 1) {
    throw UsageError(
        fmt::format("several migrations are {} ({}): name the one to repair", what, fmt::join(candidates, ", ")));
  }
  return candidates.front();
}

const Migration& file_for(const Lookup& l, std::int64_t version, const Directory& directory) {
  const auto it = l.files.find(version);
  if (it == l.files.end()) {
    throw UsageError(fmt::format("there is no migration {} in {}", version, directory.path.string()));
  }
  return *it->second;
}

std::vector<RepairStep> resolve(const Directory& directory, const Lookup& l, const RepairRequest& request,
                                const std::string& who) {
  const std::int64_t version = chosen_version(
      request, l, [&](std::int64_t v) { return l.rows.contains(v) && unresolved(*l.rows.at(v)); },
      "failed, partial or reverting");
  const auto it = l.rows.find(version);
  if (it == l.rows.end()) {
    throw UsageError(
        fmt::format("migration {} is not in the history (it is pending): to record it applied without running it, use "
                    "`strata migrate set {}`",
                    version, version));
  }
  const HistoryRow& row = *it->second;
  if (!unresolved(row)) {
    throw UsageError(fmt::format("migration {} ({}) is {}: there is nothing to resolve{}", version, row.name,
                                 state_name(l.states.at(version)),
                                 l.states.at(version) == MigrationState::Modified
                                     ? fmt::format(" (its up file was edited after it was applied: `strata migrate "
                                                   "repair {} --accept-edit` records the edit)",
                                                   version)
                                     : ""));
  }
  RepairStep step;
  step.change.version = version;
  step.change.name = row.name;
  step.change.from = l.states.at(version);
  if (request.kind == RepairKind::MarkApplied) {
    const Migration& m = file_for(l, version, directory);
    step.row = applied_row(directory, m, &row, who + " by hand (strata migrate repair --applied)");
    step.change.to = MigrationState::Applied;
    step.change.detail = fmt::format("recorded applied in full ({} statements of {}), as finished by hand",
                                     step.row->statements_total, m.up.file_name);
  } else {
    step.change.to = MigrationState::Pending;
    step.change.detail = "forgotten, as undone by hand: it is pending again";
  }
  return {step};
}

std::vector<RepairStep> accept_edit(const Directory& directory, const Lookup& l, const RepairRequest& request,
                                    const std::string& who) {
  const std::int64_t version = chosen_version(
      request, l, [&](std::int64_t v) { return l.states.at(v) == MigrationState::Modified; },
      "modified (applied, then edited)");
  const Migration& m = file_for(l, version, directory);
  const auto it = l.rows.find(version);
  if (it == l.rows.end() || it->second->state != RowState::Applied) {
    throw UsageError(fmt::format("migration {} is {}: only an applied migration's edit can be accepted", version,
                                 state_name(l.states.at(version))));
  }
  const HistoryRow& row = *it->second;
  if (row.checksum == m.up.checksum) {
    throw UsageError(
        fmt::format("{} has not changed since it was applied: there is no edit to accept", m.up.file_name));
  }
  RepairStep step;
  step.change = HistoryChange{
      version, m.name, l.states.at(version), MigrationState::Applied,
      fmt::format("checksum {} -> {}: the edit is accepted as applied (it is not run)", row.checksum, m.up.checksum)};
  step.row = applied_row(directory, m, &row,
                         fmt::format("{} (strata migrate repair --accept-edit; was {})", who, row.checksum));
  return {step};
}

std::vector<RepairStep> set_version(const Directory& directory, const Lookup& l, const RepairRequest& request,
                                    const std::string& who) {
  if (!request.version) throw UsageError("`strata migrate set` needs the VERSION the database is at");
  const std::int64_t target = *request.version;
  if (target != 0 && !l.files.contains(target)) {
    throw UsageError(fmt::format("there is no migration {} in {} (use 0: before the first migration)", target,
                                 directory.path.string()));
  }
  std::vector<RepairStep> steps;
  for (const auto& [version, m] : l.files) {
    if (version > target) break;
    const auto it = l.rows.find(version);
    const HistoryRow* row = it == l.rows.end() ? nullptr : it->second;
    const MigrationState state = l.states.at(version);
    if (state == MigrationState::Applied) continue;
    if (state == MigrationState::Modified) {
      throw UsageError(fmt::format(
          "{} was edited after it was applied: accept the edit first (`strata migrate repair {} --accept-edit`) or "
          "undo it",
          m->up.file_name, version));
    }
    RepairStep step;
    step.row = applied_row(directory, *m, row, fmt::format("{} by hand (strata migrate set {})", who, target));
    step.change = HistoryChange{version, m->name, state, MigrationState::Applied,
                                "recorded applied, as applied by hand (its statements are not run)"};
    steps.push_back(std::move(step));
  }
  for (const auto& [version, row] : l.rows) {
    if (version <= target) continue;
    const MigrationState state = l.states.at(version);
    steps.push_back(RepairStep{
        HistoryChange{version, row->name, state, MigrationState::Pending,
                      state == MigrationState::Missing ? "forgotten (its file is gone)"
                                                       : "forgotten, as not in the database: it is pending again"},
        std::nullopt});
  }
  std::sort(steps.begin(), steps.end(),
            [](const RepairStep& a, const RepairStep& b) { return a.change.version < b.change.version; });
  return steps;
}

// strata.sum must agree with the files, except that an accepted edit's files may differ (they are
// hashed again once the history is written).
void check_sum(const Directory& directory, const RepairRequest& request, const std::vector<RepairStep>& steps) {
  if (request.kind != RepairKind::AcceptEdit) {
    require_sum(directory);
    return;
  }
  const auto m = std::find_if(directory.migrations.begin(), directory.migrations.end(),
                              [&](const Migration& x) { return x.version == steps.front().change.version; });
  for (const auto& problem : verify_sum(directory)) {
    const bool accepted = m != directory.migrations.end() && (problem.file_name == m->up.file_name ||
                                                              (m->down && problem.file_name == m->down->file_name));
    if (!accepted) require_sum(directory);  // throws, naming every problem
  }
}

}  // namespace

HistoryRow applied_row(const Directory& directory, const Migration& m, const HistoryRow* base, const std::string& by) {
  HistoryRow row = base ? *base : HistoryRow{};
  const auto statements = split_statements(m.up.text(), (directory.path / m.up.file_name).string());
  const int count = static_cast<int>(statements.size());
  row.version = m.version;
  row.name = m.name;
  row.checksum = m.up.checksum;
  row.state = RowState::Applied;
  row.statements_total = count;
  row.statements_applied = count;
  row.statement_started.reset();
  row.statement_started_at.clear();
  row.prefix_checksum = prefix_checksum(statements, count);
  row.finished = true;
  row.duration_ms.reset();
  row.error.clear();
  row.applied_by = by;
  return row;
}

std::string person() {
  std::string user;
  if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name) user = entry->pw_name;
  if (user.empty()) {
    const char* from_env = std::getenv("USER");
    user = from_env ? from_env : "unknown";
  }
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return fmt::format("{}@{}", user, host);
}

std::vector<RepairStep> plan_repair(const Directory& directory, const std::vector<HistoryRow>& history,
                                    const RepairRequest& request, const std::string& who) {
  const Lookup l = lookup(directory, history);
  switch (request.kind) {
    case RepairKind::MarkApplied:
    case RepairKind::MarkRolledBack:
      return resolve(directory, l, request, who);
    case RepairKind::AcceptEdit:
      return accept_edit(directory, l, request, who);
    case RepairKind::SetVersion:
      return set_version(directory, l, request, who);
  }
  return {};
}

RepairReport repair(Connection& connection, const std::string& url, const ServerDialect& dialect,
                    const std::filesystem::path& path, const MigrateOptions& options, const RepairRequest& request,
                    const std::function<bool(const RepairReport&)>& confirm) {
  const Directory directory = read_directory(path);
  RepairReport report;
  report.recorded_by = person();
  History history(connection, dialect, options.run.history_table);
  auto steps = plan_repair(directory, history.read(), request, report.recorded_by);
  if (!steps.empty()) check_sum(directory, request, steps);
  std::unique_ptr<SchemaLock> lock;
  if (!request.dry_run && !steps.empty()) {
    lock = acquire_schema_lock(connection, url, dialect, options.run.lock, "strata migrate repair", options.observer);
    // Under the lock, again: another strata may have changed the history meanwhile.
    history.ensure_table();
    steps = plan_repair(directory, history.read(), request, report.recorded_by);
  }
  for (const auto& step : steps) report.changes.push_back(step.change);
  if (request.dry_run || steps.empty()) return report;
  if (confirm && !confirm(report)) return report;
  with_retries("writing " + options.run.history_table, options.run.max_retries, options.observer, [&] {
    try {
      pqxx::work tx(connection.raw());
      lock->check_held(tx);
      for (const auto& step : steps) {
        if (step.row) {
          history.write(tx, *step.row);
        } else {
          history.remove(tx, step.change.version);
        }
      }
      tx.commit();
    } catch (const strata::Error&) {
      throw;
    } catch (const std::exception& error) {
      connection.rethrow(error, "writing " + std::string(kHistoryTable));
    }
  });
  report.written = true;
  if (request.kind == RepairKind::AcceptEdit) write_sum(directory);
  return report;
}

}  // namespace strata::migrations
