// PostgreSQL functions, procedures and triggers with no server: how a definition is read
// (identity, signature, compared form), what a declaration refuses, and the shapes of plans.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dialects/postgres/postgres_dialect.hpp"
#include "dialects/postgres/routines.hpp"
#include "strata/diff.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"

namespace strata::postgres {
namespace {

// A Routine or Trigger read from its definition, which must read.
template <typename T>
T read_as(const std::string& definition) {
  T object;
  object.definition = definition;
  const auto problem = read_definition(object);
  EXPECT_FALSE(problem) << *problem;
  return object;
}

Routine read(const std::string& definition) {
  return read_as<Routine>(definition);
}

Trigger read_trigger(const std::string& definition) {
  return read_as<Trigger>(definition);
}

// What pg_get_functiondef prints (PostgreSQL 15) against what a person writes.
TEST(Routines, ADefinitionComparesAsTheServerPrintsIt) {
  const Routine printed = read(
      "CREATE OR REPLACE FUNCTION public.add(a integer, b integer DEFAULT 2)\n RETURNS integer\n LANGUAGE sql\n"
      " IMMUTABLE\nAS $function$select a+b$function$");
  const Routine written = read(
      "create function add(a int4, b int default 2) returns int language 'sql' immutable called on null input "
      "security invoker parallel unsafe cost 100 as 'select a+b'");
  EXPECT_EQ(printed.identity, "public.add(int4, int4)");
  EXPECT_EQ(printed.arguments, "int4, int4");
  EXPECT_EQ(printed, written);
  EXPECT_EQ(printed.signature, written.signature);

  // The body is compared as written: PostgreSQL keeps it so.
  EXPECT_NE(printed, read("create function add(a int, b int default 2) returns int language sql immutable "
                          "as 'select a + b'"));
  // So are options away from their defaults.
  EXPECT_NE(printed, read("create function add(a int, b int default 2) returns int language sql stable "
                          "as 'select a+b'"));
  // A new result or argument name is another signature (CREATE OR REPLACE refuses it).
  EXPECT_NE(printed.signature, read("create function add(a int, b int default 2) returns bigint language sql "
                                    "immutable as 'select a+b'")
                                   .signature);
  EXPECT_NE(printed.signature, read("create function add(x int, b int default 2) returns int language sql "
                                    "immutable as 'select x+b'")
                                   .signature);
  // Another argument type is another routine (an overload).
  EXPECT_EQ(read("create function add(a bigint, b bigint) returns bigint language sql as 'select a+b'").identity,
            "public.add(int8, int8)");
}

TEST(Routines, ProceduresOutputsAndTablesReadTheWayTheServerPrintsThem) {
  const Routine procedure = read(
      "CREATE OR REPLACE PROCEDURE public.p(INOUT x integer)\n LANGUAGE plpgsql\n"
      "AS $procedure$ begin x := x + 1; end $procedure$");
  EXPECT_TRUE(procedure.procedure);
  EXPECT_EQ(procedure, read("create procedure p(inout x int) language plpgsql as $$ begin x := x + 1; end $$"));
  // OUT arguments make the result (the server prints RETURNS record); they are not the identity.
  const Routine outs = read("create function pair(a int, out b int, out c text) language sql as 'select 1, ''x'''");
  EXPECT_EQ(outs.identity, "public.pair(int4)");
  EXPECT_EQ(outs, read("CREATE OR REPLACE FUNCTION public.pair(a integer, OUT b integer, OUT c text)\n"
                       " RETURNS record\n LANGUAGE sql\nAS $function$select 1, 'x'$function$"));
  EXPECT_EQ(read("create function tab() returns table(a int, b varchar(10)) language sql as 'select 1, ''x'''"),
            read("CREATE OR REPLACE FUNCTION public.tab()\n RETURNS TABLE(a integer, b character varying)\n"
                 " LANGUAGE sql\nAS $function$select 1, 'x'$function$"));
}

TEST(Routines, ASqlBodyReadsWhatItNames) {
  const Routine routine = read(
      "create procedure credit(account bigint, amount numeric) language sql as "
      "$$ update accounts set balance = balance + amount where id = account; insert into sales.log select 1 $$");
  ASSERT_EQ(routine.reads.size(), 2u);
  EXPECT_EQ(routine.reads[0].relation, (QualifiedName{"public", "accounts"}));
  EXPECT_EQ(routine.reads[1].relation, (QualifiedName{"sales", "log"}));
  // PL/pgSQL bodies are not checked when the function is created: they need nothing first.
  EXPECT_TRUE(
      read("create function f() returns void language plpgsql as $$ begin delete from accounts; end $$").reads.empty());
}

TEST(Routines, ATriggerComparesAsTheServerPrintsIt) {
  const Trigger printed = read_trigger(
      "CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW WHEN ((old.email)::text IS DISTINCT FROM "
      "(new.email)::text) EXECUTE FUNCTION touch()");
  const Trigger written = read_trigger(
      "create trigger t_touch before update on t for each row when (OLD.email is distinct from NEW.email) "
      "execute procedure public.touch()");
  EXPECT_EQ(printed, written);
  EXPECT_EQ(printed.table, (QualifiedName{"public", "t"}));
  EXPECT_EQ(printed.function, (QualifiedName{"public", "touch"}));
  EXPECT_NE(printed, read_trigger("create trigger t_touch before insert or update on t for each row when "
                                  "(OLD.email is distinct from NEW.email) execute function touch()"));
}

TEST(Routines, OrReplaceIsAddedInTheCaseTheStatementIsWrittenIn) {
  EXPECT_EQ(or_replace("create function f() returns int language sql as 'select 1'"),
            "create or replace function f() returns int language sql as 'select 1'");
  EXPECT_EQ(or_replace("CREATE FUNCTION f()"), "CREATE OR REPLACE FUNCTION f()");
  EXPECT_EQ(or_replace("CREATE OR REPLACE FUNCTION f()"), "CREATE OR REPLACE FUNCTION f()");
}

std::string plan_error(const std::string& to) {
  const auto dialect = std::make_unique<PostgresDialect>();
  try {
    plan_changes(load_schema_text("{}", "from.yaml"), load_schema_text(to, "to.yaml"), *dialect);
  } catch (const PlanError& error) {
    return error.what();
  }
  return "no error";
}

TEST(Routines, ADeclarationThatIsNotOneStatementOfItsKindIsRefusedWithItsPlace) {
  EXPECT_EQ(plan_error("functions:\n  - CREATE FUNCTON f() RETURNS int AS 'select 1' LANGUAGE sql\n"),
            "to.yaml:2:5: expected a CREATE FUNCTION or CREATE PROCEDURE statement: PostgreSQL's parser refuses "
            "it: syntax error at or near \"FUNCTON\"");
  EXPECT_EQ(plan_error("functions:\n  - CREATE TABLE t (id int)\n"),
            "to.yaml:2:5: expected a CREATE FUNCTION or CREATE PROCEDURE statement: it is another kind of statement");
  EXPECT_EQ(plan_error("triggers:\n  - CREATE TRIGGER a AFTER INSERT ON t EXECUTE FUNCTION f(); SELECT 1\n"),
            "to.yaml:2:5: expected a CREATE TRIGGER statement: 2 statements");
  EXPECT_EQ(plan_error("functions:\n  - create function f(a int) returns int language sql as 'select a'\n"
                       "  - create function public.f(b integer) returns int language sql as 'select b'\n"),
            "to.yaml:3:5: function public.f(int4) is declared twice (also at to.yaml:2:5)");
}

TEST(Routines, ATriggerGoesAfterItsTableAndFunction) {
  const auto dialect = std::make_unique<PostgresDialect>();
  const std::string table = "tables:\n  t: { columns: { id: int, at: timestamptz } }\n";
  const std::string trigger =
      "triggers:\n  - CREATE TRIGGER touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()\n";
  const Schema from = load_schema_text("{}", "from.yaml");
  const Schema to = load_schema_text(
      trigger + table +
          "functions:\n  - CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$\n",
      "to.yaml");
  std::vector<std::string> steps;
  for (const auto& step : plan_changes(from, to, *dialect).steps) steps.push_back(step.description);
  EXPECT_EQ(steps, (std::vector<std::string>{"create function public.touch()", "create table t",
                                             "create trigger touch on t"}));
  // A changed option keeps the signature: CREATE OR REPLACE, and the trigger stays.
  const Schema changed =
      load_schema_text(trigger + table +
                           "functions:\n  - CREATE FUNCTION touch() RETURNS trigger SECURITY DEFINER LANGUAGE plpgsql "
                           "AS $$ BEGIN RETURN NEW; END $$\n",
                       "to.yaml");
  steps.clear();
  for (const auto& step : plan_changes(to, changed, *dialect).steps) steps.push_back(step.description);
  EXPECT_EQ(steps, (std::vector<std::string>{"replace function public.touch()"}));
}

}  // namespace
}  // namespace strata::postgres

