// Reading --schema (and --from) paths for a command: YAML and SQL files, the SQL's dialect from
// --dialect or the server, and the statements the SQL held that strata left out, reported once on
// standard error.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "strata/declared_schema.hpp"
#include "strata/schema.hpp"

namespace strata::cli {

// Loads the paths; `dialect` reads .sql files without a `-- strata:dialect` line (empty: ask
// `server`, when given). Prints the notes on standard error.
Schema load_schema_paths(const std::vector<std::string>& paths, const std::string& dialect,
                         std::function<std::string()> server = {});

// Prints notes as `file:line:column: note: …`; a message repeated many times is printed a few
// times and then counted.
void print_notes(const std::vector<SchemaNote>& notes);

// --dialect and --server-version, for commands that need a server only to know its kind.
struct DialectArgs {
  std::string dialect;
  std::string server_version;
  std::string database;
};
void add_dialect_options(CLI::App& command, DialectArgs& args, const std::string& what);

}  // namespace strata::cli
