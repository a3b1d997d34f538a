// Recorded result rows as files (tests/fixtures/crdb-releases/results/*.txt and state/*/*.txt).
//
// The format (README.md in the catalogue says the same):
//   - lines starting with '#' before the header are comments; the first one must be
//     "# source: <provenance>";
//   - the header: column names separated by tabs;
//   - then one line per row, values separated by tabs, in PostgreSQL's COPY text escaping:
//     \N alone is NULL, \\ a backslash, \t a tab, \n a newline, \r a carriage return.
// A file with a header and no rows is a recorded empty answer.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace strata::standin {

// A value in PostgreSQL text format; nullopt is SQL NULL.
using Text = std::optional<std::string>;
using Row = std::vector<Text>;

struct CatalogueError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct RowsFile {
  std::string source;                 // from the "# source:" line
  std::vector<std::string> comments;  // every other '#' line, without the '#'
  std::vector<std::string> columns;
  std::vector<Row> rows;

  // The index of `column`, or -1.
  int column_index(std::string_view column) const;
};

RowsFile parse_rows_file(std::string_view text, const std::string& what);
RowsFile read_rows_file(const std::filesystem::path& path);

// One value in COPY text escaping and back.
std::string escape_copy_text(const Text& value);
Text unescape_copy_text(std::string_view field, const std::string& what);

// The elements of an array in PostgreSQL text form ("{a,\"b c\",NULL}"); throws CatalogueError
// when `text` is not one.
std::vector<Text> parse_text_array(std::string_view text);

}  // namespace strata::standin
