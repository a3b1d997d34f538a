// Acceptance cases as data (tests/cases/<name>/): the runner creates from.yaml on the real
// server (through strata's own plan from an empty database), optionally runs setup.sql (rows
// the change must cope with), plans to to.yaml, compares the plan with plan.postgres.sql and its
// hazard kinds with hazards.txt, applies it, reads the schema back and requires an empty plan.
// A case with error.txt instead expects planning to fail with that text. A case with
// apply-error.txt expects the server to refuse a step (a hazard coming true, e.g. a NOT NULL
// column added to a table with rows): the file holds the SQLSTATE, the failing statement and the
// message; the steps before it stay applied and the failed one must leave nothing that counts
// (an invalid index or a NOT VALID constraint is ignored), so that planning again yields exactly
// the steps that did not run.
// STRATA_UPDATE_GOLDEN=1 rewrites the expected files for review in the diff (an empty
// apply-error.txt marks a new case whose apply must fail).
//
// Every case runs on PostgreSQL, and on the CockroachDB of STRATA_TEST_CRDB_URL when one is given
// (skipped, saying so, when not). On CockroachDB the dialect is the one strata detects on the
// server (its release); the plan is compared with plan.cockroachdb.sql, hazards with
// hazards.cockroachdb.txt (or hazards.txt), a planning error with error.cockroachdb.txt (or
// error.txt), a refused step with apply-error.cockroachdb.txt when the case has one (else any
// DatabaseError counts), rows with setup.cockroachdb.sql (or setup.sql). Those goldens are written
// by crdb_cases_test, which plans without a server; this leg only compares. A case that declares
// regions needs a multi-region cluster and is skipped there, saying so; a case with
// cockroachdb-only.txt (the reason) is skipped on PostgreSQL, one with postgres-only.txt (a
// from.yaml CockroachDB cannot hold; crdb_cases_test checks the refusal) on CockroachDB.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "engine/db/live_schema.hpp"
#include "engine/exec/executor.hpp"
#include "strata/diff.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"
#include "support/case_files.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using testing::expect_golden;
using testing::hazard_lines;
using testing::load_case;
using testing::read_file;
using testing::Server;
using testing::updating_golden;

const fs::path kCases = fs::path(STRATA_SOURCE_DIR) / "tests/cases";

// The file a server compares with: `<stem>.cockroachdb.<ext>` on CockroachDB where the case has
// one, else the shared `<stem>.<ext>`.
fs::path golden_for(const fs::path& dir, Server server, const std::string& stem, const std::string& ext) {
  const fs::path own = dir / (stem + ".cockroachdb." + ext);
  if (server == Server::cockroachdb && fs::exists(own)) return own;
  return dir / (stem + "." + ext);
}

// On PostgreSQL the goldens are this test's own (STRATA_UPDATE_GOLDEN=1 rewrites them); on
// CockroachDB they belong to crdb_cases_test and are only compared.
void expect_file(Server server, const fs::path& path, const std::string& actual) {
  if (server == Server::postgres) return expect_golden(path, actual);
  ASSERT_TRUE(fs::exists(path)) << path << " is missing";
  EXPECT_EQ(actual, read_file(path)) << "for " << path;
}

// The live schema as strata plan reads it to compare with `declared`: in the namespaces that
// `declared` uses and public, asking the server how it prints declared views.
Schema live_schema(Connection& connection, const ServerDialect& dialect, const Schema& declared) {
  return read_live(connection, dialect, declared);
}

// What apply-error.txt holds.
std::string apply_error_text(const DatabaseError& error) {
  return "sqlstate: " + error.sqlstate() + "\nstatement: " + error.statement() + "\nmessage: " + error.what() + "\n";
}

