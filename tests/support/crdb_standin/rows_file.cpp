#include "support/crdb_standin/rows_file.hpp"

#include <fstream>
#include <sstream>

namespace strata::standin {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    const size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

int RowsFile::column_index(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return static_cast<int>(i);
  }
  return -1;
}

std::string escape_copy_text(const Text& value) {
  if (!value) return "\\N";
  std::string out;
  for (char c : *value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Text unescape_copy_text(std::string_view field, const std::string& what) {
  if (field == "\\N") return std::nullopt;
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out += field[i];
      continue;
    }
    if (++i == field.size()) throw CatalogueError(what + ": a value ends with a lone backslash");
    switch (field[i]) {
      case '\\':
        out += '\\';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        throw CatalogueError(what + ": unknown escape \\" + std::string(1, field[i]));
    }
  }
  return out;
}

RowsFile parse_rows_file(std::string_view text, const std::string& what) {
  RowsFile file;
  auto lines = split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  size_t at = 0;
  for (; at < lines.size() && !lines[at].empty() && lines[at][0] == '#'; ++at) {
    std::string_view comment = lines[at].substr(1);
    while (!comment.empty() && comment.front() == ' ') comment.remove_prefix(1);
    if (at == 0 && comment.substr(0, 7) == "source:") {
      comment.remove_prefix(7);
      while (!comment.empty() && comment.front() == ' ') comment.remove_prefix(1);
      file.source = std::string(comment);
    } else {
      file.comments.emplace_back(comment);
    }
  }
  if (file.source.empty()) throw CatalogueError(what + ": the first line must be \"# source: <provenance>\"");
  if (at == lines.size()) throw CatalogueError(what + ": no header line of column names");
  for (auto name : split(lines[at], '\t')) file.columns.emplace_back(name);
  for (++at; at < lines.size(); ++at) {
    const auto fields = split(lines[at], '\t');
    const std::string where = what + " line " + std::to_string(at + 1);
    if (fields.size() != file.columns.size()) {
      throw CatalogueError(where + ": " + std::to_string(fields.size()) + " values for " +
                           std::to_string(file.columns.size()) + " columns");
    }
    Row row;
    for (auto field : fields) row.push_back(unescape_copy_text(field, where));
    file.rows.push_back(std::move(row));
  }
  return file;
}

RowsFile read_rows_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CatalogueError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return parse_rows_file(text.str(), path.string());
}

std::vector<Text> parse_text_array(std::string_view text) {
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') {
    throw CatalogueError("not an array: " + std::string(text));
  }
  text = text.substr(1, text.size() - 2);
  std::vector<Text> elements;
  size_t i = 0;
  while (i < text.size()) {
    std::string element;
    bool quoted = false;
    if (text[i] == '"') {
      quoted = true;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        element += text[i];
      }
      if (i == text.size()) throw CatalogueError("unterminated quoted array element");
      ++i;
    } else {
      for (; i < text.size() && text[i] != ','; ++i) element += text[i];
    }
    if (!quoted && element == "NULL") {
      elements.emplace_back(std::nullopt);
    } else {
      elements.emplace_back(std::move(element));
    }
    if (i < text.size()) {
      if (text[i] != ',') throw CatalogueError("expected ',' in array");
      ++i;
    }
  }
  return elements;
}

}  // namespace strata::standin
