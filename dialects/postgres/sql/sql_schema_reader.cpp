// The PostgreSQL SqlSchemaReader: parse every file, apply the statements in file order, and let a
// statement that needs a table a later statement creates wait for it.
#include "dialects/postgres/sql/sql_schema_reader.hpp"

#include <deque>

#include <fmt/format.h>

#include "dialects/postgres/sql/pg_parser.hpp"
#include "dialects/postgres/sql/schema_builder.hpp"
#include "dialects/postgres/sql/statement_text.hpp"

namespace strata::postgres {

namespace {

class PostgresSqlReader : public load::SqlSchemaReader {
 public:
  void read(const std::vector<load::SqlFile>& files, load::DeclaredSchema& into, std::vector<Diagnostic>& errors,
            std::vector<load::ReadNote>& notes) const override {
    std::deque<sql::LineIndex> lines;
    std::deque<sql::ParsedFile> parsed;
    std::deque<sql::StatementText> statements;
    struct Waiting {
      const sql::StatementText* statement;
      std::string default_schema;
    };
    std::vector<Waiting> waiting;
    sql::SchemaBuilder builder(into, errors, notes);
    for (const auto& file : files) {
      lines.emplace_back(file.path, file.text);
      parsed.push_back(sql::parse_file(file.text));
      for (const auto& failure : parsed.back().failures) {
        errors.push_back({lines.back().at(failure.offset),
                          fmt::format("expected SQL that PostgreSQL accepts: {}", failure.message)});
      }
      std::string default_schema = "public";
      for (const auto& statement : parsed.back().statements) {
        statements.emplace_back(lines.back(), statement);
        const std::string before = default_schema;
        if (builder.apply(statements.back(), default_schema) == sql::Outcome::Wait)
          waiting.push_back({&statements.back(), before});
      }
    }
    // Statements that waited for a table run once it exists; what still waits names it.
    for (bool progress = true; progress && !waiting.empty();) {
      progress = false;
      for (auto it = waiting.begin(); it != waiting.end();) {
        std::string schema = it->default_schema;
        if (builder.apply(*it->statement, schema) == sql::Outcome::Applied) {
          it = waiting.erase(it);
          progress = true;
        } else {
          ++it;
        }
      }
    }
    for (const auto& w : waiting) {
      std::string schema = w.default_schema;
      builder.apply(*w.statement, schema);
      builder.error(w.statement->start(), fmt::format("unknown table '{}' in {}: no statement of the schema files "
                                                      "creates it",
                                                      sql::shown(builder.waiting_for()), w.statement->head()));
    }
  }
};

}  // namespace

std::unique_ptr<load::SqlSchemaReader> make_sql_schema_reader() {
  return std::make_unique<PostgresSqlReader>();
}

}  // namespace strata::postgres
