// The subcommands of `strata`. Each adds itself to the CLI11 app and sets `run` to the work it
// does once the command line has been parsed; the work returns the process exit code.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "strata/config.hpp"
#include "strata/connect.hpp"

namespace strata::cli {

using Runner = std::function<int()>;

void add_inspect_command(CLI::App& app, Runner& run);
void add_ddl_command(CLI::App& app, Runner& run);
void add_plan_command(CLI::App& app, Runner& run);
void add_diff_command(CLI::App& app, Runner& run);
void add_apply_command(CLI::App& app, Runner& run);
void add_lock_command(CLI::App& app, Runner& run);
void add_check_command(CLI::App& app, Runner& run);
void add_migrate_command(CLI::App& app, Runner& run);
void add_migrate_new_command(CLI::App& migrate, Runner& run);
void add_migrate_adopt_commands(CLI::App& migrate, Runner& run);  // import, adopt, baseline
void add_migrate_repair_commands(CLI::App& migrate, Runner& run);
void add_help_command(CLI::App& app, Runner& run);
void add_completion_command(CLI::App& app, Runner& run);

// The --url option every database command shares: defaults to $DATABASE_URL.
CLI::Option* add_url_option(CLI::App& command, std::string& url);

// --url, --connect-timeout and --statement-timeout: what every database command needs to connect.
struct ConnectionArgs {
  std::string url;
  int connect_timeout = 10;
  int statement_timeout = 0;
  ConnectOptions options() const;
};
void add_connection_options(CLI::App& command, ConnectionArgs& args);
// --connect-timeout and --statement-timeout alone, for a command whose URLs come otherwise.
void add_timeout_options(CLI::App& command, ConnectionArgs& args);
// strata.yaml (or --config FILE), read before the command line is parsed; its values are the
// defaults that flags override.
const ProjectConfig& project_config();

// --schema PATH...: the declared schema, defaulting to strata.yaml's `schema:`; required when
// strata.yaml names none and `required` is set.
CLI::Option* add_schema_paths_option(CLI::App& command, std::vector<std::string>& paths, bool required = true);

// --history-table NAME: versioned migrations' history table, defaulting to strata.yaml's
// history_table (else strata_schema_history); commands that read or plan the live schema leave it out.
CLI::Option* add_history_table_option(CLI::App& command, std::string& table);

// -o,--output FILE: where the command writes instead of standard output.
CLI::Option* add_output_option(CLI::App& command, std::string& output);

// The URL, or a UsageError saying how to give one.
const std::string& require_url(const std::string& url);

}  // namespace strata::cli
