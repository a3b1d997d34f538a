// Reading a PostgreSQL catalog into the model: a few bulk queries, whatever the number of tables.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dialects/postgres/postgres_dialect.hpp"
#include "dialects/postgres/queries.hpp"
#include "dialects/postgres/routines.hpp"
#include "dialects/postgres/views.hpp"
#include "engine/db/connection.hpp"
#include "engine/model/quote.hpp"
#include "engine/model/type_name.hpp"
#include "strata/errors.hpp"

namespace strata::postgres {

namespace {

using Json = nlohmann::json;

std::vector<std::string> json_strings(const pqxx::field& field) {
  std::vector<std::string> out;
  if (field.is_null()) return out;
  for (const auto& item : Json::parse(field.c_str())) out.push_back(item.get<std::string>());
  return out;
}

// "{1,2,-3}" (an int2[] as text; an int2vector cast keeps its bounds: "[0:2]={1,2,-3}") as numbers.
std::vector<int> int_array(const pqxx::field& field) {
  std::vector<int> out;
  if (field.is_null()) return out;
  const std::string_view text = field.c_str();
  const std::size_t open = text.find('{');
  if (open == std::string_view::npos) return out;
  int value = 0;
  bool negative = false, any = false;
  for (char c : text.substr(open + 1)) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      any = true;
    } else if (c == '-') {
      negative = true;
    } else if (c == ',' || c == '}') {
      if (any) out.push_back(negative ? -value : value);
      value = 0;
      negative = any = false;
    }
  }
  return out;
}

ReferentialAction action_from(char code) {
  switch (code) {
    case 'r':
      return ReferentialAction::Restrict;
    case 'c':
      return ReferentialAction::Cascade;
    case 'n':
      return ReferentialAction::SetNull;
    case 'd':
      return ReferentialAction::SetDefault;
    default:
      return ReferentialAction::NoAction;
  }
}

std::optional<std::string> optional_text(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return std::string(field.c_str());
}

class CatalogReader {
 public:
  explicit CatalogReader(Schema& schema) : schema_(schema) {}

  void comments(const pqxx::result& rows) {
    for (const auto& row : rows) {
      const std::string kind = row[0].c_str();
      const CommentOn on = kind == "table"               ? CommentOn::Table
                           : kind == "column"            ? CommentOn::Column
                           : kind == "index"             ? CommentOn::Index
                           : kind == "view"              ? CommentOn::View
                           : kind == "materialized view" ? CommentOn::MaterializedView
                           : kind == "type"              ? CommentOn::Type
                                                         : CommentOn::Constraint;
      schema_.comments.push_back({on, {row[1].c_str(), row[2].c_str()}, row[3].c_str(), row[4].c_str()});
    }
  }

  void namespaces(const pqxx::result& rows) {
    for (const auto& row : rows) {
      std::string name = row[0].c_str();
      if (name != "public") schema_.schemas.push_back(std::move(name));
    }
  }

  void database(const pqxx::result& rows) {
    schema_.database.name = rows[0][0].c_str();
    if (rows[0][1].is_null()) return;
    for (const auto& e : Json::parse(rows[0][1].c_str())) {
      schema_.extensions.push_back({e[0].get<std::string>(), e[1].get<std::string>(), e[2].get<std::string>()});
    }
  }

  void enums(const pqxx::result& rows) {
    for (const auto& row : rows) {
      schema_.enums.push_back({{row[0].c_str(), row[1].c_str()}, json_strings(row[2])});
    }
  }

  void sequences(const pqxx::result& rows) {
    for (const auto& row : rows) {
      Sequence s;
      s.name = {row[0].c_str(), row[1].c_str()};
      s.type = row[2].c_str();
      s.start = row[3].as<std::int64_t>();
      s.increment = row[4].as<std::int64_t>();
      s.min_value = row[5].as<std::int64_t>();
      s.max_value = row[6].as<std::int64_t>();
      s.cache = row[7].as<std::int64_t>();
      s.cycle = row[8].as<bool>();
      if (!row[11].is_null()) s.owned_by = SequenceOwner{{row[9].c_str(), row[10].c_str()}, row[11].c_str()};
      schema_.sequences.push_back(std::move(s));
    }
  }

