// Atlas: {version}_{name}.sql in name order, checked against atlas.sum (its first line `h1:` the
// sum of the per-file lines; each file's hash is the SHA-256, base64, of every earlier file's name
// and content and its own, so the history's hash pins the file and all before it). File directives
// are comment lines at the top, before a blank line: `-- atlas:txmode none` runs the file outside a
// transaction; `-- atlas:delimiter` and checkpoints cannot be carried.
#include <openssl/evp.h>

#include <memory>
#include <regex>

#include <fmt/format.h>

#include "migrations/import/tool_directory.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

namespace {

using Context = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::string base64(const unsigned char* bytes, unsigned int length) {
  std::string out(4 * ((length + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes, static_cast<int>(length));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

// The hash of everything written so far, leaving `running` open for more.
std::string snapshot(const Context& running) {
  Context copy(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!copy || EVP_MD_CTX_copy_ex(copy.get(), running.get()) != 1 ||
      EVP_DigestFinal_ex(copy.get(), digest, &length) != 1) {
    throw Error("OpenSSL could not compute a SHA-256 hash");
  }
  return base64(digest, length);
}

// The file directives: `atlas:NAME ARGS` in the comment lines before the first blank line.
std::vector<std::pair<std::string, std::string>> directives(const std::string& text) {
  static const std::regex kDirective(R"(^(?:--|#)\s*atlas:(\w+)(?:\s+(.*?))?\s*$)");
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::pair<std::string, std::string>> found;
  for (const auto& [number, line] : lines_of(text)) {
    if (line.empty()) return found;
    if (!line.starts_with("--") && !line.starts_with("#")) return out;
    std::smatch m;
    if (std::regex_match(line, m, kDirective)) found.emplace_back(m[1], m[2]);
  }
  return out;
}

}  // namespace

ToolDirectory read_atlas(const std::filesystem::path& path) {
  ToolDirectory out;
  out.tool = Tool::Atlas;
  out.path = path;
  std::vector<std::pair<std::string, std::string>> computed;  // file, hash
  Context running(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!running || EVP_DigestInit_ex(running.get(), EVP_sha256(), nullptr) != 1) throw Error("OpenSSL: no SHA-256");
  for (const auto& file : files_in(path)) {
    if (file.extension() != ".sql") continue;
    const std::string name = file.string();
    const std::string full = (path / file).string();
    const std::string text = read_file(path / file);
    const auto found = directives(text);
    EVP_DigestUpdate(running.get(), name.data(), name.size());
    const bool sum_ignored =
        std::any_of(found.begin(), found.end(), [](auto& d) { return d.first == "sum" && d.second == "ignore"; });
    if (sum_ignored) {
      out.not_carried.push_back({full, 0, "left out: `atlas:sum ignore` marks it as no migration"});
      continue;
    }
    EVP_DigestUpdate(running.get(), text.data(), text.size());
    computed.emplace_back(name, snapshot(running));
    ToolMigration migration;
    const std::string stem = file.stem().string();
    const std::size_t underscore = stem.find('_');
    migration.version = stem.substr(0, underscore);
    migration.name = underscore == std::string::npos ? "" : stem.substr(underscore + 1);
    migration.up = text;
    migration.checksum = computed.back().second;
    migration.files.push_back(name);
    for (const auto& [directive, argument] : found) {
      if (directive == "txmode" && argument == "none") migration.no_transaction = true;
      if (directive == "delimiter")
        throw LoadError({{{full, 1, 1},
                          "expected statements ending in semicolons: a file with `atlas:delimiter` "
                          "cannot be carried (rewrite it with semicolons)"}});
      if (directive == "checkpoint")
        out.not_carried.push_back({full, 0, "an Atlas checkpoint: imported as an ordinary migration"});
    }
    out.migrations.push_back(std::move(migration));
  }
  std::error_code ec;
  if (!std::filesystem::exists(path / "atlas.sum", ec)) {
    out.not_carried.push_back({(path / "atlas.sum").string(), 0, "no atlas.sum: the files could not be checked"});
    return out;
  }
  std::vector<std::pair<std::string, std::string>> recorded;
  for (const auto& [number, line] : lines_of(read_file(path / "atlas.sum"))) {
    const std::size_t at = line.find(" h1:");
    if (number == 1 || at == std::string::npos) continue;
    recorded.emplace_back(line.substr(0, at), line.substr(at + 4));
  }
  if (recorded != computed) {
    throw LoadError({{{(path / "atlas.sum").string(), 0, 0},
                      "expected atlas.sum to match the files, as Atlas requires before it runs them: a file was "
                      "edited, added or removed since `atlas migrate hash`"}});
  }
  return out;
}

}  // namespace strata::migrations::import
