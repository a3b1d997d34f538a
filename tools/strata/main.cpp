// The `strata` command: parses the command line, runs one subcommand, maps errors to exit codes.
#include <iostream>

#include <fmt/format.h>

#include "strata/errors.hpp"
#include "strata/version.hpp"
#include "tools/strata/commands.hpp"

namespace strata::cli {

CLI::Option* add_url_option(CLI::App& command, std::string& url) {
  return command.add_option("--url", url, "Database URL, postgresql://user@host:port/db (default: $DATABASE_URL)")
      ->envname("DATABASE_URL");
}

const std::string& require_url(const std::string& url) {
  if (url.empty()) throw UsageError("no database URL: pass --url or set DATABASE_URL");
  return url;
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
  app.footer(
      "Exit codes: 0 success or nothing to do, 1 findings, 2 bad input, 3 cannot connect,\n"
      "4 the database refused a statement. Run `strata COMMAND --help` for a command's options.");
  Runner run;
  add_inspect_command(app, run);
  add_plan_command(app, run);
  add_apply_command(app, run);
  add_ddl_command(app, run);
  add_lock_command(app, run);
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
