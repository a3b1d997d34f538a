// `strata migrate baseline VERSION`: the database has the schema the migrations up to VERSION
// produce (checked against a replay on a scratch database, or an offline reading of the files), so
// they are recorded as applied without running anything.
#include <algorithm>

#include <fmt/format.h>

#include "app/dialect_factory.hpp"
#include "app/offline_replay.hpp"
#include "engine/db/connection.hpp"
#include "engine/db/live_schema.hpp"
#include "migrations/record.hpp"
#include "migrations/scratch_database.hpp"
#include "migrations/sum.hpp"
#include "strata/adopt.hpp"
#include "strata/errors.hpp"
#include "strata/migrate.hpp"
#include "strata/plan.hpp"

namespace strata {

namespace {

// The history tables of the tools strata adopts from: a database moving to strata may still hold
// one, and no migration declares it.
bool is_tool_history(const QualifiedName& name) {
  return name.name == "schema_migrations" || name.name == "goose_db_version" || name.name == "flyway_schema_history" ||
         name.name == "_prisma_migrations" || name.schema == "atlas_schema_revisions";
}

// What the migrations up to `version` build, replayed on a scratch database on `dev_url`.
Schema replayed(const BaselineOptions& options) {
  const auto server_dialect = [&] {
    Connection server(options.dev_url, options.run.connect);
    return detect_dialect(server);
  }();
  migrations::ScratchDatabase scratch(options.dev_url, options.run.connect, *server_dialect);
  MigrateOptions replay;
  replay.run.connect = options.run.connect;
  replay.run.history_table = options.run.history_table;
  Migrator(scratch.url(), options.directory, replay).go_to(options.version);
  Connection connection(scratch.url(), options.run.connect);
  const auto dialect = detect_dialect(connection);
  Schema schema = read_live(connection, *dialect, std::vector<std::string>{}, options.run.history_table);
  std::erase_if(schema.tables, [](const Table& t) { return is_tool_history(t.name); });
  return schema;
}

std::string steps_of(const Plan& plan) {
  std::string out;
  for (const auto& step : plan.steps) out += "\n  " + step.description;
  return out;
}

}  // namespace

BaselineReport baseline(const BaselineOptions& options) {
  const migrations::Directory directory = migrations::read_directory(options.directory);
  migrations::require_sum(directory);
  std::vector<std::int64_t> versions;
  for (const auto& m : directory.migrations) {
    if (m.version <= options.version) versions.push_back(m.version);
  }
  if (std::none_of(directory.migrations.begin(), directory.migrations.end(),
                   [&](const auto& m) { return m.version == options.version; })) {
    throw UsageError(fmt::format("no migration of version {} in {}: a baseline names one of its migrations",
                                 options.version, options.directory.string()));
  }
  Connection connection(options.url, options.run.connect);
  const auto dialect = detect_dialect(connection);
  BaselineReport report;
  Schema expected;
  if (!options.dev_url.empty()) {
    expected = replayed(options);
    report.replayed = true;
  } else {
    LoadedSchema read = replay_offline(directory, dialect->name(), options.version);
    expected = std::move(read.schema);
    report.notes = std::move(read.notes);
  }
  Schema live = read_live(connection, *dialect, expected, options.run.history_table);
  std::erase_if(live.tables, [&](const Table& t) { return is_tool_history(t.name) && !expected.find_table(t.name); });
  const Plan differences = plan_changes(live, expected, *dialect);
  if (!differences.empty()) {
    throw FindingsError(fmt::format(
        "nothing was recorded: {} is not at version {}. To have the schema the migrations up to it produce{}, "
        "it would need:{}\nBring the database or the migrations in line (`strata plan` shows the SQL), or baseline "
        "at another version.",
        connection.display_url(), options.version, report.replayed ? " (replayed on --dev-url)" : " (read offline)",
        steps_of(differences)));
  }
  const auto recorded = migrations::record_applied(connection, options.url, *dialect, directory, versions, options.run,
                                                   "strata migrate baseline");
  report.recorded = recorded.recorded;
  report.already_applied = recorded.already_applied;
  return report;
}

}  // namespace strata
