// The lint of `strata check`: every code on a hostile statement and on a clean one, the dialect
// split of the rules, the strata:ignore directives, and text that only looks like a statement
// (strings, comments, function bodies).
#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migrations/lint/lint.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::lint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The lint of a file for a server with `behaviours` (the two dialects' sets are checked against the
// dialects themselves in the dialect tests).
using Behaviours = std::set<LintBehaviour>;
const Behaviours kPg = {LintBehaviour::BlockingDdl};
const Behaviours kCrdb = {LintBehaviour::UnsafeDdlTransactions, LintBehaviour::PrimaryKeyRebuild,
                          LintBehaviour::RegionalRows};
const Behaviours kBoth = {LintBehaviour::BlockingDdl, LintBehaviour::UnsafeDdlTransactions,
                          LintBehaviour::PrimaryKeyRebuild, LintBehaviour::RegionalRows};

std::vector<Finding> lint_sql(const std::string& sql, const Behaviours& target = kBoth) {
  const std::vector<SourceFile> files = {{"migrations/0002_change.up.sql", sql}};
  auto cases = lint_files(files, {0}, target);
  EXPECT_EQ(cases.size(), 1u);
  return cases.empty() ? std::vector<Finding>{} : cases.front().findings;
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.code);
  return out;
}

struct CodeCase {
  const char* code;
  Behaviours target;
  const char* hostile;  // raises `code`
  const char* clean;    // raises nothing at all
};

void PrintTo(const CodeCase& c, std::ostream* os) {
  *os << c.code;
}

class LintCode : public ::testing::TestWithParam<CodeCase> {};

TEST_P(LintCode, RaisedOnHostileInputOnly) {
  const CodeCase& c = GetParam();
  const auto hostile = lint_sql(c.hostile, c.target);
  const auto found = codes(hostile);
  EXPECT_TRUE(std::find(found.begin(), found.end(), c.code) != found.end())
      << c.code << " not raised by:\n"
      << c.hostile << "\nraised: " << ::testing::PrintToString(found);
  for (const auto& f : hostile) {
    EXPECT_EQ(f.file, "migrations/0002_change.up.sql");
    EXPECT_GT(f.line, 0);
    EXPECT_FALSE(f.message.empty());
    EXPECT_FALSE(f.fix.empty()) << f.code << " has no fix";
    EXPECT_NE(find_check_code(f.code), nullptr) << f.code << " is not in the catalogue";
  }
  EXPECT_THAT(codes(lint_sql(c.clean, c.target)), ::testing::IsEmpty()) << "for the clean input:\n" << c.clean;
}

