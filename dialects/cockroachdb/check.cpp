// What CockroachDB rejects in a target schema as a whole, refused before any SQL is sent. Each
// rule cites the statement CockroachDB's own tests show failing (crdb-corpus/locality_ddl.txt).
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/column_type_change.hpp"
#include "engine/model/quote.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// An existing table converted to REGIONAL BY ROW on a column that may hold NULL: R1b
// (research/forms.md section 3), 42P16 "cannot use column %s for REGIONAL BY ROW table as it may
// contain NULL values" (pkg/sql/alter_table_locality.go@748c711d, and the declarative rewrite of
// v26.2): every supported release. CREATE TABLE … LOCALITY REGIONAL BY ROW makes the column NOT NULL
// itself (corpus entry rbr_explicit_crdb_region_column), so only a conversion is refused.
void check_conversion_to_regional_by_row(const Table& table, const Table* live) {
  if (!live || !table.locality || table.locality->kind != LocalityKind::RegionalByRow) return;
  if (live->locality && live->locality->kind == LocalityKind::RegionalByRow) return;
  const std::string column = table.locality->column.empty() ? "crdb_region" : table.locality->column;
  const Column* existing = live->find_column(column);
  if (existing == nullptr || !existing->nullable) return;
  throw PlanError(
      fmt::format("table {} becomes REGIONAL BY ROW on column {}, which may hold NULL in the database; "
                  "CockroachDB refuses that conversion: make {} NOT NULL first (a release of its own), "
                  "then change the locality",
                  to_string(table.name), quote_ident(column), quote_ident(column)));
}

// "cannot specify both ON UPDATE expression and a foreign key ON UPDATE action for column %q":
// a key whose ON UPDATE is an action (not NO ACTION or RESTRICT) on a column with an ON UPDATE
// expression (pkg/sql/catalog/tabledesc/validate.go@74e17666; logic_test/on_update@056c4277,
// subtest OnUpdateFKConflict).
void check_on_update_conflict(const Table& table, const ForeignKey& fk) {
  if (fk.on_update == ReferentialAction::NoAction || fk.on_update == ReferentialAction::Restrict) return;
  for (const auto& name : fk.columns) {
    const Column* column = table.find_column(name);
    if (column == nullptr || !column->on_update) continue;
    throw PlanError(
        fmt::format("column {} of table {} has an ON UPDATE expression and is in foreign key {}, whose "
                    "ON UPDATE action would also set it; CockroachDB refuses both on one column",
                    quote_ident(name), to_string(table.name), quote_ident(fk.name)));
  }
}

void check_table(const Table& table, const Database& db) {
  const std::string name = to_string(table.name);
  for (const auto& fk : table.foreign_keys) {
    if (fk.deferrable) {
      // "unimplemented: this syntax" (cockroachdb/cockroach#31632): constraints are always
      // checked when the statement runs.
      throw PlanError(fmt::format("foreign key {} of table {} is DEFERRABLE, which CockroachDB does not support",
                                  quote_ident(fk.name), name));
    }
    check_on_update_conflict(table, fk);
  }
  if (!table.locality) return;
  if (db.primary_region.empty()) {
    // L-001, L-002: "cannot set LOCALITY on a table in a database that is not multi-region enabled"
    throw PlanError(
        fmt::format("table {} declares a locality, but the database has no regions: CockroachDB refuses "
                    "LOCALITY outside a multi-region database (declare database.primary_region)",
                    name));
  }
  const Locality& l = *table.locality;
  if (l.kind == LocalityKind::RegionalByTable && !l.region.empty() && !has(db.regions, l.region)) {
    // "region ... has not been added to database"
    throw PlanError(fmt::format("table {} is REGIONAL BY TABLE IN {}, which is not one of the database's regions", name,
                                quote_ident(l.region)));
  }
  if (l.kind == LocalityKind::RegionalByRow) {
    const std::string column = l.column.empty() ? "crdb_region" : l.column;
    const Column* c = table.find_column(column);
    if (c == nullptr && !l.column.empty()) {
      throw PlanError(
          fmt::format("table {} is REGIONAL BY ROW AS {}, but has no such column", name, quote_ident(column)));
    }
    if (c != nullptr && c->type != "crdb_internal_region") {
      // "cannot use column crdb_region for REGIONAL BY ROW table as it does not have the
      // crdb_internal_region type"
      throw PlanError(
          fmt::format("table {} is REGIONAL BY ROW on column {}, which must have type crdb_internal_region "
                      "(it has {})",
                      name, quote_ident(column), c->type));
    }
    const PrimaryKey* key = table.primary_key ? &*table.primary_key : nullptr;
    if (key != nullptr && key->shard_buckets && has(key->columns, column)) {
      // The same refusal for a hash-sharded primary key (cockroachdb/cockroach#147129).
      throw PlanError(
          fmt::format("table {} is REGIONAL BY ROW, and its hash-sharded primary key {} names the "
                      "region column {}, which CockroachDB refuses (cockroachdb/cockroach#147129)",
                      name, quote_ident(key->name), quote_ident(column)));
    }
    for (const auto& index : table.indexes) {
      const bool keyed =
          std::any_of(index.keys.begin(), index.keys.end(), [&](const IndexKey& key) { return key.column == column; });
      if (index.shard_buckets && keyed) {
        // "hash sharded indexes cannot include implicit partitioning columns from "PARTITION ALL
        // BY" or "LOCALITY REGIONAL BY ROW"" (cockroachdb/cockroach#147129, open in 2025).
        throw PlanError(
            fmt::format("table {} is REGIONAL BY ROW, and its hash-sharded index {} names the region "
                        "column {}, which CockroachDB refuses (cockroachdb/cockroach#147129)",
                        name, quote_ident(index.name), quote_ident(column)));
      }
    }
  }
}

