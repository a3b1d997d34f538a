// Progress of a run on standard error, one line per event, so that a log reads the same as a
// terminal. apply and migrate print through the same class.
#pragma once

#include "strata/migration.hpp"

namespace strata::cli {

class ProgressPrinter : public MigrateObserver {
 public:
  void waiting_for_lock(const std::string& holder, std::chrono::seconds waited) override;
  void step_started(std::size_t index, std::size_t total, const Step& step) override;
  void step_finished(std::size_t index, std::size_t total, const Step& step, std::chrono::milliseconds took) override;
  void job_progress(const std::string& line) override;
  void retrying(const std::string& statement, int attempt, std::chrono::milliseconds delay) override;
  void index_build_progress(const IndexBuildProgress& progress) override;
  void migration_started(std::int64_t version, const std::string& name, bool down, int statements,
                         int resume_at) override;
  void down_loses_data(std::int64_t version, const std::string& name, const std::vector<std::string>& why) override;
  void migration_finished(std::int64_t version, const std::string& name, bool down,
                          std::chrono::milliseconds took) override;
};

}  // namespace strata::cli
