// `strata migrate import`, `migrate adopt` and `migrate baseline`: the moves onto strata from
// another tool's directory, from its history table, and from a database nothing migrated.
#include <iostream>

#include <fmt/format.h>

#include "strata/adopt.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/run_args.hpp"
#include "tools/strata/schema_args.hpp"

namespace strata::cli {

namespace {

struct AdoptArgs {
  RunArgs run;
  std::string tool;
  std::string from_dir;
  std::string dir = "migrations";
  std::string repeatables = "refuse";
  std::string tool_table;  // the other tool's history table (empty: its default)
  std::string dev_url;
  std::int64_t version = 0;
};

std::string versions_text(const std::vector<std::int64_t>& versions) {
  if (versions.empty()) return "none";
  if (versions.size() <= 6) return fmt::format("{}", fmt::join(versions, ", "));
  return fmt::format("{} … {} ({} migrations)", versions.front(), versions.back(), versions.size());
}

void add_import_command(CLI::App& migrate, const std::shared_ptr<AdoptArgs>& args, Runner& run) {
  auto* cmd = migrate.add_subcommand("import", "Convert another tool's migrations directory into strata's");
  cmd->footer(
      "Reads DIR as the tool lays it out and writes <version>_<name>.up.sql / .down.sql and strata.sum into\n"
      "--to: versions and names kept, up and down where the tool has them, its no-transaction markers as\n"
      "`-- strata:no-transaction`. Tools: golang-migrate ({version}_{title}.up.sql/.down.sql), goose\n"
      "(-- +goose Up/Down), flyway (V{n}__, U{n}__, R__), dbmate (-- migrate:up/down), prisma\n"
      "({timestamp}_{name}/migration.sql), atlas ({version}_{name}.sql, atlas.sum). What could not be\n"
      "carried is listed. Then `strata migrate adopt` records what the tool already applied.\n"
      "Example: strata migrate import --from goose db/migrations --to migrations");
  cmd->add_option("--from", args->tool, "The tool: golang-migrate, goose, flyway, dbmate, prisma or atlas")
      ->required()
      ->check(CLI::IsMember(migration_tool_names()));
  cmd->add_option("DIR", args->from_dir, "The tool's migrations directory")->required();
  cmd->add_option("--to", args->dir, "The strata migrations directory to write (new or empty)")->capture_default_str();
  cmd->add_option("--repeatable", args->repeatables,
                  "Flyway R__ files: refuse (default), append (after the versioned ones, run once) or skip")
      ->check(CLI::IsMember({"refuse", "append", "skip"}));
  cmd->callback([args, &run] {
    run = [args] {
      const ImportReport report = import_migrations({args->tool, args->from_dir, args->dir, args->repeatables});
      for (const auto& m : report.migrations) {
        std::cout << fmt::format("imported {}{}{}\n", m.up.string(), m.down ? " and " + m.down->string() : "",
                                 m.no_transaction ? " (no transaction)" : "");
      }
      std::cout << fmt::format("wrote {} ({} migration{})\n", report.sum.string(), report.migrations.size(),
                               report.migrations.size() == 1 ? "" : "s");
      for (const auto& n : report.not_carried) {
        std::cout << fmt::format("not carried: {}{}: {}\n", n.file, n.line > 0 ? fmt::format(":{}", n.line) : "",
                                 n.message);
      }
      return 0;
    };
  });
}

// "recorded as applied: …[; already in strata's history: …]", ending the line adopt and baseline print.
std::string recorded_text(const std::vector<std::int64_t>& recorded, const std::vector<std::int64_t>& already) {
  std::string out = "recorded as applied: " + versions_text(recorded);
  if (!already.empty()) out += "; already in strata's history: " + versions_text(already);
  return out + "\n";
}

void add_adopt_command(CLI::App& migrate, const std::shared_ptr<AdoptArgs>& args, Runner& run) {
  auto* cmd = migrate.add_subcommand("adopt", "Record in strata's history what another tool already applied");
  cmd->footer(
      "Reads the tool's history table (golang-migrate and dbmate: schema_migrations, goose_db_version,\n"
      "flyway_schema_history, _prisma_migrations, atlas_schema_revisions) and records the migrations it\n"
      "applied, as imported into --dir, as applied in strata's history; runs no statement of them.\n"
      "Refuses, recording nothing, when the two disagree: a dirty or failed migration, a checksum the\n"
      "tool recorded that is not the file's, a version with no imported file.\n"
      "Example: strata migrate adopt --from goose --url \"$DATABASE_URL\" --dir migrations");
  add_run_options(*cmd, args->run);
  cmd->add_option("--from", args->tool, "The tool whose history to read")
      ->required()
      ->check(CLI::IsMember(migration_tool_names()));
  cmd->add_option("--dir", args->dir, "The strata migrations directory (written by `strata migrate import`)")
      ->capture_default_str();
  cmd->add_option("--tool-table", args->tool_table,
                  "The other tool's history table, when not its default (strata's own: --history-table)");
  cmd->callback([args, &run] {
    run = [args] {
      AdoptOptions options{args->tool, require_url(args->run.connection.url), args->dir, args->tool_table,
                           args->run.settings()};
      const AdoptReport report = adopt_history(options);
      for (const auto& remark : report.remarks) std::cout << "note: " << remark << "\n";
      std::cout << fmt::format("read {}: ", report.table);
      std::cout << recorded_text(report.recorded, report.already_applied);
      return 0;
    };
  });
}

void add_baseline_command(CLI::App& migrate, const std::shared_ptr<AdoptArgs>& args, Runner& run) {
  auto* cmd = migrate.add_subcommand("baseline", "Mark an existing database as being at VERSION, running nothing");
  cmd->footer(
      "Checks that the live schema is what the migrations up to VERSION produce, replayed on a scratch\n"
      "database (--dev-url) or, without one, read offline by the SQL reader of the server's kind, then\n"
      "records them as applied. Refuses with the differences when the schema is not that.\n"
      "Example: strata migrate baseline 0003 --url \"$DATABASE_URL\" --dir migrations");
  add_run_options(*cmd, args->run);
  cmd->add_option("VERSION", args->version, "The version the database is at")->required();
  cmd->add_option("--dir", args->dir, "The migrations directory")->capture_default_str();
  cmd->add_option("--dev-url", args->dev_url, "A server where strata may create a scratch database to replay them")
      ->envname("STRATA_DEV_URL");
  cmd->callback([args, &run] {
    run = [args] {
      BaselineOptions options{require_url(args->run.connection.url), args->dir, args->version, args->dev_url,
                              args->run.settings()};
      const BaselineReport report = baseline(options);
      print_notes(report.notes);
      std::cout << fmt::format("the schema matches the migrations up to {} ({}); ", args->version,
                               report.replayed ? "replayed on --dev-url" : "read offline");
      std::cout << recorded_text(report.recorded, report.already_applied);
      return 0;
    };
  });
}

}  // namespace

void add_migrate_adopt_commands(CLI::App& migrate, Runner& run) {
  auto args = std::make_shared<AdoptArgs>();
  const ProjectConfig& config = project_config();
  if (config.migrations) args->dir = *config.migrations;
  if (config.dev_url) args->dev_url = *config.dev_url;
  add_import_command(migrate, args, run);
  add_adopt_command(migrate, args, run);
  add_baseline_command(migrate, args, run);
}

}  // namespace strata::cli
