// The loader's speed on a declared schema: load + resolve + normalise, as `strata plan` does
// before it compares. One process, one file set:
//
//   build/tools/bench/strata_bench_load [--repeat N] [--dialect postgres|cockroachdb] FILE...
//
// Prints the first load's wall and CPU time (what a `strata plan` pays: page faults and first-use
// costs included) and the median of N, the throughput in MB/s of YAML read per CPU second (the
// machine is shared: wall time also counts waiting for a core), and the process's peak RSS (run
// with --repeat 1 for the peak of a single load).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "strata/dialect_factory.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

rusage usage() {
  rusage now{};
  getrusage(RUSAGE_SELF, &now);
  return now;
}

double seconds_of(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Time loading, resolving and normalising a declared schema"};
  int repeat = 5;
  std::string dialect_name = "postgres";
  std::vector<std::string> paths;
  app.add_option("--repeat", repeat, "Loads to time (median reported)")->check(CLI::Range(1, 1000));
  app.add_option("--dialect", dialect_name, "Dialect whose canonical form the schema is brought to");
  app.add_option("paths", paths, "Schema files or directories")->required();
  CLI11_PARSE(app, argc, argv);

  std::uintmax_t bytes = 0;
  for (const auto& path : paths) {
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
        if (entry.is_regular_file()) bytes += entry.file_size();
    } else {
      bytes += std::filesystem::file_size(path);
    }
  }
  const auto dialect = strata::make_dialect(dialect_name);
  std::vector<double> seconds;
  std::vector<double> cpu;
  rusage before_first{};
  rusage after_first{};
  std::size_t tables = 0;
  try {
    for (int i = 0; i < repeat; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = cpu_seconds();
      if (i == 0) before_first = usage();
      strata::Schema schema = strata::load_schema(paths);
      dialect->normalize(schema);
      seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      cpu.push_back(cpu_seconds() - cpu_start);
      if (i == 0) after_first = usage();
      tables = schema.tables.size();
    }
  } catch (const strata::LoadError& error) {
    std::cerr << error.what() << "\n";
    return 2;
  }
  const double first = seconds.front();
  const double first_cpu = cpu.front();
  std::sort(seconds.begin(), seconds.end());
  std::sort(cpu.begin(), cpu.end());
  const double median = seconds[seconds.size() / 2];
  const double median_cpu = cpu[cpu.size() / 2];
  const double mb = static_cast<double>(bytes) / 1e6;
  fmt::print(
      "{} tables, {:.2f} MB: first {:.1f} ms ({:.1f} ms CPU: {:.1f} user, {:.1f} system, {} page faults; {:.1f} MB/s); "
      "median of {}: {:.1f} ms ({:.1f} ms CPU, {:.1f} MB/s); peak RSS {:.1f} MB\n",
      tables, mb, first * 1e3, first_cpu * 1e3,
      (seconds_of(after_first.ru_utime) - seconds_of(before_first.ru_utime)) * 1e3,
      (seconds_of(after_first.ru_stime) - seconds_of(before_first.ru_stime)) * 1e3,
      after_first.ru_minflt - before_first.ru_minflt, mb / first_cpu, repeat, median * 1e3, median_cpu * 1e3,
      mb / median_cpu, static_cast<double>(usage().ru_maxrss) / 1024.0);
  return 0;
}
