#include "migrations/directory.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>
#include <variant>

#include <fmt/format.h>

#include "migrations/sum.hpp"
#include "strata/errors.hpp"

namespace strata::migrations {

namespace fs = std::filesystem;

namespace {

struct FileName {
  std::string version_text;
  std::int64_t version = 0;
  std::string name;
  bool down = false;
};

// "<digits>_<name>.up.sql" / ".down.sql", or a message saying what was expected.
std::variant<FileName, std::string> parse_file_name(const std::string& file) {
  const std::string expected = "expected a migration file named <version>_<name>.up.sql or <version>_<name>.down.sql";
  FileName parsed;
  std::string stem;
  if (file.ends_with(".up.sql")) {
    stem = file.substr(0, file.size() - 7);
  } else if (file.ends_with(".down.sql")) {
    stem = file.substr(0, file.size() - 9);
    parsed.down = true;
  } else {
    return expected + " (a .sql file must say whether it goes up or down)";
  }
  const std::size_t underscore = stem.find('_');
  if (underscore == std::string::npos || underscore == 0) return expected + ", the version first";
  parsed.version_text = stem.substr(0, underscore);
  parsed.name = stem.substr(underscore + 1);
  if (!std::all_of(parsed.version_text.begin(), parsed.version_text.end(),
                   [](unsigned char c) { return std::isdigit(c); })) {
    return fmt::format("{}: the version '{}' is not a number", expected, parsed.version_text);
  }
  const auto [end, error] = std::from_chars(parsed.version_text.data(),
                                            parsed.version_text.data() + parsed.version_text.size(), parsed.version);
  if (error != std::errc() || end != parsed.version_text.data() + parsed.version_text.size()) {
    return fmt::format("a version that fits in 64 bits, not {}", parsed.version_text);
  }
  if (parsed.name.empty() || !std::all_of(parsed.name.begin(), parsed.name.end(),
                                          [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-'; })) {
    return expected + ", the name made of letters, digits, '_' and '-'";
  }
  return parsed;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("unreadable");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string sha256_checksum(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw Error("OpenSSL could not compute a SHA-256 checksum");
  }
  std::string out = "sha256:";
  for (unsigned int i = 0; i < length; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

Directory read_directory(const fs::path& path) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    throw UsageError(fmt::format("the migrations directory {} does not exist", path.string()));
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(path)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".") || name == kSumFileName || !name.ends_with(".sql")) continue;
    if (!entry.is_regular_file()) continue;
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  std::vector<Diagnostic> problems;
  auto problem = [&](const fs::path& file, std::string message) {
    problems.push_back(Diagnostic{SourcePosition{file.string(), 0, 0}, std::move(message)});
  };
  std::map<std::int64_t, Migration> by_version;
  std::map<std::int64_t, fs::path> down_files;
  for (const auto& file : files) {
    const std::string name = file.filename().string();
    auto parsed = parse_file_name(name);
    if (auto* message = std::get_if<std::string>(&parsed)) {
      problem(file, *message);
      continue;
    }
    const FileName& f = std::get<FileName>(parsed);
    MigrationFile content;
    content.file_name = name;
    try {
      content.text = read_all(file);
    } catch (const std::exception&) {
      problem(file, "expected a readable file");
      continue;
    }
    content.checksum = sha256_checksum(content.text);
    Migration& m = by_version[f.version];
    const bool seen = !m.name.empty();
    if (seen && (m.name != f.name || m.version_text != f.version_text)) {
      problem(file, fmt::format("expected one migration per version, but version {} is also {}_{}", f.version,
                                m.version_text, m.name));
      continue;
    }
    m.version = f.version;
    m.version_text = f.version_text;
    m.name = f.name;
    if (f.down) {
      m.down = std::move(content);
      down_files[f.version] = file;
    } else {
      m.up = std::move(content);
    }
  }
  Directory directory{path, {}};
  for (auto& [version, m] : by_version) {
    if (m.up.file_name.empty()) {
      problem(down_files[version], fmt::format("expected {}_{}.up.sql next to this down file", m.version_text, m.name));
      continue;
    }
    directory.migrations.push_back(std::move(m));
  }
  if (!problems.empty()) throw LoadError(std::move(problems), "the migrations directory");
  return directory;
}

}  // namespace strata::migrations
