// Introspection of generated schemas on a real PostgreSQL (Google Benchmark).
//
//   STRATA_BENCH_PG_URL=postgresql://postgres@127.0.0.1:PORT/postgres build/tools/bench/strata_bench_introspect
//
// For each size it creates (once) a database strata_bench_<N> holding generate_schema(N), then
// times Dialect::introspect on it and reports the queries sent and the process's peak memory.
#include <sys/resource.h>

#include <cstdlib>
#include <iostream>

#include <benchmark/benchmark.h>
#include <pqxx/pqxx>

#include "dialects/postgres/postgres_dialect.hpp"
#include "dialects/postgres/queries.hpp"
#include "engine/db/connection.hpp"
#include "strata/plan.hpp"
#include "tools/bench/schema_generator.hpp"

namespace {

// Creates strata_bench_<tables> unless it already holds the generated schema.
std::string prepare(int tables) {
  const std::string server = strata::bench::server_url();
  const std::string name = "strata_bench_" + std::to_string(tables);
  {
    pqxx::connection admin(server);
    pqxx::nontransaction tx(admin);
    if (!tx.exec("SELECT 1 FROM pg_database WHERE datname = " + tx.quote(name)).empty()) {
      return strata::url_with_database(server, name);
    }
    tx.exec("CREATE DATABASE " + tx.quote_name(name));
  }
  const std::string url = strata::url_with_database(server, name);
  pqxx::connection connection(url);
  pqxx::work tx(connection);
  for (const auto& statement :
       strata::create_statements(strata::bench::generate_schema(tables), strata::postgres::PostgresDialect{})) {
    tx.exec(statement);
  }
  tx.commit();
  return url;
}

void BM_Introspect(benchmark::State& state) {
  const int tables = static_cast<int>(state.range(0));
  const std::string url = prepare(tables);
  strata::Connection connection(url);
  const strata::postgres::PostgresDialect dialect;
  std::size_t columns = 0, indexes = 0, foreign_keys = 0;
  int queries = 0;
  for (auto _ : state) {
    const int before = connection.round_trips();
    const strata::Schema schema = dialect.introspect(connection, {});
    queries = connection.round_trips() - before;
    columns = indexes = foreign_keys = 0;
    for (const auto& table : schema.tables) {
      columns += table.columns.size();
      indexes += table.indexes.size() + (table.primary_key ? 1 : 0) + table.uniques.size();
      foreign_keys += table.foreign_keys.size();
    }
    benchmark::DoNotOptimize(schema);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["queries"] = queries;
  state.counters["columns"] = static_cast<double>(columns);
  state.counters["indexes"] = static_cast<double>(indexes);
  state.counters["fks"] = static_cast<double>(foreign_keys);
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The same catalog queries with their rows thrown away: the floor that introspection is measured
// against (what it adds on top is building the model and normalising it).
void BM_RawCatalogQueries(benchmark::State& state) {
  const std::string url = prepare(static_cast<int>(state.range(0)));
  strata::Connection connection(url);
  std::size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    for (const char* sql : {strata::postgres::queries::kNamespaces, strata::postgres::queries::kEnums,
                            strata::postgres::queries::kSequences, strata::postgres::queries::kColumns,
                            strata::postgres::queries::kIndexes, strata::postgres::queries::kConstraints}) {
      rows += connection.exec_params(sql, nullptr).size();
    }
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
}

BENCHMARK(BM_RawCatalogQueries)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Introspect)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
