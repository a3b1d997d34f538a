// `strata migrate up|down|goto|status|hash|new`: versioned migrations.
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "strata/config.hpp"
#include "strata/migrate.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/migrate_output.hpp"
#include "tools/strata/progress.hpp"
#include "tools/strata/run_args.hpp"

namespace strata::cli {

namespace {

struct MigrateArgs {
  RunArgs run;
  std::string dir = "migrations";
  std::string format = "text";
  bool dry_run = false;
  bool out_of_order = false;
  std::string interrupted = "stop";
  std::size_t count = 0;
  std::int64_t version = 0;
};

void add_directory_option(CLI::App& command, MigrateArgs& args) {
  command.add_option("--dir", args.dir, "The migrations directory")->capture_default_str();
}

void add_migrate_run_options(CLI::App& command, MigrateArgs& args) {
  add_run_options(command, args.run);
  add_directory_option(command, args);
  command.add_flag("--dry-run", args.dry_run, "Say what would run; change nothing");
  command.add_option("--format", args.format, "Output: text, or json for scripts")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command
      .add_option("--interrupted", args.interrupted,
                  "A statement a killed strata left without knowing whether it took effect: stop (ask), retry "
                  "it, or skip it (it took effect)")
      ->check(CLI::IsMember({"stop", "retry", "skip"}))
      ->capture_default_str();
}

MigrateOptions options_from(const MigrateArgs& args, MigrateObserver* observer) {
  MigrateOptions options;
  options.run = args.run.settings();
  options.dry_run = args.dry_run;
  options.out_of_order = args.out_of_order;
  options.interrupted = args.interrupted == "retry"  ? InterruptedStatement::Retry
                        : args.interrupted == "skip" ? InterruptedStatement::Skip
                                                     : InterruptedStatement::Stop;
  options.observer = observer;
  return options;
}

int finish(const MigrateReport& report, const MigrateArgs& args, std::string_view verb) {
  std::cout << (args.format == "json" ? report_to_json(report) : report_to_text(report, verb)) << std::flush;
  return 0;
}

void apply_config(MigrateArgs& args) {
  const ProjectConfig& config = project_config();
  if (config.migrations) args.dir = *config.migrations;
}

void add_status_command(CLI::App& migrate, const std::shared_ptr<MigrateArgs>& args, Runner& run) {
  auto* status =
      migrate.add_subcommand("status", "List applied, pending, half-applied, modified and missing migrations");
  add_connection_options(*status, args->run.connection);
  add_directory_option(*status, *args);
  status->add_option("--format", args->format, "Output: text (a table, coloured on a terminal), or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  status->callback([args, &run] {
    run = [args] {
      MigrateOptions options;
      options.run.connect = args->run.connection.options();
      Migrator migrator(require_url(args->run.connection.url), args->dir, options);
      const auto report = migrator.status();
      if (args->format == "json") {
        std::cout << status_to_json(report) << std::flush;
      } else {
        const bool colour = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
        std::cout << status_to_text(report, colour) << std::flush;
      }
      return 0;
    };
  });
}

void add_hash_command(CLI::App& migrate, const std::shared_ptr<MigrateArgs>& args, Runner& run) {
  auto* hash = migrate.add_subcommand("hash", "Rewrite strata.sum from the files (after an edit made on purpose)");
  add_directory_option(*hash, *args);
  hash->callback([args, &run] {
    run = [args] {
      const SumFile sum = write_sum_file(args->dir);
      std::cout << fmt::format("wrote {} ({} migration{})\n", sum.path.string(), sum.migrations,
                               sum.migrations == 1 ? "" : "s");
      return 0;
    };
  });
}

}  // namespace

void add_migrate_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<MigrateArgs>();
  apply_config(*args);
  auto* cmd = app.add_subcommand("migrate", "Versioned migrations: reviewed SQL files run in order");
  cmd->require_subcommand(1);
  cmd->footer(
      "The directory holds <version>_<name>.up.sql and .down.sql files and strata.sum, their checksums.\n"
      "History is kept in the table strata_schema_history. Every run takes strata's lock.\n"
      "A file runs in one transaction on PostgreSQL unless it has a line `-- strata:no-transaction`;\n"
      "on CockroachDB each statement runs on its own and its schema-change jobs are waited for.\n"
      "Settings may come from strata.yaml (see --config); flags override it.\n"
      "Moving from golang-migrate, goose, Flyway, dbmate, Prisma or Atlas: import, then adopt; onto a\n"
      "database no tool migrated: baseline (docs/adoption.md).");

  auto* up = cmd->add_subcommand("up", "Apply pending migrations, in version order");
  add_migrate_run_options(*up, *args);
  up->add_option("N", args->count, "Apply only the first N pending migrations");
  up->add_flag("--out-of-order", args->out_of_order,
               "Apply a pending migration older than one already applied (a branch merged late)");
  up->callback([args, &run] {
    run = [args] {
      ProgressPrinter progress;
      Migrator migrator(require_url(args->run.connection.url), args->dir, options_from(*args, &progress));
      return finish(migrator.up(args->count > 0 ? std::optional<std::size_t>(args->count) : std::nullopt), *args,
                    "applied");
    };
  });

  auto* down = cmd->add_subcommand("down", "Revert the newest applied migrations with their down files");
  add_migrate_run_options(*down, *args);
  down->add_option("N", args->count, "How many to revert (default 1)");
  down->callback([args, &run] {
    run = [args] {
      ProgressPrinter progress;
      Migrator migrator(require_url(args->run.connection.url), args->dir, options_from(*args, &progress));
      return finish(migrator.down(args->count > 0 ? args->count : 1), *args, "reverted");
    };
  });

  auto* go = cmd->add_subcommand("goto", "Move to exactly VERSION, reverting newer and applying older migrations");
  add_migrate_run_options(*go, *args);
  go->add_option("VERSION", args->version, "The version to end at (0: before the first migration)")->required();
  go->add_flag("--out-of-order", args->out_of_order, "Apply pending migrations older than applied ones");
  go->callback([args, &run] {
    run = [args] {
      ProgressPrinter progress;
      Migrator migrator(require_url(args->run.connection.url), args->dir, options_from(*args, &progress));
      return finish(migrator.go_to(args->version), *args, "ran");
    };
  });

  add_status_command(*cmd, args, run);
  add_hash_command(*cmd, args, run);
  add_migrate_new_command(*cmd, run);
  add_migrate_adopt_commands(*cmd, run);
}

}  // namespace strata::cli
