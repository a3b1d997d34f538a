#include <iostream>

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

// What the database holds that strata left out, said once on standard error: kind and name, one
// a line, so that nobody takes the printed schema for the whole database.
void print_skipped(const std::vector<SkippedObject>& skipped) {
  if (skipped.empty()) return;
  std::cerr << "strata: left alone (strata does not manage " << (skipped.size() == 1 ? "it" : "them")
            << "; a plan never drops " << (skipped.size() == 1 ? "it" : "them") << "):\n";
  for (const auto& object : skipped) std::cerr << "  " << object.kind << " " << object.name << "\n";
  std::cerr << std::flush;
}

}  // namespace

void add_inspect_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<InspectArgs>();
  auto* cmd =
      app.add_subcommand("inspect", "Print the live schema of a database in the declared (YAML) format, or as SQL");
  cmd->footer(
      "The YAML printed loads back as a declared schema equal to the live one, so\n"
      "`strata inspect > schema.yaml` starts a declared schema from an existing database.\n"
      "`--format sql` prints it as the server's SQL instead (CREATE statements), which loads back the same.\n"
      "What strata does not manage (views, functions, triggers, extensions, …; on CockroachDB the clauses its\n"
      "model lacks) is listed on standard error, kind and name, and left alone.\n"
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
      std::vector<SkippedObject> skipped;
      std::string server;
      const Schema schema = inspect(url, InspectOptions{args->schemas, args->connection.options(), &skipped, &server});
      if (args->format == "sql") {
        const auto dialect = make_dialect(server, schema.database.name);
        write_output(schema_to_sql(schema, *dialect), args->output);
      } else {
        write_output(args->format == "json" ? to_json(schema) : to_yaml(schema), args->output);
      }
      print_skipped(skipped);
      return 0;
    };
  });
}

}  // namespace strata::cli
