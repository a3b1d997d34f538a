// The `strata` command: parses the command line, runs one subcommand, maps errors to exit codes.
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "strata/errors.hpp"
#include "strata/version.hpp"
#include "tools/strata/commands.hpp"

namespace strata::cli {

namespace {

ProjectConfig the_config;

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
  if (const auto* load = dynamic_cast<const LoadError*>(&error)) {
    for (const auto& d : load->diagnostics()) std::cerr << to_string(d.position) << ": error: " << d.message << "\n";
    std::cerr << fmt::format("strata: the schema has {} error{}\n", load->diagnostics().size(),
                             load->diagnostics().size() == 1 ? "" : "s");
    return;
  }
  std::cerr << "strata: error: " << error.what() << "\n";
  if (const auto* db = dynamic_cast<const DatabaseError*>(&error); db && !db->statement().empty()) {
    std::cerr << "strata: the statement was:\n" << db->statement() << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"strata: declarative and versioned schema changes for CockroachDB and PostgreSQL", "strata"};
  app.set_version_flag("--version", std::string(strata::version()));
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(
      "Exit codes: 0 success or nothing to do, 1 findings, 2 bad input, 3 cannot connect,\n"
      "4 the database refused a statement. Run `strata COMMAND --help` for a command's options.");
  std::string config_file;
  app.add_option("--config", config_file, "Project settings file (default: ./strata.yaml when present)");
  try {
    the_config = find_project_config(config_argument(argc, argv));
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
  return strata::cli::main(argc, argv);
}
