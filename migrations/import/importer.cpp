#include "migrations/import/importer.hpp"

#include <fstream>
#include <regex>

#include <fmt/format.h>

#include "engine/sql/scanner.hpp"
#include "migrations/directory.hpp"
#include "migrations/splitter.hpp"
#include "migrations/sum.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

namespace fs = std::filesystem;

namespace {

// A strata name: letters, digits, '_' and '-'; anything else becomes '_'.
std::string strata_name(const std::string& name) {
  std::string out;
  for (unsigned char c : name) out += std::isalnum(c) || c == '_' || c == '-' ? static_cast<char>(c) : '_';
  while (out.find("__") != std::string::npos) out.replace(out.find("__"), 2, "_");
  while (!out.empty() && out.front() == '_') out.erase(out.begin());
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "migration" : out.substr(0, 100);
}

// Statements PostgreSQL refuses inside a transaction block (SQLSTATE 25001).
std::optional<std::string> outside_transaction_statement(const std::string& sql, const std::string& file) {
  static const std::regex kOutside(
      R"(^\s*((CREATE|DROP)\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY|REINDEX\b.*\bCONCURRENTLY|VACUUM|CREATE\s+DATABASE|DROP\s+DATABASE|ALTER\s+SYSTEM|CREATE\s+TABLESPACE|DROP\s+TABLESPACE))",
      std::regex::icase);
  try {
    for (const auto& statement : split_statements(sql, file)) {
      std::smatch m;
      if (std::regex_search(statement.sql, m, kOutside)) return m.str(1);
    }
  } catch (const LoadError&) {
    return std::nullopt;  // strata reports the file when it reads the directory
  }
  return std::nullopt;
}

// A file wrapped in BEGIN; … COMMIT; (as golang-migrate's tutorials write them): strata runs a file
// in one transaction itself, and a COMMIT inside it would end strata's. The two are cut out.
bool strip_transaction_wrapper(std::string& text) {
  using strata::sql::TokenKind;
  const auto tokens = strata::sql::scan(text);
  const auto word = [&](std::size_t i, std::initializer_list<std::string_view> words) {
    return i < tokens.size() && tokens[i].kind == TokenKind::Word &&
           std::find(words.begin(), words.end(), tokens[i].text) != words.end();
  };
  const auto semicolon = [&](std::size_t i) {
    return i < tokens.size() && tokens[i].kind == TokenKind::Punct && tokens[i].text == ";";
  };
  std::size_t first_end = 0;
  if (word(0, {"begin"})) {
    first_end = word(1, {"transaction", "work"}) ? 2 : 1;
  } else if (word(0, {"start"}) && word(1, {"transaction"})) {
    first_end = 2;
  }
  if (first_end == 0 || !semicolon(first_end)) return false;
  std::size_t last = tokens.size() - 1;
  if (semicolon(last)) --last;
  if (word(last, {"transaction", "work"})) --last;
  if (last <= first_end || !word(last, {"commit", "end"})) return false;
  const std::size_t tail_begin = tokens[last].begin;
  text = text.substr(0, tokens[0].begin) + text.substr(tokens[first_end].end, tail_begin - tokens[first_end].end) +
         text.substr(tokens.back().end);
  return true;
}

std::string header(const ToolDirectory& source, const ToolMigration& m, bool up, bool no_transaction) {
  std::string out = fmt::format("-- Imported by `strata migrate import` from {}: {}.\n", tool_name(source.tool),
                                fmt::join(m.files, ", "));
  if (up) {
    const std::string version = m.repeatable ? "R:" + fs::path(m.files.front()).filename().string() : m.version;
    out += fmt::format("-- strata:imported {} {}{}\n", tool_name(source.tool), version,
                       m.checksum.empty() ? "" : " " + m.checksum);
  }
  if (no_transaction) out += "-- strata:no-transaction\n";
  return out + "\n";
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!text.empty() && text.back() != '\n') out << '\n';
  out.close();
  if (!out) throw UsageError(fmt::format("cannot write {}", path.string()));
}

// The strata version of each migration: the tool's own when all are numbers, else 1, 2, ….
std::vector<std::int64_t> versions(const std::vector<const ToolMigration*>& kept, bool& renumbered) {
  std::vector<std::int64_t> out;
  renumbered = !std::all_of(kept.begin(), kept.end(), [](const ToolMigration* m) {
    return m->repeatable || (all_digits(m->version) && m->version.size() <= 18);
  });
  std::int64_t last = 0;
  for (const ToolMigration* m : kept) {
    last = renumbered || m->repeatable ? last + 1 : std::stoll(m->version);
    out.push_back(last);
  }
  return out;
}

