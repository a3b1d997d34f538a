// What CockroachDB rejects in a target schema as a whole, refused before any SQL is sent. Each
// rule cites the statement CockroachDB's own tests show failing (crdb-corpus/locality_ddl.txt).
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/column_type_change.hpp"
#include "engine/model/quote.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

void check_table(const Table& table, const Database& db, Version version) {
  const std::string name = to_string(table.name);
  for (const auto& fk : table.foreign_keys) {
    if (fk.deferrable) {
      // "unimplemented: this syntax" (cockroachdb/cockroach#31632): constraints are always
      // checked when the statement runs.
      throw PlanError(fmt::format("foreign key {} of table {} is DEFERRABLE, which CockroachDB does not support",
                                  quote_ident(fk.name), name));
    }
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
    if (version < Version{22, 1}) {
      for (const auto& index : table.indexes) {
        if (index.shard_buckets) {
          // v21.1: "hash sharded indexes are not compatible with REGIONAL BY ROW tables"
          throw PlanError(
              fmt::format("table {} is REGIONAL BY ROW with hash-sharded index {}, which CockroachDB "
                          "before v22.1 does not allow",
                          name, quote_ident(index.name)));
        }
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

void CockroachDialect::check(const Schema& live, const Schema& declared) const {
  const Database& db = declared.database;
  if (db.survival_goal == SurvivalGoal::Region && db.regions.size() < 3) {
    // L-005 and others: "at least 3 regions are required for surviving a region failure"
    throw PlanError(fmt::format("the database survives region failure with {} region(s); CockroachDB needs at least 3",
                                db.regions.size()));
  }
  if (declared.find_enum({"public", "crdb_internal_region"}) != nullptr) {
    // "... is a multi-region enum and cannot be modified directly"
    throw PlanError(
        "enum crdb_internal_region belongs to CockroachDB (it lists the database's regions): declare "
        "database.regions instead");
  }
  for (const auto& table : declared.tables) check_table(table, db, version_);
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
