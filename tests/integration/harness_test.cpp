// The test harness itself: the throwaway server and TestDatabase.
#include "support/test_database.hpp"

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include <optional>
#include <string>

namespace {

using strata::testing::TestDatabase;

bool database_exists(const std::string& name) {
  pqxx::connection admin{strata::testing::admin_url()};
  pqxx::nontransaction tx{admin};
  return tx.exec_params1("SELECT count(*) FROM pg_database WHERE datname = $1", name)[0].as<int>() == 1;
}

std::string query_one(const std::string& url, const std::string& sql) {
  pqxx::connection c{url};
  pqxx::nontransaction tx{c};
  return tx.exec1(sql)[0].as<std::string>();
}

TEST(Harness, EachTestDatabaseIsFreshAndDistinct) {
  TestDatabase a;
  TestDatabase b;
  EXPECT_NE(a.name(), b.name());
  EXPECT_NE(a.url(), b.url());
  EXPECT_TRUE(database_exists(a.name()));
  EXPECT_TRUE(database_exists(b.name()));
  EXPECT_EQ(query_one(a.url(), "SELECT current_database()"), a.name());
  EXPECT_EQ(query_one(b.url(), "SELECT current_database()"), b.name());
  EXPECT_EQ(query_one(a.url(),
                      "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE n.nspname = 'public'"),
            "0");
}

TEST(Harness, DatabaseIsDroppedOnDestructionEvenWhileConnected) {
  std::optional<pqxx::connection> still_open;  // outlives the database: the drop must force it
  std::string name;
  {
    TestDatabase db;
    name = db.name();
    still_open.emplace(db.url());
    ASSERT_TRUE(database_exists(name));
  }
  EXPECT_FALSE(database_exists(name));
}

TEST(Harness, TablesAreNotSharedBetweenDatabases) {
  TestDatabase a;
  TestDatabase b;
  {
    pqxx::connection c{a.url()};
    pqxx::work tx{c};
    tx.exec0("CREATE TABLE harness_probe (id int PRIMARY KEY)");
    tx.exec0("INSERT INTO harness_probe VALUES (1)");
    tx.commit();
  }
  EXPECT_EQ(query_one(a.url(), "SELECT count(*) FROM harness_probe"), "1");
  EXPECT_EQ(query_one(b.url(), "SELECT coalesce(to_regclass('public.harness_probe')::text, 'absent')"), "absent");
}

TEST(Harness, ServerListensOnLoopbackOnly) {
  EXPECT_EQ(query_one(strata::testing::admin_url(), "SHOW listen_addresses"), "127.0.0.1");
}

TEST(Harness, DatabaseNameComesFromTheTestName) {
  TestDatabase db;
  EXPECT_EQ(db.name().rfind("harness_databasenamecomesfromthetestname_", 0), 0u) << db.name();
}

TEST(Harness, DatabaseNamesOfLongTestNamesFitInAnIdentifier_TheNameOfThisTestIsLongerThanSixtyThreeBytes) {
  TestDatabase db;
  EXPECT_LE(db.name().size(), 63u);
  EXPECT_TRUE(database_exists(db.name()));
}

TEST(Harness, UrlsKeepUserHostPortAndParameters) {
  using strata::testing::with_database;
  EXPECT_EQ(with_database("postgresql://postgres@127.0.0.1:5432/postgres", "x_1"),
            "postgresql://postgres@127.0.0.1:5432/x_1");
  EXPECT_EQ(with_database("postgresql://root@crdb:26257/defaultdb?sslmode=disable", "t"),
            "postgresql://root@crdb:26257/t?sslmode=disable");
  EXPECT_EQ(with_database("postgres://u:p@h:1?sslmode=require", "t"), "postgres://u:p@h:1/t?sslmode=require");
  EXPECT_EQ(with_database("host=127.0.0.1 port=5432", "t"), "host=127.0.0.1 port=5432 dbname='t'");
}

TEST(Harness, CockroachDbDatabase) {
  STRATA_REQUIRE_CRDB();
  auto db = TestDatabase::on_cockroachdb();
  EXPECT_NE(query_one(db.url(), "SELECT version()").find("CockroachDB"), std::string::npos);
  EXPECT_EQ(query_one(db.url(), "SELECT current_database()"), db.name());
}

}  // namespace
