// `strata migrate new`: replay, diff, check the pair on the scratch database, write.
#include <algorithm>

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

std::string file_text(const Plan& plan, const std::string& file_name, bool down) {
  std::string out = comment_lines(fmt::format(
      "{}: written by `strata migrate new` for {}.\nReview it before it is applied; strata.sum records its checksum.",
      file_name, plan.dialect));
  const bool outside =
      std::any_of(plan.steps.begin(), plan.steps.end(), [](const Step& s) { return !s.transactional; });
  if (outside) out += "-- strata:no-transaction\n";
  if (down) out += "-- Reverts the up file of the same version.\n";
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
                                          const ConnectOptions& connect) {
  check_migration_name(name);
  std::filesystem::create_directories(directory);
  const migrations::Directory existing = migrations::read_directory(directory);
  if (!existing.migrations.empty()) migrations::require_sum(existing);

  migrations::ScratchDatabase scratch(scratch_server_url, connect);
  MigrateOptions replay;
  replay.run.connect = connect;
  if (!existing.migrations.empty()) Migrator(scratch.url(), directory, replay).up();
  Connection connection(scratch.url(), connect);
  const auto dialect = detect_dialect(connection);
  Schema before = read_live(connection, *dialect, declared);
  before.schemas = declared.schemas;
  NewMigration result;
  result.up = plan_changes(before, declared, *dialect);
  if (result.up.empty()) return std::nullopt;

  // The pair must work before it is written: up reaches the declared schema, down comes back.
  execute_plan(connection, result.up, ExecutorOptions{});
  const Schema after = read_live(connection, *dialect, declared);
  if (const Plan left = plan_changes(after, declared, *dialect); !left.empty()) {
    throw PlanError("the up file strata made does not reach the declared schema (a strata bug); still different:" +
                    steps_of(left));
  }
  result.down = plan_changes(after, before, *dialect);
  execute_plan(connection, result.down, ExecutorOptions{});
  if (const Plan left = plan_changes(read_live(connection, *dialect, declared), before, *dialect); !left.empty()) {
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
  write_migration_file(result.down_file, file_text(result.down, result.down_file.filename().string(), true));
  migrations::write_sum(migrations::read_directory(directory));
  return result;
}

}  // namespace strata
