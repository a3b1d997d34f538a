// Properties of canonical_expression() on any input: idempotence on every test input, the tree kept
// through printing for generated expressions, robustness on mutated and random bytes, linear time
// on large input; and the lexer's regressions.
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

// A readable dump of the canonicalised tree of `sql`, or nullopt when it does not parse.
std::string dump(const expr::Node& node) {
  std::string out = "(" + std::to_string(static_cast<int>(node.kind)) + ":" + node.text;
  for (const std::string& name : node.names) out += "." + name;
  const bool flags[] = {node.distinct, node.star, node.has_operand, node.slice, node.all, node.negated, node.raw_list};
  for (const bool flag : flags) out += flag ? "1" : "0";
  for (const expr::Node& child : node.children) out += " " + dump(child);
  return out + ")";
}

std::optional<std::string> tree_of(const std::string& sql) {
  try {
    const std::vector<expr::Token> tokens = expr::lex(sql);
    expr::Node node = expr::Parser(tokens).parse();
    expr::canonicalize(node);
    return dump(node);
  } catch (...) {
    return std::nullopt;
  }
}

// Random expressions, valid SQL by construction, to check that printing keeps the tree.
class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  std::string expression(int depth) {
    if (depth <= 0 || pick(5) == 0) return leaf();
    const int d = depth - 1;
    switch (pick(20)) {
      case 0:
      case 1:
      case 2:
        return operand(d) + " " + one_of(kBinary) + " " + operand(d);
      case 3:
        return one_of({"- ", "+", "NOT ", "~ ", "@ "}) + operand(d);
      case 4:
        return operand(d) + one_of({" IS NULL", " IS NOT NULL", " IS TRUE", " ISNULL", " IS NOT FALSE"});
      case 5:
        return operand(d) + one_of({" IS DISTINCT FROM ", " IS NOT DISTINCT FROM "}) + operand(d);
      case 6:
        return operand(d) + one_of({" LIKE ", " NOT ILIKE ", " SIMILAR TO ", " NOT LIKE ", " ILIKE "}) + operand(d) +
               (pick(4) == 0 ? " ESCAPE '!'" : "");
      case 7:
        return operand(d) + one_of({" IN (", " NOT IN ("}) + list(d) + ")";
      case 8:
        return operand(d) + one_of({" = ANY (", " <> ALL (", " > ANY ("}) +
               (pick(2) == 0 ? "ARRAY[" + list(d) + "])" : "(ARRAY[" + list(d) + "])::text[])");
      case 9:
        return operand(d) + one_of({" BETWEEN ", " NOT BETWEEN ", " BETWEEN SYMMETRIC "}) + operand(d) + " AND " +
               operand(d);
      case 10:
        return operand(d) + one_of({"::", ":::"}) + one_of(kTypes);
      case 11:
        return "CAST(" + expression(d) + " AS " + one_of(kTypes) + ")";
      case 12:
        return one_of({"lower(", "f(", "s.g(", "COALESCE(", "greatest(", "\"substring\"(", "btrim(", "nextval("}) +
               list(d) + ")";
      case 13:
        return one_of({"EXTRACT(year FROM ", "SUBSTRING(x FROM ", "TRIM(LEADING 'x' FROM ", "POSITION('a' IN ",
                       "OVERLAY(x PLACING 'y' FROM "}) +
               expression(d) + ")";
      case 14:
        return "CASE " + (pick(2) == 0 ? operand(d) + " " : "") + "WHEN " + expression(d) + " THEN " + expression(d) +
               (pick(2) == 0 ? "" : " ELSE " + expression(d)) + " END";
      case 15:
        return one_of({"a[", "(" + expression(d) + ")[", "b.c["}) + expression(d) +
               (pick(3) == 0 ? ":" + expression(d) : "") + "]";
      case 16:
        return "(" + expression(d) + ")." + one_of({"f", "\"G\"", "h"});
      case 17:
        return operand(d) + one_of({" COLLATE \"C\"", " AT TIME ZONE 'UTC'", " AT TIME ZONE " + operand(d)});
      case 18:
        return pick(3) == 0 ? "ARRAY[" + list(d) + "]"
                            : one_of({"ROW(", "("}) + expression(d) + ", " + expression(d) + ")";
      default:
        return "(" + expression(d) + ")";
    }
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string one_of(const std::vector<std::string>& choices) {
    return choices[static_cast<std::size_t>(pick(static_cast<int>(choices.size())))];
  }

