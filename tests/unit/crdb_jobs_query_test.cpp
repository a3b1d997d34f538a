// The job waiter's SQL and status rules against the recorded truth about CockroachDB's jobs: every
// column the queries name exists, with the type the code reads it as, in SHOW JOBS (and SHOW JOB)
// of every supported release of the catalogue (tests/fixtures/crdb-releases); every job type and
// status literal is one the corpus lists (tests/fixtures/crdb-corpus/jobs.txt; STRATA_CRDB_CORPUS
// points elsewhere); GC and statistics jobs are never waited on. Then the error texts and the
// progress printer, which need no server.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

// SHOW JOBS (or SHOW JOB) columns of each release in the catalogue: release -> name -> type.
std::map<std::string, Columns> catalogue_columns(const std::string& form) {
  std::map<std::string, Columns> out;
  const fs::path dir = fs::path(STRATA_SOURCE_DIR) / "tests/fixtures/crdb-releases";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const auto release = nlohmann::json::parse(in);
    Columns& columns = out[release.at("release").get<std::string>()];
    for (const auto& column : release.at("show").at(form).at("columns")) {
      columns[column.at(0).get<std::string>()] = column.at(1).get<std::string>();
    }
  }
  return out;
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

// The type the waiter reads each SHOW JOBS column as: job ids parsed as integers,
// fraction_completed as a double, created compared with $1::TIMESTAMPTZ, the rest text.
const Columns kReadAs = {
    {"job_id", "INT8"},         {"job_type", "STRING"},           {"description", "STRING"}, {"status", "STRING"},
    {"created", "TIMESTAMPTZ"}, {"fraction_completed", "FLOAT8"}, {"error", "STRING"},       {"user_name", "STRING"},
};

const std::map<std::string, const char*> kJobsQueries = {
    {"kStartedSince", job_queries::kStartedSince},
    {"kUnfinished", job_queries::kUnfinished},
    {"kStates", job_queries::kStates},
};

// ---- the corpus is read as expected (guards the parsers above)

TEST(CrdbJobsCorpus, ParsesTheRecordedStatusesAndTypes) {
  EXPECT_EQ(corpus_statuses().size(), 10u);
  EXPECT_EQ(corpus_terminal_statuses(), (std::set<std::string>{"failed", "succeeded", "canceled", "revert-failed"}));
  EXPECT_EQ(corpus_job_types(), (std::set<std::string>{"SCHEMA CHANGE", "NEW SCHEMA CHANGE", "SCHEMA CHANGE GC",
                                                       "TYPEDESC SCHEMA CHANGE"}));
}

// ---- columns, release by release

TEST(CrdbJobsQuery, EveryColumnExistsWithItsTypeInShowJobsOfEverySupportedRelease) {
  const auto releases = catalogue_columns("SHOW JOBS");
  ASSERT_GE(releases.size(), 5u);
  for (const auto& [query, sql] : kJobsQueries) {
    const auto names = identifiers(sql);
    EXPECT_FALSE(names.empty()) << query;
    for (const auto& name : names) {
      ASSERT_TRUE(kReadAs.contains(name)) << query << " names " << name << ", which the waiter does not read";
      for (const auto& [release, columns] : releases) {
        ASSERT_TRUE(columns.contains(name)) << query << ": " << name << " is not a SHOW JOBS column in " << release;
        EXPECT_EQ(columns.at(name), kReadAs.at(name)) << query << ": " << name << " in " << release;
      }
    }
  }
}

TEST(CrdbJobsQuery, ShowJobGivesTheFullDescriptionInEverySupportedRelease) {
  const auto names = identifiers(job_queries::kDescription);
  EXPECT_EQ(names, std::set<std::string>{"description"});
  for (const auto& [release, columns] : catalogue_columns("SHOW JOB")) {
    EXPECT_EQ(columns.at("description"), "STRING") << release;
  }
}

// A job is matched to the tables its description names, fully qualified as CockroachDB prints them
// (research/jobs.md section 4); names of other tables, columns and other databases do not match.
TEST(CrdbJobsQuery, DescriptionsNameTheirTables) {
  const QualifiedName orders{"public", "orders"};
  EXPECT_TRUE(description_names_table("CREATE INDEX ON shop.public.orders (x)", orders, "shop"));
  EXPECT_TRUE(description_names_table("ALTER TABLE public.orders ADD COLUMN y INT8", orders, "shop"));
  EXPECT_TRUE(description_names_table("ALTER TABLE shop.public.\"orders\" RENAME TO o2", orders, "shop"));
  EXPECT_FALSE(description_names_table("CREATE INDEX ON other.public.orders (x)", orders, "shop"));
  EXPECT_FALSE(description_names_table("CREATE INDEX ON shop.public.orders_archive (orders)", orders, "shop"));
  EXPECT_FALSE(description_names_table("CREATE INDEX ON shop.sales.orders (x)", orders, "shop"));
  EXPECT_FALSE(description_names_table("updating privileges for database 104", orders, "shop"));
  EXPECT_FALSE(description_names_table("SELECT 'shop.public.orders'", orders, "shop"));
  EXPECT_TRUE(description_names_table("DROP INDEX shop.public.orders@orders_x_idx", orders, "shop"));
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
      {"kStartedSince", {true, false}},
      {"kUnfinished", {true, true}},
      {"kStates", {false, false}},
  };
  for (const auto& [query, sql] : kJobsQueries) {
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
