// The CockroachDB dialect without a server: what it emits, read back by the parser that reads
// CockroachDB's own catalog, is the declared schema again; every statement form it emits for
// multi-region changes is one CockroachDB's tests ran successfully (crdb-corpus/locality_ddl.txt);
// the forms CockroachDB rejects are refused before any SQL.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/ddl/parser.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = STRATA_SOURCE_DIR;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

cockroachdb::CockroachDialect dialect() {
  return cockroachdb::CockroachDialect("shop", cockroachdb::kOldestSupported);
}

// Emits the schema as CockroachDB DDL, then reads that DDL back the way introspection reads
// CockroachDB's catalog.
Schema through_cockroach(const Schema& declared) {
  const auto d = dialect();
  std::string sql;
  for (const auto& statement : create_statements(declared, d)) sql += statement + ";\n";
  Schema read_back;
  cockroachdb::ParseOptions options;
  options.database = "shop";
  // The database's regions come from SHOW DATABASES on a server; here from the ALTER DATABASE lines.
  cockroachdb::apply_ddl(sql, read_back, options);
  return read_back;
}

TEST(CrdbDialect, ParsesServerVersions) {
  EXPECT_EQ(cockroachdb::parse_version("CockroachDB CCL v23.2.1 (x86_64-pc-linux-gnu, built 2024/01/01)"),
            (cockroachdb::Version{23, 2}));
  EXPECT_EQ(cockroachdb::parse_version("CockroachDB OSS v21.1.0-beta.3 (x86_64)"), (cockroachdb::Version{21, 1}));
  EXPECT_EQ(cockroachdb::parse_version("PostgreSQL 15.18"), (cockroachdb::Version{}));
}

class CrdbRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(CrdbRoundTrip, EmittedDdlReadsBackAsTheDeclaredSchema) {
  const auto d = dialect();
  Schema declared = load_schema({(kSource / GetParam()).string()});
  Schema live = through_cockroach(declared);
  d.normalize(declared);
  d.normalize(live);
  declared.database.name = live.database.name;
  EXPECT_EQ(live.tables.size(), declared.tables.size());
  if (!declared.database.regions.empty()) {
    // The multi-region parts really made the trip (not two empty sides).
    EXPECT_EQ(live.database.regions.size(), 3u);
    EXPECT_TRUE(live.find_table({"public", "users"})->locality.has_value());
    EXPECT_EQ(live.find_table({"public", "orders"})->indexes.size(), 4u);
  }
  EXPECT_EQ(live, declared) << "--- declared:\n" << describe(declared) << "--- read back:\n" << describe(live);
  // And so the plan from what was read back to the declaration is empty.
  Schema raw = load_schema({(kSource / GetParam()).string()});
  EXPECT_TRUE(plan_changes(through_cockroach(raw), raw, d).empty())
      << plan_to_text(plan_changes(through_cockroach(raw), raw, d));
}

INSTANTIATE_TEST_SUITE_P(Schemas, CrdbRoundTrip, ::testing::Values("examples/shop", "tests/schemas/cockroachdb.yaml"),
                         [](const auto& info) { return std::string(info.index == 0 ? "shop" : "multi_region"); });

// A statement's form: names, regions and literals replaced, case and spacing folded.
std::string form_of(std::string sql) {
  sql = std::regex_replace(sql, std::regex("\"[^\"]*\""), "R");
  sql = std::regex_replace(sql, std::regex("'[^']*'"), "V");
  std::transform(sql.begin(), sql.end(), sql.begin(), [](unsigned char c) { return std::toupper(c); });
  sql = std::regex_replace(sql, std::regex("^(ALTER DATABASE|ALTER TABLE) [A-Z0-9_.]+"), "$1 N");
  sql = std::regex_replace(sql, std::regex(" AS [A-Z0-9_]+$"), " AS R");
  sql = std::regex_replace(sql, std::regex("\\s+"), " ");
  while (!sql.empty() && (sql.back() == ';' || sql.back() == ' ')) sql.pop_back();
  return sql;
}

// The forms of the statements CockroachDB accepted in its tests.
std::set<std::string> accepted_forms() {
  std::set<std::string> forms;
  const std::string corpus = read(kSource / "tests/fixtures/crdb-corpus/locality_ddl.txt");
  std::istringstream lines(corpus);
  std::string line, status;
  bool in_sql = false;
  while (std::getline(lines, line)) {
    if (line == "%%") {
      in_sql = false;
      status.clear();
      continue;
    }
    if (line.rfind("status: ", 0) == 0) status = line.substr(8);
    if (in_sql && status == "ok" && (line.rfind("ALTER", 0) == 0 || line.rfind("alter", 0) == 0)) {
      forms.insert(form_of(line));
    }
    if (line == "sql:") in_sql = true;
  }
  return forms;
}