  std::string operand(int depth) {
    const std::string e = expression(depth);
    return pick(3) == 0 ? "(" + e + ")" : e;
  }

  std::string list(int depth) {
    std::string out = expression(depth);
    for (int n = pick(3); n > 0; --n) out += ", " + expression(depth);
    return out;
  }

  std::string leaf() {
    return one_of({"a",
                   "b",
                   "t.c",
                   "\"Mixed\"",
                   "\"select\"",
                   "\"amount\"",
                   "\"time\"",
                   "day",
                   "at",
                   "1",
                   "0",
                   "2.5",
                   "1e3",
                   "'x'",
                   "'it''s'",
                   "NULL",
                   "TRUE",
                   "false",
                   "$1",
                   "CURRENT_TIMESTAMP",
                   "now()",
                   "current_date",
                   "'{}'::jsonb",
                   "(0)::numeric",
                   "'-1'::integer",
                   "E'a\\nb'",
                   "X'1F'",
                   "$$d$$",
                   "ARRAY[1, 2]",
                   "date '2020-01-01'",
                   "count(*)",
                   "USER",
                   "-1",
                   "(name)::text",
                   "now():::TIMESTAMPTZ",
                   "(x IN (SELECT 1))",
                   "ARRAY[]::int[]"});
  }

  const std::vector<std::string> kBinary = {
      "+",  "-", "*", "/",  "%",  "^",   "||", "->", "->>", "@>", "<@",  "~~", "=",  "<>",
      "!=", "<", ">", "<=", ">=", "AND", "OR", "#>", "~",   "&&", "!~~", "|/", "<->"};
  const std::vector<std::string> kTypes = {"text",
                                           "integer",
                                           "int8",
                                           "varchar(10)",
                                           "character varying",
                                           "numeric(10,2)",
                                           "jsonb",
                                           "date",
                                           "timestamp with time zone",
                                           "double precision",
                                           "int[]",
                                           "public.my_enum",
                                           "\"Odd\"",
                                           "regclass",
                                           "STRING",
                                           "bool"};
  std::mt19937 rng_;
};

TEST(Expression, IdempotentOnEveryTestInput) {
  for (const std::string& input : all_inputs()) {
    const std::string once = canonical_expression(input);
    EXPECT_EQ(canonical_expression(once), once) << "input: " << input;
  }
}

TEST(Expression, PrintingKeepsTheTreeOfGeneratedExpressions) {
  Generator generator(20240601);
  int parsed = 0;
  constexpr int kCount = 1500;
  for (int i = 0; i < kCount; ++i) {
    const std::string input = generator.expression(5);
    const std::string once = canonical_expression(input);
    ASSERT_EQ(canonical_expression(once), once) << "input: " << input;
    const std::optional<std::string> tree = tree_of(input);
    if (!tree) continue;
    ++parsed;
    ASSERT_EQ(tree_of(once), tree) << "input: " << input << "\ncanonical: " << once;
  }
  EXPECT_GT(parsed, kCount * 9 / 10);
}

TEST(Expression, MutatedInputIsHandledAndIdempotent) {
  std::mt19937 rng(7);
  const std::string alphabet = "()[]'\"$:.,;-+*/<>=~!@#%^&|` \nabcEX019_\\";
  for (const std::string& input : all_inputs()) {
    for (int round = 0; round < 6; ++round) {
      std::string text = input;
      for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) {
        const std::size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
        const char c = alphabet[rng() % alphabet.size()];
        switch (rng() % 3) {
          case 0:
            text.insert(at, 1, c);
            break;
          case 1:
            if (at < text.size()) text.erase(at, 1);
            break;
          default:
            if (at < text.size()) text[at] = c;
            break;
        }
      }
      const std::string once = canonical_expression(text);
      ASSERT_EQ(canonical_expression(once), once) << "input: " << text;
    }
  }
}

