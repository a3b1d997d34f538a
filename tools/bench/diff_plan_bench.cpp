// Diff and plan of generated schemas with 10% of the tables changed (Google Benchmark).
//   build/tools/bench/strata_bench_diff_plan
// Pure computation: no server. Reports steps planned and the process's peak memory.
#include <sys/resource.h>

#include <set>

#include <benchmark/benchmark.h>

#include "strata/dialect_factory.hpp"
#include "strata/diff.hpp"
#include "strata/plan.hpp"
#include "tools/bench/schema_generator.hpp"

namespace {

// Every tenth table changes: a column added, a type widened, an index added, a check dropped,
// a default changed; every fiftieth table is new, every hundredth dropped.
strata::Schema changed(strata::Schema schema) {
  const std::size_t n = schema.tables.size();
  for (std::size_t i = 0; i < n; i += 10) {
    auto& table = schema.tables[i];
    strata::Column added;
    added.name = "added";
    added.type = "text";
    added.nullable = true;
    table.columns.push_back(added);
    for (auto& column : table.columns) {
      if (column.type == "integer") {
        column.type = "bigint";
        break;
      }
    }
    table.indexes.push_back({table.name.name + "_added_idx",
                             {{"added", "", strata::SortOrder::Asc, strata::NullsOrder::Default, ""}},
                             false,
                             {},
                             std::nullopt,
                             "btree",
                             std::nullopt});
    table.checks.clear();
    table.columns[1].default_expr = table.columns[1].default_expr ? std::nullopt : std::optional<std::string>("NULL");
  }
  std::vector<strata::Table> kept;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 100 != 99) kept.push_back(schema.tables[i]);
  }
  // Foreign keys to dropped tables go too.
  std::set<std::string> names;
  for (const auto& t : kept) names.insert(t.name.name);
  for (auto& t : kept) {
    std::erase_if(t.foreign_keys, [&](const strata::ForeignKey& fk) { return names.count(fk.ref_table.name) == 0; });
  }
  schema.tables = std::move(kept);
  for (std::size_t i = 0; i < n / 50; ++i) {
    strata::Table table = schema.tables[i];
    table.name.name = "new_" + table.name.name;
    for (auto& index : table.indexes) index.name = "new_" + index.name;
    for (auto& fk : table.foreign_keys) fk.name = "new_" + fk.name;
    for (auto& check : table.checks) check.name = "new_" + check.name;
    table.primary_key->name = "new_" + table.primary_key->name;
    schema.tables.push_back(std::move(table));
  }
  schema.sort();
  return schema;
}

void BM_DiffAndPlan(benchmark::State& state) {
  const int tables = static_cast<int>(state.range(0));
  const strata::Schema live = strata::bench::generate_schema(tables);
  const strata::Schema declared = changed(live);
  const auto dialect = strata::make_dialect("postgres");
  std::size_t steps = 0;
  for (auto _ : state) {
    const strata::Plan plan = strata::plan_changes(live, declared, *dialect);
    steps = plan.steps.size();
    benchmark::DoNotOptimize(plan);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["steps"] = static_cast<double>(steps);
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
  state.SetComplexityN(tables);
}

BENCHMARK(BM_DiffAndPlan)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Complexity();

}  // namespace

BENCHMARK_MAIN();
