#include "tools/strata/schema_args.hpp"

#include <iostream>
#include <map>

#include <fmt/format.h>

namespace strata::cli {

namespace {

constexpr std::size_t kShownPerMessage = 3;

}  // namespace

void print_notes(const std::vector<SchemaNote>& notes) {
  std::map<std::string, std::size_t> seen;
  for (const auto& note : notes) ++seen[note.message];
  std::map<std::string, std::size_t> shown;
  for (const auto& note : notes) {
    std::size_t& count = shown[note.message];
    if (++count <= kShownPerMessage) {
      std::cerr << to_string(note.position) << ": note: " << note.message << "\n";
    } else if (count == kShownPerMessage + 1) {
      std::cerr << to_string(note.position) << ": note: … and " << seen[note.message] - kShownPerMessage
                << " more statements like it\n";
    }
  }
  std::cerr << std::flush;
}

Schema load_schema_paths(const std::vector<std::string>& paths, const std::string& dialect,
                         std::function<std::string()> server) {
  SchemaLoadOptions options;
  options.sql_dialect = dialect;
  options.server_dialect = std::move(server);
  LoadedSchema loaded = load_declared_schema(paths, options);
  print_notes(loaded.notes);
  return std::move(loaded.schema);
}

void add_dialect_options(CLI::App& command, DialectArgs& args, const std::string& what) {
  command.add_option("--dialect", args.dialect, what)->check(CLI::IsMember({"postgres", "cockroachdb"}));
  command.add_option("--server-version", args.server_version,
                     "The server's release, MAJOR.MINOR (e.g. 24.3): CockroachDB's rules for that release");
  command.add_option("--database", args.database,
                     "CockroachDB: the database that multi-region statements (ALTER DATABASE) name");
}

}  // namespace strata::cli
