// The CockroachDB stand-in over the wire, as strata talks to a server (libpqxx: a connection, a
// nontransaction, exec and exec_params), for every release of the catalogue with
// allow_unsafe_internals on and off. Needs no PostgreSQL.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "support/crdb_standin.hpp"
#include "support/crdb_standin/catalogue.hpp"

namespace strata::testing {
namespace {

using Case = StandinCase;

// libpqxx 6.4 leaves the SQLSTATE out of some exceptions it maps (insufficient_privilege among them).
std::string sqlstate_of(const pqxx::sql_error& error) {
  if (error.sqlstate().empty() && dynamic_cast<const pqxx::insufficient_privilege*>(&error)) return "42501";
  return error.sqlstate();
}

// The SQLSTATE `sql` fails with on `connection`, or "" when it succeeds.
std::string sqlstate_of(pqxx::connection& connection, const std::string& sql) {
  pqxx::nontransaction tx(connection);
  try {
    tx.exec(sql);
  } catch (const pqxx::sql_error& e) {
    return sqlstate_of(e);
  }
  return "";
}

std::vector<std::optional<std::string>> column(const pqxx::result& rows) {
  std::vector<std::optional<std::string>> values;
  for (const auto& row : rows) values.push_back(row[0].is_null() ? std::nullopt : std::optional(row[0].c_str()));
  return values;
}

class CrdbStandinTest : public ::testing::TestWithParam<Case> {
 protected:
  CrdbStandinTest()
      : release_(standin::load_release(CrdbStandin::catalogue_dir(), GetParam().release)),
        standin_(GetParam().release, GetParam().unsafe_internals) {}

  // Whether this release refuses crdb_internal in this setting.
  bool gated() const { return release_.gate && GetParam().unsafe_internals == "off"; }

  standin::Release release_;
  CrdbStandin standin_;
};

TEST_P(CrdbStandinTest, AnswersAsTheReleaseWould) {
  pqxx::connection connection(standin_.url());
  std::vector<std::pair<std::string, std::string>> sent;  // statement, expected SQLSTATE
  {
    pqxx::nontransaction tx(connection);
    EXPECT_EQ(tx.exec("SELECT version()")[0][0].c_str(), release_.version);
    sent.emplace_back("SELECT version()", "");
  }
  const std::string create_nofks =
      "SELECT schema_name, descriptor_name, create_nofks FROM crdb_internal.create_statements "
      "WHERE database_name = $1 AND descriptor_type IN ('table', 'sequence') ORDER BY descriptor_id";
  {
    pqxx::nontransaction tx(connection);
    try {
      const auto rows = tx.exec_params(create_nofks, std::string("defaultdb"));
      EXPECT_FALSE(gated());
      ASSERT_EQ(rows.size(), 3u);
      EXPECT_EQ(std::string(rows[1][1].c_str()), "full_test");
      sent.emplace_back(create_nofks, "");
    } catch (const pqxx::sql_error& e) {
      EXPECT_TRUE(gated()) << e.what();
      EXPECT_EQ(sqlstate_of(e), "42501");
      EXPECT_NE(std::string(e.what()).find("Access to crdb_internal and system is restricted."), std::string::npos);
      sent.emplace_back(create_nofks, "42501");
    }
  }
  const std::string missing_column = "SELECT nspname, no_such_column FROM pg_catalog.pg_namespace";
  EXPECT_EQ(sqlstate_of(connection, missing_column), "42703");
  sent.emplace_back(missing_column, "42703");
  const std::string missing_relation = "SELECT version FROM strata_schema_history ORDER BY version";
  EXPECT_EQ(sqlstate_of(connection, missing_relation), "42P01");
  sent.emplace_back(missing_relation, "42P01");
  {
    pqxx::nontransaction tx(connection);
    std::vector<std::optional<std::string>> recorded;
    for (const auto& form : release_.show) {
      if (form.form == "SHOW CREATE ALL TABLES") {
        for (const auto& row : form.rows->rows) recorded.push_back(row[0]);
      }
    }
    ASSERT_FALSE(recorded.empty());
    EXPECT_EQ(column(tx.exec("SHOW CREATE ALL TABLES")), recorded);
    sent.emplace_back("SHOW CREATE ALL TABLES", "");
  }
  const std::string database =
      "SELECT primary_region, regions::STRING, survival_goal FROM [SHOW DATABASES] "
      "WHERE database_name = current_database()";
  {
    pqxx::nontransaction tx(connection);
    const auto rows = tx.exec(database);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0][0].is_null());
    EXPECT_EQ(std::string(rows[0][1].c_str()), "{}");
    EXPECT_TRUE(rows[0][2].is_null());
    sent.emplace_back(database, "");
  }