const std::vector<CodeCase> kCodeCases = {
    CodeCase{"SL001", kBoth, "-- strata:ignore SL999 we know\nSELECT 1;", "SELECT 1;"},
    CodeCase{"SL002", kBoth, "-- strata:ignore SL101 it is empty\nALTER TABLE users ADD COLUMN x int;",
             "-- strata:ignore SL101 emptied and unused since 0007\nDROP TABLE old_orders;"},
    CodeCase{"SL003", kBoth, "-- strata:ignore SL101\nDROP TABLE old_orders;",
             "-- strata:ignore SL101 emptied and unused since 0007\nDROP TABLE old_orders;"},
    CodeCase{"SL101", kBoth, "DROP TABLE IF EXISTS old_orders CASCADE;",
             "CREATE TABLE scratch (id int PRIMARY KEY);\nDROP TABLE scratch;"},
    CodeCase{"SL102", kBoth, "ALTER TABLE users DROP COLUMN IF EXISTS legacy;",
             "ALTER TABLE users DROP CONSTRAINT users_legacy_check, ALTER COLUMN email DROP DEFAULT;"},
    CodeCase{"SL103", kBoth, "DELETE FROM sessions;", "DELETE FROM sessions WHERE expires_at < now();"},
    CodeCase{"SL103", kBoth, "TRUNCATE TABLE sessions, carts;", "SELECT count(*) FROM sessions;"},
    CodeCase{"SL104", kBoth, "DROP SCHEMA billing CASCADE;", "CREATE SCHEMA billing;"},
    CodeCase{"SL105", kBoth, "ALTER TABLE users ALTER COLUMN email TYPE varchar(10);",
             "ALTER TABLE users ALTER COLUMN email SET DEFAULT '';"},
    CodeCase{"SL105", kBoth, "ALTER TABLE users ALTER email SET DATA TYPE text;",
             "ALTER TABLE users RENAME COLUMN email TO mail;"},
    CodeCase{"SL106", kPg, "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
             "ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();"},
    CodeCase{"SL106", kPg, "ALTER TABLE users ADD COLUMN seq bigserial;", "ALTER TABLE users ADD COLUMN seq bigint;"},
    CodeCase{"SL106", kBoth, "VACUUM FULL users;", "VACUUM users;"},
    CodeCase{"SL201", kPg, "CREATE UNIQUE INDEX users_email ON users (email);",
             "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email);"},
    CodeCase{"SL201", kPg, "CREATE INDEX ON public.users USING btree (email);",
             "CREATE TABLE t (id int PRIMARY KEY, v int);\nCREATE INDEX ON t (v);"},
    CodeCase{"SL202", kPg, "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0);",
             "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID;"},
    CodeCase{"SL202", kPg,
             "CREATE INDEX CONCURRENTLY orders_user ON orders (user_id);\n"
             "ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES users (id);",
             "CREATE INDEX CONCURRENTLY orders_user ON orders (user_id);\n"
             "ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"},
    CodeCase{"SL203", kPg, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
             "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;"},
    CodeCase{"SL204", kPg, "DROP INDEX users_email;", "DROP INDEX CONCURRENTLY IF EXISTS users_email;"},
    CodeCase{"SL205", kPg, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
             "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email;"},
    CodeCase{"SL206", kPg, "LOCK TABLE users IN ACCESS EXCLUSIVE MODE;", "SELECT 1 FROM users FOR UPDATE;"},
    CodeCase{"SL301", kBoth, "ALTER TABLE users ADD COLUMN tier int NOT NULL;",
             "ALTER TABLE users ADD COLUMN tier int NOT NULL DEFAULT 0;"},
    CodeCase{"SL302", kBoth, "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));",
             "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\n"
             "CREATE INDEX orders_user ON orders (user_id);"},
    CodeCase{"SL302", kBoth,
             "CREATE TABLE lines (order_id int, n int, sku text, PRIMARY KEY (order_id, n),\n"
             "  CONSTRAINT fk FOREIGN KEY (sku, order_id) REFERENCES skus (code, o));",
             "CREATE TABLE lines (order_id int, n int, sku text, PRIMARY KEY (order_id, n),\n"
             "  CONSTRAINT fk FOREIGN KEY (order_id) REFERENCES orders (id));"},
    CodeCase{"SL401", kCrdb, "BEGIN;\nALTER TABLE users ADD COLUMN x int;\nUPDATE users SET x = 1;\nCOMMIT;",
             "ALTER TABLE users ADD COLUMN x int;\nUPDATE users SET x = 1;"},
    CodeCase{"SL402", kCrdb, "BEGIN;\nCREATE TABLE t (id int PRIMARY KEY);\nCOMMIT;",
             "BEGIN;\nUPDATE users SET tier = 1 WHERE id = 7;\nCOMMIT;"},
    CodeCase{"SL403", kCrdb, "ALTER TABLE users ALTER PRIMARY KEY USING COLUMNS (id, region);",
             "CREATE TABLE t (id int, region text, PRIMARY KEY (region, id));\n"
             "ALTER TABLE t ALTER PRIMARY KEY USING COLUMNS (id, region);"},
    CodeCase{"SL404", kCrdb, "ALTER TABLE users SET LOCALITY REGIONAL BY ROW;",
             "ALTER TABLE users SET LOCALITY GLOBAL;"},
    CodeCase{"SL405", kCrdb, "ALTER DATABASE shop DROP REGION \"us-west1\";",
             "ALTER DATABASE shop ADD REGION \"us-west1\";"}};

INSTANTIATE_TEST_SUITE_P(EveryCode, LintCode, ::testing::ValuesIn(kCodeCases));

TEST(Lint, EveryLintCodeOfTheCatalogueIsExercised) {
  // Keeps the table above complete: a new code needs a hostile and a clean case.
  for (const auto& code : check_codes()) {
    if (code.kind != CheckKind::Lint) continue;
    const bool tested =
        std::any_of(kCodeCases.begin(), kCodeCases.end(), [&](const CodeCase& c) { return c.code == code.code; });
    EXPECT_TRUE(tested) << code.code << " has no hostile/clean case in kCodeCases";
  }
}

