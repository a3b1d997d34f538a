// `strata migrate up|down|goto|status|hash`: versioned migrations (`new` in
// migrate_new_command.cpp, `repair` and `set` in migrate_repair_command.cpp).
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "strata/config.hpp"
#include "strata/errors.hpp"
#include "strata/migrate.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/confirm.hpp"
#include "tools/strata/failure.hpp"
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
  bool auto_approve = false;  // run down files that cannot restore data without asking
  std::string interrupted = "stop";
  std::size_t count = 0;
  std::int64_t version = 0;
};

// Progress on standard error, and for --format json the migrations that finished, so that the
// document of a run that fails half way lists what it did.
class RecordingProgress : public ProgressPrinter {
 public:
  explicit RecordingProgress(bool json) : json_(json) {}
  void migration_started(std::int64_t version, const std::string& name, bool down, int statements,
                         int resume_at) override {
    ProgressPrinter::migration_started(version, name, down, statements, resume_at);
    current_ = MigrationRun{};
    current_.version = version;
    current_.name = name;
    current_.down = down;
    current_.statements = statements - (resume_at - 1);
    current_.resumed_from = resume_at > 1 ? resume_at : 0;
  }
  void migration_finished(std::int64_t version, const std::string& name, bool down,
                          std::chrono::milliseconds took) override {
    ProgressPrinter::migration_finished(version, name, down, took);
    current_.took = took;
    if (json_) json_so_far()["migrations"].push_back(run_json(current_, false));
  }

 private:
  bool json_;
  MigrationRun current_;
};

void add_directory_option(CLI::App& command, MigrateArgs& args) {
  command.add_option("--dir", args.dir, "The migrations directory")->capture_default_str();
}

void add_migrate_run_options(CLI::App& command, MigrateArgs& args) {
  add_run_options(command, args.run);
  add_directory_option(command, args);
  command.add_flag("--dry-run", args.dry_run,
                   "Print the SQL that would run, file by file from where it would start; change nothing");
  command.add_option("--format", args.format, "Output: text, or json for scripts")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command
      .add_option("--interrupted", args.interrupted,
                  "A statement a killed strata left without knowing whether it took effect: stop (exit 1, for a "
                  "person to decide), retry it, or skip it (it took effect)")
      ->check(CLI::IsMember({"stop", "retry", "skip"}))
      ->capture_default_str();
}

