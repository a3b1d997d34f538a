// `strata migrate new`: replay, diff, check the pair on the scratch database, write.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "app/dialect_factory.hpp"
#include "app/migration_files.hpp"
#include "engine/db/connection.hpp"
#include "engine/db/live_schema.hpp"
#include "engine/exec/executor.hpp"
#include "migrations/directory.hpp"
#include "migrations/scratch_database.hpp"
#include "migrations/sum.hpp"
#include "strata/diff.hpp"
#include "strata/migrate.hpp"

namespace strata {

namespace {

std::string comment_lines(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    out += "-- " + text.substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// The schema the down file leads back to, told the inverse of the up file's renames: the inverse of
// a rename is a rename, where a plain diff would drop the renamed table or column and add an
// empty one (losing its values).
Schema with_inverse_renames(Schema before, const ChangeSet& up) {
  std::map<QualifiedName, QualifiedName> old_table;  // the up's new table name -> its old one
  for (const auto& change : up) {
    if (const auto* rename = std::get_if<RenameTable>(&change)) old_table[rename->to] = rename->from;
  }
  auto table_named = [&](const QualifiedName& name) -> Table* {
    for (auto& table : before.tables) {
      if (table.name == name) return &table;
    }
    return nullptr;
  };
  for (const auto& change : up) {
    if (const auto* rename = std::get_if<RenameTable>(&change)) {
      if (Table* table = table_named(rename->from)) table->renamed_from = rename->to.name;
    } else if (const auto* column_rename = std::get_if<RenameColumn>(&change)) {
      const auto it = old_table.find(column_rename->table);
      Table* table = table_named(it == old_table.end() ? column_rename->table : it->second);
      if (table == nullptr) continue;
      for (auto& column : table->columns) {
        if (column.name == column_rename->from) column.renamed_from = column_rename->to;
      }
    }
  }
  return before;
}

// Why running the down file cannot give back the data the database held: it deletes data itself
// (what the up file added, and what was written there since), or it re-creates empty what the up
// file deleted. One line each, for `-- strata:lossy <why>`.
std::vector<std::string> lossy_reasons(const Plan& up, const Plan& down) {
  std::vector<std::string> reasons;
  for (std::size_t i = 0; i < down.steps.size(); ++i) {
    for (const auto& hazard : down.steps[i].hazards) {
      if (hazard.kind != HazardKind::DataLoss) continue;
      reasons.push_back(fmt::format("step {} ({}): {}", i + 1, down.steps[i].description, hazard.reason));
    }
  }
  for (std::size_t i = 0; i < up.steps.size(); ++i) {
    for (const auto& hazard : up.steps[i].hazards) {
      if (hazard.kind != HazardKind::DataLoss) continue;
      reasons.push_back(fmt::format("the up file's step {} ({}) deleted data the down file cannot bring back: {}",
                                    i + 1, up.steps[i].description, hazard.reason));
    }
  }
  for (auto& reason : reasons) std::replace(reason.begin(), reason.end(), '\n', ' ');
  return reasons;
}

std::string file_text(const Plan& plan, const std::string& file_name, bool down,
                      const std::vector<std::string>& lossy = {}) {
  std::string out = comment_lines(fmt::format(
      "{}: written by `strata migrate new` for {}.\nReview it before it is applied; strata.sum records its checksum.",
      file_name, plan.dialect));
  const bool outside =
      std::any_of(plan.steps.begin(), plan.steps.end(), [](const Step& s) { return !s.transactional; });
  if (outside) out += "-- strata:no-transaction\n";
  if (down) out += "-- Reverts the up file of the same version.\n";
  // Read back by `strata migrate down`, which warns before it runs this file.
  for (const auto& reason : lossy) out += "-- strata:lossy " + reason + "\n";
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& step = plan.steps[i];
    out += "\n" + comment_lines(fmt::format("step {}: {}", i + 1, step.description));
    for (const auto& hazard : step.hazards) {
      out += comment_lines(fmt::format("hazard {}: {}", hazard_name(hazard.kind), hazard.reason));
    }
    for (const auto& statement : step.statements) out += statement + ";\n";
  }
  return out;
}

std::string steps_of(const Plan& plan) {
  std::string out;
  for (const auto& step : plan.steps) out += "\n  " + step.description;
  return out;
}

}  // namespace

std::optional<NewMigration> new_migration(const std::filesystem::path& directory, const std::string& name,
                                          const Schema& declared, const std::string& scratch_server_url,
                                          const ConnectOptions& connect, const std::string& history_table) {
  check_migration_name(name);
  std::filesystem::create_directories(directory);
  const migrations::Directory existing = migrations::read_directory(directory);
  if (!existing.migrations.empty()) migrations::require_sum(existing);

  const auto server_dialect = [&] {
    Connection server(scratch_server_url, connect);
    return detect_dialect(server);
  }();
  migrations::ScratchDatabase scratch(scratch_server_url, connect, *server_dialect);
  MigrateOptions replay;
  replay.run.connect = connect;
  replay.run.history_table = history_table;
  if (!existing.migrations.empty()) Migrator(scratch.url(), directory, replay).up();
  Connection connection(scratch.url(), connect);
  const auto dialect = detect_dialect(connection);
  Schema before = read_live(connection, *dialect, declared, history_table);
  before.schemas = declared.schemas;
  NewMigration result;
  dialect->check(before, declared);
  const ChangeSet up_changes = diff(before, declared, *dialect);
  result.up = make_plan(up_changes, *dialect);
  if (result.up.empty()) return std::nullopt;

  // The pair must work before it is written: up reaches the declared schema, down comes back.
  execute_plan(connection, result.up, ExecutorOptions{});
  const Schema after = read_live(connection, *dialect, declared, history_table);
  if (const Plan left = plan_changes(after, declared, *dialect); !left.empty()) {
    throw PlanError("the up file strata made does not reach the declared schema (a strata bug); still different:" +
                    steps_of(left));
  }
  result.down = plan_changes(after, with_inverse_renames(before, up_changes), *dialect);
  execute_plan(connection, result.down, ExecutorOptions{});
  if (const Plan left = plan_changes(read_live(connection, *dialect, declared, history_table), before, *dialect);
      !left.empty()) {
    throw PlanError(
        "the down file strata made does not lead back to the migrations' schema (a strata bug); "
        "still different:" +
        steps_of(left));
  }

  const std::string version = next_version(existing);
  const std::string stem = fmt::format("{}_{}", version, name);
  result.up_file = directory / (stem + ".up.sql");
  result.down_file = directory / (stem + ".down.sql");
  write_migration_file(result.up_file, file_text(result.up, result.up_file.filename().string(), false));
  result.lossy = lossy_reasons(result.up, result.down);
  write_migration_file(result.down_file,
                       file_text(result.down, result.down_file.filename().string(), true, result.lossy));
  migrations::write_sum(migrations::read_directory(directory));
  return result;
}

}  // namespace strata
