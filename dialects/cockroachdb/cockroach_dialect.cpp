#include "dialects/cockroachdb/cockroach_dialect.hpp"

#include <cctype>
#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dialects/cockroachdb/jobs.hpp"
#include "dialects/cockroachdb/normalize.hpp"
#include "engine/db/connection.hpp"

namespace strata::cockroachdb {

namespace {

class CockroachJobs : public SchemaJobs {
 public:
  CockroachJobs(Connection& connection, JobWaitOptions options) : waiter_(connection, std::move(options)) {}
  void settle(const std::vector<QualifiedName>& tables) override { waiter_.settle_leftover_jobs(tables); }
  void start() override { waiter_.start(); }
  void after_step(const Step&) override { waiter_.finish_step(); }
  std::vector<std::int64_t> last_step_jobs() const override { return waiter_.last_step_jobs(); }
  std::optional<bool> outcome_since(const std::string& since) override {
    const auto ids = waiter_.jobs_started_since(JobMark{since, {}});
    if (ids.empty()) return std::nullopt;
    for (const auto& job : waiter_.wait(ids, WaitPolicy::UntilFinished)) {
      if (job_phase(job.status) != JobPhase::Succeeded) return false;
    }
    return true;
  }

 private:
  JobWaiter waiter_;
};

}  // namespace

std::unique_ptr<SchemaJobs> CockroachDialect::schema_jobs(Connection& connection,
                                                          const JobWaitSettings& settings) const {
  JobWaitOptions options;
  options.timeout = settings.timeout;
  options.database = database_;
  if (settings.on_progress) {
    options.on_progress = [on_progress = settings.on_progress](const JobProgress& progress) {
      if (progress.changed || progress.last) on_progress(format_job_progress(progress));
    };
  }
  return std::make_unique<CockroachJobs>(connection, std::move(options));
}

void CockroachDialect::normalize(Schema& schema) const {
  normalize_cockroach(schema);
}

// UPSERT INTO: CockroachDB's own insert-or-replace, one statement whatever the key.
std::string CockroachDialect::upsert_sql(const UpsertStatement& upsert) const {
  return fmt::format("UPSERT INTO {} ({}) {}", upsert.table, fmt::join(upsert.columns, ", "), upsert.values);
}

void CockroachDialect::prepare_session(Connection& connection) const {
  connection.exec("SET TIME ZONE 'UTC'");
}

}  // namespace strata::cockroachdb
