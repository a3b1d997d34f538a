#include "tools/strata/progress.hpp"

#include <iostream>

#include <fmt/format.h>

namespace strata::cli {

void ProgressPrinter::waiting_for_lock(const std::string& holder, std::chrono::seconds waited) {
  std::cerr << fmt::format("waiting for strata's lock, held by {} ({} s so far)\n", holder, waited.count());
}

void ProgressPrinter::step_started(std::size_t index, std::size_t total, const Step& step) {
  std::cerr << fmt::format("[{}/{}] {} ...\n", index, total, step.description) << std::flush;
}

void ProgressPrinter::step_finished(std::size_t index, std::size_t total, const Step&, std::chrono::milliseconds took) {
  std::cerr << fmt::format("[{}/{}] done in {} ms\n", index, total, took.count()) << std::flush;
}

void ProgressPrinter::job_progress(const std::string& line) {
  std::cerr << "  " << line << "\n" << std::flush;
}

void ProgressPrinter::retrying(const std::string& statement, int attempt, std::chrono::milliseconds delay) {
  std::cerr << fmt::format("serialization failure in `{}`: retry {} in {} ms\n", statement.substr(0, 80), attempt,
                           delay.count());
}

namespace {

std::string part(std::string_view what, std::int64_t done, std::int64_t total) {
  if (total <= 0) return "";
  return fmt::format(", {} {}/{} ({}%)", what, done, total, done * 100 / total);
}

}  // namespace

// Called from the progress watcher's thread while the run's thread waits for the statement.
void ProgressPrinter::index_build_progress(const IndexBuildProgress& p) {
  std::cerr << fmt::format("  index build: {}{}{}{}\n", p.phase, part("blocks", p.blocks_done, p.blocks_total),
                           part("tuples", p.tuples_done, p.tuples_total),
                           part("sessions waited for", p.lockers_done, p.lockers_total))
            << std::flush;
}

void ProgressPrinter::migration_started(std::int64_t version, const std::string& name, bool down, int statements,
                                        int resume_at) {
  std::cerr << fmt::format("{} {} {} ({} statement{}{}) ...\n", down ? "reverting" : "applying", version, name,
                           statements, statements == 1 ? "" : "s",
                           resume_at > 1 ? fmt::format(", resuming at statement {}", resume_at) : "")
            << std::flush;
}

void ProgressPrinter::down_loses_data(std::int64_t version, const std::string& name,
                                      const std::vector<std::string>& why) {
  std::cerr << fmt::format("  warning: reverting {} {} cannot restore data:\n", version, name);
  for (const auto& reason : why) std::cerr << "    " << reason << "\n";
  std::cerr << std::flush;
}

void ProgressPrinter::migration_finished(std::int64_t version, const std::string&, bool,
                                         std::chrono::milliseconds took) {
  std::cerr << fmt::format("  {} done in {} ms\n", version, took.count()) << std::flush;
}

}  // namespace strata::cli