// The index, key or unique constraint of `table` that holds `column`, or empty.
std::string keyed_by(const Table& table, const std::string& column) {
  if (table.primary_key && has(table.primary_key->columns, column)) return "primary key " + table.primary_key->name;
  for (const auto& index : table.indexes) {
    for (const auto& key : index.keys) {
      if (key.column == column) return "index " + index.name;
    }
  }
  for (const auto& unique : table.uniques) {
    if (has(unique.columns, column)) return "unique constraint " + unique.name;
  }
  return {};
}

// A type change that rewrites the column's data, on a column in an index or a key: CockroachDB
// refuses it ("ALTER COLUMN TYPE requiring rewrite of on-disk data is currently not supported for
// columns that are part of an index", cockroachdb/cockroach#47636), so say so before any SQL.
// `live` and `declared` must be normalized (CockroachDB spells a type one way: JSON is JSONB).
void check_type_changes(const Schema& live, const Schema& declared) {
  for (const auto& table : declared.tables) {
    const Table* before = live.find_table(table.name);
    if (!before) continue;
    for (const auto& column : table.columns) {
      const Column* was = before->find_column(column.name);
      if (!was || was->type == column.type || converts_in_place(was->type, column.type)) continue;
      const std::string key = keyed_by(*before, column.name);
      if (key.empty()) continue;
      throw PlanError(fmt::format(
          "column {}.{} changes type from {} to {}, which CockroachDB does by rewriting the column's data, and it "
          "refuses that for a column in an index or a key ({}; cockroachdb/cockroach#47636): add a column of the "
          "new type and move the data, or drop the {} in one release and change the type in the next",
          to_string(table.name), quote_ident(column.name), was->type, column.type, key, key));
    }
  }
}

}  // namespace

void refuse_view(const QualifiedName& name) {
  throw PlanError(
      fmt::format("view {}: strata manages views on PostgreSQL only so far, and leaves CockroachDB's "
                  "alone (leave 'views' out of a schema for CockroachDB)",
                  to_string(name)));
}

void refuse_extension(const std::string& name) {
  throw PlanError(
      fmt::format("extension {}: strata manages extensions on PostgreSQL only (leave 'extensions' out "
                  "of a schema for CockroachDB)",
                  quote_ident(name)));
}

void refuse_routines() {
  throw PlanError(
      "functions, procedures and triggers: strata manages them on PostgreSQL only so far, and leaves "
      "CockroachDB's alone (leave 'functions' and 'triggers' out of a schema for CockroachDB)");
}

void CockroachDialect::check(const Schema& live, const Schema& declared) const {
  if (!declared.views.empty()) refuse_view(declared.views.front().name);
  if (!declared.routines.empty() || !declared.triggers.empty()) refuse_routines();
  if (!declared.extensions.empty()) refuse_extension(declared.extensions.front().name);
  const Database& db = declared.database;
  if (db.survival_goal == SurvivalGoal::Region && db.regions.size() < 3) {
    // L-005 and others: "at least 3 regions are required for surviving a region failure"
    throw PlanError(fmt::format("the database survives region failure with {} region(s); CockroachDB needs at least 3",
                                db.regions.size()));
  }
  if (!db.primary_region.empty() && !db.regions.empty() && !has(db.regions, db.primary_region)) {
    // R7: a primary region outside the database's regions ("cannot drop region", 42P12).
    throw PlanError(fmt::format("the database's primary region {} is not one of its regions ({})",
                                quote_ident(db.primary_region), fmt::join(db.regions, ", ")));
  }
  if (declared.find_enum({"public", "crdb_internal_region"}) != nullptr) {
    // "... is a multi-region enum and cannot be modified directly"
    throw PlanError(
        "enum crdb_internal_region belongs to CockroachDB (it lists the database's regions): declare "
        "database.regions instead");
  }
  for (const auto& table : declared.tables) {
    check_table(table, db);
    check_conversion_to_regional_by_row(table, live.find_table(table.name));
  }
  // Type changes are judged on normalized schemas, made only when some indexed column's type is
  // spelled differently at all (most plans have none).
  bool candidate = false;
  for (const auto& table : declared.tables) {
    const Table* before = live.find_table(table.name);
    if (!before) continue;
    for (const auto& column : table.columns) {
      const Column* was = before->find_column(column.name);
      candidate = candidate || (was && was->type != column.type && !keyed_by(*before, column.name).empty());
    }
  }
  if (!candidate) return;
  Schema live_normalized = live;
  Schema declared_normalized = declared;
  normalize(live_normalized);
  normalize(declared_normalized);
  check_type_changes(live_normalized, declared_normalized);
}

}  // namespace strata::cockroachdb
