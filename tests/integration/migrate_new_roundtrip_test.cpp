// The files `migrate new` writes, run for real with rows in the tables: up, then down, and the rows
// are back. One case per kind of change. The inverse of a rename is a rename (a down that drops the
// renamed column and adds an empty one loses its values); a down that cannot restore data (it
// drops what the up file added, or re-creates empty what the up file dropped) says so in the file
// (`-- strata:lossy <why>`), and `migrate down` reports it (MigrationRun::lossy), also in a dry run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "strata/load.hpp"
#include "strata/migrate.hpp"
#include "support/migration_dir.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using ::testing::HasSubstr;
using testing::MigrationDir;

struct RoundTrip {
  std::string name;
  std::string before;  // the first migration: tables with rows
  std::string declared;
  std::string rows;  // the query whose answer must be the same before the up and after the down
  bool lossy = false;
  std::string lossy_mentions;  // a word the lossy reasons must hold
};

// The answer of `sql`, one line per row, values separated by '|'.
std::string answer(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::nontransaction tx(connection);
  std::string out;
  for (const auto& row : tx.exec(sql)) {
    for (const auto& field : row) out += (field.is_null() ? "NULL" : field.c_str()) + std::string("|");
    out += "\n";
  }
  return out;
}

const std::string kPeople =
    "CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, age int, team int);\n"
    "CREATE TABLE teams (id int PRIMARY KEY);\n"
    "INSERT INTO teams VALUES (1), (2);\n"
    "INSERT INTO people VALUES (1, 'ada', 36, 1), (2, 'bob', NULL, 2), (3, 'cy', 7, NULL);\n";
const std::string kTeams = "  teams:\n    columns: { id: int }\n    primary_key: [id]\n";
// people as kPeople creates it, with `columns` in place of its columns and `extra` after them.
std::string people(const std::string& columns, const std::string& extra = "") {
  return "tables:\n  people:\n    columns:\n" + columns + "    primary_key: [id]\n" + extra + kTeams;
}
const std::string kColumns =
    "      id: int\n      name: text\n      age: { type: int, nullable: true }\n"
    "      team: { type: int, nullable: true }\n";
const std::string kRows = "SELECT id, name, age, team FROM people ORDER BY id";

std::vector<RoundTrip> cases() {
  return {
      {"rename_column", kPeople,
       people("      id: int\n      full_name: { type: text, renamed_from: name }\n"
              "      age: { type: int, nullable: true }\n      team: { type: int, nullable: true }\n"),
       kRows, false, ""},
      {"rename_table", kPeople,
       "tables:\n  persons:\n    renamed_from: people\n    columns:\n" + kColumns + "    primary_key: [id]\n" + kTeams,
       kRows, false, ""},
      {"rename_table_and_column", kPeople,
       "tables:\n  persons:\n    renamed_from: people\n    columns:\n      id: int\n"
       "      full_name: { type: text, renamed_from: name }\n      age: { type: int, nullable: true }\n"
       "      team: { type: int, nullable: true }\n    primary_key: [id]\n" +
           kTeams,
       kRows, false, ""},
      {"add_column", kPeople, people(kColumns + "      note: { type: text, nullable: true }\n"), kRows, true, "note"},
      {"drop_column", kPeople, people("      id: int\n      name: text\n      team: { type: int, nullable: true }\n"),
       "SELECT id, name, team FROM people ORDER BY id", true, "age"},
      {"add_table", kPeople, people(kColumns) + "  later:\n    columns: { id: int }\n", kRows, true, "later"},
      {"drop_table", kPeople + "CREATE TABLE gone (id int); INSERT INTO gone VALUES (1);\n", people(kColumns), kRows,
       true, "gone"},
      {"widen_type", kPeople,
       people("      id: int\n      name: text\n      age: { type: bigint, nullable: true }\n"
              "      team: { type: int, nullable: true }\n"),
       kRows, true, "age"},  // back to int: values may not fit (these do)
      {"set_default_and_nullability", kPeople,
       people("      id: int\n      name: { type: text, nullable: true, default: \"'anonymous'\" }\n"
              "      age: { type: int, nullable: true, default: 0 }\n      team: { type: int, nullable: true }\n"),
       kRows, false, ""},
      {"add_index_unique_check_and_foreign_key", kPeople,
       people(kColumns,
              "    indexes:\n      - { columns: [age] }\n    unique:\n      - [name]\n"
              "    checks:\n      age_positive: age >= 0\n"
              "    foreign_keys:\n      - { columns: [team], references: { table: teams, columns: [id] } }\n"),
       kRows, false, ""},
      {"add_enum_value",
       "CREATE TYPE mood AS ENUM ('ok', 'sad');\n"
       "CREATE TABLE diary (id int PRIMARY KEY, feeling mood NOT NULL);\n"
       "INSERT INTO diary VALUES (1, 'ok'), (2, 'sad');\n",
       "enums:\n  mood: [ok, sad, glad]\n"
       "tables:\n  diary:\n    columns: { id: int, feeling: mood }\n    primary_key: [id]\n",
       "SELECT id, feeling::text FROM diary ORDER BY id", false, ""},
  };
}

class MigrateNewRoundTrip : public ::testing::TestWithParam<RoundTrip> {};

TEST_P(MigrateNewRoundTrip, UpThenDownGivesTheRowsBack) {
  const RoundTrip& c = GetParam();
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_before", c.before, std::nullopt);
  dir.hash();
  const auto written =
      new_migration(dir.path(), "change", load_schema_text(c.declared, c.name + ".yaml"), testing::admin_url());
  ASSERT_TRUE(written.has_value()) << "no difference";
  const std::string down_text = dir.text(written->down_file.filename().string());

  Migrator migrator(db.url(), dir.path());
  migrator.up(1);
  const std::string before = answer(db.url(), c.rows);
  ASSERT_EQ(migrator.up().runs.size(), 1u);

  MigrateOptions dry;
  dry.dry_run = true;
  const MigrateReport preview = Migrator(db.url(), dir.path(), dry).down();
  ASSERT_EQ(preview.runs.size(), 1u);
  const MigrateReport down = migrator.down();
  ASSERT_EQ(down.runs.size(), 1u);
  EXPECT_EQ(answer(db.url(), c.rows), before) << "the down file lost data\n" << down_text;

  if (c.lossy) {
    EXPECT_THAT(down_text, HasSubstr("-- strata:lossy ")) << down_text;
    ASSERT_FALSE(written->lossy.empty());
    EXPECT_THAT(::testing::PrintToString(written->lossy), HasSubstr(c.lossy_mentions));
    EXPECT_EQ(down.runs[0].lossy, written->lossy) << "migrate down reads the marks back";
    EXPECT_EQ(preview.runs[0].lossy, written->lossy) << "a dry run shows them before anything runs";
  } else {
    EXPECT_THAT(down_text, ::testing::Not(HasSubstr("strata:lossy"))) << down_text;
    EXPECT_TRUE(down.runs[0].lossy.empty());
    EXPECT_THAT(down_text, ::testing::Not(HasSubstr("DROP COLUMN"))) << down_text;
    EXPECT_THAT(down_text, ::testing::Not(HasSubstr("DROP TABLE"))) << down_text;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryKindOfChange, MigrateNewRoundTrip, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace strata
