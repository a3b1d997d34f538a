// `strata inspect` and `strata ddl` through the front door: the built command, a real server.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialects/postgres/postgres_dialect.hpp"
#include "strata/dialect.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"
#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using testing::run_command;
using testing::strata_binary;

const std::filesystem::path kSource = STRATA_SOURCE_DIR;

TEST(CliInspect, CreatesTheShopWithDdlThenInspectsItBack) {
  testing::TestDatabase db;
  const auto ddl = run_command({strata_binary(), "ddl", "--schema", (kSource / "examples/shop").string()});
  ASSERT_EQ(ddl.exit_code, 0) << ddl.err;
  const auto psql = run_command({"/usr/bin/psql", "-v", "ON_ERROR_STOP=1", "-q", "-X", db.url()}, {}, ddl.out);
  ASSERT_EQ(psql.exit_code, 0) << psql.err;

  const auto yaml = run_command({strata_binary(), "inspect", "--url", db.url()});
  ASSERT_EQ(yaml.exit_code, 0) << yaml.err;
  const auto dialect = std::make_unique<postgres::PostgresDialect>();
  Schema inspected = load_schema_text(yaml.out, "inspected.yaml");
  dialect->normalize(inspected);
  Schema declared = load_schema({(kSource / "examples/shop").string()});
  declared.database.name = db.name();
  dialect->normalize(declared);
  EXPECT_EQ(inspected, declared) << yaml.out;

  // DATABASE_URL is the default URL; JSON has the same content.
  const auto json = run_command({strata_binary(), "inspect", "--format", "json"}, {"DATABASE_URL=" + db.url()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto tree = nlohmann::json::parse(json.out);
  EXPECT_EQ(tree["tables"].size(), 4u);
  EXPECT_EQ(tree["database"]["name"], db.name());
}

// A schema declared in SQL is applied; `inspect --format sql` prints the live schema as SQL that
// plans empty against it, and that SQL, run by psql on an empty database, builds the same schema.
TEST(CliInspect, SqlDeclaredAppliedAndInspectedBackAsSql) {
  testing::TestDatabase db;
  const std::string declared = (kSource / "tests/schemas/everything.sql").string();
  const auto apply = run_command({strata_binary(), "apply", "--url", db.url(), "--schema", declared, "--auto-approve",
                                  "--allow-hazards", "view-refresh"});
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  const auto same = run_command({strata_binary(), "plan", "--url", db.url(), "--schema", declared});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("No changes"), std::string::npos) << same.out;

  testing::MigrationDir scratch;
  const std::string live = (scratch.path() / "live.sql").string();
  const auto sql = run_command({strata_binary(), "inspect", "--url", db.url(), "--format", "sql", "-o", live});
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  const auto back = run_command({strata_binary(), "plan", "--url", db.url(), "--schema", live});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.out.find("No changes"), std::string::npos) << back.out;

  testing::TestDatabase copy;
  const auto psql = run_command({"/usr/bin/psql", "-v", "ON_ERROR_STOP=1", "-q", "-X", "-d", copy.url(), "-f", live});
  ASSERT_EQ(psql.exit_code, 0) << psql.err;
  const auto copied = run_command({strata_binary(), "plan", "--url", copy.url(), "--schema", declared});
  ASSERT_EQ(copied.exit_code, 0) << copied.err;
  EXPECT_NE(copied.out.find("No changes"), std::string::npos) << copied.out;
}

