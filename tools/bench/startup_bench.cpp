// The start-up cost of an application that calls strata::migrate_up() with nothing pending
// (Google Benchmark): one connection, the history read, the files hashed. Run against a local
// PostgreSQL:
//
//   STRATA_BENCH_PG_URL=postgresql://postgres@127.0.0.1:PORT/postgres build/tools/bench/strata_bench_startup
//
// For each size it creates a database strata_bench_startup_<N> and a directory of N migrations,
// applies them once, then times migrate_up() calls that find nothing to do: with the checksum
// cache (migrations/checksum_cache.hpp, kept in a temporary directory here), and without it
// (every file read and hashed); beside them, in the same run, the floor: a connection and a read
// of the history table, nothing else.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <benchmark/benchmark.h>
#include <pqxx/pqxx>

#include "engine/db/connection.hpp"
#include "migrations/checksum_cache.hpp"
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

// N migrations of two statements each, with down files; then waits until the cache will remember
// them (it remembers only files that have not changed for kSettled), as an application's later
// start-ups find them.
void write_migrations(const fs::path& directory, int migrations) {
  for (int i = 1; i <= migrations; ++i) {
    const std::string stem = std::to_string(i) + "_table_" + std::to_string(i);
    std::ofstream(directory / (stem + ".up.sql"))
        << "CREATE TABLE t" << i << " (id bigint PRIMARY KEY, name text NOT NULL, created timestamptz DEFAULT now());\n"
        << "CREATE INDEX t" << i << "_name ON t" << i << " (name);\n";
    std::ofstream(directory / (stem + ".down.sql")) << "DROP TABLE t" << i << ";\n";
  }
  std::this_thread::sleep_for(strata::migrations::kSettled + std::chrono::milliseconds(100));
}

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
  write_migrations(setup.directory, migrations);
  strata::migrations::write_sum(strata::migrations::read_directory(setup.directory));
  strata::migrate_up(setup.url, setup.directory);
  return setup;
}

// The floor: what any client pays to learn that nothing is pending, a connection and the
// history's rows, with no directory read.
void read_history_only(const std::string& url) {
  pqxx::connection connection(url);
  pqxx::nontransaction tx(connection);
  benchmark::DoNotOptimize(tx.exec("SELECT * FROM strata_schema_history"));
}

// range(0): migrations in the directory; range(1): 1 migrate_up() with the checksum cache, 0
// without it, 2 the floor.
void BM_StartupNothingPending(benchmark::State& state) {
  const fs::path cache = fs::temp_directory_path() / ("strata_bench_cache-" + std::to_string(::getpid()));
  ::setenv("STRATA_CACHE_DIR", state.range(1) == 1 ? cache.c_str() : "", 1);
  const Setup setup = prepare(static_cast<int>(state.range(0)));
  state.SetLabel(state.range(1) == 2 ? "floor: connect, read the history"
                                     : (state.range(1) == 1 ? "migrate_up, cache" : "migrate_up, no cache"));
  for (auto _ : state) {
    if (state.range(1) == 2) {
      read_history_only(setup.url);
      continue;
    }
    const auto report = strata::migrate_up(setup.url, setup.directory);
    if (!report.runs.empty()) state.SkipWithError("something was pending");
    benchmark::DoNotOptimize(report);
  }
  fs::remove_all(setup.directory);
  fs::remove_all(cache);
}
BENCHMARK(BM_StartupNothingPending)
    ->ArgNames({"migrations", "what"})
    ->ArgsProduct({{10, 100, 1000}, {2, 1, 0}})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

// The directory alone (no server): what read_directory() and verify_sum() cost of the above.
void BM_ReadDirectory(benchmark::State& state) {
  const fs::path cache = fs::temp_directory_path() / ("strata_bench_cache-" + std::to_string(::getpid()));
  ::setenv("STRATA_CACHE_DIR", state.range(1) ? cache.c_str() : "", 1);
  const fs::path directory = fs::temp_directory_path() / ("strata_bench_dir-" + std::to_string(::getpid()));
  fs::remove_all(directory);
  fs::create_directories(directory);
  write_migrations(directory, static_cast<int>(state.range(0)));
  strata::migrations::write_sum(strata::migrations::read_directory(directory));
  for (auto _ : state) {
    const auto read = strata::migrations::read_directory(directory);
    benchmark::DoNotOptimize(strata::migrations::verify_sum(read));
  }
  fs::remove_all(directory);
  fs::remove_all(cache);
}
BENCHMARK(BM_ReadDirectory)
    ->ArgNames({"migrations", "cache"})
    ->ArgsProduct({{1000}, {1, 0}})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