TEST(CrdbDialect, EveryMultiRegionStatementFormIsOneCockroachDbAccepted) {
  const auto forms = accepted_forms();
  ASSERT_GT(forms.size(), 10u);
  const auto d = dialect();
  const QualifiedName t{"public", "t"};
  const std::vector<Change> changes = {
      SetPrimaryRegion{"", "us-east1"},
      SetPrimaryRegion{"us-east1", "europe-west1"},
      AddRegion{"asia-east1"},
      DropRegion{"asia-east1", false},
      SetSurvivalGoal{std::nullopt, SurvivalGoal::Region},
      SetSurvivalGoal{SurvivalGoal::Region, SurvivalGoal::Zone},
      SetLocality{t, std::nullopt, Locality{LocalityKind::Global, "", ""}},
      SetLocality{t, std::nullopt, Locality{LocalityKind::RegionalByTable, "", ""}},
      SetLocality{t, std::nullopt, Locality{LocalityKind::RegionalByTable, "europe-west1", ""}},
      SetLocality{t, std::nullopt, Locality{LocalityKind::RegionalByRow, "", ""}},
      SetLocality{t, std::nullopt, Locality{LocalityKind::RegionalByRow, "", "cr"}},
      SetLocality{t, Locality{LocalityKind::Global, "", ""}, std::nullopt},
  };
  for (const auto& change : changes) {
    for (const auto& statement : d.emit(change).statements) {
      EXPECT_TRUE(forms.count(form_of(statement)) > 0)
          << statement << "\n  has the form " << form_of(statement) << ", which no accepted statement has";
    }
  }
}

Schema multi_region(const std::string& tables) {
  return load_schema_text("database: { primary_region: us-east1, regions: [us-east1, europe-west1] }\n" + tables,
                          "t.yaml");
}

TEST(CrdbDialect, RefusesWhatCockroachDbRejectsBeforeAnySql) {
  const auto d = dialect();
  // L-001/L-002: a locality in a database without regions.
  EXPECT_THROW(
      plan_changes(Schema{},
                   load_schema_text("tables:\n  t:\n    columns: {id: int}\n    locality: global\n", "t.yaml"), d),
      PlanError);
  // Surviving a region failure needs three regions.
  EXPECT_THROW(
      plan_changes(Schema{},
                   load_schema_text("database: {primary_region: a, regions: [a, b], survive: region}\n", "t.yaml"), d),
      PlanError);
  // REGIONAL BY TABLE IN a region the database does not have.
  EXPECT_THROW(
      plan_changes(
          Schema{},
          multi_region("tables:\n  t:\n    columns: {id: int}\n    locality: {kind: regional_by_table, in: mars}\n"),
          d),
      PlanError);
  // REGIONAL BY ROW on a crdb_region column that is not of the region type.
  EXPECT_THROW(
      plan_changes(
          Schema{},
          multi_region("tables:\n  t:\n    columns: {id: int, crdb_region: int}\n    locality: regional_by_row\n"), d),
      PlanError);
  // A DEFERRABLE foreign key (cockroachdb/cockroach#31632).
  EXPECT_THROW(plan_changes(Schema{},
                            load_schema_text("tables:\n  p:\n    columns: {id: int}\n    primary_key: [id]\n"
                                             "  c:\n    columns: {id: int, p: int}\n    primary_key: [id]\n"
                                             "    foreign_keys:\n      - {columns: [p], references: p, "
                                             "deferrable: true}\n",
                                             "t.yaml"),
                            d),
               PlanError);
  // A hash-sharded primary key on the REGIONAL BY ROW column (cockroachdb/cockroach#147129).
  EXPECT_THROW(plan_changes(Schema{},
                            multi_region("tables:\n  t:\n    columns: {id: int, home: crdb_internal_region}\n"
                                         "    primary_key: {columns: [home, id], sharded: 8}\n"
                                         "    locality: {kind: regional_by_row, as: home}\n"),
                            d),
               PlanError);
  // A declared crdb_internal_region enum.
  EXPECT_THROW(plan_changes(Schema{}, multi_region("enums:\n  crdb_internal_region: [us-east1]\n"), d), PlanError);
  // Accepted: a proper REGIONAL BY ROW AS table, also with its region column in an unsharded key.
  EXPECT_NO_THROW(plan_changes(Schema{},
                               multi_region("tables:\n  t:\n    columns: {id: int, home: crdb_internal_region}\n"
                                            "    primary_key: {columns: [home, id]}\n"
                                            "    locality: {kind: regional_by_row, as: home}\n"),
                               d));
  EXPECT_NO_THROW(plan_changes(Schema{},
                               multi_region("tables:\n  t:\n    columns: {id: int, home: crdb_internal_region}\n    "
                                            "locality: {kind: regional_by_row, as: home}\n"),
                               d));
}

