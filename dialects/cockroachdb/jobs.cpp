#include "dialects/cockroachdb/jobs.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "engine/db/connection.hpp"
#include "engine/db/sqlstate.hpp"
#include "engine/sql/scanner.hpp"

namespace strata::cockroachdb {

// ---- the SQL

namespace job_queries {

// Both lists are checked against the catalogue by tests/unit/crdb_jobs_query_test.cpp.
#define STRATA_SCHEMA_CHANGE_JOB_TYPES "('SCHEMA CHANGE', 'NEW SCHEMA CHANGE', 'TYPEDESC SCHEMA CHANGE')"
#define STRATA_TERMINAL_STATUSES "('succeeded', 'failed', 'canceled', 'revert-failed')"

// Rows a non-admin cannot see are simply absent: filtering on user_name = current_user asks only
// for rows the user owns, which every user may read.
const char* const kStartedSince = "SELECT job_id FROM {jobs} WHERE job_type IN " STRATA_SCHEMA_CHANGE_JOB_TYPES
                                  " AND created >= $1::TIMESTAMPTZ AND user_name = current_user ORDER BY job_id";

const char* const kUnfinished = "SELECT job_id FROM {jobs} WHERE job_type IN " STRATA_SCHEMA_CHANGE_JOB_TYPES
                                " AND status NOT IN " STRATA_TERMINAL_STATUSES " ORDER BY job_id";

const char* const kStates =
    "SELECT job_id, job_type, description, status, fraction_completed, error FROM {jobs} WHERE job_id IN ({ids})";

const char* const kDescription = "SELECT description FROM {job}";

const char* const kMarkTime = "SELECT now() - $1::INTERVAL";

#undef STRATA_SCHEMA_CHANGE_JOB_TYPES
#undef STRATA_TERMINAL_STATUSES

}  // namespace job_queries

// ---- statuses

JobPhase job_phase(std::string_view status) {
  if (status == "succeeded") return JobPhase::Succeeded;
  if (status == "failed" || status == "canceled" || status == "revert-failed") return JobPhase::Failed;
  if (status == "reverting" || status == "cancel-requested") return JobPhase::Undoing;
  if (status == "paused" || status == "pause-requested") return JobPhase::Paused;
  return JobPhase::Running;  // pending, running, or a status newer than this code
}

bool is_terminal(JobPhase phase) {
  return phase == JobPhase::Succeeded || phase == JobPhase::Failed;
}

// ---- errors

namespace {

std::string format_duration(std::chrono::milliseconds duration) {
  const auto ms = duration.count();
  if (ms < 1000) return fmt::format("{}ms", ms);
  const auto s = ms / 1000;
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

std::string one_line(std::string_view text, std::size_t limit) {
  std::string line(text.substr(0, text.find('\n')));
  if (line.size() > limit) line = line.substr(0, limit - 3) + "...";
  return line;
}

std::string job_label(const JobState& job) {
  return job.description.empty() ? fmt::format("job {} ({})", job.id, job.type)
                                 : fmt::format("job {} ({}: {})", job.id, job.type, one_line(job.description, 200));
}

std::string failure_message(const JobState& job) {
  const std::string error = job.error.empty() ? "" : ": " + job.error;
  const std::string label = "schema-change " + job_label(job);
  if (job.status == "revert-failed") {
    return fmt::format(
        "{} failed and could not be undone (revert-failed){}; the schema may be left half-changed, see "
        "SHOW JOB {}",
        label, error, job.id);
  }
  if (job.phase() == JobPhase::Undoing) {
    return fmt::format("{} is {}: CockroachDB is undoing the change{}", label, job.status, error);
  }
  if (job.status == "canceled") return fmt::format("{} was canceled{}", label, error);
  return fmt::format("{} {}{}", label, job.status, error);
}

std::string pending_text(const JobState& job) {
  std::string text = fmt::format("job {} ({}, {}", job.id, job.type, job.status);
  if (job.fraction) text += fmt::format(", {:.0f}%", *job.fraction * 100);
  if (job.phase() == JobPhase::Paused) text += fmt::format(", resume it with RESUME JOB {}", job.id);
  if (!job.description.empty()) text += ": " + one_line(job.description, 120);
  return text + ")";
}

std::string timeout_message(std::chrono::milliseconds timeout, const std::vector<JobState>& pending) {
  std::vector<std::string> jobs;
  for (const auto& job : pending) jobs.push_back(pending_text(job));
  return fmt::format(
      "timed out after {} waiting for schema-change jobs; still unfinished: {} (raise the job wait "
      "timeout, or see SHOW JOBS)",
      format_duration(timeout), fmt::join(jobs, "; "));
}

}  // namespace

JobFailed::JobFailed(JobState job) : DatabaseError(failure_message(job), job.description, ""), job_(std::move(job)) {}

JobWaitTimeout::JobWaitTimeout(std::chrono::milliseconds timeout, std::vector<JobState> pending)
    : DatabaseError(timeout_message(timeout, pending), pending.empty() ? "" : pending.front().description, ""),
      pending_(std::move(pending)) {}

// ---- the waiter

namespace {

std::optional<double> parse_fraction(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  try {
    const double value = field.as<double>();
    if (std::isfinite(value)) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::string text_of(const pqxx::field& field) {
  return field.is_null() ? "" : field.c_str();
}

}  // namespace

JobWaiter::JobWaiter(Connection& connection, JobWaitOptions options)
    : connection_(connection), options_(std::move(options)) {}

JobMark JobWaiter::mark() {
  JobMark mark;
  const auto slack = fmt::format("{} milliseconds", options_.clock_slack.count());
  mark.since = connection_.exec_params(job_queries::kMarkTime, slack)[0][0].c_str();
  mark.present = jobs_started_since(JobMark{mark.since, {}});
  return mark;
}

std::vector<JobId> JobWaiter::jobs_started_since(const JobMark& mark) {
  const auto rows = connection_.exec_params(
      fmt::format(fmt::runtime(job_queries::kStartedSince), fmt::arg("jobs", options_.jobs)), mark.since);
  std::vector<JobId> ids;
  for (const auto& row : rows) {
    const JobId id = row[0].as<JobId>();
    if (std::find(mark.present.begin(), mark.present.end(), id) == mark.present.end()) ids.push_back(id);
  }
  return ids;
}

std::string JobWaiter::description(JobId id) {
  const std::string job = fmt::format(fmt::runtime(options_.job), fmt::arg("id", id));
  const auto rows = connection_.exec(fmt::format(fmt::runtime(job_queries::kDescription), fmt::arg("job", job)));
  return rows.empty() ? std::string() : text_of(rows[0][0]);
}

std::vector<JobId> JobWaiter::unfinished_jobs_on(const std::vector<QualifiedName>& tables) {
  std::vector<JobId> ids;
  if (tables.empty()) return ids;
  const auto rows =
      connection_.exec(fmt::format(fmt::runtime(job_queries::kUnfinished), fmt::arg("jobs", options_.jobs)));
  for (const auto& row : rows) {
    const JobId id = row[0].as<JobId>();
    const std::string text = description(id);
    const bool touches = std::any_of(tables.begin(), tables.end(), [&](const QualifiedName& table) {
      return description_names_table(text, table, options_.database);
    });
    if (touches) ids.push_back(id);
  }
  return ids;
}

std::vector<JobState> JobWaiter::read_states(const std::vector<JobId>& ids) {
  const auto rows = connection_.exec(fmt::format(fmt::runtime(job_queries::kStates), fmt::arg("jobs", options_.jobs),
                                                 fmt::arg("ids", fmt::join(ids, ", "))));
  std::vector<JobState> states;
  for (const auto& row : rows) {
    states.push_back({row[0].as<JobId>(), text_of(row[1]), text_of(row[2]), text_of(row[3]), parse_fraction(row[4]),
                      text_of(row[5])});
  }
  return states;
}

std::vector<JobState> JobWaiter::wait(const std::vector<JobId>& ids, WaitPolicy policy) {
  std::vector<JobId> pending;
  for (const auto id : ids) {
    if (std::find(pending.begin(), pending.end(), id) == pending.end()) pending.push_back(id);
  }
  std::map<JobId, JobState> last;
  const auto start = std::chrono::steady_clock::now();
  auto interval = options_.first_poll_interval;
  while (!pending.empty()) {
    const auto states = read_states(pending);
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::vector<JobId> still_pending;
    for (const auto id : pending) {
      const auto found = std::find_if(states.begin(), states.end(), [&](const JobState& s) { return s.id == id; });
      if (found == states.end()) {
        throw DatabaseError(fmt::format("schema-change job {} is no longer listed by SHOW JOBS, so whether it "
                                        "succeeded is unknown (jobs are deleted after jobs.retention_time; see SHOW "
                                        "JOB {})",
                                        id, id),
                            "", "");
      }
      const JobState& job = *found;
      const auto previous = last.find(id);
      const bool changed =
          previous == last.end() || previous->second.status != job.status || previous->second.fraction != job.fraction;
      last[id] = job;
      const JobPhase phase = job.phase();
      const bool fails =
          policy == WaitPolicy::RequireSuccess && (phase == JobPhase::Failed || phase == JobPhase::Undoing);
      const bool done = fails || is_terminal(phase);
      if (options_.on_progress) options_.on_progress(JobProgress{job, waited, changed, done});
      if (fails) throw JobFailed(job);
      if (!done) still_pending.push_back(id);
    }
    pending = std::move(still_pending);
    if (pending.empty()) break;
    if (options_.timeout.count() > 0 && waited >= options_.timeout) {
      std::vector<JobState> unfinished;
      for (const auto id : pending) unfinished.push_back(last[id]);
      throw JobWaitTimeout(options_.timeout, std::move(unfinished));
    }
    auto sleep = interval;
    if (options_.timeout.count() > 0) sleep = std::min(sleep, options_.timeout - waited);
    std::this_thread::sleep_for(sleep);
    interval = std::min(interval * 2, options_.max_poll_interval);
  }
  std::vector<JobState> result;
  for (const auto id : ids) {
    if (std::none_of(result.begin(), result.end(), [&](const JobState& s) { return s.id == id; })) {
      result.push_back(last[id]);
    }
  }
  return result;
}

std::vector<JobState> JobWaiter::settle_leftover_jobs(const std::vector<QualifiedName>& tables) {
  return wait(unfinished_jobs_on(tables), WaitPolicy::UntilFinished);
}

void JobWaiter::start() {
  mark_ = mark();
}

std::vector<JobId> JobWaiter::finish_step() {
  if (!mark_) throw Error("JobWaiter::finish_step() called before start()");  // a programming error
  auto ids = jobs_started_since(*mark_);
  wait(ids, WaitPolicy::RequireSuccess);
  last_step_jobs_ = ids;
  mark_ = mark();
  return ids;
}

std::function<void(const Step&)> JobWaiter::after_step_hook() {
  if (!mark_) start();
  return [this](const Step&) { finish_step(); };
}

// ---- the tables a job names

bool description_names_table(std::string_view description, const QualifiedName& table, std::string_view database) {
  const auto tokens = sql::scan(description, sql::ScanOptions{CockroachDialect::kGrammar, false});
  const auto is_name = [&](std::size_t i) {
    return i < tokens.size() &&
           (tokens[i].kind == sql::TokenKind::Word || tokens[i].kind == sql::TokenKind::QuotedIdent);
  };
  const auto is_dot = [&](std::size_t i) {
    return i < tokens.size() && tokens[i].kind == sql::TokenKind::Punct && tokens[i].text == ".";
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_name(i) || (i > 0 && is_dot(i - 1))) continue;  // the start of a dotted name
    std::vector<std::string_view> parts{tokens[i].text};
    while (is_dot(i + 1) && is_name(i + 2)) {
      i += 2;
      parts.push_back(tokens[i].text);
    }
    const bool full = parts.size() == 3 && parts[0] == database && parts[1] == table.schema && parts[2] == table.name;
    const bool schema_qualified = parts.size() == 2 && parts[0] == table.schema && parts[1] == table.name;
    if (full || schema_qualified) return true;
  }
  return false;
}

// ---- progress display

std::string format_job_progress(const JobProgress& progress) {
  const JobState& job = progress.job;
  std::string text = fmt::format("job {} {} {}", job.id, job.type, job.status);
  if (job.fraction) text += fmt::format(" {:.0f}%", *job.fraction * 100);
  text += fmt::format(" ({})", format_duration(progress.waited));
  if (!job.description.empty()) text += ": " + one_line(job.description, 100);
  if (!job.error.empty()) text += " - error: " + one_line(job.error, 200);
  return text;
}

std::function<void(const JobProgress&)> job_progress_printer(std::ostream& out, bool terminal) {
  struct Printed {
    std::string status;
    int decile = -1;
    std::chrono::milliseconds at{0};
  };
  struct State {
    std::map<JobId, Printed> printed;
    std::optional<JobId> open_line;  // terminal: the job whose line the cursor is on
  };
  auto state = std::make_shared<State>();
  return [&out, terminal, state](const JobProgress& progress) {
    const JobState& job = progress.job;
    const int decile = job.fraction ? static_cast<int>(std::floor(*job.fraction * 10 + 1e-9)) : -1;
    if (terminal) {
      if (state->open_line && *state->open_line != job.id) out << '\n';
      out << "\r\033[K" << format_job_progress(progress);
      state->open_line = job.id;
      if (progress.last) {
        out << '\n';
        state->open_line.reset();
      }
      out.flush();
      return;
    }
    const auto found = state->printed.find(job.id);
    const bool print = found == state->printed.end() || found->second.status != job.status ||
                       decile > found->second.decile || progress.waited - found->second.at >= std::chrono::seconds(60);
    if (!print) return;
    out << format_job_progress(progress) << '\n';
    state->printed[job.id] = Printed{job.status, decile, progress.waited};
  };
}

}  // namespace strata::cockroachdb
