// Moving onto strata from another migration tool, on the real PostgreSQL: each tool's directory in
// tests/fixtures/tools/ (laid out as that tool writes it) is imported with `strata migrate import`,
// applied by `strata migrate up` to one database and, file by file as the tool would run them, by
// plain psql to another; the two schemas must dump alike. Then the psql database gets the tool's
// history table, filled as the tool fills it: a history the tool itself would stop on (dirty,
// failed, a checksum of another file, a version that was not imported) is refused with nothing
// recorded, and the true history is adopted, after which strata has nothing left to run.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::run_command;
using testing::strata_binary;

const fs::path kTools = fs::path(STRATA_SOURCE_DIR) / "tests/fixtures/tools";

struct ToolCase {
  std::string tool;
  std::vector<std::string> import_flags;  // beyond --from TOOL DIR --to OUT
  std::vector<std::string> psql_files;    // the tool's files, in the order the tool runs them
  std::string down_marker;                // where the up section ends, for tools with one file
  std::vector<std::string> not_carried;   // what the import must report it left out
  std::string history;                    // the tool's history table, as the tool writes it
  std::string bad_history;                // run after `history`: what the tool itself would stop on
  std::string refusal;                    // what the refusal must say
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void exec(const std::string& url, const std::string& sql) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  tx.exec(sql);
}

std::int64_t count(const std::string& url, const std::string& sql) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  return tx.exec1(sql)[0].as<std::int64_t>();
}