  const auto logged = standin_.statements();
  ASSERT_EQ(logged.size(), sent.size());
  for (size_t i = 0; i < sent.size(); ++i) {
    EXPECT_EQ(logged[i].statement, sent[i].first);
    EXPECT_EQ(logged[i].sqlstate, sent[i].second) << sent[i].first;
    EXPECT_EQ(logged[i].session, logged[0].session);
  }
  EXPECT_EQ(logged[1].params, (std::vector<std::optional<std::string>>{std::string("defaultdb")}));
}

TEST_P(CrdbStandinTest, SetsAllowUnsafeInternalsOnlyWhereItExists) {
  pqxx::connection connection(standin_.url());
  const bool exists = release_.gate.has_value();
  EXPECT_EQ(sqlstate_of(connection, "SET allow_unsafe_internals = off"), exists ? "" : "42704");
  if (!exists) return;
  EXPECT_EQ(sqlstate_of(connection, "SELECT descriptor_name FROM crdb_internal.create_type_statements"), "42501");
  EXPECT_EQ(sqlstate_of(connection, "SET allow_unsafe_internals = on"), "");
  pqxx::nontransaction tx(connection);
  EXPECT_EQ(tx.exec("SHOW allow_unsafe_internals")[0][0].c_str(), std::string("on"));
  EXPECT_EQ(tx.exec("SELECT descriptor_name FROM crdb_internal.create_type_statements").size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Releases, CrdbStandinTest, ::testing::ValuesIn(standin_cases()), standin_case_name);

TEST(CrdbStandin, ServesConnectionsAtTheSameTimeAndLogsEachSession) {
  CrdbStandin standin("v26.2");
  pqxx::connection first(standin.url());
  pqxx::connection second(standin.url());
  EXPECT_EQ(sqlstate_of(first, "SELECT current_user"), "");
  EXPECT_EQ(sqlstate_of(second, "SELECT nothing_here FROM pg_catalog.pg_class"), "42703");
  EXPECT_EQ(sqlstate_of(first, "VACUUM"), "XX000");
  const auto logged = standin.statements();
  ASSERT_EQ(logged.size(), 3u);
  EXPECT_EQ(logged[0].session, logged[2].session);
  EXPECT_NE(logged[0].session, logged[1].session);
  EXPECT_EQ(logged[2].sqlstate, "XX000");
}

TEST(CrdbStandin, FailsATransactionBlockUntilItEnds) {
  CrdbStandin standin("v25.4");
  pqxx::connection connection(standin.url());
  {
    pqxx::work tx(connection);
    EXPECT_THROW(tx.exec("SELECT nope FROM pg_catalog.pg_namespace"), pqxx::sql_error);
  }  // pqxx rolls back
  EXPECT_EQ(sqlstate_of(connection, "BEGIN; SELECT nope FROM pg_catalog.pg_namespace"), "42703");
  EXPECT_EQ(sqlstate_of(connection, "SELECT 1"), "25P02");
  EXPECT_EQ(sqlstate_of(connection, "ROLLBACK"), "");
  EXPECT_EQ(sqlstate_of(connection, "SELECT 1"), "");
  std::vector<std::string> statements;
  for (const auto& entry : standin.statements()) statements.push_back(entry.statement);
  EXPECT_EQ(statements.front(), "BEGIN");
  EXPECT_EQ(statements[2], "ROLLBACK");
}

}  // namespace
}  // namespace strata::testing
