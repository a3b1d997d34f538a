#include "strata/apply.hpp"
#include "strata/load.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/output.hpp"

namespace strata::cli {

namespace {

struct PlanArgs {
  ConnectionArgs connection;
  std::vector<std::string> schema_paths;
  std::string format = "text";
  std::string output;
  std::string history_table;
};

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
      "Example: strata plan --schema examples/shop --format sql");
  add_connection_options(*cmd, args->connection);
  add_schema_paths_option(*cmd, args->schema_paths);
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "sql", "json"}))
      ->capture_default_str();
  add_output_option(*cmd, args->output);
  add_history_table_option(*cmd, args->history_table);
  cmd->callback([args, &run] {
    run = [args] {
      const Schema declared = load_schema(args->schema_paths);
      const Plan plan =
          plan_schema(require_url(args->connection.url), declared, args->connection.options(), args->history_table);
      write_output(render_plan(plan, args->format), args->output);
      return 0;
    };
  });
}

}  // namespace strata::cli
