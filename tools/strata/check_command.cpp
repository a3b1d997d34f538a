// `strata check`: the CI gate (integrity, lint, drift), with reports CI systems read.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "strata/check.hpp"
#include "strata/errors.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/output.hpp"
#include "tools/strata/schema_args.hpp"

namespace strata::cli {

namespace {

struct CheckArgs {
  ConnectionArgs connection;
  CheckOptions options;
  std::string format = "text";
  std::string dialect = "both";
  std::string output;
};

std::string render(const CheckReport& report, const std::string& format, bool terminal) {
  if (format == "json") return check_report_json(report);
  if (format == "junit") return check_report_junit(report);
  if (format == "github") return check_report_github(report);
  const char* no_color = std::getenv("NO_COLOR");
  return check_report_text(report, terminal && (no_color == nullptr || *no_color == '\0'));
}

}  // namespace

void add_check_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<CheckArgs>();
  const ProjectConfig& config = project_config();
  if (config.migrations) args->options.dir = *config.migrations;
  if (config.dev_url) args->options.dev_url = *config.dev_url;
  auto* cmd = app.add_subcommand("check", "CI gate: integrity, lint and drift of migrations and the declared schema");
  cmd->footer(
      "Checks what its inputs allow and reports the rest as skipped:\n"
      "  integrity  --dir: strata.sum matches the files, versions unique and in order; with --url, no applied\n"
      "             migration edited or lost; with --base, no committed migration edited\n"
      "  lint       --dir: the pending migrations (--url), the files new since --base, or else all files\n"
      "  drift      --schema with --url: the live database; --schema and --dir: what the migrations\n"
      "             produce, on a scratch database (--dev-url) or, without one, read offline by the SQL\n"
      "             reader of the server's kind (--url or --dialect)\n"
      "A statement is let through on purpose with a comment before it: -- strata:ignore SL101 <why>.\n"
      "Codes and the JSON shape: docs/check.md. Exit: 0 clean, 1 findings, 2 bad input, 3 cannot connect.\n"
      "Example: strata check --dir migrations --base origin/main --format github");
  add_connection_options(*cmd, args->connection);
  add_schema_paths_option(*cmd, args->options.schema_paths, false);
  cmd->add_option("--dir", args->options.dir, "The migrations directory");
  cmd->add_option("--dev-url", args->options.dev_url,
                  "A server where strata may create a scratch database to replay the migrations")
      ->envname("STRATA_DEV_URL");
  cmd->add_option("--base", args->options.base, "A git ref (e.g. origin/main): lint the migration files new since it");
  cmd->add_option("--format", args->format, "Report: text, json, junit (JUnit XML) or github (workflow commands)")
      ->check(CLI::IsMember({"text", "json", "junit", "github"}))
      ->capture_default_str();
  cmd->add_option("--dialect", args->dialect,
                  "The server's kind when no --url tells it: lint rules, .sql schema files, offline drift")
      ->check(CLI::IsMember({"both", "postgres", "cockroachdb"}))
      ->capture_default_str();
  cmd->add_option("--server-version", args->options.server_version,
                  "With --dialect: the server's release, MAJOR.MINOR (e.g. 24.3), for CockroachDB's rules");
  add_output_option(*cmd, args->output);
  add_history_table_option(*cmd, args->options.history_table);
  cmd->callback([args, &run] {
    run = [args] {
      args->options.url = args->connection.url;
      args->options.connect = args->connection.options();
      if (args->dialect != "both") args->options.dialect = args->dialect;
      const CheckReport report = run_check(args->options);
      print_notes(report.notes);
      const bool terminal = args->output.empty() && isatty(STDOUT_FILENO) == 1;
      write_output(render(report, args->format, terminal), args->output);
      return static_cast<int>(report.clean() ? ExitCode::Ok : ExitCode::Findings);
    };
  });
}

}  // namespace strata::cli
