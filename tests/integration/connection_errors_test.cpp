// What a refused statement reports: the server's message with its SQLSTATE, also where libpqxx
// leaves the SQLSTATE out.
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/db/connection.hpp"
#include "strata/errors.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

TEST(ConnectionErrors, PermissionDeniedKeepsItsSqlstate) {
  testing::TestDatabase db;
  Connection connection(db.url());
  const std::string role = "strata_no_rights_" + std::to_string(getpid());
  connection.exec("DROP ROLE IF EXISTS " + role);
  connection.exec("CREATE ROLE " + role);
  connection.exec("SET ROLE " + role);
  try {
    connection.exec("CREATE TABLE public.forbidden (id int)");
    ADD_FAILURE() << "a role without rights created a table";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.sqlstate(), "42501");
    EXPECT_THAT(error.what(), ::testing::HasSubstr("permission denied for schema public"));
    EXPECT_THAT(error.what(), ::testing::EndsWith("(SQLSTATE 42501)"));
  }
  connection.exec("RESET ROLE");
  connection.exec("DROP ROLE " + role);
}

}  // namespace
}  // namespace strata