namespace strata::postgres {
namespace {

// What PostgreSQL 15 prints for conditions people write otherwise (pg_get_triggerdef, from the
// trigger-changed case applied to a real server).
TEST(Routines, ATriggerConditionComparesAsTheServerPrintsIt) {
  const Trigger written = read_trigger(
      "CREATE TRIGGER g BEFORE UPDATE ON accounts FOR EACH ROW WHEN (NEW.balance BETWEEN -100 AND 1000000 AND "
      "NEW.id IN (1, 2, -3) AND NEW.id::text LIKE '1%' AND NEW.balance NOT BETWEEN -5.5 AND -1) "
      "EXECUTE FUNCTION f()");
  EXPECT_EQ(written.columns, (std::vector<std::string>{"balance", "id"}));
  const Trigger printed = read_trigger(
      "CREATE TRIGGER g BEFORE UPDATE ON public.accounts FOR EACH ROW WHEN ((((new.balance >= "
      "('-100'::integer)::numeric) AND (new.balance <= (1000000)::numeric)) AND (new.id = ANY (ARRAY[(1)::bigint, "
      "(2)::bigint, ('-3'::integer)::bigint])) AND ((new.id)::text ~~ '1%'::text) AND ((new.balance < "
      "'-5.5'::numeric) OR (new.balance > ('-1'::integer)::numeric)))) EXECUTE FUNCTION f()");
  EXPECT_EQ(printed, written) << printed.compared << "\n" << written.compared;
  // A changed constant is a change (libpg_query's JSON leaves out negative integers: read back).
  EXPECT_NE(printed, read_trigger("CREATE TRIGGER g BEFORE UPDATE ON accounts FOR EACH ROW WHEN (NEW.balance "
                                  "BETWEEN -101 AND 1000000 AND NEW.id IN (1, 2, -3) AND NEW.id::text LIKE '1%' AND "
                                  "NEW.balance NOT BETWEEN -5.5 AND -1) EXECUTE FUNCTION f()"));
}

}  // namespace
}  // namespace strata::postgres

