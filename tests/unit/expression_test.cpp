// Tests for canonical_expression(): every rule of engine/expr/expression.hpp and the declared-versus-
// server pairs strata must treat as equal, under PostgreSQL's grammar and CockroachDB's. Properties on
// any input are in expression_robustness_test.cpp.
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/expr/expression.hpp"
#include "engine/expr/parser.hpp"
#include "engine/expr/rewrite.hpp"
#include "unit/expression_cases.hpp"

namespace strata {
namespace {

using namespace expr_cases;

const SqlGrammar kPostgres{};
const SqlGrammar kCockroach{true, true};

// Every spelling reads as `canonical` under each of `grammars`; a spelling with CockroachDB's `:::`
// only under a grammar that has it (PostgreSQL never prints one).
void expect_cases(const std::vector<Case>& cases, std::vector<SqlGrammar> grammars = {kPostgres, kCockroach}) {
  for (const SqlGrammar& grammar : grammars) {
    const char* name = grammar.cockroach_lexicon ? "CockroachDB" : "PostgreSQL";
    for (const Case& c : cases) {
      for (const std::string& spelling : c.spellings) {
        if (!grammar.cockroach_lexicon && spelling.find(":::") != std::string::npos) continue;
        EXPECT_EQ(canonical_expression(spelling, grammar), c.canonical) << name << " input: " << spelling;
      }
      EXPECT_EQ(canonical_expression(c.canonical, grammar), c.canonical) << name << ": canonical form is not canonical";
    }
  }
}

TEST(Expression, DeclaredAndServerSpellingsCompareEqual) {
  expect_cases(kServerPairs);
}

TEST(Expression, TokensAndKeywordCase) {
  expect_cases(kTokens);
}

TEST(Expression, Whitespace) {
  expect_cases(kWhitespace);
}

TEST(Expression, MinimalParentheses) {
  expect_cases(kParentheses);
}

TEST(Expression, ParenthesesKeptWhereCockroachDbRanksOperatorsDifferently) {
  expect_cases(kOtherOperators, {kCockroach});
}

// PostgreSQL's one level of "other" operators, left-associative: its canonical form needs none of
// the parentheses CockroachDB's grammar keeps.
TEST(Expression, PostgresGrammarDropsTheParenthesesOnlyCockroachDbNeeds) {
  expect_cases({{"a @> b -> 'x'", {"(a @> b) -> 'x'", "((a @> b) -> 'x'::text)"}},
                {"a ~ b || c", {"(a ~ b) || c"}},
                {"a | b & c", {"(a | b) & c"}},
                {"a || b -> 'c' ->> 'd'", {"((a || b) -> 'c') ->> 'd'"}},
                {"a @> (b -> 'x')", {"a @> (b -> 'x')"}}},
               {kPostgres});
}

TEST(Expression, CastsAndTypeNames) {
  expect_cases(kCastsAndTypeNames);
}

TEST(Expression, CastsDroppedForComparison) {
  expect_cases(kCastsDroppedForComparison);
}

TEST(Expression, NegativeNumbers) {
  expect_cases(kNegativeNumbers);
}

TEST(Expression, InListsAndAnyArray) {
  expect_cases(kInLists);
}

TEST(Expression, BetweenIsRewritten) {
  expect_cases(kBetween);
}

TEST(Expression, LikeOperators) {
  expect_cases(kLikeOperators);
}

TEST(Expression, CallsAndSpecialForms) {
  expect_cases(kCallsAndSpecialForms);
}

TEST(Expression, UnparsableInputComesBackAsNormalisedTokens) {
  expect_cases(kTokenForm);
}

TEST(Expression, DifferentExpressionsStayDifferent) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"a > 0", "a >= 0"},
      {"a + b * c", "(a + b) * c"},
      {"a - (b - c)", "a - b - c"},
      {"'x'", "'X'"},
      {"\"Col\"", "col"},
      {"x::integer", "x::bigint"},
      {"now()", "CURRENT_TIMESTAMP"},
      {"x IN (1, 2)", "x NOT IN (1, 2)"},
      {"f(a, b)", "f(b, a)"},
      {"x::varchar(10)", "x::varchar(20)"},
      {"NOT (a AND b)", "NOT a AND b"},
      {"a IS NULL", "a IS NOT NULL"},
      {"lower(a)", "upper(a)"},
      {"s.f(x)", "f(x)"},
      {"x::myschema.t", "x::t"},
      {"1", "'1'"},
      {"'a b'", "'a  b'"},
      {"E'\\n'", "'\\n'"},
  };
  for (const auto& [a, b] : pairs) {
    EXPECT_NE(canonical_expression(a), canonical_expression(b)) << a << " vs " << b;
    EXPECT_FALSE(same_expression(a, b));
  }
  EXPECT_TRUE(same_expression("lower((email)::text)", "LOWER( email )"));
}

