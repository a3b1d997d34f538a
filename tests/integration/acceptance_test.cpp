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
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/db/connection.hpp"
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
using testing::updating_golden;

const fs::path kCases = fs::path(STRATA_SOURCE_DIR) / "tests/cases";

Schema live_schema(Connection& connection, const ServerDialect& dialect) {
  return dialect.introspect(connection, {});
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

class Acceptance : public ::testing::TestWithParam<std::string> {};

TEST_P(Acceptance, PlansAppliesAndConverges) {
  const fs::path dir = kCases / GetParam();
  const auto dialect = std::make_unique<postgres::PostgresDialect>();
  const Schema from = load_case(dir, "from.yaml");
  const Schema to = load_case(dir, "to.yaml");
  testing::TestDatabase db;
  Connection connection(db.url());
  execute_plan(connection, plan_changes(Schema{}, from, *dialect), {});
  if (fs::exists(dir / "setup.sql")) connection.exec(read_file(dir / "setup.sql"));

  // The live `from` must itself plan empty against its declaration.
  ASSERT_TRUE(plan_changes(live_schema(connection, *dialect), from, *dialect).empty())
      << plan_to_text(plan_changes(live_schema(connection, *dialect), from, *dialect));

  Plan plan;
  try {
    plan = plan_changes(live_schema(connection, *dialect), to, *dialect);
  } catch (const PlanError& error) {
    ASSERT_TRUE(fs::exists(dir / "error.txt")) << "planning failed: " << error.what();
    expect_golden(dir / "error.txt", std::string(error.what()) + "\n");
    return;
  }
  ASSERT_FALSE(fs::exists(dir / "error.txt")) << "expected planning to fail";
  expect_golden(dir / "plan.postgres.sql", plan_to_sql(plan));
  expect_golden(dir / "hazards.txt", hazard_lines(plan));
  // Same input, same plan, byte for byte.
  EXPECT_EQ(plan_to_sql(plan_changes(live_schema(connection, *dialect), to, *dialect)), plan_to_sql(plan));

  if (fs::exists(dir / "apply-error.txt")) {
    std::size_t done = 0;
    ExecutorOptions options;
    options.after_step = [&](const Step&) { ++done; };
    try {
      execute_plan(connection, plan, options);
      ADD_FAILURE() << "expected applying the plan to fail (apply-error.txt)";
    } catch (const DatabaseError& error) {
      expect_golden(dir / "apply-error.txt", apply_error_text(error));
      // The failed step left nothing behind: what remains to do is that step and the ones after it.
      const Plan rest = plan_changes(live_schema(connection, *dialect), to, *dialect);
      EXPECT_EQ(steps_from(rest, 0), steps_from(plan, done)) << "after the failed step " << done + 1;
    }
    return;
  }
  execute_plan(connection, plan, {});
  const Plan after = plan_changes(live_schema(connection, *dialect), to, *dialect);
  EXPECT_TRUE(after.empty()) << "after applying, the plan is not empty:\n" << plan_to_text(after);
}

INSTANTIATE_TEST_SUITE_P(Cases, Acceptance, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace strata