// The statements of steps [first, end) of a plan, one block per step, for comparing what is left.
std::string steps_from(const Plan& plan, std::size_t first) {
  std::string out;
  for (std::size_t i = first; i < plan.steps.size(); ++i) {
    out += "-- " + plan.steps[i].description + "\n";
    for (const auto& statement : plan.steps[i].statements) out += statement + ";\n";
  }
  return out;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

using CaseParam = std::tuple<Server, std::string>;

class Acceptance : public ::testing::TestWithParam<CaseParam> {};

TEST_P(Acceptance, PlansAppliesAndConverges) {
  const auto& [server, name] = GetParam();
  const fs::path dir = kCases / name;
  if (server == Server::postgres && fs::exists(dir / "cockroachdb-only.txt")) {
    GTEST_SKIP() << "not run on PostgreSQL: " << read_file(dir / "cockroachdb-only.txt");
  }
  if (server == Server::cockroachdb) STRATA_REQUIRE_CRDB();
  if (server == Server::cockroachdb && fs::exists(dir / "postgres-only.txt")) {
    GTEST_SKIP() << "not run on CockroachDB: " << read_file(dir / "postgres-only.txt");
  }
  const Schema from = load_case(dir, "from.yaml");
  const Schema to = load_case(dir, "to.yaml");
  if (server == Server::cockroachdb && (!from.database.regions.empty() || !to.database.regions.empty())) {
    GTEST_SKIP() << "not run on this CockroachDB: the case declares regions, which need a multi-region cluster";
  }
  testing::TestDatabase db(server);
  Connection connection(db.url());
  const auto dialect = detect_dialect(connection);
  execute_plan(connection, plan_changes(Schema{}, from, *dialect), {});
  if (const fs::path setup = golden_for(dir, server, "setup", "sql"); fs::exists(setup)) {
    connection.exec(read_file(setup));
  }

  // The live `from` must itself plan empty against its declaration.
  ASSERT_TRUE(plan_changes(live_schema(connection, *dialect, from), from, *dialect).empty())
      << plan_to_text(plan_changes(live_schema(connection, *dialect, from), from, *dialect));

  Plan plan;
  try {
    plan = plan_changes(live_schema(connection, *dialect, to), to, *dialect);
  } catch (const PlanError& error) {
    const fs::path expected = golden_for(dir, server, "error", "txt");
    ASSERT_TRUE(fs::exists(expected) || (server == Server::postgres && updating_golden()))
        << "planning failed: " << error.what();
    expect_file(server, expected, std::string(error.what()) + "\n");
    return;
  }
  ASSERT_FALSE(fs::exists(golden_for(dir, server, "error", "txt"))) << "expected planning to fail";
  expect_file(server, dir / (server == Server::postgres ? "plan.postgres.sql" : "plan.cockroachdb.sql"),
              plan_to_sql(plan));
  expect_file(server, golden_for(dir, server, "hazards", "txt"), hazard_lines(plan));
  // Same input, same plan, byte for byte.
  EXPECT_EQ(plan_to_sql(plan_changes(live_schema(connection, *dialect, to), to, *dialect)), plan_to_sql(plan));

  if (fs::exists(dir / "apply-error.txt")) {
    const fs::path expected = golden_for(dir, server, "apply-error", "txt");
    std::size_t done = 0;
    ExecutorOptions options;
    options.after_step = [&](const Step&) { ++done; };
    try {
      execute_plan(connection, plan, options);
      ADD_FAILURE() << "expected applying the plan to fail (apply-error.txt)";
    } catch (const DatabaseError& error) {
      // CockroachDB's words differ from PostgreSQL's: they are compared only where the case records them.
      if (server == Server::postgres || expected != dir / "apply-error.txt") {
        expect_file(server, expected, apply_error_text(error));
      }
      // The failed step left nothing behind: what remains to do is that step and the ones after it.
      const Plan rest = plan_changes(live_schema(connection, *dialect, to), to, *dialect);
      EXPECT_EQ(steps_from(rest, 0), steps_from(plan, done)) << "after the failed step " << done + 1;
    }
    return;
  }
  execute_plan(connection, plan, {});
  const Plan after = plan_changes(live_schema(connection, *dialect, to), to, *dialect);
  EXPECT_TRUE(after.empty()) << "after applying, the plan is not empty:\n" << plan_to_text(after);
}

INSTANTIATE_TEST_SUITE_P(Cases, Acceptance,
                         ::testing::Combine(::testing::Values(Server::postgres, Server::cockroachdb),
                                            ::testing::ValuesIn(case_names())),
                         [](const ::testing::TestParamInfo<CaseParam>& info) {
                           std::string name =
                               testing::to_string(std::get<0>(info.param)) + "_" + std::get<1>(info.param);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace strata
