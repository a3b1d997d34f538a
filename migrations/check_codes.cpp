// The catalogue of `strata check` codes. A code never changes meaning once released; docs/check.md
// explains each one with an example.
#include <algorithm>

#include "strata/finding.hpp"

namespace strata {

std::string_view check_kind_name(CheckKind kind) {
  switch (kind) {
    case CheckKind::Integrity:
      return "integrity";
    case CheckKind::Lint:
      return "lint";
    case CheckKind::Drift:
      return "drift";
  }
  return "lint";
}

const std::vector<CheckCode>& check_codes() {
  using enum CheckKind;
  static const std::vector<CheckCode> codes = {
      {"SI101", Integrity, "strata.sum does not match the migration files",
       "if the change is on purpose, run `strata migrate hash` and commit strata.sum"},
      {"SI102", Integrity, "an applied migration's file was edited",
       "restore the file as it was applied and put the change in a new migration"},
      {"SI103", Integrity, "an applied migration's file is missing", "restore the file from version control"},
      {"SI104", Integrity, "the migrations directory cannot be read (file names, duplicate versions)",
       "name files <version>_<name>.up.sql / .down.sql with one version each"},
      {"SI105", Integrity, "a new migration's version is lower than one already applied or committed",
       "give it a version above the newest (rename the file, then `strata migrate hash`)"},
      {"SI106", Integrity, "a migration that existed at the base ref was edited",
       "revert the edit and put the change in a new migration"},
      {"SL001", Lint, "a strata:ignore directive names an unknown code", "use a code from docs/check.md"},
      {"SL002", Lint, "a strata:ignore directive silences nothing", "remove the directive"},
      {"SL003", Lint, "a strata:ignore directive gives no reason",
       "write why after the code: -- strata:ignore SL101 the table was emptied in 0004"},
      {"SL101", Lint, "DROP TABLE deletes the table and its rows",
       "make sure nothing reads the table and its data is not needed, then silence with a reason"},
      {"SL102", Lint, "DROP COLUMN deletes the column's values",
       "stop reading and writing the column in a release before, then silence with a reason"},
      {"SL103", Lint, "TRUNCATE, or DELETE without WHERE, deletes every row",
       "move data changes out of schema migrations, or add a WHERE clause"},
      {"SL104", Lint, "DROP SCHEMA / DROP DATABASE deletes everything in it",
       "drop the objects one by one in reviewed migrations"},
      {"SL105", Lint, "changing a column's type may rewrite the table and cut values",
       "add a new column, backfill it in batches, switch readers, then drop the old one"},
      {"SL106", Lint, "the statement rewrites the whole table under a lock",
       "add the column without the volatile default and backfill in batches; avoid VACUUM FULL / CLUSTER"},
      {"SL201", Lint, "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds (PostgreSQL)",
       "use CREATE INDEX CONCURRENTLY in a file with -- strata:no-transaction"},
      {"SL202", Lint, "adding a FOREIGN KEY or CHECK constraint validates every row under a lock (PostgreSQL)",
       "add it NOT VALID, then VALIDATE CONSTRAINT in a later migration"},
      {"SL203", Lint, "SET NOT NULL scans the table under an exclusive lock (PostgreSQL)",
       "add a CHECK (col IS NOT NULL) NOT VALID constraint, validate it, then SET NOT NULL"},
      {"SL204", Lint, "DROP INDEX without CONCURRENTLY blocks the table (PostgreSQL)",
       "use DROP INDEX CONCURRENTLY in a file with -- strata:no-transaction"},
      {"SL205", Lint, "adding a PRIMARY KEY or UNIQUE constraint builds its index under a lock (PostgreSQL)",
       "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … USING INDEX"},
      {"SL206", Lint, "LOCK TABLE blocks other sessions for the rest of the transaction",
       "remove the explicit lock; let each statement take the lock it needs"},
      {"SL301", Lint, "a NOT NULL column without a default fails on a table that has rows",
       "give the column a DEFAULT, or add it nullable, backfill, then SET NOT NULL"},
      {"SL302", Lint, "a foreign key without an index on the referencing columns",
       "create an index whose leading columns are the foreign key's columns"},
      {"SL401", Lint, "schema changes mixed with data writes in one transaction (CockroachDB)",
       "put the DDL and the writes in separate migrations"},
      {"SL402", Lint, "schema changes in an explicit transaction (CockroachDB)",
       "remove BEGIN/COMMIT: CockroachDB runs each schema change as a job of its own"},
      {"SL403", Lint, "ALTER PRIMARY KEY rebuilds the table and its indexes (CockroachDB)",
       "schedule it for a quiet period; check the table's size first"},
      {"SL404", Lint, "conversion to REGIONAL BY ROW rewrites the table (CockroachDB)",
       "create a new REGIONAL BY ROW table and move the rows in batches, or schedule it"},
      {"SL405", Lint, "DROP REGION moves the data homed in the region away (CockroachDB)",
       "move tables out of the region first (SET LOCALITY), then drop it"},
      {"SD101", Drift, "the live schema differs from the declared schema",
       "run `strata apply`, or write a migration with `strata migrate new`"},
      {"SD102", Drift, "the migrations do not produce the declared schema",
       "write the missing migration with `strata migrate new NAME`"},
      {"SD103", Drift, "the migrations fail to apply on a fresh database",
       "fix the failing statement (run `strata migrate up` against a dev database to see it)"},
  };
  return codes;
}

const CheckCode* find_check_code(std::string_view code) {
  const auto& codes = check_codes();
  const auto it = std::find_if(codes.begin(), codes.end(), [&](const CheckCode& c) { return c.code == code; });
  return it == codes.end() ? nullptr : &*it;
}

}  // namespace strata
