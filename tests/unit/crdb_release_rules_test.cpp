// What the CockroachDB dialect does by release and by CockroachDB's own rules, with no server:
// statement forms a release lacks are refused before any SQL, naming the release that has them;
// the multi-region rules CockroachDB's sources enforce are refused before any SQL too; hazards say
// what the server's release does; CREATE TABLE … (LIKE …) reads as CockroachDB copies; and the
// rows of SHOW CREATE ALL TABLES recorded from CockroachDB's own tests read into the model.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/ddl/parser.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"

namespace strata::cockroachdb {
namespace {

using ::testing::HasSubstr;

std::string plan_error(const Schema& from, const Schema& to, Version version) {
  const CockroachDialect dialect("db", version);
  try {
    plan_changes(from, to, dialect);
  } catch (const PlanError& error) {
    return error.what();
  }
  return "";
}

Schema yaml(const std::string& text) {
  return load_schema_text(text);
}

const char* const kIdentityBefore = "tables:\n  t:\n    columns:\n      id: {type: int8}\n    primary_key: [id]\n";
const char* const kIdentityAfter =
    "tables:\n  t:\n    columns:\n      id: {type: int8, identity: always}\n    primary_key: [id]\n";

TEST(CrdbReleaseRules, AFormTheReleaseLacksIsRefusedNamingTheReleaseThatHasIt) {
  // v23.2 is older than strata supports; the dialect still refuses rather than send the form.
  EXPECT_THAT(plan_error(yaml(kIdentityBefore), yaml(kIdentityAfter), {23, 2}),
              HasSubstr("CockroachDB has from v24.1; the server is v23.2"));
  EXPECT_EQ(plan_error(yaml(kIdentityBefore), yaml(kIdentityAfter), {24, 3}), "");
}

TEST(CrdbReleaseRules, VectorIndexesAreCreatedWithCockroachDbsOwnSpellingFromV25_2) {
  const Schema before = yaml(
      "tables:\n  t:\n    columns:\n      id: {type: int8}\n      v: {type: vector(3)}\n"
      "    primary_key: [id]\n");
  const Schema after = yaml(
      "tables:\n  t:\n    columns:\n      id: {type: int8}\n      v: {type: vector(3)}\n"
      "    primary_key: [id]\n    indexes:\n      - {name: t_v_idx, columns: [v], using: vector}\n");
  EXPECT_THAT(plan_error(before, after, {24, 3}), HasSubstr("CREATE VECTOR INDEX, which CockroachDB has from v25.2"));
  const Plan plan = plan_changes(before, after, CockroachDialect("db", {25, 4}));
  ASSERT_EQ(plan.steps.size(), 1u);
  EXPECT_THAT(plan.steps[0].statements.at(0), HasSubstr("CREATE VECTOR INDEX t_v_idx ON t (v)"));
  EXPECT_THAT(plan.steps[0].statements.at(0), ::testing::Not(HasSubstr("USING")));
}

const char* const kRegions = "database:\n  primary_region: us-east1\n  regions: [us-east1, eu-west1]\n";

TEST(CrdbReleaseRules, ATableBecomesRegionalByRowOnlyOnANotNullColumn) {
  const std::string table =
      "tables:\n  t:\n    columns:\n      id: {type: int8}\n"
      "      home: {type: crdb_internal_region, nullable: true}\n    primary_key: [id]\n";
  const Schema live = yaml(std::string(kRegions) + table);
  const Schema declared = yaml(std::string(kRegions) + table + "    locality: {kind: regional_by_row, as: home}\n");
  EXPECT_THAT(plan_error(live, declared, kNewestKnown), HasSubstr("make home NOT NULL first"));
  // A new table: CockroachDB makes the column NOT NULL itself.
  EXPECT_EQ(plan_error(yaml(kRegions), declared, kNewestKnown), "");
}

TEST(CrdbReleaseRules, AHashShardedIndexMayNotNameTheRegionColumn) {
  const Schema declared =
      yaml(std::string(kRegions) +
           "tables:\n  t:\n    columns:\n      id: {type: int8}\n      home: {type: crdb_internal_region}\n"
           "    primary_key: [id]\n    locality: {kind: regional_by_row, as: home}\n"
           "    indexes:\n      - {name: t_home_idx, columns: [home, id], sharded: 8}\n");
  EXPECT_THAT(plan_error(Schema{}, declared, kNewestKnown), HasSubstr("cockroachdb/cockroach#147129"));
}

// The loader adds a declared primary region to the regions; a schema built otherwise (a library
// caller's) is still checked.
TEST(CrdbReleaseRules, ThePrimaryRegionIsOneOfTheRegions) {
  Schema declared;
  declared.database.primary_region = "us-east1";
  declared.database.regions = {"eu-west1", "ap-south1"};
  EXPECT_THAT(plan_error(Schema{}, declared, kNewestKnown), HasSubstr("is not one of its regions"));
}

TEST(CrdbReleaseRules, TheRegionalByRowHazardSaysWhatTheReleaseDoesToWrites) {
  Table before;
  before.name = {"public", "t"};
  Table after = before;
  after.locality = Locality{LocalityKind::RegionalByRow, "", ""};
  const Change change = SetLocality{before.name, before.locality, after.locality};
  const auto reason = [&](Version version) {
    std::string reasons;
    for (const auto& hazard : CockroachDialect("db", version).hazards(change)) reasons += hazard.reason + "|";
    return reasons;
  };
  EXPECT_THAT(reason({25, 4}), HasSubstr("UPDATE and DELETE on it can fail while it converts"));
  EXPECT_THAT(reason({26, 2}), ::testing::Not(HasSubstr("can fail")));
}

Schema ddl(const std::string& text) {
  Schema schema;
  apply_ddl(text, schema, ParseOptions{});
  return schema;
}

const char* const kSource =
    "CREATE TABLE src (id INT8 PRIMARY KEY, n INT8 NOT NULL DEFAULT 7, d INT8 AS (n * 2) STORED,"
    " CONSTRAINT n_positive CHECK (n > 0), INDEX src_n_idx (n), UNIQUE (d));";

TEST(CrdbReleaseRules, CreateTableLikeCopiesWhatIncludingNames) {
  const Schema bare = ddl(std::string(kSource) + "CREATE TABLE dst (LIKE src);");
  const Table* dst = bare.find_table({"public", "dst"});
  ASSERT_NE(dst, nullptr);
  ASSERT_EQ(dst->columns.size(), 3u);
  EXPECT_FALSE(dst->columns[1].nullable);
  EXPECT_FALSE(dst->columns[1].default_expr.has_value());
  EXPECT_FALSE(dst->columns[2].generated.has_value());
  EXPECT_TRUE(dst->checks.empty());
  EXPECT_TRUE(dst->indexes.empty());
  EXPECT_FALSE(dst->primary_key.has_value());

  const Schema all = ddl(std::string(kSource) + "CREATE TABLE dst (LIKE src INCLUDING ALL EXCLUDING GENERATED);");
  dst = all.find_table({"public", "dst"});
  ASSERT_NE(dst, nullptr);
  EXPECT_EQ(dst->columns[1].default_expr, "7");
  EXPECT_FALSE(dst->columns[2].generated.has_value()) << "the last word for an item wins";
  ASSERT_EQ(dst->checks.size(), 1u);
  ASSERT_TRUE(dst->primary_key.has_value());
  EXPECT_EQ(dst->primary_key->name, "dst_pkey");
  ASSERT_EQ(dst->indexes.size(), 1u);
  EXPECT_EQ(dst->indexes[0].name, "dst_n_idx");
  EXPECT_TRUE(dst->foreign_keys.empty());
}

TEST(CrdbReleaseRules, CreateTableLikeRefusesWhatCockroachDbHasNotImplemented) {
  EXPECT_THROW(ddl(std::string(kSource) + "CREATE TABLE dst (LIKE src INCLUDING COMMENTS);"), UsageError);
  EXPECT_THROW(ddl("CREATE TABLE dst (LIKE nowhere);"), UsageError);
}

// The rows of SHOW CREATE ALL TABLES as CockroachDB's own logic test recorded them (a view, a
// sequence, foreign keys as ALTER rows, the comment row and VALIDATE rows): read as one database.
TEST(CrdbReleaseRules, RecordedShowCreateAllTablesRowsReadIntoTheModel) {
  std::ifstream in(std::filesystem::path(STRATA_SOURCE_DIR) /
                   "tests/fixtures/crdb-releases/results/show_create_all_tables.1de5b97c.txt");
  std::vector<std::string> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("#") || line == "create_statement") continue;
    std::string row;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == 'n') {
        row += '\n';
        ++i;
      } else {
        row += line[i];
      }
    }
    rows.push_back(row);
  }
  ASSERT_EQ(rows.size(), 9u);
  Schema schema;
  std::vector<ParseNote> notes;
  ParseOptions options;
  options.database = "d";
  options.notes = &notes;
  apply_create_statements(rows, schema, options);
  const Table* full_test = schema.find_table({"public", "full_test"});
  ASSERT_NE(full_test, nullptr);
  EXPECT_EQ(full_test->foreign_keys.size(), 2u);
  EXPECT_NE(schema.find_table({"public", "parent"}), nullptr);
  ASSERT_EQ(schema.sequences.size(), 1u);
  EXPECT_EQ(schema.sequences[0].name.name, "s");
  const bool view_noted = std::any_of(notes.begin(), notes.end(), [](const ParseNote& note) {
    return note.kind == NoteKind::NonSchemaStatement && note.message.find("vx") != std::string::npos;
  });
  EXPECT_TRUE(view_noted) << "the view is read and left out with a note";
}

}  // namespace
}  // namespace strata::cockroachdb
