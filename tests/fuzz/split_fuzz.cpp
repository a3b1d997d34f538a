// libFuzzer target: the migration-file splitter must never crash or hang; it either throws
// LoadError or returns statements that are non-empty, ascending by line, and split again to the
// same statements once rejoined (the split is a fixed point).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "migrations/splitter.hpp"
#include "strata/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<strata::migrations::Statement> statements;
  try {
    statements = strata::migrations::split_statements(text, "fuzz.up.sql");
  } catch (const strata::LoadError&) {
    return 0;
  }
  int last_line = 0;
  // Starts with a newline: a statement may begin with the bytes of a byte order mark, which only
  // the first bytes of a file are taken for.
  std::string rejoined = "\n";
  for (const auto& s : statements) {
    if (s.sql.empty() || s.line < last_line) std::abort();
    last_line = s.line;
    rejoined += s.sql + "\n;\n";  // the newline ends a trailing line comment before the ';'
  }
  const auto again = strata::migrations::split_statements(rejoined, "rejoined.up.sql");
  if (again.size() != statements.size()) std::abort();
  for (std::size_t i = 0; i < again.size(); ++i) {
    if (again[i].sql != statements[i].sql) std::abort();
  }
  return 0;
}
