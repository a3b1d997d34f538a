#include "migrations/directory.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <variant>

#include <fmt/format.h>

#include "migrations/checksum_cache.hpp"
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

constexpr std::string_view kExpected =
    "expected a migration file named <version>_<name>.up.sql or <version>_<name>.down.sql";

// "<digits>_<name>.up.sql" / ".down.sql", or a message saying what was expected.
std::variant<FileName, std::string> parse_file_name(std::string_view file) {
  FileName parsed;
  std::string_view stem;
  if (file.ends_with(".up.sql")) {
    stem = file.substr(0, file.size() - 7);
  } else if (file.ends_with(".down.sql")) {
    stem = file.substr(0, file.size() - 9);
    parsed.down = true;
  } else {
    return fmt::format("{} (a .sql file must say whether it goes up or down)", kExpected);
  }
  const std::size_t underscore = stem.find('_');
  if (underscore == std::string_view::npos || underscore == 0) return fmt::format("{}, the version first", kExpected);
  const std::string_view version = stem.substr(0, underscore);
  const std::string_view name = stem.substr(underscore + 1);
  if (!std::all_of(version.begin(), version.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return fmt::format("{}: the version '{}' is not a number", kExpected, version);
  }
  const auto [end, error] = std::from_chars(version.data(), version.data() + version.size(), parsed.version);
  if (error != std::errc() || end != version.data() + version.size()) {
    return fmt::format("a version that fits in 64 bits, not {}", version);
  }
  if (name.empty() ||
      !std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-'; })) {
    return fmt::format("{}, the name made of letters, digits, '_' and '-'", kExpected);
  }
  parsed.version_text = version;
  parsed.name = name;
  return parsed;
}

// The regular files (symbolic links followed) named *.sql in `path`, except hidden ones, sorted
// by name, with their stamps: one readdir() and one fstatat() each, no path built. A file that
// cannot be stat'ed (but exists) comes without a stamp.
using Listing = std::vector<std::pair<std::string, std::optional<FileStamp>>>;
Listing list_sql_files(const fs::path& path) {
  std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.c_str()), ::closedir);
  if (!dir && (errno == ENOENT || errno == ENOTDIR)) {
    throw UsageError(fmt::format("the migrations directory {} does not exist", path.string()));
  }
  if (!dir)
    throw UsageError(
        fmt::format("the migrations directory {} cannot be read: {}", path.string(), std::strerror(errno)));
  Listing files;
  while (const dirent* entry = ::readdir(dir.get())) {
    const std::string_view name = entry->d_name;
    if (name.starts_with(".") || name == kSumFileName || !name.ends_with(".sql")) continue;
    errno = 0;
    auto stamp = stamp_at(::dirfd(dir.get()), entry->d_name);
    if (stamp || (errno != 0 && errno != ENOENT)) files.emplace_back(name, stamp);  // else not a regular file
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return files;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("unreadable");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Sets file.checksum from the cache, or by reading the file (keeping its text); false when it
// cannot be read. A file whose stamp moved while it was read is not remembered.
bool checksum_of(MigrationFile& file, const FileStamp& stamp, ChecksumCache& cache,
                 std::chrono::system_clock::time_point now, int& hashed) {
  if (auto cached = cache.find(file.file_name, stamp)) {
    file.checksum = std::move(*cached);
    file.cache_file = cache.file();
    return true;
  }
  try {
    file.content = read_all(file.path);
  } catch (const std::exception&) {
    return false;
  }
  file.checksum = sha256_checksum(*file.content);
  ++hashed;
  if (stamp_at(AT_FDCWD, file.path.c_str()) == stamp) cache.remember(file.file_name, stamp, file.checksum, now);
  return true;
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

const std::string& MigrationFile::text() const {
  if (content) return *content;
  std::string read;
  try {
    read = read_all(path);
  } catch (const std::exception&) {
    throw LoadError({Diagnostic{SourcePosition{path, 0, 0}, "expected a readable file"}}, path);
  }
  if (sha256_checksum(read) != checksum) {
    if (cache_file) forget_checksums(*cache_file);  // it may be what was wrong
    throw LoadError({Diagnostic{SourcePosition{path, 0, 0}, "changed while strata was running; run the command again"}},
                    path);
  }
  content = std::move(read);
  return *content;
}

Directory read_directory(const fs::path& path) {
  return read_directory(path, checksum_cache_file(path));
}

Directory read_directory(const fs::path& path, const std::optional<fs::path>& cache_file,
                         std::chrono::system_clock::time_point now) {
  const auto files = list_sql_files(path);
  std::vector<Diagnostic> problems;
  auto problem = [&](const std::string& file, std::string message) {
    problems.push_back(Diagnostic{SourcePosition{file, 0, 0}, std::move(message)});
  };
  ChecksumCache cache(cache_file);
  Directory directory{path, {}, 0};
  std::map<std::int64_t, Migration> by_version;
  std::map<std::int64_t, std::string> down_files;
  const std::string prefix = (path / "").string();
  for (const auto& [name, stamp] : files) {
    const std::string file = prefix + name;
    auto parsed = parse_file_name(name);
    if (auto* message = std::get_if<std::string>(&parsed)) {
      problem(file, *message);
      continue;
    }
    const FileName& f = std::get<FileName>(parsed);
    MigrationFile content{name, {}, file, std::nullopt, std::nullopt};
    if (!stamp || !checksum_of(content, *stamp, cache, now, directory.files_hashed)) {
      problem(file, "expected a readable file");
      continue;
    }
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
  for (auto& [version, m] : by_version) {
    if (m.up.file_name.empty()) {
      problem(down_files[version], fmt::format("expected {}_{}.up.sql next to this down file", m.version_text, m.name));
      continue;
    }
    directory.migrations.push_back(std::move(m));
  }
  if (!problems.empty()) throw LoadError(std::move(problems), "the migrations directory");
  cache.save();
  return directory;
}

}  // namespace strata::migrations