namespace strata::postgres {
namespace {

TEST(Routines, SettingsCompareAsTheServerPrintsThem) {
  EXPECT_EQ(read("create function f() returns int language sql set statement_timeout = 5000 set search_path = "
                 "app, public as 'select 1'"),
            read("CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE sql\n SET statement_timeout "
                 "TO '5000'\n SET search_path TO 'app', 'public'\nAS $function$select 1$function$"));
}

TEST(Routines, DropNamesArgumentTypesTheServerReadsBack) {
  // "char" is a type of its own; unquoted, char is character(1).
  EXPECT_EQ(read("create function f(a \"char\", b numeric) returns int language sql as 'select 1'").arguments,
            "\"char\", \"numeric\"");
}

TEST(Routines, AStatementEndingInALineCommentEndsWithANewline) {
  EXPECT_EQ(as_statement("CREATE TRIGGER a AFTER INSERT ON t EXECUTE FUNCTION f() -- audit"),
            "CREATE TRIGGER a AFTER INSERT ON t EXECUTE FUNCTION f() -- audit\n");
  EXPECT_EQ(as_statement("CREATE TRIGGER a AFTER INSERT ON t EXECUTE FUNCTION f() /* audit */"),
            "CREATE TRIGGER a AFTER INSERT ON t EXECUTE FUNCTION f() /* audit */");
  const std::string commented = "-- " + std::string(100, 'x') + "\nCREATE FUNCTION f()";
  EXPECT_EQ(or_replace(commented), "-- " + std::string(100, 'x') + "\nCREATE OR REPLACE FUNCTION f()");
}

TEST(Routines, APercentTypeArgumentIsRefused) {
  EXPECT_EQ(plan_error("functions:\n  - create function f(a t.id%TYPE) returns int language sql as 'select 1'\n"),
            "to.yaml:2:5: function public.f(t.id%TYPE): expected argument and result types, found a %TYPE "
            "reference (the server keeps the type it stands for: write that type)");
}

}  // namespace
}  // namespace strata::postgres

