// CockroachDB's canonical form. One small function per rule; "item N" is the numbered fact in
// ../shared/crdb-corpus/catalog_differences.md that the rule answers, "entry X" an entry of
// show_create.json.
#include "dialects/cockroachdb/normalize.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/ddl/expression.hpp"
#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/expr/expression.hpp"
#include "engine/model/row_ttl.hpp"

namespace strata::cockroachdb {

namespace {

template <typename Items, typename Predicate>
void erase_if(Items& items, Predicate predicate) {
  items.erase(std::remove_if(items.begin(), items.end(), predicate), items.end());
}

bool has_default(const Column& column, std::string_view expression) {
  return column.default_expr && *column.default_expr == canonical_expression(expression, CockroachDialect::kGrammar);
}

// "crdb_internal_" + something + "_shard_" + digits.
bool is_shard_column_name(std::string_view name) {
  if (!name.starts_with("crdb_internal_")) return false;
  const auto shard = name.rfind("_shard_");
  if (shard == std::string_view::npos || shard < 14 || shard + 7 >= name.size()) return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(shard + 7), name.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

// Item 1: CockroachDB's JSON is an alias of JSONB; SHOW CREATE prints JSONB (entry
// rbr_table_with_indexes: `j JSON` -> `j JSONB NULL`).
void json_is_jsonb(Table& table) {
  for (auto& column : table.columns) {
    if (column.type == "json") column.type = "jsonb";
    if (column.type == "json[]") column.type = "jsonb[]";
  }
}

// Items 10, 11: a table declared without a primary key gets `rowid INT8 NOT VISIBLE NOT NULL
// DEFAULT unique_rowid()` and `PRIMARY KEY (rowid ASC)`; both are CockroachDB's, not the user's.
void drop_hidden_rowid(Table& table) {
  const auto implicit = [](const Column& column) {
    return column.name == "rowid" && column.hidden && column.type == "bigint" && has_default(column, "unique_rowid()");
  };
  if (std::none_of(table.columns.begin(), table.columns.end(), implicit)) return;
  erase_if(table.columns, implicit);
  if (table.primary_key && table.primary_key->columns == std::vector<std::string>{"rowid"}) table.primary_key.reset();
}

// Item 12: REGIONAL BY ROW adds `crdb_region public.crdb_internal_region NOT VISIBLE NOT NULL
// DEFAULT default_to_database_primary_region(gateway_region())::public.crdb_internal_region`. It
// stays after a switch to REGIONAL BY ROW AS (entry atl_rbr_to_rbr_as), so it goes whatever the
// locality; a user-declared (visible) crdb_region stays.
void drop_implicit_region_column(Table& table) {
  erase_if(table.columns, [](const Column& column) {
    return column.name == "crdb_region" && column.hidden && column.type == "crdb_internal_region" &&
           has_default(column, "default_to_database_primary_region(gateway_region())::public.crdb_internal_region");
  });
}

// Item 13: a hash-sharded index adds `crdb_internal_<cols>_shard_<n> INT8 NOT VISIBLE NOT NULL AS
// (mod(fnv32(…), n)) VIRTUAL` (older versions: STORED, with a CHECK constraint on its values). The
// index keeps shard_buckets; the column and its check go.
void drop_hash_shard_columns(Table& table) {
  std::vector<std::string> dropped;
  erase_if(table.columns, [&](const Column& column) {
    const bool shard = is_shard_column_name(column.name) && column.hidden && column.generated.has_value();
    if (shard) dropped.push_back(column.name);
    return shard;
  });
  erase_if(table.checks, [&](const Check& check) {
    return std::any_of(dropped.begin(), dropped.end(),
                       [&](const std::string& column) { return references_column(check.expression, column); });
  });
}

// Item 15: expression indexes create inaccessible virtual columns crdb_internal_idx_expr,
// crdb_internal_idx_expr_1…; SHOW CREATE does not print them, but a catalog query may.
void drop_expression_index_columns(Table& table) {
  erase_if(table.columns, [](const Column& column) {
    return column.name.starts_with("crdb_internal_idx_expr") && column.generated.has_value();
  });
}

// Item 14: row-level TTL's ttl_expire_after adds `crdb_internal_expiration TIMESTAMPTZ NOT VISIBLE
// NOT NULL …`, which CockroachDB manages (the TTL itself is Table::ttl).
void drop_ttl_expiration_column(Table& table) {
  erase_if(table.columns, [](const Column& column) {
    return column.name == "crdb_internal_expiration" && column.hidden && column.type == "timestamptz";
  });
}

// Row-level TTL values as SHOW CREATE prints them: '10 minutes' is '00:10:00', '1 minute' of
// ttl_row_stats_poll_interval is '1m0s', and the default schedule (@daily) is not printed.
void canonical_ttl(Table& table) {
  for (auto it = table.ttl.begin(); it != table.ttl.end();) {
    const TtlSetting* setting = find_ttl_setting(it->first);
    if (setting != nullptr) {
      if (auto value = canonical_ttl_value(setting->value, it->second)) it->second = std::move(*value);
    }
    const bool default_cron = it->first == "job_cron" && it->second == kTtlDefaultCron;
    it = default_cron ? table.ttl.erase(it) : std::next(it);
  }
}

// Column families (research/objects.md §4): a virtual column is in none; SHOW CREATE prints no
// FAMILY clause for a table whose one family is "primary" (logic_test/family@0de26b72, table f1),
// and old releases printed `FAMILY "primary" (…)` for every table (entries sc_*, scat_*). A table
// whose stored columns are all in "primary" is the table that names no family.
void canonical_families(Table& table) {
  const auto is_virtual = [](const Column& c) { return c.generated && c.generated->kind == GeneratedKind::Virtual; };
  bool named = false;
  bool all_default = true;
  for (auto& column : table.columns) {
    if (is_virtual(column)) column.family.clear();
    if (column.family.empty()) continue;
    named = true;
    all_default = all_default && column.family == kDefaultFamily;
  }
  for (auto& column : table.columns) {
    if (all_default) {
      column.family.clear();
    } else if (named && column.family.empty() && !is_virtual(column)) {
      column.family = kDefaultFamily;
    }
  }
}

// Item 17: the primary key is named "primary" up to v21.x and <table>_pkey from v22.1 on.
void canonical_primary_key_name(Table& table) {
  if (!table.primary_key) return;
  if (table.primary_key->name.empty() || table.primary_key->name == "primary") {
    table.primary_key->name = table.name.name + "_pkey";
  }
}

// Item 18: a UNIQUE constraint is a unique index, printed `UNIQUE INDEX <name> (col ASC)`. One
// WITHOUT INDEX has none and stays a constraint.
void unique_constraints_as_indexes(Table& table) {
  std::vector<UniqueConstraint> without_index;
  for (auto& unique : table.uniques) {
    if (unique.without_index) {
      without_index.push_back(std::move(unique));
      continue;
    }
    Index index;
    index.name = unique.name;
    index.unique = true;
    for (const auto& column : unique.columns) {
      IndexKey key;
      key.column = column;
      index.keys.push_back(std::move(key));
    }
    table.indexes.push_back(std::move(index));
  }
  table.uniques = std::move(without_index);
}

// Items 22, 25: pg_am knows "prefix" (every btree-like index) and "inverted"; CockroachDB puts
// NULLs first ascending and last descending; a key's default operator class is printed for VECTOR
// indexes (entry ei_expression_inverted_vector: `(v::VECTOR(3)) vector_l2_ops` for an index
// declared without one).
void canonical_index_details(Table& table) {
  for (auto& index : table.indexes) {
    if (index.method == "inverted") index.method = "gin";
    if (index.method == "prefix") index.method = "btree";
    for (auto& key : index.keys) {
      if ((key.order == SortOrder::Asc && key.nulls == NullsOrder::First) ||
          (key.order == SortOrder::Desc && key.nulls == NullsOrder::Last)) {
        key.nulls = NullsOrder::Default;
      }
      if ((index.method == "vector" && key.opclass == "vector_l2_ops") ||
          (index.method == "gin" && (key.opclass == "jsonb_ops" || key.opclass == "array_ops"))) {
        key.opclass.clear();
      }
    }
  }
}

// Item 37: SHOW CREATE prints `REGIONAL BY TABLE IN PRIMARY REGION` for plain REGIONAL BY TABLE
// and for tables with no locality in a multi-region database; `REGIONAL BY ROW AS crdb_region`
// is REGIONAL BY ROW.
void canonical_locality(Table& table) {
  if (!table.locality) return;
  if (table.locality->kind == LocalityKind::RegionalByTable && table.locality->region.empty()) table.locality.reset();
  if (table.locality && table.locality->kind == LocalityKind::RegionalByRow &&
      table.locality->column == "crdb_region") {
    table.locality->column.clear();
  }
}

// Item 12 (entry rbr_explicit_crdb_region_column): the region column of a REGIONAL BY ROW table is
// NOT NULL even when declared without it.
void region_column_not_null(Table& table) {
  if (!table.locality || table.locality->kind != LocalityKind::RegionalByRow) return;
  const std::string name = table.locality->column.empty() ? "crdb_region" : table.locality->column;
  for (auto& column : table.columns) {
    if (column.name == name) column.nullable = false;
  }
}

// Item 32: a multi-region database owns the enum crdb_internal_region, whose values are its
// regions; the model holds them as Database::regions.
void drop_region_enum(Schema& schema) {
  const QualifiedName region_enum{"public", "crdb_internal_region"};
  erase_if(schema.enums, [&](const Enum& item) { return item.name == region_enum; });
  erase_if(schema.comments, [&](const Comment& c) { return c.on == CommentOn::Type && c.table == region_enum; });
}

// Item 39 (and locality_ddl.txt, "default survival goal: zone"): a multi-region database survives
// zone failure unless told otherwise.
void default_survival_goal(Schema& schema) {
  if (!schema.database.primary_region.empty() && !schema.database.survival_goal) {
    schema.database.survival_goal = SurvivalGoal::Zone;
  }
}

}  // namespace

void normalize_cockroach(Schema& schema) {
  postgres::normalize_common(schema, IntWidth::Eight, CockroachDialect::kGrammar);
  for (auto& table : schema.tables) {
    json_is_jsonb(table);
    drop_hidden_rowid(table);
    drop_implicit_region_column(table);
    drop_hash_shard_columns(table);
    drop_expression_index_columns(table);
    drop_ttl_expiration_column(table);
    canonical_families(table);
    canonical_ttl(table);
    canonical_primary_key_name(table);
    unique_constraints_as_indexes(table);
    canonical_index_details(table);
    canonical_locality(table);
    region_column_not_null(table);
  }
  drop_region_enum(schema);
  default_survival_goal(schema);
  schema.sort();
}

}  // namespace strata::cockroachdb
