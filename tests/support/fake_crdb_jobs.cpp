#include "support/fake_crdb_jobs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace strata::cockroachdb::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string show_jobs_columns() {
  const fs::path catalogue = fs::path(STRATA_SOURCE_DIR) / "tests/fixtures/crdb-releases";
  std::ifstream in(catalogue / "v26.3.json");
  const auto release = nlohmann::json::parse(in);
  const std::map<std::string, std::string> pg = {{"INT8", "bigint"},
                                                 {"STRING", "text"},
                                                 {"FLOAT8", "double precision"},
                                                 {"TIMESTAMPTZ", "timestamptz"},
                                                 {"TIMESTAMP", "timestamp"},
                                                 {"DECIMAL", "numeric"},
                                                 {"INTERVAL", "interval"}};
  std::vector<std::string> columns;
  for (const auto& column : release.at("show").at("SHOW JOBS").at("columns")) {
    columns.push_back(column.at(0).get<std::string>() + " " + pg.at(column.at(1).get<std::string>()));
  }
  return fmt::format("{}", fmt::join(columns, ", "));
}

FakeJobs::FakeJobs(const std::string& url) : connection_(url) {
  exec("CREATE TABLE fake_show_jobs (" + show_jobs_columns() + ")");
}

JobWaitOptions FakeJobs::options(std::chrono::milliseconds timeout) const {
  JobWaitOptions options;
  options.timeout = timeout;
  options.first_poll_interval = 10ms;
  options.max_poll_interval = 50ms;
  options.jobs = "fake_show_jobs";
  options.job = "(SELECT * FROM fake_show_jobs WHERE job_id = {id}) AS j";
  options.database = "test";
  return options;
}

std::string FakeJobs::insert_sql(const FakeJob& job) {
  return fmt::format(
      "INSERT INTO fake_show_jobs (job_id, job_type, description, user_name, status, created, fraction_completed, "
      "error) VALUES ({}, {}, {}, {}, {}, {}, {}, '')",
      job.id, q(job.type), q(job.description), job.user_sql, q(job.status), job.created_sql, job.fraction);
}

void FakeJobs::set(JobId id, const std::string& status, double fraction, const std::string& error) {
  exec(
      fmt::format("UPDATE fake_show_jobs SET status = {}, fraction_completed = {}, error = {}, finished = CASE "
                  "WHEN {} IN ('succeeded', 'failed', 'canceled', 'revert-failed') THEN clock_timestamp() END "
                  "WHERE job_id = {}",
                  q(status), fraction, q(error), q(status), id));
}

void FakeJobs::remove(JobId id) {
  exec(fmt::format("DELETE FROM fake_show_jobs WHERE job_id = {}", id));
}

void FakeJobs::exec(const std::string& sql) {
  pqxx::nontransaction tx(connection_);
  tx.exec0(sql);
}

std::jthread in_background(std::function<void()> script) {
  return std::jthread([script = std::move(script)] {
    try {
      script();
    } catch (const std::exception& error) {
      ADD_FAILURE() << "the fake job system failed: " << error.what();
    }
  });
}

std::function<void(const JobProgress&)> SeenStates::recorder(std::function<void(const JobProgress&)> also) {
  return [this, also = std::move(also)](const JobProgress& progress) {
    {
      const std::lock_guard lock(mutex_);
      reports_.push_back(progress);
    }
    changed_.notify_all();
    if (also) also(progress);
  };
}

void SeenStates::await(JobId id, const std::string& status, std::optional<double> fraction) {
  std::unique_lock lock(mutex_);
  const bool seen = changed_.wait_for(lock, 60s, [&] {
    return std::any_of(reports_.begin(), reports_.end(), [&](const JobProgress& p) {
      return p.job.id == id && p.job.status == status && (!fraction || p.job.fraction == fraction);
    });
  });
  if (!seen) throw std::runtime_error(fmt::format("the waiter never reported job {} as {}", id, status));
}

}  // namespace strata::cockroachdb::testing