namespace strata::postgres {
namespace {

TEST(Routines, WhatTheServerWouldKeepApartStaysApart) {
  // NULL is not the string 'NULL'; in a body (exact), 1 is not '1'.
  EXPECT_NE(read("create function f(a text default null) returns int language sql as 'select 1'"),
            read("create function f(a text default 'NULL') returns int language sql as 'select 1'"));
  EXPECT_NE(read("create function f() returns int language sql return 1"),
            read("create function f() returns int language sql return '1'"));
  // A cast over a column to a type the server does not add is the user's.
  EXPECT_NE(read_trigger("create trigger g before update on t for each row when (new.at::date = '2024-01-01') "
                         "execute function f()"),
            read_trigger("create trigger g before update on t for each row when (new.at = '2024-01-01') "
                         "execute function f()"));
  // A default followed by a comment reads as its number.
  EXPECT_EQ(read("create function f(n int default 0 -- none\n) returns int language sql as 'select n'"),
            read("CREATE OR REPLACE FUNCTION public.f(n integer DEFAULT 0)\n RETURNS integer\n LANGUAGE sql\n"
                 "AS $function$select n$function$"));
  // IN of one item is printed as =.
  EXPECT_EQ(read_trigger("create trigger g before update on t for each row when (new.s IN ('a')) "
                         "execute function f()"),
            read_trigger("CREATE TRIGGER g BEFORE UPDATE ON public.t FOR EACH ROW WHEN ((new.s = 'a'::text)) "
                         "EXECUTE FUNCTION f()"));
}

TEST(Routines, AFunctionOverARebuiltEnumIsCreatedAgainAndAStringBodyHoldsNothing) {
  const auto dialect = std::make_unique<PostgresDialect>();
  const std::string function = "functions:\n  - create function f(m mood) returns int language sql as 'select 1'\n";
  const Schema from = load_schema_text("enums:\n  mood: [a, b, c]\n" + function, "from.yaml");
  const Schema to = load_schema_text("enums:\n  mood: [a, b]\n" + function, "to.yaml");
  std::vector<std::string> steps;
  for (const auto& step : plan_changes(from, to, *dialect).steps) steps.push_back(step.description);
  EXPECT_EQ(steps,
            (std::vector<std::string>{"drop function public.f(mood)", "rebuild enum mood (values removed or reordered)",
                                      "create function public.f(mood)"}));
  // A default calls a function whose string body reads the table: both go, the table first
  // (the server holds no dependency on a string body). This was a cycle.
  const Schema with_default = load_schema_text(
      "tables:\n  tickets: { columns: { id: { type: int, default: next_id() } } }\n"
      "functions:\n  - create function next_id() returns int language sql as "
      "'select coalesce(max(id), 0) + 1 from tickets'\n",
      "from.yaml");
  steps.clear();
  for (const auto& step : plan_changes(with_default, load_schema_text("{}", "to.yaml"), *dialect).steps) {
    steps.push_back(step.description);
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"drop table tickets", "drop function public.next_id()"}));
}

}  // namespace
}  // namespace strata::postgres