void add_auto_approve_option(CLI::App& command, MigrateArgs& args) {
  command.add_flag("--auto-approve", args.auto_approve,
                   "Run down files that say they cannot restore data (-- strata:lossy) without asking (needed when "
                   "not on a terminal)");
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

// Down files that say they cannot restore data (`-- strata:lossy <why>`) run only when a person
// agrees: asked on a terminal, or told with --auto-approve. Found by a dry run of the same work,
// before anything runs; refused (exit 1, nothing changed) when there is no one to ask.
template <typename Work>
void confirm_lossy_downs(const MigrateArgs& args, Work&& work) {
  if (args.dry_run || args.auto_approve) return;
  MigrateOptions preview = options_from(args, nullptr);
  preview.dry_run = true;
  Migrator migrator(require_url(args.run.connection.url), args.dir, preview);
  std::string lossy;
  for (const auto& run : work(migrator).runs) {
    for (const auto& why : run.lossy) lossy += fmt::format("  down {} {}: {}\n", run.version, run.name, why);
  }
  if (lossy.empty()) return;
  if (!on_terminal()) {
    throw FindingsError(fmt::format(
        "nothing was run: these down files say they cannot restore data:\n{}Run again with --auto-approve to "
        "run them anyway (or on a terminal, to be asked).",
        lossy));
  }
  std::cerr << "These down files say they cannot restore data:\n" << lossy;
  if (!ask_yes("Run them anyway?")) throw FindingsError("not run: nothing was changed");
}

// Runs `work` (up, down or goto) and prints its report.
template <typename Work>
int run_and_report(const MigrateArgs& args, std::string_view verb, Work&& work) {
  confirm_lossy_downs(args, work);
  const bool json = args.format == "json";
  if (json) json_so_far() = report_document(args.dry_run);
  RecordingProgress progress(json);
  Migrator migrator(require_url(args.run.connection.url), args.dir, options_from(args, &progress));
  const MigrateReport report = work(migrator);
  std::cout << (json ? report_to_json(report) : report_to_text(report, verb)) << std::flush;
  return 0;
}

void apply_config(MigrateArgs& args) {
  const ProjectConfig& config = project_config();
  if (config.migrations) args.dir = *config.migrations;
}

bool colour_wanted() {
  const char* force = std::getenv("CLICOLOR_FORCE");
  if (force && *force && std::string_view(force) != "0") return true;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

void add_status_command(CLI::App& migrate, const std::shared_ptr<MigrateArgs>& args, Runner& run) {
  auto* status =
      migrate.add_subcommand("status", "List applied, pending, half-applied, modified and missing migrations");
  status->footer(
      "Reads the history without taking strata's lock and creates nothing. Colours on a terminal\n"
      "(NO_COLOR=1 turns them off, CLICOLOR_FORCE=1 keeps them in a pipe).");
  add_connection_options(*status, args->run.connection);
  add_directory_option(*status, *args);
  add_history_table_option(*status, args->run.history_table);
  status->add_option("--format", args->format, "Output: text (a table, coloured on a terminal), or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  status->callback([args, &run] {
    run = [args] {
      MigrateOptions options;
      options.run.connect = args->run.connection.options();
      options.run.history_table = args->run.history_table;
      Migrator migrator(require_url(args->run.connection.url), args->dir, options);
      const auto report = migrator.status();
      std::cout << (args->format == "json" ? status_to_json(report) : status_to_text(report, colour_wanted()))
                << std::flush;
      return 0;
    };
  });
}

void add_hash_command(CLI::App& migrate, const std::shared_ptr<MigrateArgs>& args, Runner& run) {
  auto* hash = migrate.add_subcommand("hash", "Rewrite strata.sum from the files (after an edit made on purpose)");
  hash->footer(
      "Touches no database. An applied migration whose file changed still stops `migrate up`: put the\n"
      "change in a new migration, or record a deliberate edit with `strata migrate repair VERSION --accept-edit`.");
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

void add_run_commands(CLI::App& migrate, const std::shared_ptr<MigrateArgs>& args, Runner& run) {
  auto* up = migrate.add_subcommand("up", "Apply pending migrations, in version order");
  add_migrate_run_options(*up, *args);
  up->add_option("N", args->count, "Apply only the first N pending migrations");
  up->add_flag("--out-of-order", args->out_of_order,
               "Apply a pending migration older than one already applied (a branch merged late)");
  up->callback([args, &run] {
    run = [args] {
      return run_and_report(*args, "applied", [&](Migrator& m) {
        return m.up(args->count > 0 ? std::optional<std::size_t>(args->count) : std::nullopt);
      });
    };
  });

  auto* down = migrate.add_subcommand("down", "Revert the newest applied migrations with their down files");
  add_migrate_run_options(*down, *args);
  down->add_option("N", args->count, "How many to revert (default 1)");
  add_auto_approve_option(*down, *args);
  down->callback([args, &run] {
    run = [args] {
      return run_and_report(*args, "reverted", [&](Migrator& m) { return m.down(args->count > 0 ? args->count : 1); });
    };
  });

  auto* go = migrate.add_subcommand("goto", "Move to exactly VERSION, reverting newer and applying older migrations");
  add_migrate_run_options(*go, *args);
  go->add_option("VERSION", args->version, "The version to end at (0: before the first migration)")->required();
  go->add_flag("--out-of-order", args->out_of_order, "Apply pending migrations older than applied ones");
  add_auto_approve_option(*go, *args);
  go->callback([args, &run] {
    run = [args] { return run_and_report(*args, "ran", [&](Migrator& m) { return m.go_to(args->version); }); };
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
      "History is kept in the table strata_schema_history (--history-table, or history_table: in\n"
      "strata.yaml, names another). up, down, goto, repair, set, adopt and baseline take strata's lock;\n"
      "status, hash and new do not, nor import (which touches no database). A file runs in one\n"
      "transaction on PostgreSQL unless it has a line `-- strata:no-transaction`; on CockroachDB each\n"
      "statement runs on its own and its schema-change jobs are waited for. Ctrl-C (SIGINT) or SIGTERM\n"
      "stops after the running migration (exit 130/143); a second signal stops at once. Settings may\n"
      "come from strata.yaml (see --config); flags override it. See docs/migrations.md.\n"
      "Moving from golang-migrate, goose, Flyway, dbmate, Prisma or Atlas: import, then adopt; onto a\n"
      "database no tool migrated: baseline (docs/adoption.md).");
  add_run_commands(*cmd, args, run);
  add_status_command(*cmd, args, run);
  add_hash_command(*cmd, args, run);
  add_migrate_new_command(*cmd, run);
  add_migrate_repair_commands(*cmd, run);
  add_migrate_adopt_commands(*cmd, run);
}

}  // namespace strata::cli
