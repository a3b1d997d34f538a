// Functions, procedures and triggers in SQL schema files (PostgreSQL): what CREATE OR REPLACE,
// DROP FUNCTION, DROP TRIGGER and DROP TABLE leave declared, and what is refused.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "strata/declared_schema.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"

namespace strata {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

LoadedSchema load_sql(const Files& files) {
  SchemaLoadOptions options;
  options.sql_dialect = "postgres";
  return load_declared_texts(files, options);
}

std::string errors_of(const Files& files) {
  try {
    load_sql(files);
  } catch (const LoadError& error) {
    std::string out;
    for (const auto& d : error.diagnostics()) out += to_string(d.position) + ": " + d.message + "\n";
    return out;
  }
  return "(loaded)";
}

TEST(SqlRoutines, ReplaceAndDropFindWhatTheyName) {
  const LoadedSchema loaded = load_sql({{"a.sql",
                                         "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';\n"
                                         "CREATE FUNCTION f(a text) RETURNS int LANGUAGE sql AS 'select 1';\n"
                                         "CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; "
                                         "END $$;\n"
                                         "CREATE TABLE t (id int);\nCREATE TABLE u (id int);\n"
                                         "CREATE TRIGGER a BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION g();\n"
                                         "CREATE TRIGGER b BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION g();\n"
                                         "CREATE TRIGGER c BEFORE UPDATE ON u FOR EACH ROW EXECUTE FUNCTION g();\n"},
                                        {"b.sql",
                                         "CREATE OR REPLACE FUNCTION public.f(b integer) RETURNS int LANGUAGE sql "
                                         "AS 'select b';\n"
                                         "DROP FUNCTION f(text);\nDROP TRIGGER a ON t;\nDROP TABLE u;\n"}});
  ASSERT_EQ(loaded.schema.routines.size(), 2u);
  EXPECT_NE(loaded.schema.routines[0].definition.find("g()"), std::string::npos);
  EXPECT_NE(loaded.schema.routines[1].definition.find("select b"), std::string::npos);  // the replacement
  ASSERT_EQ(loaded.schema.triggers.size(), 1u);                                         // c went with its table
  EXPECT_NE(loaded.schema.triggers[0].definition.find("TRIGGER b"), std::string::npos);

  // DROP without an argument list drops every routine of the name.
  const LoadedSchema none = load_sql({{"c.sql",
                                       "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';\n"
                                       "CREATE FUNCTION f(a text) RETURNS int LANGUAGE sql AS 'select 1';\n"
                                       "DROP FUNCTION f;\n"}});
  EXPECT_TRUE(none.schema.routines.empty());
}

TEST(SqlRoutines, WhatCannotBeReadIsAnErrorAtItsPlace) {
  EXPECT_EQ(errors_of({{"a.sql", "DROP FUNCTION f(int);\nDROP TRIGGER x ON t;\n"}}),
            "a.sql:1:1: expected DROP FUNCTION to drop a routine created before it: there is none\n"
            "a.sql:2:1: expected DROP TRIGGER to drop a trigger created before it: x on t does not exist\n");
  EXPECT_EQ(errors_of({{"a.sql",
                        "CREATE SCHEMA app;\nSET search_path = app;\n"
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"}}),
            "a.sql:3:1: expected CREATE FUNCTION to name its schema: it follows SET search_path, and the definition "
            "is read on its own\n");
  EXPECT_EQ(errors_of({{"a.sql", "DROP FUNCTION IF EXISTS f(int);\n"}}), "(loaded)");
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

TEST(SqlRoutines, ARenameUnderADeclaredTriggerIsRefused) {
  EXPECT_EQ(errors_of({{"a.sql",
                        "CREATE TABLE t (id int, at timestamptz);\n"
                        "CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
                        "CREATE TRIGGER a BEFORE UPDATE OF at ON t FOR EACH ROW EXECUTE FUNCTION g();\n"
                        "ALTER TABLE t RENAME COLUMN id TO key;\n"
                        "ALTER TABLE t RENAME COLUMN at TO stamp;\n"}}),
            "a.sql:5:1: expected ALTER TABLE before trigger a on t is declared: the trigger names what it renames "
            "(declare the trigger after it)\n");
}

}  // namespace
}  // namespace strata
