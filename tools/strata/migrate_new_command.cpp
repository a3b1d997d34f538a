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
};

}  // namespace

void add_migrate_new_command(CLI::App& migrate, Runner& run) {
  auto args = std::make_shared<NewArgs>();
  const ProjectConfig& config = project_config();
  if (config.migrations) args->dir = *config.migrations;
  if (config.dev_url) args->dev_url = *config.dev_url;
  auto* cmd =
      migrate.add_subcommand("new", "Write the up and down files that take the migrations to the declared schema");
  cmd->footer(
      "Replays the existing migrations in a scratch database (created on --dev-url, or else on the\n"
      "--url server, and dropped after), plans the difference to the declared schema, checks on the\n"
      "scratch database that the up file reaches the schema and the down file comes back, then writes\n"
      "<version>_NAME.up.sql and .down.sql with hazards as comments, and rewrites strata.sum.\n"
      "Example: strata migrate new add_orders --schema schema/ --dev-url postgresql://localhost/postgres");
  cmd->add_option("NAME", args->name, "What the migration does, e.g. add_orders")->required();
  add_schema_paths_option(*cmd, args->schema_paths);
  cmd->add_option("--dev-url", args->dev_url, "A server where strata may create a scratch database")
      ->envname("STRATA_DEV_URL");
  add_connection_options(*cmd, args->connection);
  cmd->add_option("--dir", args->dir, "The migrations directory")->capture_default_str();
  cmd->callback([args, &run] {
    run = [args] {
      const std::string& server = args->dev_url.empty() ? require_url(args->connection.url) : args->dev_url;
      const ConnectOptions connect = args->connection.options();
      const Schema declared =
          load_schema_paths(args->schema_paths, "", [server, connect] { return server_dialect_name(server, connect); });
      const auto written = new_migration(args->dir, args->name, declared, server, args->connection.options());
      if (!written) {
        std::cout << "Nothing to write: the migrations already produce the declared schema.\n";
        return 0;
      }
      std::cout << fmt::format("wrote {} ({} step{})\nwrote {} ({} step{})\n", written->up_file.string(),
                               written->up.steps.size(), written->up.steps.size() == 1 ? "" : "s",
                               written->down_file.string(), written->down.steps.size(),
                               written->down.steps.size() == 1 ? "" : "s");
      for (const auto& kind : written->up.hazard_kinds()) {
        std::cout << fmt::format("hazard in the up file: {} (see the comments)\n", hazard_name(kind));
      }
      return 0;
    };
  });
}

}  // namespace strata::cli
