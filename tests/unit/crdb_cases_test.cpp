// The acceptance cases (tests/cases/<name>/) through the CockroachDB dialect, without a server.
//
// Goldens: each case plans from.yaml -> to.yaml with the CockroachDB dialect and compares the plan
// with plan.cockroachdb.sql; its hazard kinds with hazards.cockroachdb.txt where that file exists
// (it exists only where the kinds differ from PostgreSQL's hazards.txt); a planning error with
// error.cockroachdb.txt, or with error.txt where the message is the same. STRATA_UPDATE_GOLDEN=1
// rewrites them (and removes a hazards.cockroachdb.txt that says what hazards.txt says).
//
// Round trip: the CockroachDB DDL parser (the introspection path, which also reads ALTER
// statements) stands in for the server. from.yaml's CREATE statements, as the CockroachDB emitter
// writes them, are read back and must plan empty against from.yaml; then the plan's statements are
// applied to that model and the result, normalised, must plan empty against to.yaml. Cases that
// cannot make the trip are listed in kNoRoundTrip with the reason, and the test checks that they
// still fail (a fixed one must leave the list).
//
// The goldens plan for the oldest supported release (v24.3). Every statement form in them is a form
// of the release catalogue (tests/fixtures/crdb-releases) for every supported release, which
// crdb_release_facts_test holds against dialects/cockroachdb/releases.hpp; the emitter refuses a
// form a server's release lacks. The forms:
//   CREATE TABLE with `NULL`/`NOT NULL`, DEFAULT, ON UPDATE, `AS (expr) STORED|VIRTUAL`, GENERATED … AS
//   IDENTITY, NOT VISIBLE, CONSTRAINT … PRIMARY KEY / UNIQUE / CHECK, FAMILY name (…), LOCALITY; the model's
//   "integer" written int4 (CockroachDB's INTEGER is INT8). CREATE [UNIQUE] [INVERTED] INDEX …
//   [USING HASH WITH (bucket_count = n)] [STORING (…)] [WHERE …], never CONCURRENTLY (indexes are
//   built online; the word is only accepted). CREATE TYPE … AS ENUM; ALTER TYPE … ADD VALUE …
//   [BEFORE …] and DROP VALUE; reordering values is refused (error.cockroachdb.txt). CREATE /
//   ALTER SEQUENCE … AS … INCREMENT BY … MINVALUE … MAXVALUE … START WITH … CACHE …; CYCLE is
//   refused. ALTER TABLE ADD COLUMN [… CREATE IF NOT EXISTS FAMILY name], DROP COLUMN, RENAME [COLUMN], RENAME TO, DROP
//   CONSTRAINT, ADD CONSTRAINT … UNIQUE | CHECK | FOREIGN KEY (validated as added: no NOT VALID + VALIDATE CONSTRAINT;
//   DEFERRABLE is refused, cockroachdb/cockroach#31632). A declared primary key changes with `DROP CONSTRAINT old, ADD
//   CONSTRAINT new PRIMARY KEY (…)` (ALTER PRIMARY KEY would keep the old key as a unique index), the hidden rowid key
//   with ALTER PRIMARY KEY USING COLUMNS. ALTER COLUMN SET | DROP DEFAULT, SET | DROP ON UPDATE, SET | DROP NOT NULL,
//   SET [NOT] VISIBLE, ADD GENERATED … AS IDENTITY (then setval past the rows' values), SET GENERATED …, DROP IDENTITY,
//   SET DATA TYPE: a conversion CockroachDB does not call trivial (schemachange.ClassifyConversion) is preceded by `SET
//   enable_experimental_alter_column_type_general = true`, and USING is added only where no assignment cast exists
//   (USING always backfills). DROP INDEX t@i, with CASCADE for a unique index (one made by a UNIQUE constraint refuses
//   a plain DROP INDEX); ALTER INDEX t@i RENAME TO, also for a primary key or unique constraint (both are indexes).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/ddl/parser.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"
#include "support/case_files.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using testing::expect_golden;
using testing::hazard_lines;
using testing::load_case;
using testing::read_file;
using testing::updating_golden;

const fs::path kCases = fs::path(STRATA_SOURCE_DIR) / "tests/cases";

// Cases whose plan the parser cannot follow to an empty re-plan, and why.
const std::map<std::string, std::string> kNoRoundTrip = {
    {"sequence-altered",
     "from.yaml declares a CYCLE sequence, which CockroachDB does not have: the emitter refuses to create it"},
};

