// libFuzzer target: the lint of `strata check` reads untrusted migration files; on any input it
// either throws LoadError (a file that cannot be split) or returns findings that name the file and
// a line inside it, with a catalogued code.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "migrations/lint/lint.hpp"
#include "strata/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  const std::vector<strata::migrations::lint::SourceFile> files = {{"fuzz.up.sql", text}};
  using strata::LintBehaviour;
  const std::set<LintBehaviour> postgres = {LintBehaviour::BlockingDdl};
  const std::set<LintBehaviour> cockroach = {LintBehaviour::UnsafeDdlTransactions, LintBehaviour::PrimaryKeyRebuild,
                                             LintBehaviour::RegionalRows};
  for (const auto& target : {postgres, cockroach}) {
    try {
      for (const auto& c : strata::migrations::lint::lint_files(files, {0}, target)) {
        for (const auto& f : c.findings) {
          if (f.file != "fuzz.up.sql" || f.line < 1 || f.line > lines) std::abort();
          if (!strata::find_check_code(f.code)) std::abort();
        }
      }
    } catch (const strata::LoadError&) {
      return 0;
    }
  }
  return 0;
}
