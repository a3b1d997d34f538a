// The statement splitter on hostile migration files: semicolons inside every kind of quote and
// comment, nested comments, dollar quotes with tags, E'' escapes, BEGIN ATOMIC bodies, and
// unterminated spans reported where they begin.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migrations/splitter.hpp"
#include "strata/errors.hpp"

namespace strata::migrations {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> sql_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : split_statements(text, "m.sql")) out.push_back(s.sql);
  return out;
}

using namespace std::string_view_literals;

std::string error_of(std::string_view text) {
  try {
    split_statements(text, "m.sql");
  } catch (const LoadError& error) {
    return to_string(error.diagnostics().at(0).position) + ": " + error.diagnostics().at(0).message;
  }
  return "no error";
}

TEST(Splitter, SplitsAtSemicolonsAndKeepsLines) {
  const auto statements =
      split_statements("CREATE TABLE a (id int);\n\n  CREATE TABLE b (id int) ;\nSELECT 1", "m.sql");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0].sql, "CREATE TABLE a (id int)");
  EXPECT_EQ(statements[0].line, 1);
  EXPECT_EQ(statements[1].sql, "CREATE TABLE b (id int)");
  EXPECT_EQ(statements[1].line, 3);
  EXPECT_EQ(statements[2].sql, "SELECT 1") << "the last statement needs no semicolon";
  EXPECT_EQ(statements[2].line, 4);
}

TEST(Splitter, SemicolonsInsideQuotesAndCommentsEndNothing) {
  EXPECT_THAT(sql_of("INSERT INTO t VALUES ('a;b', 'it''s; fine');"),
              ElementsAre("INSERT INTO t VALUES ('a;b', 'it''s; fine')"));
  EXPECT_THAT(sql_of("CREATE TABLE \"we;ird\"\"s\" (id int); SELECT 2;"),
              ElementsAre("CREATE TABLE \"we;ird\"\"s\" (id int)", "SELECT 2"));
  EXPECT_THAT(sql_of("SELECT 1 -- not; the end\n+ 1;"), ElementsAre("SELECT 1 -- not; the end\n+ 1"));
  EXPECT_THAT(sql_of("SELECT /* a; /* nested; */ still; */ 1; SELECT 2"),
              ElementsAre("SELECT /* a; /* nested; */ still; */ 1", "SELECT 2"));
  EXPECT_THAT(sql_of("/* one /* two /* three; */ */ */ SELECT 3;"), ElementsAre("SELECT 3"));
}

TEST(Splitter, EscapeStringsUseBackslashesAndPlainStringsDoNot) {
  EXPECT_THAT(sql_of("SELECT E'\\';'; SELECT 2;"), ElementsAre("SELECT E'\\';'", "SELECT 2"));
  EXPECT_THAT(sql_of("SELECT e'a\\\\'; SELECT 2;"), ElementsAre("SELECT e'a\\\\'", "SELECT 2"));
  EXPECT_THAT(sql_of("SELECT 'C:\\'; SELECT 2;"), ElementsAre("SELECT 'C:\\'", "SELECT 2"))
      << "a backslash ends nothing in a standard string";
  EXPECT_THAT(sql_of("SELECT name'x;'; SELECT 2;"), ElementsAre("SELECT name'x;'", "SELECT 2"))
      << "a word ending in e before a quote is not an E'' prefix";
}

TEST(Splitter, DollarQuotesWithAndWithoutTags) {
  const std::string function =
      "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\nSELECT f();";
  EXPECT_THAT(
      sql_of(function),
      ElementsAre("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql", "SELECT f()"));
  EXPECT_THAT(sql_of("DO $a$ BEGIN PERFORM $b$;$b$; EXECUTE $$;$$; END $a$; SELECT 1;"),
              ElementsAre("DO $a$ BEGIN PERFORM $b$;$b$; EXECUTE $$;$$; END $a$", "SELECT 1"));
  EXPECT_THAT(sql_of("PREPARE p AS SELECT $1; EXECUTE p(1);"), ElementsAre("PREPARE p AS SELECT $1", "EXECUTE p(1)"))
      << "$1 is a parameter, not a dollar quote";
  EXPECT_THAT(sql_of("SELECT 1 AS a$b; SELECT 2;"), ElementsAre("SELECT 1 AS a$b", "SELECT 2"))
      << "a $ inside an identifier starts no quote";
}

