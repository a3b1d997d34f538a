#include <fmt/format.h>

#include "tools/strata/commands.hpp"
#include "tools/strata/output.hpp"
#include "tools/strata/schema_args.hpp"

#include "strata/dialect_factory.hpp"
#include "strata/plan.hpp"

namespace strata::cli {

namespace {

struct DdlArgs {
  std::vector<std::string> schema_paths;
  std::string dialect = "postgres";
  std::string database;
  std::string server_version;
  std::string output;
};

}  // namespace

void add_ddl_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<DdlArgs>();
  auto* cmd = app.add_subcommand("ddl", "Print the SQL that creates a declared schema in an empty database");
  cmd->footer(
      "Reads and checks the declared schema without touching any database; a bad file is reported\n"
      "with file:line:column. Example: strata ddl --schema examples/shop | psql \"$DATABASE_URL\"");
  add_schema_paths_option(*cmd, args->schema_paths);
  cmd->add_option("--dialect", args->dialect, "SQL dialect to write (and to read .sql schema files in)")
      ->check(CLI::IsMember({"postgres", "cockroachdb"}))
      ->capture_default_str();
  cmd->add_option("--server-version", args->server_version,
                  "The server's release, MAJOR.MINOR (e.g. 24.3): CockroachDB's rules for that release");
  cmd->add_option("--database", args->database,
                  "CockroachDB: the database that multi-region statements (ALTER DATABASE) name");
  add_output_option(*cmd, args->output);
  cmd->callback([args, &run] {
    run = [args] {
      const auto dialect = make_dialect(args->dialect, args->database, args->server_version);
      Schema schema = load_schema_paths(args->schema_paths, args->dialect);
      std::string sql;
      for (const auto& statement : create_statements(schema, *dialect)) sql += statement + ";\n";
      write_output(sql, args->output);
      return 0;
    };
  });
}

}  // namespace strata::cli
