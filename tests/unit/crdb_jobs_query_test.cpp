// The job waiter's SQL and status rules against the recorded truth about CockroachDB's jobs
// (tests/fixtures/crdb-corpus/jobs.txt; STRATA_CRDB_CORPUS points elsewhere): every column the
// queries name exists, with the type the code reads it as, in crdb_internal.jobs of v19.x/20.x
// AND v23.x+ (and in information_schema.crdb_jobs_with_progress for the fallback queries); every
// job type and status literal is one the corpus lists; GC and statistics jobs are never waited on.
// Then the error texts and the progress printer, which need no server.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "dialects/cockroachdb/jobs.hpp"

namespace strata::cockroachdb {
namespace {

namespace fs = std::filesystem;
using Columns = std::map<std::string, std::string>;  // name -> type as the corpus writes it

fs::path corpus_dir() {
  if (const char* path = std::getenv("STRATA_CRDB_CORPUS")) return path;
  return fs::path(STRATA_SOURCE_DIR) / "tests/fixtures/crdb-corpus";
}

const std::string& jobs_txt() {
  static const std::string text = [] {
    std::ifstream in(corpus_dir() / "jobs.txt", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }();
  return text;
}

// The text of section "== <number>." up to the next section.
std::string section(const std::string& number) {
  const std::string& text = jobs_txt();
  const auto begin = text.find("\n== " + number + ".");
  if (begin == std::string::npos) return "";
  const auto end = text.find("\n== ", begin + 1);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// From the line starting with `label` to the next line that starts in column 0, without a
// trailing "(comment: …)".
std::string block(const std::string& text, const std::string& label) {
  auto begin = text.find("\n" + label);
  if (begin == std::string::npos) return "";
  begin += 1 + label.size();
  auto end = begin;
  while ((end = text.find('\n', end)) != std::string::npos && end + 1 < text.size() && text[end + 1] == ' ') ++end;
  std::string out = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  if (const auto comment = out.find("(comment"); comment != std::string::npos) out.resize(comment);
  return out;
}

Columns columns_in(const std::string& text, const std::regex& pattern) {
  Columns columns;
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
    columns[(*it)[1]] = (*it)[2];
  }
  return columns;
}

Columns crdb_internal_columns(const std::string& label) {
  static const std::regex pattern(
      R"(([a-z_]+) ((?:INT|STRING|FLOAT|DECIMAL|JSONB|TIMESTAMPTZ|TIMESTAMP)(?:\[\])?)(?![A-Za-z]))");
  return columns_in(block(section("2"), label), pattern);
}

Columns information_schema_columns() {
  static const std::regex pattern(R"(([a-z_]+) (bigint|text|timestamp with time zone|double precision|numeric))");
  const std::string s = section("2");
  Columns columns = columns_in(block(s, "  information_schema.crdb_jobs ("), pattern);
  for (const auto& [name, type] : columns_in(block(s, "  information_schema.crdb_jobs_with_progress:"), pattern)) {
    columns[name] = type;
  }
  return columns;
}

std::set<std::string> corpus_statuses() {
  std::set<std::string> statuses;
  static const std::regex line(R"(\n  ([a-z]+(?:-[a-z]+)?)(?=\n))");
  const std::string s = section("3");
  for (std::sregex_iterator it(s.begin(), s.end(), line), end; it != end; ++it) statuses.insert((*it)[1]);
  return statuses;
}

std::set<std::string> corpus_terminal_statuses() {
  std::smatch match;
  const std::string s = section("3");
  std::set<std::string> statuses;
  if (!std::regex_search(s, match, std::regex(R"(Terminal statuses \(Status\.Terminal\(\)\): ([a-z, -]+)\.)"))) {
    return statuses;
  }
  const std::string list = match[1];
  static const std::regex word(R"([a-z-]+)");
  for (std::sregex_iterator it(list.begin(), list.end(), word), end; it != end; ++it) statuses.insert(it->str());
  return statuses;
}

// The job types section 4 lists, one per line ("  'SCHEMA CHANGE'   legacy …").
std::set<std::string> corpus_job_types() {
  std::set<std::string> types;
  static const std::regex line(R"(\n  '([A-Z ]+)')");
  const std::string s = section("4");
  for (std::sregex_iterator it(s.begin(), s.end(), line), end; it != end; ++it) types.insert((*it)[1]);
  return types;
}

// Lower-case identifiers of a query (keywords are written in upper case), string literals and
// {placeholders} removed.
std::set<std::string> identifiers(std::string sql) {
  sql = std::regex_replace(sql, std::regex(R"('[^']*'|\{[a-z]+\})"), " ");
  std::set<std::string> names;
  static const std::regex word(R"(\b[a-z_][a-z0-9_]*\b)");
  for (std::sregex_iterator it(sql.begin(), sql.end(), word), end; it != end; ++it) names.insert(it->str());
  names.erase("current_user");  // a SQL function, on both servers
  return names;
}

std::set<std::string> literals(const std::string& sql) {
  std::set<std::string> values;
  static const std::regex literal(R"('([^']*)')");
  for (std::sregex_iterator it(sql.begin(), sql.end(), literal), end; it != end; ++it) values.insert((*it)[1]);
  return values;
}

template <typename Range>
std::set<std::string> as_set(const Range& range) {
  return std::set<std::string>(std::begin(range), std::end(range));
}

// The type the waiter reads each crdb_internal.jobs column as: job ids and descriptor ids parsed as
// integers, fraction_completed as a double, created compared with $1::TIMESTAMPTZ, the rest text.
const Columns kCrdbInternalReadAs = {
    {"job_id", "INT"},    {"job_type", "STRING"},      {"description", "STRING"},
    {"status", "STRING"}, {"created", "TIMESTAMPTZ"},  {"fraction_completed", "FLOAT"},
    {"error", "STRING"},  {"descriptor_ids", "INT[]"}, {"user_name", "STRING"},
};
const Columns kInformationSchemaReadAs = {
    {"job_id", "bigint"},
    {"job_type", "text"},
    {"owner", "text"},
    {"description", "text"},
    {"created", "timestamp with time zone"},
    {"state", "text"},
    {"error", "text"},
    {"progress_fraction", "double precision"},
};

const std::map<std::string, const char*> kCrdbInternalQueries = {
    {"kCrdbInternalProbe", job_queries::kCrdbInternalProbe},
    {"kCrdbInternalStartedSince", job_queries::kCrdbInternalStartedSince},
    {"kCrdbInternalUnfinished", job_queries::kCrdbInternalUnfinished},
    {"kCrdbInternalStates", job_queries::kCrdbInternalStates},
};
const std::map<std::string, const char*> kInformationSchemaQueries = {
    {"kInformationSchemaStartedSince", job_queries::kInformationSchemaStartedSince},
    {"kInformationSchemaUnfinished", job_queries::kInformationSchemaUnfinished},
    {"kInformationSchemaStates", job_queries::kInformationSchemaStates},
};

// ---- the corpus is read as expected (guards the parsers above)

TEST(CrdbJobsCorpus, ParsesTheRecordedColumnLists) {
  const Columns v20 = crdb_internal_columns("v19.x/20.x:");
  const Columns v23 = crdb_internal_columns("v23.x+ (index id 2708096107):");
  EXPECT_EQ(v20.size(), 16u);
  EXPECT_EQ(v23.size(), 19u);
  EXPECT_EQ(v20.at("created"), "TIMESTAMP");
  EXPECT_EQ(v23.at("created"), "TIMESTAMPTZ");
  EXPECT_EQ(v23.at("execution_errors"), "STRING[]");
  EXPECT_FALSE(v23.contains("num_runs")) << "v23.x+ dropped last_run/next_run/num_runs";
  const Columns view = information_schema_columns();
  EXPECT_EQ(view.size(), 12u);
  EXPECT_EQ(view.at("state"), "text");
  EXPECT_EQ(corpus_statuses().size(), 10u);
  EXPECT_EQ(corpus_terminal_statuses(), (std::set<std::string>{"failed", "succeeded", "canceled", "revert-failed"}));
  EXPECT_EQ(corpus_job_types(), (std::set<std::string>{"SCHEMA CHANGE", "NEW SCHEMA CHANGE", "SCHEMA CHANGE GC",
                                                       "TYPEDESC SCHEMA CHANGE"}));
}

// ---- columns

TEST(CrdbJobsQuery, EveryCrdbInternalColumnExistsWithItsTypeInV20AndV23) {
  const std::map<std::string, Columns> versions = {
      {"v19.x/20.x", crdb_internal_columns("v19.x/20.x:")},
      {"v23.x+", crdb_internal_columns("v23.x+ (index id 2708096107):")},
  };
  for (const auto& [query, sql] : kCrdbInternalQueries) {
    const auto names = identifiers(sql);
    EXPECT_FALSE(names.empty()) << query;
    for (const auto& name : names) {
      ASSERT_TRUE(kCrdbInternalReadAs.contains(name))
          << query << " names " << name << ", which the waiter does not read";
      const std::string& read_as = kCrdbInternalReadAs.at(name);
      for (const auto& [version, columns] : versions) {
        ASSERT_TRUE(columns.contains(name)) << query << ": " << name << " is not a column in " << version;
        // created was TIMESTAMP before v21; comparing it with a TIMESTAMPTZ works in both.
        const bool same = columns.at(name) == read_as || (read_as == "TIMESTAMPTZ" && columns.at(name) == "TIMESTAMP");
        EXPECT_TRUE(same) << query << ": " << name << " is " << columns.at(name) << " in " << version << ", read as "
                          << read_as;
      }
    }
  }
}

TEST(CrdbJobsQuery, TheProbeNamesEveryColumnTheOtherQueriesRead) {
  const auto probe = identifiers(job_queries::kCrdbInternalProbe);
  for (const auto& [query, sql] : kCrdbInternalQueries) {
    for (const auto& name : identifiers(sql)) EXPECT_TRUE(probe.contains(name)) << query << ": " << name;
  }
  EXPECT_EQ(probe.size(), kCrdbInternalReadAs.size());
}

TEST(CrdbJobsQuery, EveryInformationSchemaColumnExistsWithItsType) {
  const Columns view = information_schema_columns();
  for (const auto& [query, sql] : kInformationSchemaQueries) {
    for (const auto& name : identifiers(sql)) {
      ASSERT_TRUE(view.contains(name)) << query << ": " << name << " is not a column of crdb_jobs_with_progress";
      ASSERT_TRUE(kInformationSchemaReadAs.contains(name)) << query << ": " << name;
      EXPECT_EQ(view.at(name), kInformationSchemaReadAs.at(name)) << query << ": " << name;
    }
  }
}

// ---- job types and statuses

TEST(CrdbJobsQuery, WaitsForSchemaChangeJobsOnlyNeverGcNorStatistics) {
  const auto corpus = corpus_job_types();
  const auto waited = as_set(kSchemaChangeJobTypes);
  for (const auto& type : waited) EXPECT_TRUE(corpus.contains(type)) << type;
  EXPECT_FALSE(waited.contains("SCHEMA CHANGE GC"));
  for (const auto& type : waited) EXPECT_EQ(type.find("STATS"), std::string::npos) << type;
  // The corpus names the statistics job types the waiter leaves out.
  EXPECT_NE(section("4").find("CREATE STATS, AUTO CREATE STATS"), std::string::npos);
  // CockroachDB's own test matches the schema changers with job_type LIKE '%SCHEMA CHANGE' [J6]:
  // the same set, among the listed types.
  EXPECT_NE(section("3").find("job_type LIKE '%SCHEMA CHANGE'"), std::string::npos);
  for (const auto& type : corpus) EXPECT_EQ(waited.contains(type), type.ends_with("SCHEMA CHANGE")) << type;
}

TEST(CrdbJobsQuery, JobTypeAndStatusLiteralsAreTheCorpusOnes) {
  const auto types = as_set(kSchemaChangeJobTypes);
  const auto terminal = corpus_terminal_statuses();
  const std::map<std::string, std::pair<bool, bool>> expected = {
      // query: (filters job types, filters terminal statuses)
      {"kCrdbInternalStartedSince", {true, false}},
      {"kCrdbInternalUnfinished", {true, true}},
      {"kInformationSchemaStartedSince", {true, false}},
      {"kInformationSchemaUnfinished", {true, true}},
      {"kCrdbInternalStates", {false, false}},
      {"kInformationSchemaStates", {false, false}},
      {"kCrdbInternalProbe", {false, false}},
  };
  std::map<std::string, const char*> all = kCrdbInternalQueries;
  all.insert(kInformationSchemaQueries.begin(), kInformationSchemaQueries.end());
  for (const auto& [query, sql] : all) {
    const auto [filters_types, filters_statuses] = expected.at(query);
    std::set<std::string> want;
    if (filters_types) want.insert(types.begin(), types.end());
    if (filters_statuses) want.insert(terminal.begin(), terminal.end());
    EXPECT_EQ(literals(sql), want) << query;
  }
}

TEST(CrdbJobsQuery, TerminalStatusesAreTheCorpusOnes) {
  EXPECT_EQ(as_set(kTerminalStatuses), corpus_terminal_statuses());
  for (const auto& status : corpus_statuses()) {
    EXPECT_EQ(is_terminal(job_phase(status)), corpus_terminal_statuses().contains(status)) << status;
  }
}

TEST(CrdbJobsQuery, EveryCorpusStatusHasAPhase) {
  const std::map<std::string, JobPhase> expected = {
      {"pending", JobPhase::Running},        {"running", JobPhase::Running},   {"paused", JobPhase::Paused},
      {"pause-requested", JobPhase::Paused}, {"reverting", JobPhase::Undoing}, {"cancel-requested", JobPhase::Undoing},
      {"succeeded", JobPhase::Succeeded},    {"failed", JobPhase::Failed},     {"canceled", JobPhase::Failed},
      {"revert-failed", JobPhase::Failed},
  };
  EXPECT_EQ(corpus_statuses().size(), expected.size());
  for (const auto& status : corpus_statuses()) {
    ASSERT_TRUE(expected.contains(status)) << "a corpus status this test does not know: " << status;
    EXPECT_EQ(job_phase(status), expected.at(status)) << status;
  }
  EXPECT_EQ(job_phase("some-future-status"), JobPhase::Running);  // keep waiting, bounded by the timeout
}

// ---- errors and progress (no server)

JobState job(JobId id, std::string status, std::optional<double> fraction = std::nullopt, std::string error = "") {
  return JobState{id,       "SCHEMA CHANGE", "CREATE INDEX ON db.public.t (x)", std::move(status),
                  fraction, std::move(error)};
}

TEST(CrdbJobsErrors, FailedJobNamesItsIdStatementAndError) {
  const JobFailed failed(job(42, "failed", 0.5, "duplicate key value violates unique constraint"));
  const std::string text = failed.what();
  EXPECT_NE(text.find("job 42"), std::string::npos) << text;
  EXPECT_NE(text.find("CREATE INDEX ON db.public.t (x)"), std::string::npos) << text;
  EXPECT_NE(text.find("duplicate key value"), std::string::npos) << text;
  EXPECT_EQ(failed.statement(), "CREATE INDEX ON db.public.t (x)");
  EXPECT_EQ(exit_code_for(failed), ExitCode::ApplyFailed);
  EXPECT_NE(std::string(JobFailed(job(1, "reverting")).what()).find("undoing"), std::string::npos);
  EXPECT_NE(std::string(JobFailed(job(1, "canceled")).what()).find("was canceled"), std::string::npos);
  EXPECT_NE(std::string(JobFailed(job(1, "revert-failed")).what()).find("could not be undone"), std::string::npos);
}

TEST(CrdbJobsErrors, TimeoutNamesEveryUnfinishedJobAndHowToResumeAPausedOne) {
  const JobWaitTimeout timeout(std::chrono::milliseconds(90'000), {job(7, "running", 0.3), job(8, "paused")});
  const std::string text = timeout.what();
  EXPECT_NE(text.find("timed out after 1m30s"), std::string::npos) << text;
  EXPECT_NE(text.find("job 7 (SCHEMA CHANGE, running, 30%"), std::string::npos) << text;
  EXPECT_NE(text.find("job 8 (SCHEMA CHANGE, paused, resume it with RESUME JOB 8"), std::string::npos) << text;
  EXPECT_EQ(timeout.pending().size(), 2u);
}

TEST(CrdbJobsProgress, PlainLine) {
  EXPECT_EQ(format_job_progress({job(7, "running", 0.45), std::chrono::milliseconds(12'300), true, false}),
            "job 7 SCHEMA CHANGE running 45% (12s): CREATE INDEX ON db.public.t (x)");
  EXPECT_EQ(format_job_progress({job(7, "failed", std::nullopt, "boom"), std::chrono::milliseconds(5), true, true}),
            "job 7 SCHEMA CHANGE failed (5ms): CREATE INDEX ON db.public.t (x) - error: boom");
}

TEST(CrdbJobsProgress, LogPrinterWritesOnlyNews) {
  std::ostringstream out;
  const auto print = job_progress_printer(out, false);
  using std::chrono::milliseconds;
  print({job(7, "running", 0.0), milliseconds(0), true, false});        // first: printed
  print({job(7, "running", 0.05), milliseconds(500), true, false});     // same decile: not printed
  print({job(7, "running", 0.12), milliseconds(1000), true, false});    // passes 10%: printed
  print({job(7, "running", 0.13), milliseconds(61'500), true, false});  // a minute without news: printed
  print({job(7, "paused", 0.13), milliseconds(62'000), true, false});   // status change: printed
  print({job(7, "succeeded", 1.0), milliseconds(63'000), true, true});  // printed
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 5) << text;
  EXPECT_EQ(text.find("5%"), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << "no terminal control in logs";
}

TEST(CrdbJobsProgress, TerminalPrinterRedrawsOneLinePerJob) {
  std::ostringstream out;
  const auto print = job_progress_printer(out, true);
  using std::chrono::milliseconds;
  print({job(7, "running", 0.1), milliseconds(0), true, false});
  print({job(7, "running", 0.6), milliseconds(100), true, false});
  print({job(7, "succeeded", 1.0), milliseconds(200), true, true});
  EXPECT_EQ(out.str(),
            "\r\033[Kjob 7 SCHEMA CHANGE running 10% (0ms): CREATE INDEX ON db.public.t (x)"
            "\r\033[Kjob 7 SCHEMA CHANGE running 60% (100ms): CREATE INDEX ON db.public.t (x)"
            "\r\033[Kjob 7 SCHEMA CHANGE succeeded 100% (200ms): CREATE INDEX ON db.public.t (x)\n");
}

}  // namespace
}  // namespace strata::cockroachdb
