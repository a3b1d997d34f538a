// The CockroachDB stand-in's answers, in process (no socket): what each release accepts, refuses
// and returns for the statements strata sends, from the catalogue and the default state.
#include <gtest/gtest.h>

#include "support/crdb_standin/form_pattern.hpp"
#include "support/crdb_standin/responder.hpp"
#include "support/crdb_standin/time_text.hpp"

namespace strata::standin {
namespace {

const std::filesystem::path kCatalogue = std::filesystem::path(STRATA_SOURCE_DIR) / "tests/fixtures/crdb-releases";

// strata's schema filter (dialects/cockroachdb/queries.cpp) in a query of the test's own.
const char* const kUserSchemas =
    "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT IN ('crdb_internal', 'information_schema', "
    "'pg_catalog', 'pg_extension') AND nspname NOT LIKE 'pg\\_temp%' AND ($1::STRING[] IS NULL OR nspname = ANY "
    "($1::STRING[])) ORDER BY nspname";

class Standin {
 public:
  explicit Standin(const std::string& name, std::optional<std::string> unsafe = std::nullopt)
      : release_(load_release(kCatalogue, name)),
        state_(load_state(kCatalogue / "state" / "default")),
        responder_(release_, state_),
        session_(responder_.open_session(1, "defaultdb", "root", unsafe)) {}

  Answer run(const std::string& sql, const Params& params = {}) { return responder_.answer(session_, sql, params); }
  std::string sqlstate(const std::string& sql, const Params& params = {}) {
    const Answer answer = run(sql, params);
    return answer.error ? answer.error->sqlstate : "";
  }
  std::vector<Row> rows(const std::string& sql, const Params& params = {}) {
    const Answer answer = run(sql, params);
    EXPECT_FALSE(answer.error) << sql << ": " << answer.error->message << " (" << answer.error->detail << ")";
    return answer.rows;
  }
  const Release& release() const { return release_; }
  const Session& session() const { return session_; }