// Each file through plain psql, stopping at the first error; a file with a down section is cut there.
void apply_with_psql(const ToolCase& tool, const std::string& url, const fs::path& scratch) {
  for (const auto& name : tool.psql_files) {
    std::string text = read_text(kTools / tool.tool / name);
    if (!tool.down_marker.empty()) text = text.substr(0, text.find(tool.down_marker));
    const fs::path file = scratch / "psql.sql";
    std::ofstream(file, std::ios::binary) << text;
    const auto result = run_command(
        {testing::program_on_path("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file.string()});
    ASSERT_EQ(result.exit_code, 0) << name << ": " << result.err;
  }
}

// The schema as pg_dump prints it, without strata's own tables and without the random key of
// pg_dump's \restrict lines (a new one each run).
std::string dump(const std::string& url) {
  const auto result = run_command({testing::program_on_path("pg_dump"), "--schema-only", "--no-owner",
                                   "--no-privileges", "-T", "strata_schema_history", "-T", "strata_lock", "-d", url});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::istringstream in(result.out);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("\\restrict ") && !line.starts_with("\\unrestrict ")) out += line + "\n";
  }
  return out;
}

std::int64_t strata_history_rows(const std::string& url) {
  if (count(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'strata_schema_history'") == 0) return 0;
  return count(url, "SELECT count(*) FROM strata_schema_history");
}

std::vector<std::string> strata(std::vector<std::string> args) {
  args.insert(args.begin(), strata_binary());
  return args;
}

class Adoption : public ::testing::TestWithParam<ToolCase> {};

TEST_P(Adoption, ImportedAppliesAsPsqlDoesAndTheToolsHistoryIsAdopted) {
  const ToolCase& tool = GetParam();
  MigrationDir out;
  const fs::path imported = out.path() / "migrations";
  std::vector<std::string> args = {"migrate", "import",         "--from", tool.tool, (kTools / tool.tool).string(),
                                   "--to",    imported.string()};
  args.insert(args.end(), tool.import_flags.begin(), tool.import_flags.end());
  const auto import = run_command(strata(args));
  ASSERT_EQ(import.exit_code, 0) << import.out << import.err;
  EXPECT_THAT(import.out, HasSubstr("wrote " + (imported / "strata.sum").string()));
  for (const auto& remark : tool.not_carried) EXPECT_THAT(import.out, HasSubstr(remark));

  testing::TestDatabase by_strata;
  testing::TestDatabase by_psql;
  const auto up = run_command(strata({"migrate", "up", "--url", by_strata.url(), "--dir", imported.string()}));
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  apply_with_psql(tool, by_psql.url(), out.path());
  if (HasFatalFailure()) return;
  EXPECT_EQ(dump(by_strata.url()), dump(by_psql.url()));

  exec(by_psql.url(), tool.history);
  exec(by_psql.url(), tool.bad_history);
  const std::vector<std::string> adopt = {"migrate", "adopt",       "--from", tool.tool,
                                          "--url",   by_psql.url(), "--dir",  imported.string()};
  const auto refused = run_command(strata(adopt));
  EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("nothing was recorded"));
  EXPECT_THAT(refused.err, HasSubstr(tool.refusal));
  EXPECT_EQ(strata_history_rows(by_psql.url()), 0);

  exec(by_psql.url(), "DROP SCHEMA IF EXISTS atlas_schema_revisions CASCADE");
  exec(by_psql.url(),
       "DROP TABLE IF EXISTS schema_migrations, goose_db_version, flyway_schema_history, "
       "_prisma_migrations");
  exec(by_psql.url(), tool.history);
  const auto adopted = run_command(strata(adopt));
  ASSERT_EQ(adopted.exit_code, 0) << adopted.out << adopted.err;
  EXPECT_THAT(adopted.out, HasSubstr("recorded as applied"));
  const auto pending = run_command(strata({"migrate", "up", "--url", by_psql.url(), "--dir", imported.string()}));
  ASSERT_EQ(pending.exit_code, 0) << pending.out << pending.err;
  EXPECT_THAT(pending.out, HasSubstr("Nothing to do"));
  const auto again = run_command(strata(adopt));
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_THAT(again.out, HasSubstr("already in strata's history"));
}

// The checksums below were computed from the fixture files with Python's zlib and hashlib (see
// tests/fixtures/tools/README.md), not with strata's code.
const std::vector<ToolCase> kToolCases = {
    {"golang-migrate",
     {},
     {"000001_create_users_table.up.sql", "000002_add_mood_to_users.up.sql", "000003_add_username_index.up.sql"},
     "",
     {"BEGIN; … COMMIT; around the file were left out"},
     "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);"
     "INSERT INTO schema_migrations VALUES (3, false)",
     "UPDATE schema_migrations SET dirty = true",
     "golang-migrate marks version 3 dirty"},
    {"goose",
     {},
     {"00001_create_users_table.sql", "00002_add_users_function.sql", "00003_users_surname_index.sql"},
     "-- +goose Down",
     {"00004_seed_admins.go"},
     "CREATE TABLE goose_db_version (id serial NOT NULL PRIMARY KEY, version_id bigint NOT NULL, "
     "is_applied boolean NOT NULL, tstamp timestamp NULL DEFAULT now());"
     "INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true), (3, true)",
     "INSERT INTO goose_db_version (version_id, is_applied) VALUES (4, true)",
     "says version 4 was applied, but no imported file has that version"},
    {"flyway",
     {"--repeatable", "append"},
     {"V1__Create_person_table.sql", "V2__Add_people.sql", "V2_1__Add_person_primary_key.sql",
      "V3__Index_person_name.sql", "R__Person_view.sql"},
     "",
     {"a repeatable migration: appended after the versioned ones"},
     "CREATE TABLE flyway_schema_history (installed_rank integer NOT NULL PRIMARY KEY, version varchar(50), "
     "description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, "
     "checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), "
     "execution_time integer NOT NULL, success boolean NOT NULL);"
     "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
     "installed_by, execution_time, success) VALUES "
     "(1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 1715188512, 'app', 5, true),"
     "(2, '2', 'Add people', 'SQL', 'V2__Add_people.sql', 476766047, 'app', 2, true),"
     "(3, '2.1', 'Add person primary key', 'SQL', 'V2_1__Add_person_primary_key.sql', 548219151, 'app', 3, true),"
     "(4, '3', 'Index person name', 'SQL', 'V3__Index_person_name.sql', 1106080872, 'app', 4, true),"
     "(5, NULL, 'Person view', 'SQL', 'R__Person_view.sql', -282880222, 'app', 1, true)",
     "UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'",
     "the checksum 12345 recorded for version 2"},
    {"dbmate",
     {},
     {"20151127184807_create_users_table.sql", "20200101000000_create_colors.sql", "20200102000000_add_orange.sql"},
     "-- migrate:down",
     {},
     "CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY);"
     "INSERT INTO schema_migrations VALUES ('20151127184807'), ('20200101000000'), ('20200102000000')",
     "INSERT INTO schema_migrations VALUES ('20200103000000')",
     "says version 20200103000000 was applied"},
    {"prisma",
     {},
     {"20210313140442_init/migration.sql", "20210314120000_add_post/migration.sql"},
     "",
     {},
     "CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, "
     "finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, "
     "started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0);"
     "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at) "
     "VALUES ('5e3a2c6f-0000-4000-8000-000000000001', "
     "'74321ef4af21dd277012df04272490dac49483b673162e05f491e8db020c4494', now(), '20210313140442_init', 1, "
     "now() - interval '1 minute'),"
     "('5e3a2c6f-0000-4000-8000-000000000002', "
     "'bfd956fe192d97ac55c590803a622f8e6f64284d046123867c591484d64efc28', now(), '20210314120000_add_post', 1, "
     "now())",
     "UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '20210314120000_add_post'",
     "20210314120000_add_post as started and not finished"},
    {"atlas",
     {},
     {"20220318104614_initial.sql", "20220318104615_second.sql", "20220318104616_index.sql"},
     "",
     {},
     "CREATE SCHEMA atlas_schema_revisions;"
     "CREATE TABLE atlas_schema_revisions.atlas_schema_revisions (version varchar NOT NULL PRIMARY KEY, "
     "description varchar NOT NULL, type bigint NOT NULL DEFAULT 2, applied bigint NOT NULL DEFAULT 0, "
     "total bigint NOT NULL DEFAULT 0, executed_at timestamptz NOT NULL, execution_time bigint NOT NULL, "
     "error text NULL, error_stmt text NULL, hash varchar NOT NULL, partial_hashes jsonb NULL, "
     "operator_version varchar NOT NULL);"
     "INSERT INTO atlas_schema_revisions.atlas_schema_revisions (version, description, type, applied, total, "
     "executed_at, execution_time, hash, operator_version) VALUES "
     "('20220318104614', 'initial', 2, 1, 1, now(), 1000, 'ye47CAmih4ww0Q6yhIhUJWMuF7PlKHxZcTMTC7BHUng=', 'Atlas'),"
     "('20220318104615', 'second', 2, 2, 2, now(), 1000, 'mlBjvpp7k6Mdiuhu6Ju79O1o372uRfbVP+YkoABxWXU=', 'Atlas'),"
     "('20220318104616', 'index', 2, 1, 1, now(), 1000, 'DDV+eFNKb+6gxR3Bh9zBN6zKr9euVQBx4LqkzUXiW24=', 'Atlas')",
     "UPDATE atlas_schema_revisions.atlas_schema_revisions SET applied = 0, error = 'relation exists' "
     "WHERE version = '20220318104616'",
     "Atlas recorded version 20220318104616 as applied 0 of 1 statements, with an error"},
};

INSTANTIATE_TEST_SUITE_P(Tools, Adoption, ::testing::ValuesIn(kToolCases), [](const auto& info) {
  std::string name = info.param.tool;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

}  // namespace
}  // namespace strata
