// `strata migrate repair` and `strata migrate set VERSION`: change the history on purpose, after a
// person fixed the database by hand or edited an applied file deliberately. Both say what they
// will change first, and ask (or want --force when no one can be asked).

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "strata/migrate.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/confirm.hpp"
#include "tools/strata/failure.hpp"
#include "tools/strata/progress.hpp"
#include "tools/strata/run_args.hpp"

namespace strata::cli {

namespace {

struct RepairArgs {
  RunArgs run;
  std::string dir = "migrations";
  std::string format = "text";
  std::int64_t version = 0;
  bool applied = false;
  bool rolled_back = false;
  bool accept_edit = false;
  bool force = false;
  bool dry_run = false;
};

nlohmann::json report_json(const RepairReport& report, bool dry_run) {
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& c : report.changes) {
    changes.push_back({{"version", c.version},
                       {"name", c.name},
                       {"from", state_name(c.from)},
                       {"to", state_name(c.to)},
                       {"detail", c.detail}});
  }
  return {{"format_version", 1},
          {"dry_run", dry_run},
          {"written", report.written},
          {"recorded_by", report.recorded_by},
          {"changes", changes}};
}

std::string changes_text(const RepairReport& report) {
  std::string out;
  for (const auto& c : report.changes) {
    out += fmt::format("migration {} ({}): {} -> {}: {}\n", c.version, c.name, state_name(c.from), state_name(c.to),
                       c.detail);
  }
  return out;
}

bool ask() {
  return ask_yes("Change the history as above?");
}

int run_repair(const RepairArgs& args, const RepairRequest& request) {
  const bool json = args.format == "json";
  if (json) json_so_far() = report_json(RepairReport{}, args.dry_run);
  ProgressPrinter progress;
  MigrateOptions options;
  options.run = args.run.settings();
  options.observer = &progress;
  Migrator migrator(require_url(args.run.connection.url), args.dir, options);
  const bool interactive = on_terminal();
  const auto confirm = [&](const RepairReport& report) {
    if (json) {
      json_so_far() = report_json(report, false);
    } else {
      std::cout << changes_text(report) << std::flush;
    }
    if (args.force) return true;
    if (!interactive) {
      throw UsageError(
          "standard input is not a terminal, so strata cannot ask before changing the history: pass --force to "
          "make the changes listed, or --dry-run to only list them");
    }
    if (json) std::cerr << changes_text(report) << std::flush;
    return ask();
  };
  const RepairReport report = migrator.repair(request, confirm);
  if (!report.changes.empty() && !args.dry_run && !report.written) {
    throw FindingsError("not confirmed: the history was not changed");
  }
  if (json) {
    std::cout << report_json(report, args.dry_run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else if (report.changes.empty()) {
    std::cout << "Nothing to change: the history already says so.\n";
  } else if (args.dry_run) {
    std::cout << changes_text(report) << "Dry run: the history was not changed.\n";
  } else if (report.written) {
    std::cout << fmt::format("Changed the history: {} migration{}, recorded as done by {}.\n", report.changes.size(),
                             report.changes.size() == 1 ? "" : "s", report.recorded_by);
  }
  return 0;
}

void add_common_options(CLI::App& command, RepairArgs& args) {
  add_run_options(command, args.run);
  command.add_option("--dir", args.dir, "The migrations directory")->capture_default_str();
  command.add_flag("--force", args.force, "Make the changes without asking (needed when not on a terminal)");
  command.add_flag("--dry-run", args.dry_run, "List the changes; write nothing, take no lock");
  command.add_option("--format", args.format, "Output: text, or json for scripts")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

}  // namespace

void add_migrate_repair_commands(CLI::App& migrate, Runner& run) {
  auto args = std::make_shared<RepairArgs>();
  if (project_config().migrations) args->dir = *project_config().migrations;

  auto* repair = migrate.add_subcommand(
      "repair", "Resolve a failed or half-done migration a person fixed by hand, or accept a deliberate edit");
  repair->footer(
      "Say what became of the migration:\n"
      "  --applied      its changes are all in the database now (finished by hand): recorded applied\n"
      "  --rolled-back  its changes were undone by hand: forgotten, so it is pending again\n"
      "  --accept-edit  its up file was edited on purpose after it was applied: the new checksum is\n"
      "                 recorded (and strata.sum rewritten); the edit is not run\n"
      "VERSION defaults to the one failed, partial or reverting migration (--accept-edit: the one\n"
      "modified). Lists the changes, then asks; without a terminal it needs --force. Takes strata's\n"
      "lock; each row written names who made the change (user@host) and when.\n"
      "Example: strata migrate repair 3 --applied --force");
  auto* version = repair->add_option("VERSION", args->version, "The migration to repair");
  auto* applied = repair->add_flag("--applied", args->applied, "Its changes are in the database: record it applied");
  auto* rolled_back =
      repair->add_flag("--rolled-back", args->rolled_back, "Its changes were undone: forget it (pending again)");
  auto* accept = repair->add_flag("--accept-edit", args->accept_edit,
                                  "Its applied up file was edited on purpose: record the new checksum");
  applied->excludes(rolled_back)->excludes(accept);
  rolled_back->excludes(accept);
  add_common_options(*repair, *args);
  repair->callback([args, version, &run] {
    run = [args, version] {
      if (!args->applied && !args->rolled_back && !args->accept_edit) {
        throw UsageError("say what became of the migration: --applied, --rolled-back or --accept-edit");
      }
      RepairRequest request;
      request.kind = args->applied       ? RepairKind::MarkApplied
                     : args->rolled_back ? RepairKind::MarkRolledBack
                                         : RepairKind::AcceptEdit;
      if (version->count() > 0) request.version = args->version;
      request.dry_run = args->dry_run;
      return run_repair(*args, request);
    };
  });

  auto* set = migrate.add_subcommand("set", "Record that the database is at VERSION, without running anything");
  set->footer(
      "After a person brought the database to VERSION by hand: every migration up to VERSION is recorded\n"
      "applied, every newer one forgotten (pending again). 0: before the first migration. Lists the\n"
      "changes, then asks; without a terminal it needs --force. Takes strata's lock; each row written\n"
      "names who made the change (user@host) and when.\n"
      "Example: strata migrate set 20261201093000 --force");
  set->add_option("VERSION", args->version, "The version the database is at")->required();
  add_common_options(*set, *args);
  set->callback([args, &run] {
    run = [args] {
      RepairRequest request;
      request.kind = RepairKind::SetVersion;
      request.version = args->version;
      request.dry_run = args->dry_run;
      return run_repair(*args, request);
    };
  });
}

}  // namespace strata::cli
