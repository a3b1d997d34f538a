#include <gtest/gtest.h>

#include "engine/model/quote.hpp"
#include "strata/errors.hpp"

namespace strata {
namespace {

TEST(Quote, PlainLowerCaseWordsStayBare) {
  EXPECT_EQ(quote_ident("users"), "users");
  EXPECT_EQ(quote_ident("_private1"), "_private1");
}

TEST(Quote, EverythingElseIsQuoted) {
  EXPECT_EQ(quote_ident("Users"), "\"Users\"");
  EXPECT_EQ(quote_ident("order line"), "\"order line\"");
  EXPECT_EQ(quote_ident("quote\"d"), "\"quote\"\"d\"");
  EXPECT_EQ(quote_ident("1st"), "\"1st\"");
  EXPECT_EQ(quote_ident("naïve"), "\"naïve\"");
  EXPECT_EQ(quote_ident("back\\slash"), "\"back\\slash\"");
  EXPECT_EQ(quote_ident("dollar$"), "\"dollar$\"");
  EXPECT_EQ(quote_ident(""), "\"\"");
}

TEST(Quote, KeywordsAreQuoted) {
  for (const char* word : {"select", "table", "user", "order", "primary", "index", "family", "desc", "default", "check",
                           "column", "integer", "between", "like", "is", "nothing"}) {
    EXPECT_EQ(quote_ident(word), std::string("\"") + word + "\"") << word;
  }
  // Unreserved keywords can stand bare.
  EXPECT_EQ(quote_ident("name"), "name");
  EXPECT_EQ(quote_ident("type"), "type");
  EXPECT_EQ(quote_ident("status"), "status");
}

TEST(Quote, QualifiedNames) {
  EXPECT_EQ(quote_qualified("sales", "Orders"), "sales.\"Orders\"");
  EXPECT_EQ(quote_qualified("", "t"), "t");
}

TEST(Quote, Literals) {
  EXPECT_EQ(quote_literal("it's"), "'it''s'");
  EXPECT_EQ(quote_literal("back\\slash"), "'back\\slash'");
  EXPECT_THROW(quote_literal(std::string("a\0b", 3)), PlanError);
}

}  // namespace
}  // namespace strata