TEST(CliInspect, OnlyTheChosenSchema) {
  testing::TestDatabase db;
  const auto psql = run_command({"/usr/bin/psql", "-v", "ON_ERROR_STOP=1", "-q", "-X", db.url()}, {},
                                "CREATE SCHEMA a; CREATE TABLE a.t (id int); CREATE TABLE public.u (id int);");
  ASSERT_EQ(psql.exit_code, 0) << psql.err;
  const auto out = run_command({strata_binary(), "inspect", "--url", db.url(), "--schema", "a", "--format", "json"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  const auto tree = nlohmann::json::parse(out.out);
  EXPECT_EQ(tree["tables"].size(), 1u);
  EXPECT_TRUE(tree["tables"].contains("t"));
}

// What strata does not manage is named once on standard error, kind and name, and left alone: the
// printed schema plans empty against the database, and applying it (plus a table) drops nothing.
TEST(CliInspect, NamesWhatItSkippedAndAPlanLeavesItAlone) {
  testing::TestDatabase db;
  const auto psql = run_command({"/usr/bin/psql", "-v", "ON_ERROR_STOP=1", "-q", "-X", db.url()}, {}, R"(
    CREATE EXTENSION pgcrypto;
    CREATE TABLE t (id int PRIMARY KEY, updated_at timestamptz);
    CREATE VIEW v AS SELECT id FROM t;
    CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
    CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
    CREATE PROCEDURE p(a int) LANGUAGE sql AS $$ SELECT 1 $$;
    CREATE DOMAIN posint AS int CHECK (VALUE > 0);
    CREATE TYPE pair AS (a int, b int);
    CREATE TYPE span AS RANGE (subtype = int4);
    CREATE AGGREGATE total(int) (sfunc = int4pl, stype = int);
    CREATE SCHEMA other; CREATE VIEW other.w AS SELECT 1 AS one;)");
  ASSERT_EQ(psql.exit_code, 0) << psql.err;

  const auto out = run_command({strata_binary(), "inspect", "--url", db.url(), "--schema", "public"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  for (const char* line : {"\n  aggregate public.total(integer)\n", "\n  domain public.posint\n",
                           "\n  composite type public.pair\n", "\n  range type public.span\n"}) {
    EXPECT_NE(out.err.find(line), std::string::npos) << line << " is not named in:\n" << out.err;
  }
  // Not what an extension or a range type brings along, not plpgsql, not another schema; not the
  // extension, views, functions, procedures and triggers either, which strata manages: they are in
  // the printed schema.
  for (const char* absent : {"digest(", "span(", "plpgsql", "other.w", "extension", "view", "touch", "p("}) {
    EXPECT_EQ(out.err.find(absent), std::string::npos) << absent << " is named in:\n" << out.err;
  }
  EXPECT_NE(out.out.find("functions:\n  - |-\n    CREATE OR REPLACE PROCEDURE public.p(IN a integer)"),
            std::string::npos)
      << out.out;
  EXPECT_NE(out.out.find("triggers:\n  - CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE "
                         "FUNCTION touch()\n"),
            std::string::npos)
      << out.out;
  EXPECT_NE(out.out.find("extensions:\n  pgcrypto: {version: "), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("views:\n  mv: {materialized: true, query: SELECT t.id FROM t}\n  v: SELECT t.id FROM t\n"),
            std::string::npos)
      << out.out;

  testing::MigrationDir scratch;
  std::ofstream(scratch.path() / "inspected.yaml") << out.out;
  std::ofstream(scratch.path() / "more.yaml") << "tables:\n  u:\n    columns:\n      id: int\n";
  const auto apply =
      run_command({strata_binary(), "apply", "--url", db.url(), "--schema", scratch.path().string(), "--auto-approve"});
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  EXPECT_EQ(apply.out.find("DROP"), std::string::npos) << apply.out;
  const auto left = run_command({"/usr/bin/psql", "-X", "-At", db.url(), "-c",
                                 "SELECT (SELECT count(*) FROM pg_views WHERE viewname IN ('v', 'w')) || ' ' || "
                                 "(SELECT count(*) FROM pg_trigger WHERE tgname = 't_touch') || ' ' || "
                                 "(SELECT count(*) FROM pg_extension WHERE extname = 'pgcrypto') || ' ' || "
                                 "(SELECT count(*) FROM pg_matviews WHERE matviewname = 'mv')"});
  EXPECT_EQ(left.out, "2 1 1 1\n") << left.err;
}

TEST(CliInspect, ASchemaThatDoesNotExistIsBadInputNamingIt) {
  testing::TestDatabase db;
  const auto psql = run_command({"/usr/bin/psql", "-v", "ON_ERROR_STOP=1", "-q", "-X", db.url()}, {},
                                "CREATE SCHEMA a; CREATE TABLE a.t (id int);");
  ASSERT_EQ(psql.exit_code, 0) << psql.err;
  for (const auto& schemas : std::vector<std::vector<std::string>>{{"nosuch"}, {"a", "nosuch"}, {"pg_catalog"}}) {
    std::vector<std::string> argv = {strata_binary(), "inspect", "--url", db.url()};
    for (const auto& name : schemas) argv.insert(argv.end(), {"--schema", name});
    const auto out = run_command(argv);
    EXPECT_EQ(out.exit_code, 2) << out.out << out.err;
    EXPECT_NE(out.err.find("has no schema " + schemas.back()), std::string::npos) << out.err;
    EXPECT_EQ(out.out, "") << "nothing is printed that could pass for an empty schema";
  }
  // An empty schema that exists is not an error, nor is public.
  ASSERT_EQ(run_command({"/usr/bin/psql", "-q", "-X", db.url(), "-c", "CREATE SCHEMA empty"}).exit_code, 0);
  EXPECT_EQ(run_command({strata_binary(), "inspect", "--url", db.url(), "--schema", "empty"}).exit_code, 0);
  EXPECT_EQ(run_command({strata_binary(), "inspect", "--url", db.url(), "--schema", "public"}).exit_code, 0);
}

TEST(CliInspect, CannotConnectIsExitCodeThreeAndHidesThePassword) {
  const std::string url = "postgresql://someone:TopSecret99@127.0.0.1:1/nowhere?connect_timeout=2";
  const auto out = run_command({strata_binary(), "inspect", "--url", url});
  EXPECT_EQ(out.exit_code, 3) << out.err;
  EXPECT_NE(out.err.find("cannot connect to postgresql://someone:***@127.0.0.1:1/nowhere"), std::string::npos)
      << out.err;
  EXPECT_EQ(out.err.find("TopSecret99"), std::string::npos) << out.err;
  EXPECT_EQ(out.out.find("TopSecret99"), std::string::npos);
}

TEST(CliInspect, NoUrlIsBadInput) {
  const auto out = run_command({strata_binary(), "inspect"}, {"DATABASE_URL="});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.err.find("pass --url, set DATABASE_URL"), std::string::npos) << out.err;
}

TEST(CliInspect, MalformedUrlIsBadInputAndHidesThePassword) {
  const auto out = run_command({strata_binary(), "inspect", "--url", "postgresql://u:Hush123@host:notaport/db"});
  EXPECT_EQ(out.exit_code, 2) << out.err;
  EXPECT_EQ(out.err.find("Hush123"), std::string::npos) << out.err;
}

TEST(CliHelp, SaysWhatEachOptionDoes) {
  const auto top = run_command({strata_binary(), "--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("inspect"), std::string::npos);
  EXPECT_NE(top.out.find("Exit codes"), std::string::npos);
  const auto inspect = run_command({strata_binary(), "inspect", "--help"});
  EXPECT_EQ(inspect.exit_code, 0);
  for (const char* option : {"--url", "--schema", "--format", "DATABASE_URL"}) {
    EXPECT_NE(inspect.out.find(option), std::string::npos) << option << "\n" << inspect.out;
  }
  const auto bad = run_command({strata_binary(), "inspect", "--format", "xml"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
}

TEST(CliDdl, BadSchemaIsExitCodeTwoWithPositions) {
  const auto out =
      run_command({strata_binary(), "ddl", "--schema", (kSource / "tests/loader/bad/fk_unknown_table.yaml").string()});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.err.find("fk_unknown_table.yaml:8:"), std::string::npos) << out.err;
  EXPECT_NE(out.err.find("unknown table 'users'"), std::string::npos) << out.err;
  EXPECT_TRUE(out.out.empty());
}

}  // namespace
}  // namespace strata
