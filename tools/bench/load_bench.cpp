// The loader's speed on a declared schema: load + resolve + normalise, as `strata plan` does
// before it compares. One process, one file set:
//
//   build/tools/bench/strata_bench_load [--repeat N] [--dialect postgres|cockroachdb] FILE...
//
// Prints the first load's wall and CPU time (what a `strata plan` pays: page faults and first-use
// costs included) and the median of N, the throughput in MB/s of YAML read per CPU second (the
// machine is shared: wall time also counts waiting for a core), and the process's peak RSS (run
// with --repeat 1 for the peak of a single load). With --floor, the same run then times, on the
// same files, what the load cannot go below: reading the files, and libyaml's event parser alone
// (no tree, no schema); and, for scale, yaml-cpp's YAML::Load (what the loader used before). It
// prints the load's ratio to each (CPU medians). Peak RSS is taken before the floors run.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <yaml.h>
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

std::vector<std::string> yaml_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    if (!std::filesystem::is_directory(path)) {
      files.push_back(path);
      continue;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  return files;
}

std::string read_all(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// libyaml's events for `text`, thrown away: the parser's own cost. Returns the number of events.
std::size_t libyaml_events(const std::string& text) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::size_t events = 0;
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) break;
    done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    ++events;
  }
  yaml_parser_delete(&parser);
  return events;
}

// The median CPU seconds of `repeat` runs of `fn` over every file.
template <class Fn>
double median_cpu_of(int repeat, const std::vector<std::string>& files, Fn fn) {
  std::vector<double> cpu;
  for (int i = 0; i < repeat; ++i) {
    const double start = cpu_seconds();
    for (const auto& file : files) fn(file);
    cpu.push_back(cpu_seconds() - start);
  }
  std::sort(cpu.begin(), cpu.end());
  return cpu[cpu.size() / 2];
}

void print_floors(int repeat, const std::vector<std::string>& paths, double mb, double load_cpu) {
  const auto files = yaml_files(paths);
  volatile std::size_t sink = 0;  // what is computed is used: nothing is optimised away
  std::size_t events_seen = 0;
  const double read = median_cpu_of(repeat, files, [&](const std::string& f) { sink = sink + read_all(f).size(); });
  const double events =
      median_cpu_of(repeat, files, [&](const std::string& f) { events_seen += libyaml_events(read_all(f)); });
  const double yaml_cpp =
      median_cpu_of(repeat, files, [&](const std::string& f) { sink = sink + YAML::Load(read_all(f)).size(); });
  const auto line = [&](const char* what, double cpu) {
    fmt::print("  {:<34} {:8.1f} ms CPU {:8.1f} MB/s   load is {:.2f}x this\n", what, cpu * 1e3, mb / cpu,
               load_cpu / cpu);
  };
  fmt::print("floors (median of {} in this run; {} libyaml events a pass):\n", repeat, events_seen / repeat);
  line("read the files", read);
  line("read + libyaml events (the floor)", events);
  line("read + yaml-cpp YAML::Load", yaml_cpp);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Time loading, resolving and normalising a declared schema"};
  int repeat = 5;
  std::string dialect_name = "postgres";
  std::vector<std::string> paths;
  bool floor = false;
  app.add_option("--repeat", repeat, "Loads to time (median reported)")->check(CLI::Range(1, 1000));
  app.add_option("--dialect", dialect_name, "Dialect whose canonical form the schema is brought to");
  app.add_flag("--floor", floor, "Also time reading the files, libyaml's parser alone and yaml-cpp's Load");
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
  const double peak_rss = static_cast<double>(usage().ru_maxrss) / 1024.0;
  fmt::print(
      "{} tables, {:.2f} MB: first {:.1f} ms ({:.1f} ms CPU: {:.1f} user, {:.1f} system, {} page faults; {:.1f} MB/s); "
      "median of {}: {:.1f} ms ({:.1f} ms CPU, {:.1f} MB/s); peak RSS {:.1f} MB\n",
      tables, mb, first * 1e3, first_cpu * 1e3,
      (seconds_of(after_first.ru_utime) - seconds_of(before_first.ru_utime)) * 1e3,
      (seconds_of(after_first.ru_stime) - seconds_of(before_first.ru_stime)) * 1e3,
      after_first.ru_minflt - before_first.ru_minflt, mb / first_cpu, repeat, median * 1e3, median_cpu * 1e3,
      mb / median_cpu, peak_rss);
  if (floor) print_floors(repeat, paths, mb, median_cpu);
  return 0;
}
