#include "engine/exec/job_waiter.hpp"

namespace strata {

std::unique_ptr<SchemaJobs> make_job_waiter(Connection& connection, const ServerDialect& dialect,
                                            const RunSettings& settings, RunObserver* observer) {
  JobWaitSettings wait;
  wait.timeout = settings.job_timeout;
  if (observer) wait.on_progress = [observer](const std::string& line) { observer->job_progress(line); };
  return dialect.schema_jobs(connection, wait);
}

}  // namespace strata