// A renamed column is renamed in a UNIQUE WITHOUT INDEX predicate and a TTL expression too: the
// plan renames the column and changes neither.
TEST(CrdbDialect, AColumnRenameReachesPredicatesAndTheTtlExpression) {
  const auto d = dialect();
  const Schema from = load_schema_text(
      "tables:\n  t:\n    columns: {id: int, b: int, e: timestamptz}\n    primary_key: [id]\n"
      "    unique:\n      - {name: u, columns: [id], without_index: true, where: b > 0}\n"
      "    ttl: {expiration_expression: e}\n",
      "from.yaml");
  const Schema to = load_schema_text(
      "tables:\n  t:\n    columns: {id: int, c: {type: int, renamed_from: b}, f: {type: timestamptz, renamed_from: "
      "e}}\n    primary_key: [id]\n"
      "    unique:\n      - {name: u, columns: [id], without_index: true, where: c > 0}\n"
      "    ttl: {expiration_expression: f}\n",
      "to.yaml");
  const auto changes = plan_changes(from, to, d);
  ASSERT_EQ(changes.steps.size(), 2u) << plan_to_text(changes);
  for (const auto& step : changes.steps) EXPECT_NE(step.description.find("rename column"), std::string::npos);
}

TEST(CrdbDialect, RefusesARewritingTypeChangeOfAnIndexedColumnBeforeAnySql) {
  const auto d = dialect();
  const std::string live =
      "tables:\n  t:\n    columns: {id: int4, code: int4, note: int4}\n    primary_key: [id]\n"
      "    indexes:\n      - {name: t_code, columns: [code]}\n";
  auto with = [](std::string yaml, const std::string& from, const std::string& to) {
    yaml.replace(yaml.find(from), from.size(), to);
    return load_schema_text(yaml, "to.yaml");
  };
  const Schema before = load_schema_text(live, "live.yaml");
  // cockroachdb/cockroach#47636: a rewrite of a column in an index is refused, naming the index.
  try {
    plan_changes(before, with(live, "code: int4", "code: text"), d);
    FAIL() << "no PlanError";
  } catch (const PlanError& error) {
    EXPECT_THAT(error.what(), ::testing::HasSubstr("index t_code"));
    EXPECT_THAT(error.what(), ::testing::HasSubstr("47636"));
  }
  EXPECT_THROW(plan_changes(before, with(live, "id: int4", "id: text"), d), PlanError) << "the primary key";
  // Not indexed, or a change CockroachDB makes in place (a wider integer): planned.
  EXPECT_NO_THROW(plan_changes(before, with(live, "note: int4", "note: text"), d));
  EXPECT_NO_THROW(plan_changes(before, with(live, "code: int4", "code: int8"), d));
}

TEST(CrdbDialect, PrimaryKeyChangesSwapTheKeyAndAreHazards) {
  const auto d = dialect();
  // A declared key is swapped in one statement (ALTER PRIMARY KEY would keep the old one as a
  // unique index); the hidden rowid key is replaced with ALTER PRIMARY KEY.
  const SetPrimaryKey change{
      {"public", "t"}, PrimaryKey{"t_pkey", {"id"}, {}}, PrimaryKey{"t_pkey", {"tenant", "id"}, {}}};
  const auto sql = d.emit(change);
  ASSERT_EQ(sql.statements.size(), 1u);
  EXPECT_EQ(sql.statements[0], "ALTER TABLE t DROP CONSTRAINT t_pkey, ADD CONSTRAINT t_pkey PRIMARY KEY (tenant, id)");
  EXPECT_FALSE(sql.transactional);
  const auto from_rowid = d.emit(SetPrimaryKey{{"public", "t"}, std::nullopt, PrimaryKey{"t_pkey", {"id"}, {}}});
  EXPECT_EQ(from_rowid.statements, std::vector<std::string>{"ALTER TABLE t ALTER PRIMARY KEY USING COLUMNS (id)"});
  bool hazard = false;
  for (const auto& h : d.hazards(change)) hazard = hazard || h.kind == HazardKind::PrimaryKeyChange;
  EXPECT_TRUE(hazard);
}

