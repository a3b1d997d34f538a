#include <gtest/gtest.h>

#include <set>

#include "engine/model/names.hpp"

namespace strata {
namespace {

TEST(Names, ShortNamesJoinWithUnderscores) {
  EXPECT_EQ(make_object_name("users", "email", "key"), "users_email_key");
  EXPECT_EQ(make_object_name("users", "", "pkey"), "users_pkey");
}

TEST(Names, LongNamesShortenTheLongerPartFirst) {
  const std::string table(60, 't');
  const std::string column(20, 'c');
  const std::string name = make_object_name(table, column, "idx");
  EXPECT_EQ(name.size(), 63u);
  // 63 - len("_idx") - 1 = 58 characters for both parts; the table part shrinks until it is no
  // longer the longer of the two: 38 + 20.
  EXPECT_EQ(name, std::string(38, 't') + "_" + column + "_idx");
}

TEST(Names, NeverSplitsAUtf8Character) {
  std::string table;
  for (int i = 0; i < 40; ++i) table += "é";  // 80 bytes
  const std::string name = make_object_name(table, "", "pkey");
  EXPECT_LE(name.size(), 63u);
  EXPECT_EQ(name.substr(name.size() - 5), "_pkey");
  const std::string part = name.substr(0, name.size() - 5);
  EXPECT_EQ(part.size() % 2, 0u) << "cut inside a two-byte character";
}

TEST(Names, ChooseNameCountsUpOnClash) {
  std::set<std::string> taken{"t_a_idx", "t_a_idx1"};
  EXPECT_EQ(choose_name("t", "a", "idx", [&](const std::string& n) { return taken.count(n) > 0; }), "t_a_idx2");
}

TEST(Names, ExpressionNamePart) {
  EXPECT_EQ(expression_name_part("lower(email)"), "lower");
  EXPECT_EQ(expression_name_part("pg_catalog.LOWER (email)"), "lower");
  EXPECT_EQ(expression_name_part("a + b"), "expr");
  EXPECT_EQ(expression_name_part("(a)"), "expr");
}

}  // namespace
}  // namespace strata
