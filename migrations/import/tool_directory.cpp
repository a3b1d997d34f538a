#include "migrations/import/tool_directory.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "migrations/directory.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::pair<Tool, std::string_view>, 6> kNames = {{
    {Tool::GolangMigrate, "golang-migrate"},
    {Tool::Goose, "goose"},
    {Tool::Flyway, "flyway"},
    {Tool::Dbmate, "dbmate"},
    {Tool::Prisma, "prisma"},
    {Tool::Atlas, "atlas"},
}};

std::array<std::uint32_t, 256> crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}

}  // namespace

std::string_view tool_name(Tool tool) {
  for (const auto& [t, name] : kNames) {
    if (t == tool) return name;
  }
  return "unknown";
}

std::optional<Tool> tool_from_name(std::string_view name) {
  for (const auto& [tool, spelling] : kNames) {
    if (spelling == name) return tool;
  }
  if (name == "migrate" || name == "golang_migrate") return Tool::GolangMigrate;
  return std::nullopt;
}

ToolDirectory read_tool_directory(Tool tool, const fs::path& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    throw UsageError(
        fmt::format("{} is not a directory: expected {}'s migrations directory", path.string(), tool_name(tool)));
  }
  switch (tool) {
    case Tool::GolangMigrate:
      return read_golang_migrate(path);
    case Tool::Goose:
      return read_goose(path);
    case Tool::Flyway:
      return read_flyway(path);
    case Tool::Dbmate:
      return read_dbmate(path);
    case Tool::Prisma:
      return read_prisma(path);
    case Tool::Atlas:
      return read_atlas(path);
  }
  throw UsageError("unknown tool");
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw LoadError({{{path.string(), 0, 0}, "cannot read this file"}});
  return text.str();
}

std::vector<fs::path> files_in(const fs::path& path, bool recursive) {
  std::vector<fs::path> out;
  if (recursive) {
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
      if (entry.is_regular_file()) out.push_back(fs::relative(entry.path(), path));
    }
  } else {
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.is_regular_file()) out.push_back(entry.path().filename());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::vector<std::pair<int, std::string>> lines_of(std::string_view text) {
  std::vector<std::pair<int, std::string>> out;
  int number = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.emplace_back(number++, std::move(line));
    start = end + 1;
  }
  return out;
}

std::int32_t flyway_checksum(std::string_view text) {
  static const auto table = crc_table();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::uint32_t crc = 0xFFFFFFFFU;
  // Java's BufferedReader.readLine: a line ends at \n, \r or \r\n.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') continue;
    crc = table[(crc ^ static_cast<unsigned char>(c)) & 0xFFU] ^ (crc >> 8);
  }
  return static_cast<std::int32_t>(crc ^ 0xFFFFFFFFU);
}

std::string prisma_checksum(std::string_view text) {
  return sha256_checksum(text).substr(7);  // without "sha256:"
}

}  // namespace strata::migrations::import