TEST(Lint, PostgresRulesStayOffForCockroachAndTheOtherWayRound) {
  const std::string pg_only =
      "CREATE INDEX users_email ON users (email);\nDROP INDEX old;\n"
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL;";
  EXPECT_THAT(codes(lint_sql(pg_only, kCrdb)), ::testing::IsEmpty());
  EXPECT_THAT(codes(lint_sql(pg_only, kPg)), ElementsAre("SL201", "SL204", "SL203"));
  const std::string crdb_only =
      "ALTER TABLE users SET LOCALITY REGIONAL BY ROW;\nALTER DATABASE d DROP REGION \"r\";\n"
      "BEGIN;\nCREATE TABLE t (id int PRIMARY KEY);\nCOMMIT;";
  EXPECT_THAT(codes(lint_sql(crdb_only, kPg)), ::testing::IsEmpty());
  EXPECT_THAT(codes(lint_sql(crdb_only, kCrdb)), ElementsAre("SL404", "SL405", "SL402"));
}

TEST(Lint, FindingsNameTheLineOfTheStatement) {
  const auto findings = lint_sql(
      "-- header\n\nCREATE TABLE a (id int PRIMARY KEY);\n\nDROP TABLE\n  orders;\n"
      "ALTER TABLE users\n  DROP COLUMN legacy;");
  ASSERT_THAT(codes(findings), ElementsAre("SL101", "SL102"));
  EXPECT_EQ(findings[0].line, 5);
  EXPECT_THAT(findings[0].message, HasSubstr("orders"));
  EXPECT_EQ(findings[0].statement, "DROP TABLE\n  orders");
  EXPECT_EQ(findings[1].line, 7);
  EXPECT_THAT(findings[1].message, HasSubstr("users.legacy"));
}

TEST(Lint, ADirectiveSilencesOneCodeForOneStatement) {
  const auto findings = lint_sql(
      "-- strata:ignore SL101 archived to S3 in ticket OPS-12\n"
      "DROP TABLE audit_2019;\n"
      "DROP TABLE audit_2020;\n"
      "ALTER TABLE users DROP COLUMN a, DROP COLUMN b; -- strata:ignore SL102 both unused since 3.1\n"
      "-- strata:ignore SL102 only the column, not the type change\n"
      "ALTER TABLE users DROP COLUMN c, ALTER COLUMN d TYPE bigint;");
  ASSERT_THAT(codes(findings), ElementsAre("SL101", "SL105"));
  EXPECT_EQ(findings[0].line, 3);
  EXPECT_EQ(findings[1].line, 6);
}

TEST(Lint, TextThatOnlyLooksLikeAStatementRaisesNothing) {
  const auto findings = lint_sql(
      "INSERT INTO notes (body) VALUES ('DROP TABLE users; TRUNCATE orders');\n"
      "/* DROP TABLE users; */\n"
      "-- DROP TABLE users;\n"
      "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ DELETE FROM orders $$;\n"
      "ALTER TABLE \"DROP\" ADD COLUMN \"not null\" int;\n"
      "COMMENT ON TABLE users IS 'ALTER PRIMARY KEY';");
  EXPECT_THAT(codes(findings), ::testing::IsEmpty());
}

TEST(Lint, QuotedNamesKeepTheirCaseForForeignKeyIndexes) {
  EXPECT_THAT(codes(lint_sql("CREATE INDEX CONCURRENTLY o ON \"Orders\" (\"UserId\");\n"
                             "CREATE TABLE \"Orders\" (id int PRIMARY KEY, \"UserId\" int REFERENCES users (id));",
                             kPg)),
              ::testing::IsEmpty());
  EXPECT_THAT(codes(lint_sql("CREATE INDEX CONCURRENTLY o ON \"Orders\" (userid);\n"
                             "CREATE TABLE \"Orders\" (id int PRIMARY KEY, \"UserId\" int REFERENCES users (id));",
                             kPg)),
              ElementsAre("SL302"));
}

TEST(Lint, AnIndexInAnotherFileOfTheDirectoryCounts) {
  const std::vector<SourceFile> files = {
      {"m/0001.up.sql", "CREATE TABLE orders (id int PRIMARY KEY, user_id int);"},
      {"m/0002.up.sql", "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"},
      {"m/0003.up.sql", "CREATE INDEX CONCURRENTLY orders_user ON orders (user_id);"}};
  const auto cases = lint_files(files, {1}, kPg);
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].name, "m/0002.up.sql");
  EXPECT_THAT(cases[0].findings, ::testing::IsEmpty());
}

TEST(Lint, AFileThatCannotBeSplitIsALoadErrorNamingIt) {
  try {
    lint_sql("SELECT 'unterminated;\n");
    FAIL() << "no error";
  } catch (const LoadError& error) {
    EXPECT_THAT(error.what(), HasSubstr("0002_change.up.sql"));
  }
}

}  // namespace
}  // namespace strata::migrations::lint