// PostgreSQL prints the casts it added to coerce a column: with the table's column types they go,
// where they made no difference.
TEST(Expression, ColumnTypesDropTheCastsTheServerAdded) {
  const ColumnTypes columns = {{"price", "numeric(10,2)"}, {"qty", "integer"},     {"n", "bigint"}, {"d", "date"},
                               {"ts", "timestamptz"},      {"name", "varchar(20)"}};
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"price * qty", "(price * (qty)::numeric)"},
      {"qty * price", "((qty)::numeric * price)"},
      {"qty > 1.5", "((qty)::numeric > 1.5)"},
      {"n + qty > 0", "((n + qty) > 0)"},
      {"d < ts", "((d)::timestamp with time zone < ts)"},
      {"price * qty >= 10", "((price * (qty)::numeric) >= (10)::numeric)"},
  };
  for (const auto& [declared, server] : pairs) {
    EXPECT_EQ(canonical_expression(server, columns), canonical_expression(declared, columns)) << server;
    const std::string once = canonical_expression(server, columns);
    EXPECT_EQ(canonical_expression(once, columns), once) << server;
  }
  // A cast that changes the result stays: numeric division, not integer division.
  EXPECT_EQ(canonical_expression("((qty)::numeric / (3)::numeric)", columns), "qty::numeric / 3");
  EXPECT_NE(canonical_expression("qty::numeric / 3", columns), canonical_expression("qty / 3", columns));
  // Narrowing, other lists, unknown columns and typmods keep their casts; so does every cast
  // without the column types.
  EXPECT_EQ(canonical_expression("n::integer = qty", columns), "n::integer = qty");
  EXPECT_EQ(canonical_expression("qty::date = d", columns), "qty::date = d");
  EXPECT_EQ(canonical_expression("other::numeric * price", columns), "other::numeric * price");
  EXPECT_EQ(canonical_expression("qty::numeric(12,2) * price", columns), "qty::numeric(12,2) * price");
  EXPECT_EQ(canonical_expression("(price * (qty)::numeric)"), "price * qty::numeric");
}

// The server prints a date/time constant as a value of its type (a timestamptz in the session's
// time zone, UTC here); a cast or the column on the other side says the type.
TEST(Expression, DateTimeLiteralsComeOutAsTheServerPrintsThem) {
  EXPECT_EQ(canonical_expression("'2020-01-01'::timestamptz"), "'2020-01-01 00:00:00+00'");
  EXPECT_EQ(canonical_expression("'2020-01-01 00:00:00+00'::timestamp with time zone"), "'2020-01-01 00:00:00+00'");
  EXPECT_EQ(canonical_expression("'2020-01-01T10:30:00.500+02'::timestamptz"), "'2020-01-01 08:30:00.5+00'");
  EXPECT_EQ(canonical_expression("'2020-01-01 01:00-05:00'::timestamptz"), "'2020-01-01 06:00:00+00'");
  EXPECT_EQ(canonical_expression("'2020-01-01 00:30+01'::timestamptz"), "'2019-12-31 23:30:00+00'");
  EXPECT_EQ(canonical_expression("'2020-1-2'::date"), "'2020-01-02'");
  EXPECT_EQ(canonical_expression("'2021-03-04 05:06:07.123456'::timestamp"), "'2021-03-04 05:06:07.123456'");
  EXPECT_EQ(canonical_expression("'10:00'::time"), "'10:00:00'");
  // Not ISO, or out of range: left as written.
  EXPECT_EQ(canonical_expression("'now'::timestamptz"), "'now'");
  EXPECT_EQ(canonical_expression("'2020-02-30'::date"), "'2020-02-30'");
  EXPECT_EQ(canonical_expression("'2020-01-01'::text"), "'2020-01-01'");

  const ColumnTypes columns = {{"a", "timestamptz"}, {"b", "timestamp(3)"}, {"c", "date"}, {"t", "text"}};
  EXPECT_EQ(canonical_expression("a > '2020-01-01'", columns),
            canonical_expression("(a > '2020-01-01 00:00:00+00'::timestamp with time zone)", columns));
  EXPECT_EQ(canonical_expression("'2020-01-01' <= b", columns), "'2020-01-01 00:00:00' <= b");
  EXPECT_EQ(canonical_expression("c = '2020-1-1'", columns), "c = '2020-01-01'");
  EXPECT_EQ(canonical_expression("t = '2020-1-1'", columns), "t = '2020-1-1'");
  for (const char* input : {"a > '2020-01-01'", "'2020-01-01' <= b", "c = '2020-1-1'"}) {
    const std::string once = canonical_expression(input, columns);
    EXPECT_EQ(canonical_expression(once, columns), once);
  }
}

TEST(Expression, MentionsColumn) {
  EXPECT_TRUE(mentions_column("state IN ('queued', 'running')", "state"));
  EXPECT_TRUE(mentions_column("lower(\"State\") = 'x'", "State"));
  EXPECT_FALSE(mentions_column("lower(\"State\") = 'state'", "state"));
  EXPECT_FALSE(mentions_column("t.state = 1 AND states > 0", "state"));
  EXPECT_TRUE(mentions_column("state +* (", "state"));  // does not parse: it may
}

TEST(Expression, RenameColumnsRenamesColumnsOnly) {
  const std::map<std::string, std::string> renames = {{"body", "content"}, {"lower", "low"}, {"Words", "word count"}};
  EXPECT_EQ(rename_columns("(body <> ''::text)", renames), "content <> ''");
  EXPECT_EQ(rename_columns("lower(body) = lower", renames), "lower(content) = low");
  EXPECT_EQ(rename_columns("\"Words\" > 100 AND words > 1", renames), "\"word count\" > 100 AND words > 1");
  EXPECT_EQ(rename_columns("t.body IS NULL", renames), "t.body IS NULL");  // qualified: another table's
  EXPECT_EQ(rename_columns("body = 'body'", {}), "body = 'body'");
  EXPECT_EQ(rename_columns("body +* (", renames), "body +* (");  // does not parse: unchanged
}

}  // namespace
}  // namespace strata