TEST(CrdbDialect, RegionalByRowConversionAndRegionDropAreHazards) {
  const auto d = dialect();
  auto kinds = [&](const Change& change) {
    std::set<HazardKind> out;
    for (const auto& h : d.hazards(change)) out.insert(h.kind);
    return out;
  };
  EXPECT_TRUE(kinds(SetLocality{{"public", "t"}, std::nullopt, Locality{LocalityKind::RegionalByRow, "", ""}})
                  .count(HazardKind::RegionalByRow));
  EXPECT_FALSE(kinds(SetLocality{{"public", "t"}, std::nullopt, Locality{LocalityKind::Global, "", ""}})
                   .count(HazardKind::RegionalByRow));
  EXPECT_TRUE(kinds(DropRegion{"asia-east1", false}).count(HazardKind::RegionDrop));
}

// SET DATA TYPE: CockroachDB changes a wider integer, string or decimal in place; any other
// conversion needs enable_experimental_alter_column_type_general; USING only where no assignment
// cast exists (it always backfills); the model's "integer" is INT4 (CockroachDB's INTEGER is INT8).
TEST(CrdbDialect, TypeChangesSetTheExperimentalSettingAndUsingOnlyWhereNeeded) {
  const auto d = dialect();
  auto sql = [&](const std::string& from, const std::string& to) {
    Column a, b;
    a.name = b.name = "c";
    a.type = from;
    b.type = to;
    const AlterColumn change{{"public", "t"}, a, b, kColumnType};
    std::string out;
    for (const auto& statement : d.emit(change).statements) out += statement + ";";
    return out;
  };
  const std::string flag = "SET enable_experimental_alter_column_type_general = true;";
  EXPECT_EQ(sql("varchar(20)", "varchar(50)"), "ALTER TABLE t ALTER COLUMN c SET DATA TYPE varchar(50);");
  EXPECT_EQ(sql("integer", "bigint"), "ALTER TABLE t ALTER COLUMN c SET DATA TYPE bigint;");
  EXPECT_EQ(sql("numeric(10,2)", "numeric(12,2)"), "ALTER TABLE t ALTER COLUMN c SET DATA TYPE numeric(12,2);");
  EXPECT_EQ(sql("text", "varchar(10)"), flag + "ALTER TABLE t ALTER COLUMN c SET DATA TYPE varchar(10);");
  EXPECT_EQ(sql("bigint", "integer"), flag + "ALTER TABLE t ALTER COLUMN c SET DATA TYPE int4;");
  EXPECT_EQ(sql("numeric(6,3)", "double precision"),
            flag + "ALTER TABLE t ALTER COLUMN c SET DATA TYPE double precision;");
  EXPECT_EQ(sql("text", "bigint"), flag + "ALTER TABLE t ALTER COLUMN c SET DATA TYPE bigint USING c::bigint;");
  EXPECT_EQ(sql("integer[]", "text[]"), flag + "ALTER TABLE t ALTER COLUMN c SET DATA TYPE text[] USING c::text[];");
}

// A unique index that a UNIQUE constraint made refuses a plain DROP INDEX ("index … is in use as
// unique constraint"), and the catalog does not tell them apart: every unique index goes with
// CASCADE. And a unique constraint added to an existing table (normalised into a unique index)
// is added as the constraint it was declared as.
TEST(CrdbDialect, UniqueIndexesAreDroppedWithCascadeAndAddedAsDeclared) {
  const auto d = dialect();
  Index index;
  index.name = "t_a_key";
  EXPECT_EQ(d.emit(DropIndex{{"public", "t"}, index}).statements, std::vector<std::string>{"DROP INDEX t@t_a_key"});
  index.unique = true;
  EXPECT_EQ(d.emit(DropIndex{{"public", "t"}, index}).statements,
            std::vector<std::string>{"DROP INDEX t@t_a_key CASCADE"});
  const Schema from =
      load_schema_text("tables:\n  t:\n    columns: {id: int, a: int}\n    primary_key: [id]\n", "a.yaml");
  const Schema to = load_schema_text(
      "tables:\n  t:\n    columns: {id: int, a: int}\n    primary_key: [id]\n    unique:\n      - {name: t_a_key, "
      "columns: [a]}\n",
      "b.yaml");
  const Plan plan = plan_changes(from, to, d);
  ASSERT_EQ(plan.steps.size(), 1u);
  EXPECT_EQ(plan.steps[0].statements, std::vector<std::string>{"ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a)"});
}
}  // namespace
}  // namespace strata
