#include "strata/apply.hpp"
#include "strata/declared_schema.hpp"
#include "strata/dialect_factory.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/output.hpp"
#include "tools/strata/schema_args.hpp"

namespace strata::cli {

namespace {

struct PlanArgs {
  ConnectionArgs connection;
  std::vector<std::string> schema_paths;
  std::vector<std::string> from_paths;
  DialectArgs dialect;
  std::string format = "text";
  std::string output;
  std::string history_table;
};

// `--from`: the plan between two declared schemas, made by the dialect named, with no server.
Plan offline_plan(const PlanArgs& args) {
  if (args.dialect.dialect.empty()) {
    throw UsageError("--from plans without a server: name the server's kind with --dialect postgres|cockroachdb");
  }
  const Schema from = load_schema_paths(args.from_paths, args.dialect.dialect);
  const Schema to = load_schema_paths(args.schema_paths, args.dialect.dialect);
  const std::string database = !args.dialect.database.empty() ? args.dialect.database : to.database.name;
  const auto dialect = make_dialect(args.dialect.dialect, database, args.dialect.server_version);
  return plan_changes(from, to, *dialect);
}

}  // namespace

std::string render_plan(const Plan& plan, const std::string& format) {
  if (format == "json") return plan_to_json(plan);
  if (format == "sql") return plan_to_sql(plan);
  return plan_to_text(plan);
}

void add_plan_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<PlanArgs>();
  auto* cmd = app.add_subcommand("plan", "Show the steps that would change the database into the declared schema");
  cmd->footer(
      "Reads the live schema (only the namespaces the declared schema uses) and prints the ordered SQL,\n"
      "each step with its hazards. Changes nothing. `--format sql` prints a script a person could run.\n"
      "With --from instead of a database, plans from one declared schema to the other with no server:\n"
      "the same planner, hazards and CockroachDB checks, for the --dialect and --server-version named.\n"
      "Schemas may be YAML or SQL (.sql files: --dialect, the server, or a first line\n"
      "`-- strata:dialect postgres|cockroachdb` says which SQL).\n"
      "Examples: strata plan --schema examples/shop --format sql\n"
      "          strata plan --from old.sql --schema new.sql --dialect cockroachdb --server-version 24.3");
  add_connection_options(*cmd, args->connection);
  add_schema_paths_option(*cmd, args->schema_paths);
  cmd->add_option("--from", args->from_paths,
                  "Plan from this declared schema (YAML or SQL files or directories) instead of a database");
  add_dialect_options(*cmd, args->dialect,
                      "The server's kind: the SQL of .sql schema files, and of the plan with --from");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "sql", "json"}))
      ->capture_default_str();
  add_output_option(*cmd, args->output);
  add_history_table_option(*cmd, args->history_table);
  cmd->callback([args, &run] {
    run = [args] {
      if (!args->from_paths.empty()) {
        write_output(render_plan(offline_plan(*args), args->format), args->output);
        return 0;
      }
      const std::string& url = require_url(args->connection.url);
      const ConnectOptions connect = args->connection.options();
      const Schema declared = load_schema_paths(args->schema_paths, args->dialect.dialect,
                                                [url, connect] { return server_dialect_name(url, connect); });
      const Plan plan = plan_schema(url, declared, connect, args->history_table);
      write_output(render_plan(plan, args->format), args->output);
      return 0;
    };
  });
}

}  // namespace strata::cli
