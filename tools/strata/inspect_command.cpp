#include "tools/strata/commands.hpp"
#include "tools/strata/output.hpp"

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
  auto* cmd = app.add_subcommand("inspect", "Print the live schema of a database in the declared (YAML) format");
  cmd->footer(
      "The YAML printed loads back as a declared schema equal to the live one, so\n"
      "`strata inspect > schema.yaml` starts a declared schema from an existing database.\n"
      "Example: strata inspect --url postgresql://app@localhost/shop --schema public");
  add_connection_options(*cmd, args->connection);
  cmd->add_option("--schema", args->schemas,
                  "Database schema (namespace) to read; repeat for several (one that does not exist is an "
                  "error). Default: every user schema");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"yaml", "json"}))
      ->capture_default_str();
  add_output_option(*cmd, args->output);
  cmd->callback([args, &run] {
    run = [args] {
      const Schema schema =
          inspect(require_url(args->connection.url), InspectOptions{args->schemas, args->connection.options()});
      write_output(args->format == "json" ? to_json(schema) : to_yaml(schema), args->output);
      return 0;
    };
  });
}

}  // namespace strata::cli