// The migrations to write: the versioned ones, and Flyway's repeatables as `repeatables` says.
std::vector<const ToolMigration*> kept_migrations(const ToolDirectory& source, Repeatables repeatables,
                                                  ImportResult& result) {
  std::vector<const ToolMigration*> kept;
  for (const auto& m : source.migrations) {
    if (!m.repeatable) {
      kept.push_back(&m);
      continue;
    }
    const std::string file = (source.path / m.files.front()).string();
    if (repeatables == Repeatables::Refuse) {
      throw UsageError(fmt::format(
          "{} is a Flyway repeatable migration (R__), which Flyway runs again whenever it changes; strata runs a "
          "migration once. Choose: --repeatable append (each becomes a migration after the versioned ones, run "
          "once; a later change needs a new migration) or --repeatable skip (left out)",
          file));
    }
    if (repeatables == Repeatables::Skip) {
      result.not_carried.push_back({file, 0, "a repeatable migration: left out (--repeatable skip)"});
      continue;
    }
    kept.push_back(&m);
    result.not_carried.push_back({file, 0, "a repeatable migration: appended after the versioned ones, run once"});
  }
  return kept;
}

}  // namespace

std::optional<ImportedFrom> imported_from(std::string_view up_text) {
  static const std::regex kLine(R"(^-- strata:imported (\S+) (\S+)(?: (\S+))?\s*$)");
  for (const auto& [number, line] : lines_of(up_text)) {
    std::smatch m;
    if (std::regex_match(line, m, kLine)) return ImportedFrom{m[1], m[2], m[3]};
    if (number > 10) break;
  }
  return std::nullopt;
}

ImportResult write_strata_directory(const ToolDirectory& source, const fs::path& target, Repeatables repeatables) {
  ImportResult result;
  result.not_carried = source.not_carried;
  const std::vector<const ToolMigration*> kept = kept_migrations(source, repeatables, result);
  if (fs::exists(target) && !read_directory(target).migrations.empty()) {
    throw UsageError(fmt::format("{} holds migrations already: import into a new or empty directory", target.string()));
  }
  fs::create_directories(target);
  bool renumbered = false;
  const auto numbers = versions(kept, renumbered);
  const std::size_t width =
      renumbered ? std::max<std::size_t>(4, std::to_string(numbers.empty() ? 0 : numbers.back()).size()) : 0;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const ToolMigration& m = *kept[i];
    ImportedFile file;
    file.version = numbers[i];
    file.tool_version = m.repeatable ? "" : m.version;
    file.name = strata_name(m.name);
    file.from = m.files;
    const std::string version_text =
        renumbered || m.repeatable ? fmt::format("{:0{}}", numbers[i], std::max<std::size_t>(width, 1)) : m.version;
    const std::string stem = fmt::format("{}_{}", version_text, file.name);
    file.no_transaction = m.no_transaction;
    const std::string first_file = (source.path / m.files.front()).string();
    if (!m.no_transaction) {
      if (const auto statement = outside_transaction_statement(m.up, first_file)) {
        file.no_transaction = true;
        result.not_carried.push_back({first_file, 0,
                                      fmt::format("{} cannot run inside a transaction: the strata file "
                                                  "is marked -- strata:no-transaction",
                                                  *statement)});
      }
    }
    std::string up = m.up;
    std::optional<std::string> down = m.down;
    // The down file is the second where the tool keeps it apart (golang-migrate, Flyway's U…).
    const std::string down_file = (source.path / m.files.back()).string();
    constexpr const char* kUnwrapped =
        "BEGIN; … COMMIT; around the file were left out: strata runs each file in one transaction itself";
    if (!file.no_transaction && strip_transaction_wrapper(up))
      result.not_carried.push_back({first_file, 0, kUnwrapped});
    if (!file.no_transaction && down && strip_transaction_wrapper(*down))
      result.not_carried.push_back({down_file, 0, kUnwrapped});
    file.up = target / (stem + ".up.sql");
    write(file.up, header(source, m, true, file.no_transaction) + up);
    if (down) {
      file.down = target / (stem + ".down.sql");
      const bool down_outside = m.no_transaction || outside_transaction_statement(*down, first_file).has_value();
      write(*file.down, header(source, m, false, down_outside) + *down);
    }
    result.files.push_back(std::move(file));
  }
  if (renumbered) {
    result.not_carried.push_back({source.path.string(), 0,
                                  "the tool's versions are not all whole numbers: the "
                                  "migrations are numbered 1, 2, … in its order, and each "
                                  "file's `strata:imported` line keeps its version"});
  }
  const Directory written = read_directory(target);
  write_sum(written);
  result.sum = target / kSumFileName;
  return result;
}

}  // namespace strata::migrations::import