TEST(Expression, RandomBytesNeverCrashAndAreIdempotent) {
  std::mt19937 rng(12345);
  const std::string sqlish = "()[]'\"$:.,;-+*/<>=~!@#%^&|`?{}\\ \t\nabcexyzEUAND019_";
  for (int i = 0; i < 500; ++i) {
    std::string text;
    for (std::size_t n = rng() % 100; n > 0; --n) {
      text += rng() % 2 == 0 ? sqlish[rng() % sqlish.size()] : static_cast<char>(rng() % 256);
    }
    const std::string once = canonical_expression(text);
    ASSERT_EQ(canonical_expression(once), once) << "input #" << i;
  }
  const std::string with_nul("a\0b = '\0'", 9);
  EXPECT_EQ(canonical_expression(canonical_expression(with_nul)), canonical_expression(with_nul));
  const std::string bad_utf8 = "\xff\xfe = '\xc3\x28' AND \"\x80\" > 1";
  EXPECT_EQ(canonical_expression(canonical_expression(bad_utf8)), canonical_expression(bad_utf8));
}

TEST(Expression, DeepNestingFallsBackToTokenForm) {
  const std::string nested = std::string(200, '(') + "x" + std::string(200, ')');
  EXPECT_EQ(canonical_expression(nested), nested);
  EXPECT_EQ(canonical_expression(std::string(40, '(') + "x" + std::string(40, ')')), "x");

  std::string minus;
  for (int i = 0; i < 5000; ++i) minus += "- ";
  minus += "x";
  const std::string once = canonical_expression(minus);
  EXPECT_EQ(canonical_expression(once), once);

  std::string chain = "a";
  for (int i = 0; i < 3000; ++i) chain += " + a";
  EXPECT_EQ(canonical_expression(chain), chain);

  const std::string brackets = "ARRAY" + std::string(300, '[') + "1" + std::string(300, ']');
  EXPECT_EQ(canonical_expression(canonical_expression(brackets)), canonical_expression(brackets));
}

TEST(Expression, LargeInputTakesLinearTime) {
  std::string list = "x IN (0";
  std::string between = "x BETWEEN 0 AND 1";
  std::string garbage;
  for (int i = 1; i < 50000; ++i) {
    list += ", " + std::to_string(i);
    garbage += "(a b " + std::to_string(i) + ") ";
  }
  list += ")";
  for (int i = 0; i < 60; ++i) between = "(" + between + ") BETWEEN 0 AND 1";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(canonical_expression(list).size(), list.size());
  EXPECT_FALSE(canonical_expression(garbage).empty());
  EXPECT_FALSE(canonical_expression(between).empty());
  EXPECT_FALSE(canonical_expression(std::string(200000, '(')).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

// Found by strata_fuzz_lint: after a string, whitespace holding a newline and then more whitespace
// looped for ever (the scan stopped advancing once it had seen the newline).
TEST(ExpressionLexer, WhitespaceAfterAStringEndsEvenPastANewline) {
  const auto continued = expr::lex("'a'\n  \n\t 'b' x");
  ASSERT_EQ(continued.size(), 2u);
  EXPECT_EQ(continued[0].kind, expr::TokenKind::String);
  EXPECT_EQ(continued[0].text, "ab");
  EXPECT_EQ(continued[1].text, "x");
  const auto ended = expr::lex("'a'\n\n   \n");
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].text, "a");
  const auto separate = expr::lex("'a'\n   y");
  ASSERT_EQ(separate.size(), 2u);
  EXPECT_EQ(separate[1].text, "y");
}

}  // namespace
}  // namespace strata
