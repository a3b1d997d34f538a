// The start-up cost of an application that calls strata::migrate_up() with nothing pending
// (Google Benchmark): one connection, the history read, the files hashed. Run against a local
// PostgreSQL:
//
//   STRATA_BENCH_PG_URL=postgresql://postgres@127.0.0.1:PORT/postgres build/tools/bench/strata_bench_startup
//
// For each size it creates a database strata_bench_startup_<N> and a directory of N migrations,
// applies them once, then times migrate_up() calls that find nothing to do.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <benchmark/benchmark.h>
#include <pqxx/pqxx>

#include "engine/db/connection.hpp"
#include "migrations/directory.hpp"
#include "migrations/sum.hpp"
#include "strata/migrate.hpp"
#include "tools/bench/schema_generator.hpp"

namespace {

namespace fs = std::filesystem;

struct Setup {
  std::string url;
  fs::path directory;
};

Setup prepare(int migrations) {
  const std::string name = "strata_bench_startup_" + std::to_string(migrations);
  {
    pqxx::connection admin(strata::bench::server_url());
    pqxx::nontransaction tx(admin);
    tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name) + " WITH (FORCE)");
    tx.exec("CREATE DATABASE " + tx.quote_name(name));
  }
  Setup setup{strata::url_with_database(strata::bench::server_url(), name),
              fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))};
  fs::remove_all(setup.directory);
  fs::create_directories(setup.directory);
  for (int i = 1; i <= migrations; ++i) {
    const std::string stem = std::to_string(i) + "_table_" + std::to_string(i);
    std::ofstream(setup.directory / (stem + ".up.sql"))
        << "CREATE TABLE t" << i << " (id bigint PRIMARY KEY, name text NOT NULL, created timestamptz DEFAULT now());\n"
        << "CREATE INDEX t" << i << "_name ON t" << i << " (name);\n";
    std::ofstream(setup.directory / (stem + ".down.sql")) << "DROP TABLE t" << i << ";\n";
  }
  strata::migrations::write_sum(strata::migrations::read_directory(setup.directory));
  strata::migrate_up(setup.url, setup.directory);
  return setup;
}

void BM_StartupNothingPending(benchmark::State& state) {
  const Setup setup = prepare(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const auto report = strata::migrate_up(setup.url, setup.directory);
    if (!report.runs.empty()) state.SkipWithError("something was pending");
    benchmark::DoNotOptimize(report);
  }
  fs::remove_all(setup.directory);
}
BENCHMARK(BM_StartupNothingPending)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