 private:
  Release release_;
  State state_;
  Responder responder_;
  Session session_;
};

TEST(CrdbStandinLexer, SplitsStatementsOutsideQuotesAndComments) {
  EXPECT_EQ(split_statements("SELECT ';'; -- a;b\nSELECT \"x;y\" ;;"),
            (std::vector<std::string>{"SELECT ';'", "-- a;b\nSELECT \"x;y\""}));
  const auto tokens = tokenize("SELECT e'a\\'b', $2::STRING[], \"Q\"\"x\" FROM t@i");
  ASSERT_EQ(tokens.size(), 14u);
  EXPECT_EQ(tokens[1].name, "a'b");
  EXPECT_EQ(tokens[3].number, 2);
  EXPECT_EQ(tokens[9].name, "Q\"x");
}

TEST(CrdbStandinFormPattern, MatchesOptionalsChoicesAndAnything) {
  const FormPattern pattern(
      "ALTER TABLE name ADD CONSTRAINT name FOREIGN KEY ( ... ) REFERENCES name [ ( ... ) ] "
      "[ ON DELETE { CASCADE | SET NULL } ]");
  EXPECT_TRUE(
      pattern.matches(tokenize("ALTER TABLE public.a ADD CONSTRAINT f FOREIGN KEY (x, y) REFERENCES b (x, y)")));
  EXPECT_TRUE(
      pattern.matches(tokenize("alter table \"A\" add constraint f foreign key (x) references b on delete set null")));
  EXPECT_FALSE(
      pattern.matches(tokenize("ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (x) REFERENCES b ON DELETE NO ACTION")));
  EXPECT_FALSE(FormPattern("DROP INDEX name").matches(tokenize("DROP INDEX t@i CASCADE")));
  EXPECT_TRUE(FormPattern("DROP INDEX name [ CASCADE ]").matches(tokenize("DROP INDEX t@\"I\" CASCADE")));
  EXPECT_THROW(FormPattern("DROP [ TABLE"), std::invalid_argument);
}

TEST(CrdbStandinTime, NowMinusAnInterval) {
  const auto mark = parse_timestamptz("2026-12-06 10:00:00.250000+00:00");
  ASSERT_TRUE(mark);
  EXPECT_EQ(format_timestamptz(*mark - *parse_interval("1000 milliseconds")), "2026-12-06 09:59:59.250000+00:00");
  EXPECT_EQ(parse_timestamptz("2026-12-06 11:00:00+01"), parse_timestamptz("2026-12-06 10:00:00Z"));
  EXPECT_EQ(parse_interval("2s"), 2'000'000);
  EXPECT_FALSE(parse_interval("a fortnight"));
}

TEST(CrdbStandinResponder, AnswersTheConnectStatements) {
  Standin standin("v26.2");
  EXPECT_EQ(standin.rows("SELECT version()")[0][0], standin.release().version);
  EXPECT_EQ(standin.rows("SELECT current_database()")[0][0], "defaultdb");
  EXPECT_EQ(standin.run("SET statement_timeout = '30s'").tag, "SET");
  EXPECT_EQ(standin.rows("SHOW statement_timeout")[0][0], "30s");
  EXPECT_EQ(standin.rows("SHOW TIME ZONE")[0][0], "UTC");
  const auto marked = standin.rows("SELECT now() - $1::INTERVAL", {std::string("1000 milliseconds")});
  ASSERT_TRUE(marked[0][0]);
  EXPECT_TRUE(parse_timestamptz(*marked[0][0])) << *marked[0][0];
  EXPECT_EQ(standin.sqlstate("SHOW lock_timeout"), "XX000");  // default not established
}

TEST(CrdbStandinResponder, FiltersTheStateWithParameters) {
  Standin standin("v25.2");
  EXPECT_EQ(standin.rows(kUserSchemas, {std::nullopt}), (std::vector<Row>{{std::string("public")}}));
  EXPECT_EQ(standin.rows(kUserSchemas, {std::string("{public,x}")}).size(), 1u);
  EXPECT_TRUE(standin.rows(kUserSchemas, {std::string("{x}")}).empty());
  EXPECT_EQ(standin.sqlstate(kUserSchemas), "08P01");  // $1 not given
}

TEST(CrdbStandinResponder, RefusesCrdbInternalOnlyWithTheGateClosed) {
  const std::string query =
      "SELECT schema_name, descriptor_name, create_nofks FROM crdb_internal.create_statements "
      "WHERE database_name = current_database() AND descriptor_type IN ('table', 'sequence') ORDER BY descriptor_id";
  EXPECT_EQ(Standin("v24.3", "off").rows(query).size(), 3u);  // no gate before v25.4
  EXPECT_EQ(Standin("v25.4").rows(query).size(), 3u);         // on by default
  Standin closed("v26.2");
  EXPECT_EQ(closed.sqlstate(query), "42501");
  EXPECT_EQ(closed.sqlstate("SELECT crdb_internal.show_create_all_tables('defaultdb')"), "42501");
  EXPECT_EQ(closed.run("SET allow_unsafe_internals = true").tag, "SET");
  EXPECT_EQ(closed.rows(query).size(), 3u);
  EXPECT_EQ(closed.sqlstate("SELECT count(*) FROM [SHOW DATABASES]"), "XX000");  // no aggregates
}

TEST(CrdbStandinResponder, KnowsWhichReleaseRenamedAlterStatements) {
  const std::string alter =
      "SELECT unnest(alter_statements) FROM crdb_internal.create_statements "
      "WHERE descriptor_type = 'table' ORDER BY descriptor_id";
  EXPECT_EQ(Standin("v24.3").rows(alter).size(), 2u);
  Standin renamed("v26.3", "on");
  EXPECT_EQ(renamed.sqlstate(alter), "42703");
  EXPECT_EQ(renamed.rows("SELECT unnest(fk_statements) FROM crdb_internal.create_statements").size(), 2u);
}

TEST(CrdbStandinResponder, ProbesJobColumnsByRelease) {
  const std::string probe =
      "SELECT job_id, job_type, description, status, created, fraction_completed, error, descriptor_ids, user_name "
      "FROM crdb_internal.jobs LIMIT 0";
  EXPECT_EQ(Standin("v24.3").sqlstate(probe), "");
  EXPECT_EQ(Standin("v25.4").sqlstate(probe), "42703");
  EXPECT_EQ(Standin("v26.2").sqlstate(probe), "42501");
  EXPECT_EQ(Standin("v26.3").sqlstate("SELECT job_id FROM information_schema.crdb_jobs_with_progress LIMIT 0"),
            "42P01");
  EXPECT_TRUE(Standin("v26.2").rows("SELECT job_id, status FROM [SHOW JOBS] WHERE job_type = 'SCHEMA CHANGE'").empty());
}

TEST(CrdbStandinResponder, AnswersShowFormsFromRecordedRows) {
  Standin standin("v26.2");
  const auto databases = standin.rows(
      "SELECT primary_region, regions::STRING, survival_goal FROM [SHOW DATABASES] "
      "WHERE database_name = current_database()");
  EXPECT_EQ(databases, (std::vector<Row>{{std::nullopt, std::string("{}"), std::nullopt}}));
  EXPECT_EQ(standin.rows("SHOW CREATE ALL TABLES").size(), 9u);
  EXPECT_EQ(standin.rows("SHOW REGIONS FROM DATABASE mr1").size(), 5u);
  EXPECT_EQ(standin.sqlstate("SHOW REGIONS FROM DATABASE"), "XX000");  // nothing recorded for defaultdb
  EXPECT_EQ(standin.sqlstate("SHOW CREATE ALL ROUTINES"), "XX000");    // exists, no rows recorded
  EXPECT_EQ(Standin("v24.3").sqlstate("SHOW CREATE ALL ROUTINES"), "42601");
}

TEST(CrdbStandinResponder, AcceptsOnlyTheFormsOfTheRelease) {
  Standin old("v24.3");
  EXPECT_EQ(old.run("CREATE TABLE IF NOT EXISTS strata_lock (name text PRIMARY KEY, holder text NOT NULL)").tag,
            "CREATE TABLE");
  EXPECT_EQ(old.sqlstate("SELECT holder FROM strata_lock"), "42P01");  // DDL has no effect
  EXPECT_EQ(old.sqlstate("CREATE INDEX v ON t USING vector (e)"), "42601");
  EXPECT_EQ(old.sqlstate("CREATE VECTOR INDEX v ON t (e)"), "42601");
  EXPECT_EQ(Standin("v25.4").sqlstate("CREATE VECTOR INDEX v ON t (e)"), "");
  EXPECT_EQ(old.sqlstate("SET allow_unsafe_internals = on"), "42704");
  EXPECT_EQ(old.sqlstate("GRANT ALL ON t TO u"), "XX000");
  const Answer unknown = old.run("VACUUM");
  ASSERT_TRUE(unknown.error);
  EXPECT_EQ(unknown.error->message, "stand-in: no recorded answer for: VACUUM");
}

TEST(CrdbStandinResponder, TracksAFailedTransactionBlock) {
  Standin standin("v25.2");
  EXPECT_EQ(standin.run("BEGIN").tag, "BEGIN");
  EXPECT_EQ(standin.sqlstate("SELECT nope FROM pg_catalog.pg_class"), "42703");
  EXPECT_EQ(standin.session().transaction, TransactionState::Failed);
  EXPECT_EQ(standin.sqlstate("SELECT 1"), "25P02");
  EXPECT_EQ(standin.run("COMMIT").tag, "ROLLBACK");
  EXPECT_EQ(standin.session().transaction, TransactionState::Idle);
}

}  // namespace
}  // namespace strata::standin
