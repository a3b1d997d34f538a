// The `strata` command: parses the command line, runs one subcommand, maps errors to exit codes.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "strata/errors.hpp"
#include "strata/redact.hpp"
#include "strata/version.hpp"
#include "tools/strata/commands.hpp"

namespace strata::cli {

namespace {

ProjectConfig the_config;

// Every password strata was given (in a URL on the command line, in $DATABASE_URL or
// $STRATA_DEV_URL, in strata.yaml): whatever strata prints about a failure is scrubbed of them,
// also text that does not come from a connection (CLI11 quoting an unexpected argument).
std::vector<std::string> the_secrets;

void remember_secrets_in(std::string_view text) {
  for (auto& secret : secrets_of(text)) the_secrets.push_back(std::move(secret));
}

void remember_secrets(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    remember_secrets_in(arg);
    if (arg.starts_with("--") && arg.find('=') != std::string_view::npos)
      remember_secrets_in(arg.substr(arg.find('=') + 1));
  }
  for (const char* name : {"DATABASE_URL", "STRATA_DEV_URL"}) {
    if (const char* value = std::getenv(name)) remember_secrets_in(value);
  }
  if (const char* password = std::getenv("PGPASSWORD"); password && *password) the_secrets.emplace_back(password);
}

void remember_config_secrets(const ProjectConfig& config) {
  if (config.url) remember_secrets_in(*config.url);
  if (config.dev_url) remember_secrets_in(*config.dev_url);
}

// --config FILE (or --config=FILE) anywhere on the command line.
std::optional<std::filesystem::path> config_argument(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--config" && i + 1 < argc) return std::filesystem::path(argv[i + 1]);
    if (arg.starts_with("--config=")) return std::filesystem::path(std::string(arg.substr(9)));
  }
  return std::nullopt;
}

}  // namespace

const ProjectConfig& project_config() {
  return the_config;
}

CLI::Option* add_url_option(CLI::App& command, std::string& url) {
  if (the_config.url) url = *the_config.url;
  return command.add_option("--url", url, "Database URL, postgresql://user@host:port/db (default: $DATABASE_URL)")
      ->envname("DATABASE_URL");
}

ConnectOptions ConnectionArgs::options() const {
  ConnectOptions options;
  options.connect_timeout = std::chrono::seconds(connect_timeout);
  options.statement_timeout = std::chrono::seconds(statement_timeout);
  options.on_warning = [](const std::string& warning) {
    std::cerr << scrub("strata: warning: " + warning + "\n", the_secrets) << std::flush;
  };
  return options;
}

void add_connection_options(CLI::App& command, ConnectionArgs& args) {
  add_url_option(command, args.url);
  if (the_config.connect_timeout) args.connect_timeout = *the_config.connect_timeout;
  if (the_config.statement_timeout) args.statement_timeout = *the_config.statement_timeout;
  command
      .add_option("--connect-timeout", args.connect_timeout,
                  "Seconds to wait for the server to answer and log in (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command
      .add_option("--statement-timeout", args.statement_timeout,
                  "Seconds one statement may run before the server cancels it (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

CLI::Option* add_schema_paths_option(CLI::App& command, std::vector<std::string>& paths, bool required) {
  paths = the_config.schema;
  auto* option = command.add_option("--schema", paths,
                                    "Declared schema: YAML files or directories (repeatable; default: "
                                    "strata.yaml's schema)");
  if (required && the_config.schema.empty()) option->required();
  return option;
}

CLI::Option* add_output_option(CLI::App& command, std::string& output) {
  return command.add_option("-o,--output", output, "Write to this file instead of standard output");
}

const std::string& require_url(const std::string& url) {
  if (!url.empty()) return url;
  if (!the_config.file.empty() && !the_config.unset_variables.empty()) {
    throw UsageError(fmt::format("no database URL: {} names ${{{}}}, which is not set; set it, or pass --url",
                                 the_config.file.string(), the_config.unset_variables.front()));
  }
  throw UsageError("no database URL: pass --url, set DATABASE_URL, or put url: in strata.yaml");
}

namespace {

void report(const std::exception& error) {
  std::ostringstream out;
  if (const auto* load = dynamic_cast<const LoadError*>(&error)) {
    for (const auto& d : load->diagnostics()) out << to_string(d.position) << ": error: " << d.message << "\n";
    out << fmt::format("strata: the schema has {} error{}\n", load->diagnostics().size(),
                       load->diagnostics().size() == 1 ? "" : "s");
  } else {
    out << "strata: error: " << error.what() << "\n";
    if (const auto* db = dynamic_cast<const DatabaseError*>(&error); db && !db->statement().empty()) {
      out << "strata: the statement was:\n" << db->statement() << "\n";
    }
  }
  std::cerr << scrub(out.str(), the_secrets) << std::flush;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"strata: declarative and versioned schema changes for CockroachDB and PostgreSQL", "strata"};
  app.set_version_flag("--version", std::string(strata::version()));
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(
      "Exit codes: 0 success or nothing to do, 1 findings, 2 bad input, 3 cannot connect,\n"
      "4 the database refused a statement. Run `strata COMMAND --help` for a command's options.");
  std::string config_file;
  app.add_option("--config", config_file, "Project settings file (default: ./strata.yaml when present)");
  // CLI11 quotes arguments it did not expect (a --url given to `strata ddl`): scrub that too.
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    return scrub(CLI::FailureMessage::simple(failed, e), the_secrets);
  });
  remember_secrets(argc, argv);
  try {
    the_config = find_project_config(config_argument(argc, argv));
    remember_config_secrets(the_config);
  } catch (const std::exception& error) {
    report(error);
    return static_cast<int>(exit_code_for(error));
  }
  Runner run;
  add_inspect_command(app, run);
  add_plan_command(app, run);
  add_apply_command(app, run);
  add_ddl_command(app, run);
  add_lock_command(app, run);
  add_migrate_command(app, run);
  add_check_command(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::BadInput);
  } catch (const std::exception& error) {  // a command's callback may already throw
    report(error);
    return static_cast<int>(exit_code_for(error));
  }
  try {
    return run ? run() : 0;
  } catch (const std::exception& error) {
    report(error);
    return static_cast<int>(exit_code_for(error));
  }
}

}  // namespace strata::cli

int main(int argc, char** argv) {
  try {
    return strata::cli::run(argc, argv);
  } catch (const std::exception& error) {  // what the command's own handlers did not expect
    std::cerr << "strata: internal error: " << error.what() << "\n";
  } catch (...) {
    std::cerr << "strata: internal error\n";
  }
  return static_cast<int>(strata::ExitCode::ApplyFailed);
}
