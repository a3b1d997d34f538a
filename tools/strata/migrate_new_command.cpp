// `strata migrate new NAME`: write the migration that takes the migrations' schema to the declared one.
#include <iostream>

#include <fmt/format.h>

#include "strata/declared_schema.hpp"
#include "strata/migrate.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/schema_args.hpp"

namespace strata::cli {

namespace {

struct NewArgs {
  std::string name;
  std::vector<std::string> schema_paths;
  std::string dev_url;
  ConnectionArgs connection;
  std::string dir = "migrations";
  bool empty = false;
  std::string history_table;
};

void print_written(const NewMigration& written) {
  std::cout << fmt::format("wrote {} ({} step{})\nwrote {} ({} step{})\n", written.up_file.string(),
                           written.up.steps.size(), written.up.steps.size() == 1 ? "" : "s", written.down_file.string(),
                           written.down.steps.size(), written.down.steps.size() == 1 ? "" : "s");
  for (const auto& kind : written.up.hazard_kinds()) {
    std::cout << fmt::format("hazard in the up file: {} (see the comments)\n", hazard_name(kind));
  }
}

int run_new(const NewArgs& args) {
  if (args.empty || args.schema_paths.empty()) {
    const NewMigration written = new_empty_migration(args.dir, args.name);
    std::cout << fmt::format("wrote {}\nwrote {}\nWrite the SQL in them, then run `strata migrate hash`.\n",
                             written.up_file.string(), written.down_file.string());
    return 0;
  }
  const std::string& server = args.dev_url.empty() ? require_url(args.connection.url) : args.dev_url;
  const ConnectOptions connect = args.connection.options();
  const Schema declared =
      load_schema_paths(args.schema_paths, "", [&server, &connect] { return server_dialect_name(server, connect); });
  const auto written =
      new_migration(args.dir, args.name, declared, server, args.connection.options(), args.history_table);
  if (!written) {
    std::cout << "Nothing to write: the migrations already produce the declared schema.\n";
    return 0;
  }
  print_written(*written);
  return 0;
}

}  // namespace

void add_migrate_new_command(CLI::App& migrate, Runner& run) {
  auto args = std::make_shared<NewArgs>();
  const ProjectConfig& config = project_config();
  if (config.migrations) args->dir = *config.migrations;
  if (config.dev_url) args->dev_url = *config.dev_url;
  auto* cmd = migrate.add_subcommand(
      "new", "Write the next up and down files: generated from the declared schema, or empty for hand-written SQL");
  cmd->footer(
      "With a declared schema (--schema, or strata.yaml's schema:): replays the existing migrations in a\n"
      "scratch database (created on --dev-url, or else on the --url server, and dropped after), plans the\n"
      "difference to the declared schema, checks on the scratch database that the up file reaches the\n"
      "schema and the down file comes back, then writes <version>_NAME.up.sql and .down.sql with hazards\n"
      "as comments, and rewrites strata.sum.\n"
      "Without one (or with --empty): writes an empty pair for hand-written SQL and rewrites strata.sum;\n"
      "touches no database. Run `strata migrate hash` after writing the SQL.\n"
      "Examples: strata migrate new add_orders --schema schema/ --dev-url postgresql://localhost/postgres\n"
      "          strata migrate new backfill_totals");
  cmd->add_option("NAME", args->name, "What the migration does, e.g. add_orders")->required();
  add_schema_paths_option(*cmd, args->schema_paths, false);
  cmd->add_flag("--empty", args->empty,
                "Write an empty pair for hand-written SQL, even when strata.yaml names a schema");
  cmd->add_option("--dev-url", args->dev_url, "A server where strata may create a scratch database")
      ->envname("STRATA_DEV_URL");
  add_connection_options(*cmd, args->connection);
  cmd->add_option("--dir", args->dir, "The migrations directory")->capture_default_str();
  add_history_table_option(*cmd, args->history_table);
  cmd->callback([args, &run] { run = [args] { return run_new(*args); }; });
}

}  // namespace strata::cli