  void columns(const pqxx::result& rows) {
    for (const auto& row : rows) {
      Table& table = table_for(row[0].c_str(), row[1].c_str());
      if (row[2].is_null()) continue;  // a table without columns
      Column c;
      c.name = row[3].c_str();
      if (!row[5].is_null()) {
        // An enum (or an array of one): named by its namespace, whatever the search_path says.
        c.type = to_string(TypeName{false, row[5].c_str(), row[6].c_str(), {}, row[7].as<bool>() ? 1 : 0});
      } else {
        c.type = row[4].c_str();
      }
      c.nullable = !row[8].as<bool>();
      c.default_expr = optional_text(row[9]);
      const std::string identity = row[10].c_str();
      if (identity == "a") c.identity = IdentityKind::Always;
      if (identity == "d") c.identity = IdentityKind::ByDefault;
      if (!row[11].is_null()) c.generated = Generated{row[11].c_str(), GeneratedKind::Stored};
      c.collation = optional_text(row[12]);
      attnames_[table.name][row[2].as<int>()] = c.name;
      table.columns.push_back(std::move(c));
    }
  }

  // Indexes of tables, and of materialized views (kept for view_indexes: the views come later).
  void indexes(const pqxx::result& rows) {
    for (const auto& row : rows) {
      if (!row[11].is_null()) {
        const std::vector<std::string> names = json_strings(row[11]);
        view_indexes_[{row[0].c_str(), row[1].c_str()}].push_back(
            index(row, [&](std::size_t k, int) { return k < names.size() ? names[k] : std::string(); }));
        continue;
      }
      Table& table = table_for(row[0].c_str(), row[1].c_str());
      table.indexes.push_back(index(row, [&](std::size_t, int attnum) { return column_name(table, attnum); }));
    }
  }

  // Gives each materialized view read by now the indexes that indexes() kept for it.
  void view_indexes() {
    for (auto& view : schema_.views) {
      if (const auto it = view_indexes_.find(view.name); it != view_indexes_.end())
        view.indexes = std::move(it->second);
    }
  }

  void constraints(const pqxx::result& rows) {
    for (const auto& row : rows) {
      Table& table = table_for(row[0].c_str(), row[1].c_str());
      const std::string name = row[2].c_str();
      const char type = row[3].c_str()[0];
      std::vector<std::string> columns;
      for (int attnum : int_array(row[4])) columns.push_back(column_name(table, attnum));
      switch (type) {
        case 'p':
          table.primary_key = PrimaryKey{name, std::move(columns), {}};
          break;
        case 'u':
          table.uniques.push_back({name, std::move(columns), false, {}});
          break;
        case 'c':
          table.checks.push_back({name, row[12].c_str()});
          break;
        case 'f': {
          ForeignKey fk;
          fk.name = name;
          fk.columns = std::move(columns);
          fk.ref_table = {row[5].c_str(), row[6].c_str()};
          fk.ref_columns = json_strings(row[7]);
          fk.on_update = action_from(row[8].c_str()[0]);
          fk.on_delete = action_from(row[9].c_str()[0]);
          fk.deferrable = row[10].as<bool>();
          fk.initially_deferred = row[11].as<bool>();
          fk.match_full = row[13].c_str()[0] == 'f';
          table.foreign_keys.push_back(std::move(fk));
          break;
        }
        default:
          break;
      }
    }
  }