TEST(Splitter, BeginAtomicBodiesRunToTheirEnd) {
  const std::string body =
      "CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC\n"
      "  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;\n"
      "  SELECT 2;\n"
      "END;\n"
      "SELECT g(1);";
  const auto statements = split_statements(body, "m.sql");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_THAT(statements[0].sql, HasSubstr("SELECT 2;\nEND"));
  EXPECT_EQ(statements[1].sql, "SELECT g(1)");
  EXPECT_EQ(statements[1].line, 5);
}

TEST(Splitter, ABeginAtomicBodyWithoutItsEndIsAnErrorNamingWhereItBegan) {
  // Found by strata_fuzz_split: without its END the body swallowed the statements after it, so a
  // file split differently once a statement was added after it.
  EXPECT_THAT(error_of("SELECT 1;\nCREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); SELECT 2;"),
              HasSubstr("m.sql:2:28: expected an END for the BEGIN ATOMIC body that starts here"));
  EXPECT_THAT(error_of("CREATE PROCEDURA p() BEGIN ATOMIC INSERT INTO t AVULES (1); INSERT INT\0\0\0ESALUES (1CT 2"),
              HasSubstr("expected an END for the BEGIN ATOMIC body"));
}

TEST(Splitter, CommentsAndEmptyStatementsAreNotStatements) {
  EXPECT_THAT(sql_of("-- only a comment\n/* and a block */\n"), ElementsAre());
  EXPECT_THAT(sql_of(";;\n;  SELECT 1;;"), ElementsAre("SELECT 1"));
  const auto statements =
      split_statements("-- header\n-- strata:no-transaction\n\n/* x */ CREATE TABLE t (id int);", "m.sql");
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].sql, "CREATE TABLE t (id int)");
  EXPECT_EQ(statements[0].line, 4);
}

TEST(Splitter, AByteOrderMarkIsNotPartOfTheFirstWord) {
  // Found by strata_fuzz_split: the mark's last byte counted as a letter, so a dollar quote right
  // after it was taken for part of a name ("a$$") and its body for statements.
  EXPECT_THAT(error_of("\xEF\xBB\xBF$$"), HasSubstr("m.sql:1:1: expected a closing $$"));
  EXPECT_THAT(sql_of("\xEF\xBB\xBF$$;$$;"), ElementsAre("$$;$$"));
  EXPECT_THAT(sql_of("\xEF\xBB\xBF"
                     "E'a\\';b';"),
              ElementsAre("E'a\\';b'"));
}

TEST(Splitter, ByteOrderMarkAndCrLfLineEndings) {
  const auto statements = split_statements("\xEF\xBB\xBFSELECT 1;\r\nSELECT 2;\r\n", "m.sql");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0].sql, "SELECT 1");
  EXPECT_EQ(statements[1].sql, "SELECT 2");
  EXPECT_EQ(statements[1].line, 2);
}

TEST(Splitter, UnterminatedSpansAreReportedWhereTheyBegin) {
  EXPECT_EQ(error_of("SELECT 1;\nSELECT 'abc;\n"), "m.sql:2:8: expected a closing ' for the string that starts here");
  EXPECT_THAT(error_of("SELECT 1;\n\n  CREATE TABLE \"x (id int);"), HasSubstr("m.sql:3:16: expected a closing \""));
  EXPECT_THAT(error_of("DO $body$ BEGIN END; $bod$;"), HasSubstr("m.sql:1:4: expected a closing $body$"));
  EXPECT_THAT(error_of("SELECT 1; /* /* */"), HasSubstr("m.sql:1:11: expected a closing */"));
  EXPECT_THAT(error_of("SELECT E'\\'"), HasSubstr("m.sql:1:9: expected a closing '"));
}

TEST(Splitter, DirectivesAreCommentLinesOfTheirOwn) {
  EXPECT_TRUE(has_directive("-- strata:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);", "no-transaction"));
  EXPECT_TRUE(has_directive("SELECT 1;\n  --   strata:no-transaction   \n", "no-transaction"));
  EXPECT_TRUE(has_directive("-- strata:no-transaction because CONCURRENTLY\n", "no-transaction"));
  EXPECT_FALSE(has_directive("SELECT '-- strata:no-transaction';", "no-transaction"));
  EXPECT_FALSE(has_directive("-- strata:no-transactions\n", "no-transaction"));
  EXPECT_FALSE(has_directive("", "no-transaction"));
}

}  // namespace
}  // namespace strata::migrations
