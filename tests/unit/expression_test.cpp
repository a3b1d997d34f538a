// Tests for canonical_expression(): every rule of engine/expr/expression.hpp, the declared-versus-server
// pairs strata must treat as equal, idempotence on every input, and robustness on generated,
// mutated and random input.
#if __has_include("engine/expr/expression.hpp")
#include "engine/expr/expression.hpp"
#include "engine/expr/parser.hpp"
#include "engine/expr/rewrite.hpp"
#else  // built on its own with -I engine
#include "engine/expr/expression.hpp"
#include "engine/expr/parser.hpp"
#include "engine/expr/rewrite.hpp"
#endif

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace strata {
namespace {

// Spellings that must all canonicalise to `canonical`.
struct Case {
  std::string canonical;
  std::vector<std::string> spellings;
};

// The declared ↔ server pairs, each with its expected canonical string. Server spellings come from
// pg_get_expr() (plain and pretty) and CockroachDB's SHOW CREATE.
const std::vector<Case> kServerPairs = {
    {"amount >= 0", {"amount >= 0", "(amount >= (0)::numeric)", "amount >= 0::numeric"}},
    {"price > 0 AND price < 1000",
     {"price > 0 AND price < 1000", "((price > (0)::numeric) AND (price < (1000)::numeric))",
      "price > 0::numeric AND price < 1000::numeric"}},
    {"deleted_at IS NULL", {"deleted_at IS NULL", "(deleted_at IS NULL)"}},
    {"lower(email)", {"lower(email)", "lower((email)::text)", "lower(email::text)"}},
    {"status IN ('a', 'b')",
     {"status IN ('a','b')", "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))",
      "status::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])",
      "status IN ('a':::STRING, 'b':::STRING)"}},
    {"'PENDING'",
     {"'PENDING'", "'PENDING'::order_status", "'PENDING':::public.order_status",
      "'PENDING':::shop.public.order_status"}},
    {"now()", {"now()", "now():::TIMESTAMPTZ"}},
    {"i > 0", {"i > 0", "i > 0:::INT8"}},
    {"a + 10", {"a + 10", "a + 10:::INT8"}},
    {"(a + b) * c", {"(a + b) * c", "((a + b) * c)"}},
    {"a + b * c", {"a + (b * c)", "a+b*c"}},
    {"a - (b - c)", {"a - (b - c)", "(a - (b - c))"}},
    {"x >= 1 AND x <= 10", {"x BETWEEN 1 AND 10", "((x >= 1) AND (x <= 10))"}},
    {"name LIKE 'a%'", {"name ~~ 'a%'", "name LIKE 'a%'", "((name)::text ~~ 'a%'::text)"}},
    {"'{}'", {"'{}'::jsonb", "'{}'"}},
    {"'[]'", {"'[]'::json", "'[]'"}},
    {"CURRENT_TIMESTAMP", {"CURRENT_TIMESTAMP", "current_timestamp", "current_timestamp():::TIMESTAMPTZ"}},
    {"-1", {"-1", "'-1'::integer", "(-1)", "-1:::INT8"}},
    {"nextval('s')", {"nextval('s')", "nextval('s'::regclass)", "nextval('public.s'::REGCLASS)"}},
    {"upper(a) || lower(b)",
     {"upper(a) || lower(b)", "(upper((a)::text) || lower((b)::text))", "upper(a::text) || lower(b::text)"}},
    {"NOT (a AND b)", {"NOT (a AND b)", "(NOT (a AND b))"}},
    {"NOT a", {"NOT a", "(NOT a)"}},
    {"char_length(name) > 0",
     {"char_length(name) > 0", "(char_length((name)::text) > 0)", "char_length(name::text) > 0"}},
    {"name <> ''", {"name <> ''", "((name)::text <> ''::text)"}},
    {"gen_random_uuid()", {"gen_random_uuid()", "gen_random_uuid():::UUID"}},
    {"unique_rowid()", {"unique_rowid()", "unique_rowid():::INT8"}},
    {"'ap-southeast-2'", {"'ap-southeast-2':::public.crdb_internal_region", "'ap-southeast-2'"}},
    {"mod(fnv32(crdb_internal.datums_to_bytes(id)), 16)",
     {"mod(fnv32(crdb_internal.datums_to_bytes(id)), 16:::INT8)", "mod(fnv32(crdb_internal.datums_to_bytes(id)), 16)"}},
    {"CASE WHEN a > 0 THEN 'x' ELSE NULL END",
     {"CASE WHEN a > 0 THEN 'x' END", "CASE WHEN (a > 0) THEN 'x'::text ELSE NULL::text END"}},
    {"SUBSTRING(s FROM 1 FOR 2)",
     {"SUBSTRING(s FROM 1 FOR 2)", "\"substring\"((s)::text, 1, 2)", "substring(s, 1, 2)"}},
    {"TRIM(BOTH 'x' FROM s)", {"TRIM(BOTH 'x' FROM s)", "TRIM('x' FROM s)", "btrim((s)::text, 'x'::text)"}},
    {"TRIM(BOTH FROM s)", {"TRIM(s)", "btrim(s)", "trim(both from s)"}},
    {"POSITION('a' IN s)", {"POSITION('a' IN s)", "\"position\"((s)::text, 'a'::text)"}},
};

// Rule 1: tokens (names, strings, numbers, operators) and keyword case.
const std::vector<Case> kTokens = {
    {"amount > 0", {"\"amount\" > 0", "AMOUNT > 0", "Amount>0"}},
    {"\"Amount\" > 0", {"\"Amount\" > 0"}},
    {"\"a\"\"b\" = 1", {"\"a\"\"b\" = 1"}},
    {"\"select\" = \"user\"", {"\"select\" = \"user\""}},
    {"\"time\" > x", {"\"time\" > x", "time > x"}},
    {"'it''s'", {"'it''s'", "$$it's$$", "$q$it's$q$"}},
    {"'a$$b'", {"$t$a$$b$t$"}},
    {"'ab'", {"'a'\n'b'"}},
    {"E'a\\'b\\n'", {"E'a\\'b\\n'", "e'a\\'b\\n'"}},
    {"1.5e3 + .5 + 42", {"1.5E3+.5+42"}},
    {"a <> b", {"a != b", "a<>b", "(a)<>(b)"}},
    {"a <= b OR a >= c", {"a<=b or a>=c"}},
    {"j #>> '{a,b}'", {"j#>>'{a,b}'"}},
    {"j -> 'a' ->> 'b'", {"j->'a'->>'b'", "((j -> 'a'::text) ->> 'b'::text)"}},
    {"a <@ b AND b @> a", {"a<@b and b@>a"}},
    {"x::date", {"x:::DATE", "x::date", "CAST(x AS date)", "x :: DATE"}},
    {"a IS NOT NULL AND b IS TRUE", {"a is not null and b is true"}},
    {"a IS NULL", {"a ISNULL", "a is null"}},
    {"a IS NOT NULL", {"a NOTNULL"}},
    {"USER = CURRENT_USER", {"user = current_user", "user = current_user()"}},
};

// Rule 2: whitespace and comments.
const std::vector<Case> kWhitespace = {
    {"lower(email)", {"lower( email )", "LOWER (email)", "lower(\n\temail\n)"}},
    {"f(a, b)", {"f( a ,b )", "f(a,b)"}},
    {"a[1]", {"a[ 1 ]"}},
    {"a > 0", {"a\n\t>\n0", "a > 0 -- positive", "a /* c */ > 0"}},
};

// Rule 3: parentheses.
const std::vector<Case> kParentheses = {
    {"a > 0 AND b > 0", {"((a > 0) AND (b > 0))"}},
    {"a - b - c", {"(a - b) - c"}},
    {"a * b / c", {"(a * b) / c"}},
    {"a / (b * c)", {"a / (b * c)"}},
    {"2 ^ (3 ^ 2)", {"2 ^ (3 ^ 2)"}},
    {"2 ^ 3 ^ 2", {"(2 ^ 3) ^ 2"}},
    {"(a OR b) AND c", {"(a OR b) AND c"}},
    {"a OR b AND c", {"a OR (b AND c)"}},
    {"a AND b OR c", {"(a AND b) OR c"}},
    {"a AND b AND c", {"a AND (b AND c)", "(a AND b) AND c"}},
    {"-(a + b)", {"-(a + b)"}},
    {"a || b LIKE c", {"(a || b) LIKE c"}},
    {"a LIKE b = TRUE", {"(a LIKE b) = true"}},
    {"NOT a = b", {"NOT (a = b)", "(NOT (a = b))"}},
    {"a = b IS NULL", {"(a = b) IS NULL"}},
    {"(a + b)::text", {"((a + b))::text"}},
    {"x", {"((((x))))"}},
    {"-x::integer", {"-(x::int4)"}},
    {"(-x)::integer", {"(-x)::int4"}},
    {"-2 ^ 2", {"(-2) ^ 2"}},
    {"-(2 ^ 2)", {"-(2 ^ 2)"}},
    {"-(-x)", {"- -x", "-(-x)"}},
    {"a - -1", {"a - (-1)", "a - '-1'::integer"}},
    {"(a = b) = c", {"(a = b) = c"}},
};

// Rule 3, both dialects: CockroachDB ranks PostgreSQL's "other" operators differently, so nestings
// that could read differently there keep their parentheses.
const std::vector<Case> kOtherOperators = {
    {"(a @> b) -> 'x'", {"a @> b -> 'x'", "((a @> b) -> 'x'::text)"}},
    {"a @> (b -> 'x')", {"a @> (b -> 'x')"}},
    {"(a ~ b) || c", {"a ~ b || c"}},
    {"(a ~ b) LIKE c", {"a ~ b LIKE c"}},
    {"a LIKE (b ~ c)", {"a LIKE (b ~ c)"}},
    {"(a ~ b) IN (1, 2)", {"a ~ b IN (1, 2)"}},
    {"a ~ b = c", {"(a ~ b) = c"}},
    {"(a | b) & c", {"a | b & c"}},
    {"(a @> b) @> c", {"a @> b @> c"}},
    {"a || b || c", {"(a || b) || c"}},
    {"a || b -> 'c' ->> 'd'", {"((a || b) -> 'c') ->> 'd'"}},
    {"a << 1 << 2", {"(a << 1) << 2"}},
    {"a + b // c", {"a + (b // c)"}},
    {"(a + b) // c", {"(a + b) // c"}},
    {"~(a + b)", {"~(a + b)"}},
    {"(~a) + b", {"(~a) + b", "(~ a) + b"}},
    {"~a || b", {"~a || b"}},
};

// Rule 4: casts and type names.
const std::vector<Case> kCastsAndTypeNames = {
    {"x::integer", {"CAST(x AS integer)", "x::int4", "x::INT", "x::pg_catalog.int4", "x::\"int4\""}},
    {"x::varchar(20)", {"x::character varying(20)", "CAST(x AS VARCHAR(20))"}},
    {"x::char(3)", {"x::character(3)", "x::bpchar(3)"}},
    {"x::char", {"x::bpchar", "x::character"}},
    {"x::bigint", {"x::int8", "x::INT8", "x::bigint"}},
    {"x::smallint", {"x::int2"}},
    {"x::double precision", {"x::float8", "x::DOUBLE PRECISION", "x::float"}},
    {"x::real", {"x::float4", "x::float(10)"}},
    {"x::boolean", {"x::bool", "x::BOOL"}},
    {"x::timestamptz", {"x::timestamp with time zone", "x::TIMESTAMPTZ"}},
    {"x::timestamptz(3)", {"x::timestamp(3) with time zone"}},
    {"x::timestamp", {"x::timestamp without time zone"}},
    {"x::timetz", {"x::time with time zone"}},
    {"x::numeric(10,2)", {"x::decimal(10,2)", "x::numeric(10, 2)", "x::DECIMAL(10,2)"}},
    {"f()::text", {"f()::STRING", "f()::text"}},
    {"x::regclass", {"x::REGCLASS"}},
    {"x::integer[]", {"x::int4[]", "x::integer ARRAY", "x::int[3]"}},
    {"x::myschema.mytype", {"x::myschema.mytype"}},
    {"x::mytype", {"x::public.mytype", "x::shop.public.mytype", "x::\"mytype\""}},
    {"x::\"MyType\"", {"x::public.\"MyType\""}},
    {"x::crdb_internal_region", {"x:::public.crdb_internal_region"}},
    {"x::interval day to second(3)", {"x::INTERVAL DAY TO SECOND(3)"}},
};

// Rule 5: casts dropped for comparison.
const std::vector<Case> kCastsDroppedForComparison = {
    {"'abc'", {"'abc'::text", "'abc'::character varying", "text 'abc'"}},
    {"0", {"(0)::numeric", "0::numeric", "0:::DECIMAL"}},
    {"NULL", {"NULL::text", "CAST(NULL AS integer)"}},
    {"'2020-01-01'", {"'2020-01-01'::date", "date '2020-01-01'", "DATE '2020-01-01'"}},
    {"'1 day'", {"interval '1 day'", "'1 day'::interval"}},
    {"123", {"123:::INT8", "'123'::bigint"}},
    {"1.5", {"'1.5'::numeric", "1.5::numeric(4,1)"}},
    {"TRUE", {"true::boolean", "TRUE"}},
    {"name", {"(name)::text", "name::varchar", "(name)::character varying"}},
    {"name::varchar(20)", {"(name)::character varying(20)"}},
    {"now()::date", {"now()::date", "(now())::date"}},
    {"x::integer", {"(x)::integer"}},
    {"ARRAY[1, 2]", {"ARRAY[1,2]::integer[]", "(ARRAY[(1)::integer, 2])::int[]"}},
    {"ARRAY[]::text[]", {"ARRAY[]::text[]"}},
    {"ARRAY[a, 1]::text[]", {"ARRAY[a, 1]::text[]"}},
    {"'x'", {"'x'::\"MyEnum\""}},
    {"'NaN'", {"'NaN'::numeric"}},
    {"'12abc'", {"'12abc'::integer"}},
};

// Rule 6: negative numbers; PostgreSQL prints the default -1 as '-1'::integer.
const std::vector<Case> kNegativeNumbers = {
    {"-1", {"-1", "'-1'::integer", "(-1)", "(-1)::integer", "-1:::INT8", "- 1", "-(1)"}},
    {"-1.5", {"'-1.5'::numeric", "(-1.5)", "'-1.5'::double precision"}},
    {"a * -1", {"a * (-1)", "a * '-1'::integer", "a*-1"}},
    {"-3000000000", {"'-3000000000'::bigint"}},
    {"-1e-05", {"'-1e-05'::real"}},
};

// Rule 7: IN and PostgreSQL's = ANY (ARRAY[…]).
const std::vector<Case> kInLists = {
    {"x NOT IN (1, 2)", {"x NOT IN (1,2)", "x <> ALL (ARRAY[1, 2])", "(x <> ALL (ARRAY[(1)::bigint, (2)::bigint]))"}},
    {"x <> ALL ('{1,2}' || ARRAY[1, 2])", {"(x <> ALL ('{1,2}'::int[] || ARRAY[1, 2]))"}},
    {"x = 1", {"x IN (1)", "x = ANY (ARRAY[1])"}},
    {"x <> 1", {"x NOT IN (1)"}},
    {"x = ANY (arr)", {"x = ANY (arr)", "x = SOME(arr)"}},
    {"x = ANY ('{a,b}')", {"x = ANY ('{a,b}'::text[])"}},
    {"x > ALL (ARRAY[1, 2])", {"x > ALL (ARRAY[1, 2])"}},
    {"x = ANY (ARRAY[ARRAY[1, 2]])", {"x = ANY (ARRAY[[1, 2]])"}},
    {"x IN (SELECT 1)", {"x IN (select 1)", "x IN ( SELECT 1 )"}},
    {"x IN ((SELECT 1), 2)", {"x IN ((select 1), 2)"}},
};

// Rule 8: BETWEEN, as PostgreSQL rewrites it.
const std::vector<Case> kBetween = {
    {"x < 1 OR x > 10", {"x NOT BETWEEN 1 AND 10", "((x < 1) OR (x > 10))"}},
    {"x >= 1 AND x <= 10 OR x >= 10 AND x <= 1", {"x BETWEEN SYMMETRIC 1 AND 10"}},
    {"x >= 1 AND x <= 10 AND y", {"x BETWEEN 1 AND 10 AND y"}},
    {"x >= a + 1 AND x <= b * 2", {"x BETWEEN a + 1 AND b * 2"}},
};

// Rule 9: ~~ and friends are LIKE and friends.
const std::vector<Case> kLikeOperators = {
    {"a NOT LIKE 'x%'", {"a !~~ 'x%'", "a NOT LIKE 'x%'"}},
    {"a ILIKE 'x%'", {"a ~~* 'x%'"}},
    {"a NOT ILIKE 'x%'", {"a !~~* 'x%'"}},
    {"a LIKE 'x!%' ESCAPE '!'", {"a like 'x!%' escape '!'"}},
    {"a NOT SIMILAR TO 'x'", {"a not similar to 'x'"}},
    {"(a LIKE b) || c", {"a ~~ b || c"}},
    {"a ~ '^x' AND a !~* 'y'", {"a ~ '^x' and a !~* 'y'"}},
};

// Rule 10: function calls and SQL-standard special forms.
const std::vector<Case> kCallsAndSpecialForms = {
    {"count(*)", {"COUNT(*)", "count( * )"}},
    {"count(DISTINCT x)", {"count(distinct x)"}},
    {"lower(x)", {"pg_catalog.lower(x)"}},
    {"crdb_internal.datums_to_bytes(a)", {"crdb_internal.datums_to_bytes(a)"}},
    {"\"left\"(s, 2)", {"left(s, 2)", "\"left\"((s)::text, 2)"}},
    {"\"MyFunc\"(x)", {"\"MyFunc\"(x)"}},
    {"CURRENT_TIMESTAMP(3)", {"current_timestamp(3)", "CURRENT_TIMESTAMP( 3 )"}},
    {"CURRENT_DATE", {"current_date", "current_date():::DATE"}},
    {"LOCALTIMESTAMP", {"localtimestamp"}},
    {"EXTRACT(year FROM ts)", {"EXTRACT(YEAR FROM ts)", "extract('year' from ts)"}},
    {"SUBSTRING(s FROM 1 FOR 2)", {"substring(s for 2)", "SUBSTRING(s FOR 2 FROM 1)"}},
    {"SUBSTRING(s FROM 3)", {"substring(s from 3)", "substring(s, 3)"}},
    {"SUBSTRING(s SIMILAR 'a#\"b#\"' ESCAPE '#')", {"substring(s similar 'a#\"b#\"' escape '#')"}},
    {"TRIM(LEADING 'x' FROM s)", {"trim(leading 'x' from s)", "ltrim(s, 'x')"}},
    {"TRIM(TRAILING FROM s)", {"rtrim(s)", "TRIM(TRAILING FROM s)"}},
    {"OVERLAY(s PLACING 'x' FROM 2 FOR 3)", {"overlay(s placing 'x' from 2 for 3)", "overlay(s, 'x', 2, 3)"}},
    {"COALESCE(a, 0) + NULLIF(b, 0)", {"coalesce(a,0)+nullif(b,0)"}},
    {"GREATEST(a, b) - LEAST(a, b)", {"greatest(a, b) - least(a, b)"}},
    {"CASE WHEN a > 0 THEN 'x' ELSE 'y' END", {"case when a>0 then 'x' else 'y' end"}},
    {"CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE NULL END", {"CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' END"}},
    {"ARRAY[1, 2]", {"array[1,2]"}},
    {"ARRAY[ARRAY[1, 2], ARRAY[3, 4]]", {"ARRAY[[1,2],[3,4]]"}},
    {"ROW(1, 'a')", {"ROW(1, 'a')", "(1, 'a')"}},
    {"x IS DISTINCT FROM y", {"x is distinct from y"}},
    {"x IS NOT DISTINCT FROM y + 1", {"x IS NOT DISTINCT FROM (y + 1)"}},
    {"x COLLATE \"C\"", {"x collate \"C\"", "x COLLATE pg_catalog.\"C\""}},
    {"x COLLATE \"C\" < y", {"(x COLLATE \"C\") < y"}},
    {"ts AT TIME ZONE 'UTC'", {"ts at time zone 'UTC'", "(ts AT TIME ZONE 'UTC'::text)"}},
    {"a[1] + a[2:3] + a[:2]", {"a[1]+a[2:3]+a[:2]"}},
    {"(f(x))[1]", {"(f(x))[1]"}},
    {"(rec).f", {"(rec).f", "((rec)).f"}},
    {"(rec).f.g", {"(rec).f.g"}},
    {"(f(x)).y", {"(f(x)).y"}},
    {"j @> '{\"a\":1}'", {"j @> '{\"a\":1}'::jsonb"}},
    {"EXISTS (SELECT 1)", {"exists (select 1)"}},
    {"$1 + 1", {"$1+1"}},
    {"B'101' | X'1F'", {"b'101' | x'1F'"}},
    {"~(a + b)", {"~ a + b"}},
    {"(~a) + b", {"(~ a) + b"}},
    {"~(-x)", {"~ (-x)"}},
};

// Rule 12: input the parser does not know comes back as normalised tokens.
const std::vector<Case> kTokenForm = {
    {"SELECT x FROM t WHERE y", {"select  x   from t where y"}},
    {"f(x) OVER (PARTITION BY y)", {"f(x) over (partition by y)"}},
    {"a + b)", {"a  +  b )"}},
    {"'unterminated", {"'unterminated", "'unterminated  "}},
    {"$$", {"$$"}},
    {"((((", {"(((("}},
    {"))", {"))"}},
    {"\"unterminated", {"\"unterminated"}},
    {"a /* open", {"a /* open"}},
    {"", {"", "   ", "-- just a comment"}},
    {"a; b", {"a ; b"}},
    {"x IS \"unknown\"", {"x IS \"unknown\""}},
};

std::vector<std::string> all_inputs() {
  std::vector<std::string> inputs;
  for (const auto* table :
       {&kServerPairs, &kTokens, &kWhitespace, &kParentheses, &kCastsAndTypeNames, &kCastsDroppedForComparison,
        &kNegativeNumbers, &kInLists, &kBetween, &kLikeOperators, &kCallsAndSpecialForms, &kTokenForm}) {
    for (const Case& c : *table) {
      inputs.push_back(c.canonical);
      inputs.insert(inputs.end(), c.spellings.begin(), c.spellings.end());
    }
  }
  return inputs;
}

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