  // One row of kIndexes; `column(k, attnum)` names the k-th key column.
  template <typename ColumnName>
  static Index index(const pqxx::row& row, ColumnName&& column) {
    Index index;
    index.name = row[2].c_str();
    index.unique = row[3].as<bool>();
    index.method = row[4].c_str();
    index.where = optional_text(row[5]);
    const auto key_count = row[6].as<std::size_t>();
    const std::vector<int> attnums = int_array(row[7]);
    const std::vector<int> options = int_array(row[8]);
    const Json expressions = row[9].is_null() ? Json() : Json::parse(row[9].c_str());
    const Json opclasses = Json::parse(row[10].c_str());
    for (std::size_t k = 0; k < attnums.size(); ++k) {
      if (k >= key_count) {
        index.include.push_back(column(k, attnums[k]));
        continue;
      }
      IndexKey key;
      if (attnums[k] != 0) {
        key.column = column(k, attnums[k]);
      } else if (expressions.is_array() && k < expressions.size() && expressions[k].is_string()) {
        key.expression = expressions[k].get<std::string>();
      }
      const int option = k < options.size() ? options[k] : 0;
      const bool desc = (option & 1) != 0;
      const bool nulls_first = (option & 2) != 0;
      key.order = desc ? SortOrder::Desc : SortOrder::Asc;
      // PostgreSQL's default: NULLS LAST ascending, NULLS FIRST descending.
      if (nulls_first != desc) key.nulls = nulls_first ? NullsOrder::First : NullsOrder::Last;
      if (k < opclasses.size()) key.opclass = opclasses[k].get<std::string>();
      index.keys.push_back(std::move(key));
    }
    return index;
  }

 private:
  Table& table_for(const std::string& schema_name, const std::string& table_name) {
    const QualifiedName key{schema_name, table_name};
    auto it = tables_.find(key);
    if (it != tables_.end()) return schema_.tables[it->second];
    tables_.emplace(key, schema_.tables.size());
    schema_.tables.push_back(Table{});
    schema_.tables.back().name = key;
    return schema_.tables.back();
  }

  // A column's name from its attribute number. Every attribute an index or constraint names is
  // a live column of its table, which the column query listed (it ran first).
  std::string column_name(const Table& table, int attnum) const {
    const auto t = attnames_.find(table.name);
    if (t != attnames_.end()) {
      const auto c = t->second.find(attnum);
      if (c != t->second.end()) return c->second;
    }
    throw DatabaseError(fmt::format("the catalog changed while it was read: table {} has no column number {}",
                                    to_string(table.name), attnum),
                        "", "");
  }

  Schema& schema_;
  std::map<QualifiedName, std::size_t> tables_;
  std::map<QualifiedName, std::map<int, std::string>> attnames_;
  std::map<QualifiedName, std::vector<Index>> view_indexes_;
};

}  // namespace

Schema PostgresDialect::introspect(Connection& connection, const IntrospectOptions& options) const {
  Schema schema;
  CatalogReader reader(schema);
  reader.database(connection.exec(queries::kDatabase));
  if (options.declared == nullptr && !options.schemas.empty()) {
    // Printed, not compared: only what lives in the namespaces asked for, so it loads back equal.
    std::erase_if(schema.extensions, [&](const Extension& e) {
      return std::find(options.schemas.begin(), options.schemas.end(), e.schema) == options.schemas.end();
    });
  }
  reader.namespaces(connection.exec_with_names(queries::kNamespaces, options.schemas));
  reader.enums(connection.exec_with_names(queries::kEnums, options.schemas));
  reader.sequences(connection.exec_with_names(queries::kSequences, options.schemas));
  reader.columns(connection.exec_with_names(queries::kColumns, options.schemas));
  // Indexes and constraints of a table that the column query did not list (a concurrent CREATE)
  // would create an empty table entry; the column query ran first, so it saw at least as much.
  reader.indexes(connection.exec_with_names(queries::kIndexes, options.schemas));
  reader.constraints(connection.exec_with_names(queries::kConstraints, options.schemas));
  reader.comments(connection.exec_with_names(queries::kComments, options.schemas));
  read_views(connection.exec_with_names(queries::kViews, options.schemas), schema);
  reader.view_indexes();
  if (options.declared != nullptr) compare_views(connection, *options.declared, schema);
  read_routines(connection.exec_with_names(queries::kRoutines, options.schemas), schema);
  if (options.skipped) {
    for (const auto& row : connection.exec_with_names(queries::kUnmanaged, options.schemas)) {
      options.skipped->push_back({row[0].c_str(), std::string(row[1].c_str()) + "." + row[2].c_str()});
    }
  }
  normalize(schema);
  return schema;
}

}  // namespace strata::postgres
