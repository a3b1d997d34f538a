// `strata diff` through the front door: two live databases, a database and a declared schema, two
// declared schemas; exit 0 when equal, 1 when they differ, and the usual codes for bad input and
// unreachable servers.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using testing::CommandResult;
using testing::run_command;
using testing::strata_binary;

const std::filesystem::path kSource = STRATA_SOURCE_DIR;
const std::string kShop = (kSource / "examples/shop").string();
const std::string kShopV2 = (kSource / "examples/shop-v2").string();

void run_sql(const testing::TestDatabase& db, const std::string& sql) {
  const auto psql = run_command({"/usr/bin/psql", "-v", "ON_ERROR_STOP=1", "-q", "-X", db.url()}, {}, sql);
  ASSERT_EQ(psql.exit_code, 0) << psql.err;
}

void create_shop(const testing::TestDatabase& db) {
  const auto ddl = run_command({strata_binary(), "ddl", "--schema", kShop});
  ASSERT_EQ(ddl.exit_code, 0) << ddl.err;
  run_sql(db, ddl.out);
}

CommandResult diff(const std::vector<std::string>& args) {
  std::vector<std::string> argv{strata_binary(), "diff"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv);
}

TEST(CliDiff, TwoDatabasesEqualThenDiffering) {
  testing::TestDatabase a;
  testing::TestDatabase b;
  create_shop(a);
  create_shop(b);
  const auto same = diff({"--from", a.url(), "--to", b.url()});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("No differences"), std::string::npos) << same.out;

  run_sql(b, "ALTER TABLE orders ADD COLUMN note text; CREATE SCHEMA audit; CREATE TABLE audit.log (id int);");
  const auto forward = diff({"--from", a.url(), "--to", b.url(), "--format", "sql"});
  EXPECT_EQ(forward.exit_code, 1) << forward.err;
  EXPECT_NE(forward.out.find("ALTER TABLE orders ADD COLUMN note text;"), std::string::npos) << forward.out;
  EXPECT_NE(forward.out.find("audit.log"), std::string::npos) << forward.out;  // every user schema is read

  // The other way round the same planner drops the column, with its hazard.
  const auto back = diff({"--from", b.url(), "--to", a.url(), "--format", "json"});
  EXPECT_EQ(back.exit_code, 1) << back.err;
  const auto plan = nlohmann::json::parse(back.out);
  EXPECT_NE(plan["hazards"].dump().find("data-loss"), std::string::npos) << back.out;
  EXPECT_NE(back.out.find("DROP COLUMN note"), std::string::npos) << back.out;
}

TEST(CliDiff, ADatabaseAndADeclaredSchemaGiveWhatPlanGives) {
  testing::TestDatabase db;
  create_shop(db);
  const auto plan = run_command({strata_binary(), "plan", "--url", db.url(), "--schema", kShopV2, "--format", "json"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const auto out = diff({"--from", db.url(), "--to", kShopV2, "--format", "json"});
  EXPECT_EQ(out.exit_code, 1) << out.err;
  EXPECT_EQ(out.out, plan.out);

  const auto same = diff({"--from", kShop, "--to", db.url()});
  EXPECT_EQ(same.exit_code, 0) << same.err << same.out;
  // From the declared side, v2's added column is what the database lacks: it would be dropped.
  const auto reverse = diff({"--from", kShopV2, "--to", db.url()});
  EXPECT_EQ(reverse.exit_code, 1) << reverse.err;
  EXPECT_NE(reverse.out.find("drop column ship_to"), std::string::npos) << reverse.out;
}

TEST(CliDiff, TwoDeclaredSchemasOfflineInTheChosenDialect) {
  const auto same = diff({"--from", kShop, "--to", kShop});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  const auto postgres = diff({"--from", kShop, "--to", kShopV2});
  EXPECT_EQ(postgres.exit_code, 1) << postgres.err;
  EXPECT_NE(postgres.out.find("(postgres)"), std::string::npos) << postgres.out;
  const auto crdb = diff({"--from", kShop, "--to", kShopV2, "--dialect", "cockroachdb"});
  EXPECT_EQ(crdb.exit_code, 1) << crdb.err;
  EXPECT_NE(crdb.out.find("(cockroachdb)"), std::string::npos) << crdb.out;
}

TEST(CliDiff, BadInputIsExitCodeTwo) {
  testing::TestDatabase db;
  // --dialect is for two declared schemas; a database has its own.
  const auto dialect = diff({"--from", db.url(), "--to", kShop, "--dialect", "cockroachdb"});
  EXPECT_EQ(dialect.exit_code, 2) << dialect.err;
  EXPECT_NE(dialect.err.find("--dialect cockroachdb is not the dialect of"), std::string::npos) << dialect.err;
  // A URL and paths on one side.
  const auto mixed = diff({"--from", db.url(), "--from", kShop, "--to", kShop});
  EXPECT_EQ(mixed.exit_code, 2) << mixed.err;
  // A bad declared schema: file:line:column.
  const auto bad_file = std::filesystem::temp_directory_path() / ("strata-diff-bad-" + db.name() + ".yaml");
  std::ofstream(bad_file) << "tables:\n  t:\n    columns: [\n";
  const auto bad = diff({"--from", db.url(), "--to", bad_file.string()});
  std::filesystem::remove(bad_file);
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find(bad_file.string() + ":"), std::string::npos) << bad.err;
  const auto missing = diff({"--from", kShop});
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
}

TEST(CliDiff, AnUnreachableSideIsExitCodeThreeAndHidesThePassword) {
  testing::TestDatabase db;
  const std::string url = "postgresql://someone:TopSecret99@127.0.0.1:1/nowhere?connect_timeout=2";
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--from", url, "--to", db.url()}, {"--from", db.url(), "--to", url}}) {
    const auto out = diff(args);
    EXPECT_EQ(out.exit_code, 3) << out.err;
    EXPECT_NE(out.err.find("cannot connect to postgresql://someone:***@127.0.0.1:1/nowhere"), std::string::npos)
        << out.err;
    EXPECT_EQ(out.err.find("TopSecret99"), std::string::npos) << out.err;
    EXPECT_EQ(out.out.find("TopSecret99"), std::string::npos);
  }
}

}  // namespace
}  // namespace strata
