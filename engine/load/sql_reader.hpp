// Declared schemas written in SQL: the seam between the loader (core) and the dialects that read
// their own SQL. The loader collects *.sql files beside the YAML ones, learns each file's dialect
// (its first-line directive `-- strata:dialect NAME`, else the default the caller gives), and hands
// the files of one dialect to that dialect's SqlSchemaReader, which the app layer supplies (the
// core sees no dialect). Readers add to the same DeclaredSchema the YAML parser fills, so YAML and
// SQL files mix and the same resolution (references, default names) runs over the whole.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load/declared.hpp"
#include "strata/errors.hpp"

namespace strata::load {

struct SqlFile {
  std::string path;
  std::string text;
};

// Something a reader read and left out of the schema (a statement strata does not manage, a clause
// the model has no place for). Reported once, never silently dropped.
struct ReadNote {
  SourcePosition position;
  std::string message;
};

class SqlSchemaReader {
 public:
  virtual ~SqlSchemaReader() = default;
  // Reads `files` (all of this reader's dialect, in name order) into `into`, which already holds
  // what the YAML files declare. Statements apply in file order; one that needs an object a later
  // file declares (ALTER TABLE, CREATE INDEX, COMMENT ON it) waits until that object exists.
  // Problems go to `errors` (file:line:column and what was expected), skipped statements and
  // clauses to `notes`. Never throws for bad input.
  virtual void read(const std::vector<SqlFile>& files, DeclaredSchema& into, std::vector<Diagnostic>& errors,
                    std::vector<ReadNote>& notes) const = 0;
};

// The reader of the SQL dialect `name` ("postgres", "cockroachdb"), or nullptr for an unknown name.
using SqlReaderFactory = std::function<std::unique_ptr<SqlSchemaReader>(std::string_view name)>;

// The dialect a file names in its first line, `-- strata:dialect NAME`, if it has one.
std::optional<std::string> sql_dialect_directive(std::string_view text);

struct LoadedFiles {
  Schema schema;
  std::vector<ReadNote> notes;
};

// How SQL files are read: the dialect of files without a directive (empty: none, then such a file
// is an error unless `ask_dialect` answers), and the readers.
struct SqlReading {
  std::string default_dialect;
  // Asked once, only when a file has no directive and no default was given (a server's kind).
  std::function<std::string()> ask_dialect;
  SqlReaderFactory readers;
};

// Loads YAML and SQL files and directories as one schema (see strata::load_schema). Throws
// LoadError with every problem; otherwise returns the schema and what the readers left out.
LoadedFiles load_paths(const std::vector<std::string>& paths, const SqlReading& sql);

// The same from texts in memory (file name, text); `.sql` names are SQL, the others YAML.
LoadedFiles load_texts(const std::vector<std::pair<std::string, std::string>>& files, const SqlReading& sql);

}  // namespace strata::load
