#include "tools/strata/commands.hpp"
#include "tools/strata/output.hpp"

#include "strata/declared_schema.hpp"
#include "strata/dialect_factory.hpp"
#include "strata/inspect.hpp"
#include "strata/load.hpp"

namespace strata::cli {

namespace {

struct InspectArgs {
  ConnectionArgs connection;
  std::vector<std::string> schemas;
  std::string format = "yaml";
  std::string output;
};

}  // namespace

void add_inspect_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<InspectArgs>();
  auto* cmd =
      app.add_subcommand("inspect", "Print the live schema of a database in the declared (YAML) format, or as SQL");
  cmd->footer(
      "The YAML printed loads back as a declared schema equal to the live one, so\n"
      "`strata inspect > schema.yaml` starts a declared schema from an existing database.\n"
      "`--format sql` prints it as the server's SQL instead (CREATE statements), which loads back the same.\n"
      "Example: strata inspect --url postgresql://app@localhost/shop --schema public");
  add_connection_options(*cmd, args->connection);
  cmd->add_option("--schema", args->schemas,
                  "Database schema (namespace) to read; repeat for several (one that does not exist is an "
                  "error). Default: every user schema");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"yaml", "json", "sql"}))
      ->capture_default_str();
  add_output_option(*cmd, args->output);
  cmd->callback([args, &run] {
    run = [args] {
      const std::string& url = require_url(args->connection.url);
      const Schema schema = inspect(url, InspectOptions{args->schemas, args->connection.options()});
      if (args->format == "sql") {
        const auto dialect = make_dialect(server_dialect_name(url, args->connection.options()), schema.database.name);
        write_output(schema_to_sql(schema, *dialect), args->output);
      } else {
        write_output(args->format == "json" ? to_json(schema) : to_yaml(schema), args->output);
      }
      return 0;
    };
  });
}

}  // namespace strata::cli
