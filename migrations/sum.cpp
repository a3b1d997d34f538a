#include "migrations/sum.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "strata/errors.hpp"

namespace strata::migrations {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHeader =
    "# strata.sum: the checksum of each migration file and of the whole directory.\n"
    "# Written by `strata migrate hash`; strata refuses to run when the files disagree with it.\n";

// "<file> <checksum>\n" for every file, in version order, up before down.
std::string file_lines(const Directory& directory) {
  std::string out;
  for (const auto& m : directory.migrations) {
    out += fmt::format("{} {}\n", m.up.file_name, m.up.checksum);
    if (m.down) out += fmt::format("{} {}\n", m.down->file_name, m.down->checksum);
  }
  return out;
}

}  // namespace

std::string render_sum(const Directory& directory) {
  const std::string lines = file_lines(directory);
  return fmt::format("{}directory {}\n{}", kHeader, sha256_checksum(lines), lines);
}

void write_sum(const Directory& directory) {
  const fs::path target = directory.path / kSumFileName;
  const fs::path temporary = directory.path / (std::string(kSumFileName) + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << render_sum(directory);
    out.close();
    if (!out) throw UsageError(fmt::format("cannot write {}", temporary.string()));
  }
  fs::rename(temporary, target);
}

std::vector<SumProblem> verify_sum(const Directory& directory) {
  std::vector<SumProblem> problems;
  const fs::path path = directory.path / kSumFileName;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!directory.migrations.empty()) {
      problems.push_back({kSumFileName, 0, "is missing: run `strata migrate hash` to write it"});
    }
    return problems;
  }
  std::map<std::string, std::string> files;  // from the directory
  for (const auto& m : directory.migrations) {
    files[m.up.file_name] = m.up.checksum;
    if (m.down) files[m.down->file_name] = m.down->checksum;
  }
  std::string line;
  int number = 0;
  std::string declared_directory;
  std::string listed_lines;
  std::map<std::string, int> listed;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.starts_with("#")) continue;
    const std::size_t space = line.rfind(' ');
    if (space == std::string::npos || space == 0 || !line.substr(space + 1).starts_with("sha256:")) {
      problems.push_back({kSumFileName, number, "expected `<file> sha256:<checksum>` on this line"});
      continue;
    }
    const std::string name = line.substr(0, space);
    const std::string checksum = line.substr(space + 1);
    if (name == "directory") {
      declared_directory = checksum;
      continue;
    }
    listed_lines += line + "\n";
    listed[name] = number;
    const auto it = files.find(name);
    if (it == files.end()) {
      problems.push_back({name, number, "is listed in strata.sum but is not in the directory (deleted or renamed)"});
    } else if (it->second != checksum) {
      problems.push_back({name, number, "was edited after strata.sum was written"});
    }
  }
  for (const auto& [name, checksum] : files) {
    if (!listed.contains(name)) problems.push_back({name, 0, "is not in strata.sum (added after it was written)"});
  }
  if (declared_directory.empty()) {
    problems.push_back({kSumFileName, 0, "has no `directory` line"});
  } else if (declared_directory != sha256_checksum(listed_lines)) {
    problems.push_back({kSumFileName, 0, "was edited by hand: its directory checksum does not match its lines"});
  }
  return problems;
}

void require_sum(const Directory& directory) {
  const auto problems = verify_sum(directory);
  if (problems.empty()) return;
  std::vector<Diagnostic> diagnostics;
  for (const auto& p : problems) {
    const bool about_sum = p.file_name == kSumFileName;
    const fs::path file = directory.path / (about_sum || p.line > 0 ? std::string(kSumFileName) : p.file_name);
    // The missing file's message already says what to run.
    const bool advised = p.message.find("strata migrate hash") != std::string::npos;
    diagnostics.push_back(Diagnostic{
        SourcePosition{file.string(), p.line, 0},
        fmt::format("{}{}{}", about_sum ? "strata.sum " : p.file_name + " ", p.message,
                    advised ? ""
                            : "; if that was on purpose, run `strata migrate hash` (an applied migration must "
                              "still not change)")});
  }
  throw LoadError(std::move(diagnostics), kSumFileName);
}

}  // namespace strata::migrations