cockroachdb::CockroachDialect dialect() {
  return cockroachdb::CockroachDialect("shop", cockroachdb::kOldestSupported);
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The plan, or the PlanError's message.
struct Planned {
  Plan plan;
  std::string error;
};

Planned plan_case(const fs::path& dir) {
  Planned out;
  try {
    out.plan = plan_changes(load_case(dir, "from.yaml"), load_case(dir, "to.yaml"), dialect());
  } catch (const PlanError& error) {
    out.error = std::string(error.what()) + "\n";
  }
  return out;
}

class CrdbCases : public ::testing::TestWithParam<std::string> {};

TEST_P(CrdbCases, PlanMatchesGoldens) {
  const fs::path dir = kCases / GetParam();
  const Planned planned = plan_case(dir);
  const fs::path own_error = dir / "error.cockroachdb.txt";
  if (!planned.error.empty()) {
    if (updating_golden()) {
      // The PostgreSQL golden serves when the message is the same.
      if (fs::exists(dir / "error.txt") && read_file(dir / "error.txt") == planned.error) {
        fs::remove(own_error);
      } else {
        expect_golden(own_error, planned.error);
      }
      return;
    }
    const fs::path expected = fs::exists(own_error) ? own_error : dir / "error.txt";
    ASSERT_TRUE(fs::exists(expected)) << "planning failed: " << planned.error;
    EXPECT_EQ(planned.error, read_file(expected)) << "for " << expected;
    return;
  }
  ASSERT_FALSE(fs::exists(own_error)) << "expected planning to fail: " << read_file(own_error);
  expect_golden(dir / "plan.cockroachdb.sql", plan_to_sql(planned.plan));
  EXPECT_EQ(planned.plan.dialect, "cockroachdb");
  // Same input, same plan, byte for byte.
  EXPECT_EQ(plan_to_sql(plan_case(dir).plan), plan_to_sql(planned.plan));

  const fs::path own_hazards = dir / "hazards.cockroachdb.txt";
  const std::string hazards = hazard_lines(planned.plan);
  const bool same_as_postgres = fs::exists(dir / "hazards.txt") && read_file(dir / "hazards.txt") == hazards;
  if (updating_golden()) {
    if (same_as_postgres) {
      fs::remove(own_hazards);
    } else {
      expect_golden(own_hazards, hazards);
    }
    return;
  }
  if (fs::exists(own_hazards)) {
    EXPECT_EQ(hazards, read_file(own_hazards)) << "for " << own_hazards;
    EXPECT_FALSE(same_as_postgres) << own_hazards << " says what hazards.txt says: remove it";
  } else {
    ASSERT_TRUE(fs::exists(dir / "hazards.txt")) << "no hazards golden";
    EXPECT_EQ(hazards, read_file(dir / "hazards.txt"))
        << "for hazards.txt (STRATA_UPDATE_GOLDEN=1 writes " << own_hazards.filename() << ")";
  }
}

// ---- the round trip

std::string joined(const std::vector<std::string>& statements) {
  std::string sql;
  for (const auto& statement : statements) sql += statement + ";\n";
  return sql;
}

std::vector<std::string> plan_statements(const Plan& plan) {
  std::vector<std::string> out;
  for (const auto& step : plan.steps) out.insert(out.end(), step.statements.begin(), step.statements.end());
  return out;
}

// Runs `sql` through the CockroachDB DDL parser on top of `schema`; returns the error, if any.
std::string read_into(const std::string& sql, Schema& schema) {
  cockroachdb::ParseOptions options;
  options.database = "shop";
  try {
    cockroachdb::apply_ddl(sql, schema, options);
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

// Why the trip failed, or "" when it arrived: from.yaml created and read back, the plan applied
// to it and read back, each planning empty against its declaration.
std::string round_trip(const fs::path& dir) {
  const auto d = dialect();
  const Schema from = load_case(dir, "from.yaml");
  const Schema to = load_case(dir, "to.yaml");
  Schema live;
  std::vector<std::string> create;
  try {
    create = create_statements(from, d);
  } catch (const PlanError& error) {
    return std::string("creating from.yaml: ") + error.what();
  }
  if (auto error = read_into(joined(create), live); !error.empty()) return "reading from.yaml's CREATE: " + error;
  if (Plan left = plan_changes(live, from, d); !left.empty()) {
    return "from.yaml read back does not plan empty:\n" + plan_to_text(left);
  }
  const Planned planned = plan_case(dir);
  if (!planned.error.empty()) return "";  // planning refuses: nothing to apply
  if (auto error = read_into(joined(plan_statements(planned.plan)), live); !error.empty()) {
    return "reading the plan: " + error;
  }
  if (Plan left = plan_changes(live, to, d); !left.empty()) {
    return "after the plan, to.yaml does not plan empty:\n" + plan_to_text(left);
  }
  return "";
}

TEST_P(CrdbCases, PlanAppliedToTheParsedFromSchemaPlansEmpty) {
  if (fs::exists(kCases / GetParam() / "postgres-only.txt")) {
    // Its from.yaml is refused (PlanMatchesGoldens checks how): there is nothing to round-trip.
    EXPECT_NE(round_trip(kCases / GetParam()).find("creating from.yaml: "), std::string::npos);
    return;
  }
  const std::string failure = round_trip(kCases / GetParam());
  const auto listed = kNoRoundTrip.find(GetParam());
  if (listed == kNoRoundTrip.end()) {
    EXPECT_EQ(failure, "");
  } else {
    EXPECT_NE(failure, "") << "the case now round-trips: remove it from kNoRoundTrip (" << listed->second << ")";
  }
}

TEST(CrdbCasesList, EveryListedCaseExists) {
  const auto names = case_names();
  EXPECT_GT(names.size(), 60u);
  for (const auto& [name, reason] : kNoRoundTrip) {
    EXPECT_TRUE(std::find(names.begin(), names.end(), name) != names.end()) << name;
    EXPECT_FALSE(reason.empty()) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, CrdbCases, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace strata
