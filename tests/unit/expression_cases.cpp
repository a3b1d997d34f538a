// The data of tests/unit/expression_cases.hpp.
#include "unit/expression_cases.hpp"

namespace strata::expr_cases {

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

}  // namespace strata::expr_cases
