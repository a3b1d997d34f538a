#include "tools/bench/schema_generator.hpp"

#include <cstdlib>
#include <iostream>
#include <random>

#include <fmt/format.h>

namespace strata::bench {

namespace {

struct ColumnKind {
  const char* type;
  const char* default_expr;  // nullptr: none
};

constexpr ColumnKind kKinds[] = {
    {"bigint", "0"},        {"integer", nullptr},          {"text", nullptr},
    {"varchar(120)", "''"}, {"boolean", "false"},          {"timestamptz", "now()"},
    {"numeric(12,2)", "0"}, {"uuid", "gen_random_uuid()"}, {"jsonb", "'{}'::jsonb"},
    {"date", nullptr},      {"double precision", nullptr}, {"smallint", "1"},
};

}  // namespace

Schema generate_schema(int tables, std::uint32_t seed) {
  std::mt19937 random(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  Schema schema;
  const int enums = std::max(1, tables / 50);
  for (int e = 0; e < enums; ++e) {
    schema.enums.push_back({{"public", fmt::format("status_{}", e)}, {"new", "active", "suspended", "closed"}});
  }
  for (int t = 0; t < tables; ++t) {
    Table table;
    table.name = {"public", fmt::format("table_{:05}", t)};
    Column id;
    id.name = "id";
    id.type = "bigint";
    id.identity = IdentityKind::ByDefault;
    table.columns.push_back(std::move(id));
    const int columns = pick(8, 12);
    for (int c = 0; c < columns; ++c) {
      const ColumnKind& kind = kKinds[pick(0, static_cast<int>(std::size(kKinds)) - 1)];
      Column column;
      column.name = fmt::format("col_{}", c);
      column.type = kind.type;
      column.nullable = pick(0, 2) == 0;
      if (kind.default_expr != nullptr) column.default_expr = kind.default_expr;
      table.columns.push_back(std::move(column));
    }
    Column status;
    status.name = "status";
    status.type = fmt::format("status_{}", t % enums);
    status.default_expr = "'new'";
    table.columns.push_back(std::move(status));
    table.primary_key = PrimaryKey{fmt::format("{}_pkey", table.name.name), {"id"}, {}};
    // 1 or 2 foreign keys to earlier tables (the first table refers to itself).
    const int fks = pick(0, 9) < 3 ? 2 : 1;
    for (int f = 0; f < fks; ++f) {
      const int target = t == 0 ? 0 : pick(0, t - 1);
      const std::string column = fmt::format("ref_{}", f);
      Column ref;
      ref.name = column;
      ref.type = "bigint";
      ref.nullable = true;
      table.columns.push_back(std::move(ref));
      ForeignKey fk;
      fk.name = fmt::format("{}_{}_fkey", table.name.name, column);
      fk.columns = {column};
      fk.ref_table = {"public", fmt::format("table_{:05}", target)};
      fk.ref_columns = {"id"};
      fk.on_delete = f == 0 ? ReferentialAction::Cascade : ReferentialAction::SetNull;
      table.foreign_keys.push_back(std::move(fk));
    }
    // 2 or 3 indexes: the first foreign key, a column, sometimes a partial one.
    table.indexes.push_back({fmt::format("{}_ref_0_idx", table.name.name),
                             {{"ref_0", "", SortOrder::Asc, NullsOrder::Default, ""}},
                             false,
                             {},
                             std::nullopt,
                             "btree",
                             std::nullopt});
    table.indexes.push_back({fmt::format("{}_col_0_idx", table.name.name),
                             {{"col_0", "", SortOrder::Desc, NullsOrder::Default, ""}},
                             pick(0, 3) == 0,
                             {},
                             std::nullopt,
                             "btree",
                             std::nullopt});
    if (pick(0, 1) == 0) {
      table.indexes.push_back({fmt::format("{}_col_1_idx", table.name.name),
                               {{"col_1", "", SortOrder::Asc, NullsOrder::Default, ""}},
                               false,
                               {"col_2"},
                               "status <> 'closed'",
                               "btree",
                               std::nullopt});
    }
    table.checks.push_back({fmt::format("{}_id_check", table.name.name), "id > 0"});
    schema.tables.push_back(std::move(table));
  }
  schema.sort();
  return schema;
}

std::string server_url() {
  const char* url = std::getenv("STRATA_BENCH_PG_URL");
  if (url == nullptr) {
    std::cerr << "set STRATA_BENCH_PG_URL to a PostgreSQL admin URL (tools/pg-throwaway start DIR prints one)\n";
    std::exit(2);
  }
  return url;
}

}  // namespace strata::bench
