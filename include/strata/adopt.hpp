// Moving to strata from where a team is: another tool's migrations directory (import), that tool's
// record of what ran (adopt), or a database that was never migrated by anything (baseline).
//
//   strata migrate import --from goose db/migrations --to migrations
//   strata migrate adopt --from goose --url "$DATABASE_URL" --dir migrations
//   strata migrate baseline 0003 --url "$DATABASE_URL" --dir migrations
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/connect.hpp"
#include "strata/declared_schema.hpp"
#include "strata/export.hpp"
#include "strata/run_options.hpp"

namespace strata {

// The tools strata imports from, by the names the command takes: golang-migrate, goose, flyway,
// dbmate, prisma, atlas.
STRATA_EXPORT std::vector<std::string> migration_tool_names();

// What to do with Flyway's repeatable migrations (R__): "refuse" (the default), "append" (each
// becomes a migration after the versioned ones, run once) or "skip".
struct ImportOptions {
  std::string tool;  // one of migration_tool_names()
  std::filesystem::path from;
  std::filesystem::path to = "migrations";
  std::string repeatables = "refuse";
};

struct ImportedMigration {
  std::int64_t version = 0;
  std::string tool_version;  // the tool's own ("1.1"), "" for a repeatable
  std::filesystem::path up;
  std::optional<std::filesystem::path> down;
  bool no_transaction = false;
  std::vector<std::string> from;  // the tool's files it came from
};

struct NotCarried {
  std::string file;
  int line = 0;
  std::string message;
};

struct ImportReport {
  std::vector<ImportedMigration> migrations;
  std::vector<NotCarried> not_carried;  // what could not be carried over, and what strata did instead
  std::filesystem::path sum;
};

// Converts `from` (the tool's directory, as the tool lays it out) into a strata directory `to`
// (new or empty) and writes strata.sum. Throws LoadError for files the tool itself would refuse,
// UsageError for an unknown tool, a refused repeatable or a directory that is not empty.
STRATA_EXPORT ImportReport import_migrations(const ImportOptions& options);

struct AdoptOptions {
  std::string tool;
  std::string url;
  std::filesystem::path directory = "migrations";  // imported with import_migrations
  std::string history_table;                       // empty: the tool's default table
  RunSettings run;
};

struct AdoptReport {
  std::string table;                          // the tool's history table read
  std::vector<std::int64_t> recorded;         // recorded as applied now
  std::vector<std::int64_t> already_applied;  // strata's history had them already
  std::vector<std::string> remarks;
};

// Reads the tool's history table on `url` and records the migrations it applied in strata's
// history, without running a statement. Refuses (FindingsError, exit 1; nothing recorded) when the
// tool and the directory or strata's history disagree: a dirty or failed migration, a checksum the
// tool recorded that is not the imported file's, a version with no imported file.
STRATA_EXPORT AdoptReport adopt_history(const AdoptOptions& options);

struct BaselineOptions {
  std::string url;
  std::filesystem::path directory = "migrations";
  std::int64_t version = 0;
  // Where to replay the migrations up to `version` (a scratch database is created and dropped);
  // empty: they are read offline by the SQL reader of the server's kind.
  std::string dev_url;
  RunSettings run;
};

struct BaselineReport {
  std::vector<std::int64_t> recorded;
  std::vector<std::int64_t> already_applied;
  bool replayed = false;          // on a scratch database (else read offline)
  std::vector<SchemaNote> notes;  // statements the offline reading left out
};

// Marks the database at `url` as being at `version`: records every migration up to it as applied,
// without running anything, after checking that the live schema (the namespaces the migrations
// use) is what those migrations produce. Refuses with the differences (FindingsError, exit 1) when
// it is not, and when strata's history disagrees.
STRATA_EXPORT BaselineReport baseline(const BaselineOptions& options);

}  // namespace strata
