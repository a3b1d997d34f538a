// DeclaredSchema -> Schema: duplicate objects across files, types and enums, references between
// tables and columns, and default names for keys, indexes and constraints.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/load/declared.hpp"
#include "engine/model/names.hpp"
#include "engine/model/quote.hpp"
#include "engine/model/type_name.hpp"

namespace strata::load {

namespace {

bool is_bare_word(const std::string& text) {
  return !text.empty() && !std::isdigit(static_cast<unsigned char>(text[0])) &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; }) &&
         text != "NULL" && text != "null";
}

std::string display(const QualifiedName& name) {
  return name.schema == "public" ? name.name : name.schema + "." + name.name;
}

// parse_type_name's answer for one spelling, with the canonical text of a parsed type.
struct ParsedType {
  std::optional<TypeName> type;
  std::string why;        // what was expected, when it does not parse
  std::string canonical;  // to_string(*type)
};

class Resolver {
 public:
  Resolver(DeclaredSchema& declared, std::vector<Diagnostic>& out) : d_(declared), out_(out) {}

  Schema run() {
    Schema schema;
    resolve_database(schema);
    index_objects();
    for (auto& table : d_.tables) resolve_columns(table);
    for (auto& table : d_.tables) resolve_keys(table);
    assign_names();
    for (auto& e : d_.extensions) schema.extensions.push_back(e.extension);
    for (auto& v : d_.views) {
      if (v.comment && !v.comment->empty()) {
        const CommentOn on = v.view.materialized ? CommentOn::MaterializedView : CommentOn::View;
        schema.comments.push_back({on, v.view.name, "", *v.comment});
      }
      for (auto& i : v.indexes) {
        if (i.comment && !i.comment->empty())
          schema.comments.push_back({CommentOn::Index, v.view.name, i.index.name, *i.comment});
        v.view.indexes.push_back(std::move(i.index));
      }
      schema.views.push_back(std::move(v.view));
    }
    for (auto& r : d_.routines) {
      r.routine.origin = to_string(where(r.position));
      schema.routines.push_back(std::move(r.routine));
    }
    for (auto& t : d_.triggers) {
      t.trigger.origin = to_string(where(t.position));
      schema.triggers.push_back(std::move(t.trigger));
    }
    for (auto& e : d_.enums) {
      if (e.comment && !e.comment->empty()) schema.comments.push_back({CommentOn::Type, e.value.name, "", *e.comment});
      schema.enums.push_back(e.value);
    }
    for (auto& s : d_.sequences) schema.sequences.push_back(s.sequence);
    schema.tables.reserve(d_.tables.size());
    for (auto& table : d_.tables) {
      add_comments(table, schema.comments);  // before build() moves the table out
      schema.tables.push_back(build(table));
    }
    std::set<std::string> schemas(d_.schemas.begin(), d_.schemas.end());
    for (const auto& e : schema.extensions) {
      if (!e.schema.starts_with("pg_") && e.schema != "information_schema") schemas.insert(e.schema);  // not system
    }
    for (const auto& e : schema.enums) schemas.insert(e.name.schema);
    for (const auto& s : schema.sequences) schemas.insert(s.name.schema);
    for (const auto& t : schema.tables) schemas.insert(t.name.schema);
    for (const auto& v : schema.views) schemas.insert(v.name.schema);
    schemas.erase("public");
    schema.schemas.assign(schemas.begin(), schemas.end());
    schema.sort();
    return schema;
  }

 private:
  void error(const Mark& at, std::string message) { out_.push_back({where(at), std::move(message)}); }
  SourcePosition where(const Mark& at) const { return position_of(at, d_.files); }

  void resolve_database(Schema& schema) {
    if (!d_.database) return;
    Database db = *d_.database;
    const auto& at = d_.database_position;
    if (!db.regions.empty() && db.primary_region.empty()) {
      error(at, "expected a primary_region in 'database' when regions are listed");
    }
    if (db.survival_goal && db.primary_region.empty()) {
      error(at, "expected a primary_region in 'database' with 'survive' (survival goals need a multi-region database)");
    }
    if (!db.primary_region.empty() &&
        std::find(db.regions.begin(), db.regions.end(), db.primary_region) == db.regions.end()) {
      db.regions.push_back(db.primary_region);
    }
    std::sort(db.regions.begin(), db.regions.end());
    if (std::adjacent_find(db.regions.begin(), db.regions.end()) != db.regions.end()) {
      error(at, "expected each region once in 'regions'");
    }
    schema.database = std::move(db);
  }

  // How a column's type may name an enum exactly as declared: `schema.name`, or `name` for one in
  // public. Where two spellings collide the enum first in (schema, name) order wins.
  void add_enum_spellings(const DeclaredEnum& e) {
    const auto& name = e.value.name;
    auto claim = [&](std::string spelling) {
      auto [it, fresh] = enum_spellings_.emplace(std::move(spelling), &e);
      if (!fresh && name < it->second->value.name) it->second = &e;
    };
    if (name.schema == "public") claim(name.name);
    claim(name.schema + "." + name.name);
  }

  // Finds duplicates across files and builds the lookup tables.
  void index_objects() {
    std::map<std::string, const DeclaredExtension*> extensions;
    for (const auto& e : d_.extensions) {
      const auto [it, fresh] = extensions.emplace(e.extension.name, &e);
      if (!fresh) {
        error(e.position, fmt::format("duplicate extension '{}' (also declared at {})", e.extension.name,
                                      to_string(where(it->second->position))));
      }
    }
    for (auto& e : d_.enums) {
      auto [it, fresh] = enums_.emplace(e.value.name, &e);
      if (fresh) add_enum_spellings(e);
      if (!fresh) {
        error(e.position, fmt::format("duplicate enum '{}' (also declared at {})", display(e.value.name),
                                      to_string(where(it->second->position))));
      }
    }
    for (auto& s : d_.sequences) {
      auto [it, fresh] = sequences_.emplace(s.sequence.name, &s);
      if (!fresh) {
        error(s.position, fmt::format("duplicate sequence '{}' (also declared at {})", display(s.sequence.name),
                                      to_string(where(it->second->position))));
      }
    }
    for (auto& t : d_.tables) {
      auto [it, fresh] = tables_.emplace(t.name, &t);
      if (!fresh) {
        error(t.position, fmt::format("duplicate table '{}' (also declared at {})", display(t.name),
                                      to_string(where(it->second->position))));
      }
    }
    // A view is a relation: its name is taken among the tables' too.
    std::map<QualifiedName, const DeclaredView*> views;
    for (const auto& v : d_.views) {
      const auto [it, fresh] = views.emplace(v.view.name, &v);
      const auto table = tables_.find(v.view.name);
      if (!fresh || table != tables_.end()) {
        const Mark& other = fresh ? table->second->position : it->second->position;
        error(v.position, fmt::format("duplicate view '{}' (a {} of that name is declared at {})", display(v.view.name),
                                      fresh ? "table" : "view", to_string(where(other))));
      }
    }
  }

  const DeclaredEnum* find_enum_by_spelling(const std::string& text) const {
    const auto it = enum_spellings_.find(text);
    return it == enum_spellings_.end() ? nullptr : it->second;
  }

  // crdb_internal_region exists in a multi-region CockroachDB database, which the schema declares
  // with database.primary_region.
  bool is_region_type(const TypeName& type) const {
    return type.name == "crdb_internal_region" && type.schema == "public" && d_.database &&
           !d_.database->primary_region.empty();
  }

  void resolve_columns(DeclaredTable& table) {
    for (auto& c : table.columns) {
      Column& column = c.column;
      // An enum named exactly as declared (`OrderStatus`, `sales.region`, either with `[]`).
      std::string spelling = column.type;
      int array_dims = 0;
      while (spelling.ends_with("[]")) {
        spelling.resize(spelling.size() - 2);
        array_dims = 1;
      }
      const DeclaredEnum* enum_type = find_enum_by_spelling(spelling);
      if (enum_type == nullptr) {
        if (is_serial_type(column.type)) {
          error(c.type_position, fmt::format("expected a type for column '{}', found '{}': serial types are not "
                                             "supported; use integer or bigint with `identity: by_default`",
                                             column.name, column.type));
          continue;
        }
        const ParsedType& parsed = parse_type(column.type);
        const auto& type = parsed.type;
        if (!type) {
          error(c.type_position, fmt::format("expected a type for column '{}': {}", column.name, parsed.why));
          continue;
        }
        if (type->builtin) {
          column.type = parsed.canonical;  // what reaches DDL is the parsed type, never raw text
        } else {
          auto it = enums_.find(QualifiedName{type->schema, type->name});
          if (it == enums_.end() && is_region_type(*type)) {
            // CockroachDB's own enum of the database's regions (REGIONAL BY ROW AS <column>).
            column.type = parsed.canonical;
            continue;
          }
          if (it != enums_.end()) {
            enum_type = it->second;
            array_dims = type->array_dims;
          } else if (!d_.extensions.empty()) {
            // A type an extension provides (citext, hstore, …): which ones it does, the server knows.
            column.type = parsed.canonical;
          } else {
            error(c.type_position, fmt::format("unknown type '{}' for column '{}': expected a built-in type, an "
                                               "enum declared under 'enums', or a type of an extension declared "
                                               "under 'extensions'",
                                               column.type, column.name));
            continue;
          }
        }
      }
      if (enum_type != nullptr) {
        column.type =
            to_string(TypeName{false, enum_type->value.name.schema, enum_type->value.name.name, {}, array_dims});
        if (column.default_expr && c.default_is_plain_word && array_dims == 0) {
          const auto& values = enum_type->value.values;
          if (std::find(values.begin(), values.end(), *column.default_expr) != values.end()) {
            column.default_expr = quote_literal(*column.default_expr);
          } else if (is_bare_word(*column.default_expr)) {
            error(c.position, fmt::format("expected the default of column '{}' to be a value of enum '{}' ({}), "
                                          "found '{}'",
                                          column.name, display(enum_type->value.name), fmt::join(values, ", "),
                                          *column.default_expr));
          }
        }
      }
      if (column.identity) {
        const std::string type = canonical_type(column.type, IntWidth::Four);
        if (type != "smallint" && type != "integer" && type != "bigint") {
          error(c.position, fmt::format("expected identity column '{}' to be smallint, integer or bigint, not {}",
                                        column.name, column.type));
        }
      }
    }
  }

  const ParsedType& parse_type(const std::string& text) {
    auto it = parsed_types_.find(text);
    if (it == parsed_types_.end()) {
      ParsedType parsed;
      parsed.type = parse_type_name(text, IntWidth::Unresolved, &parsed.why);
      if (parsed.type) parsed.canonical = to_string(*parsed.type);
      it = parsed_types_.emplace(text, std::move(parsed)).first;
    }
    return it->second;
  }

  bool has_column(const DeclaredTable& table, const std::string& name) const {
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [&](const auto& c) { return c.column.name == name; });
  }

  void check_columns(const DeclaredTable& table, const std::vector<std::string>& columns,
                     const std::vector<Mark>& positions, const Mark& fallback, std::string_view what) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!has_column(table, columns[i])) {
        error(i < positions.size() ? positions[i] : fallback,
              fmt::format("unknown column '{}' in {} of table '{}'", columns[i], what, display(table.name)));
      }
    }
  }

  void resolve_renames(DeclaredTable& table) {
    if (table.renamed_from && tables_.count(QualifiedName{table.name.schema, *table.renamed_from}) > 0) {
      error(table.renamed_from_position, fmt::format("expected renamed_from of table '{}' to name a table that is "
                                                     "no longer declared, but '{}' is declared too",
                                                     display(table.name), *table.renamed_from));
    }
    for (const auto& c : table.columns) {
      if (c.column.renamed_from && has_column(table, *c.column.renamed_from)) {
        error(c.position, fmt::format("expected renamed_from of column '{}' to name a column that is no longer "
                                      "declared, but '{}' is declared too",
                                      c.column.name, *c.column.renamed_from));
      }
    }
  }

  void resolve_keys(DeclaredTable& table) {
    resolve_renames(table);
    if (table.primary_key) {
      check_columns(table, table.primary_key->columns, table.primary_key_columns.positions, table.primary_key_position,
                    "the primary key");
      for (std::size_t i = 0; i < table.primary_key->columns.size(); ++i) {
        for (const auto& c : table.columns) {
          if (c.column.name == table.primary_key->columns[i] && c.column.nullable) {
            error(c.position, fmt::format("expected primary key column '{}' not to be nullable", c.column.name));
          }
        }
      }
    }
    for (auto& index : table.indexes) {
      for (std::size_t k = 0; k < index.index.keys.size(); ++k) {
        const auto& key = index.index.keys[k];
        if (!key.column.empty() && !has_column(table, key.column)) {
          error(k < index.key_positions.size() ? index.key_positions[k] : index.position,
                fmt::format("unknown column '{}' in an index of table '{}'", key.column, display(table.name)));
        }
      }
      check_columns(table, index.index.include, index.include_positions, index.position, "an index's include list");
    }
    for (auto& unique : table.uniques) {
      check_columns(table, unique.unique.columns, unique.column_positions, unique.position, "a unique constraint");
    }
    for (auto& fk : table.foreign_keys) resolve_foreign_key(table, fk);
    if (table.locality && !table.locality->column.empty() && !has_column(table, table.locality->column)) {
      error(table.locality_position, fmt::format("unknown column '{}' in the locality of table '{}'",
                                                 table.locality->column, display(table.name)));
    }
  }

  void resolve_foreign_key(DeclaredTable& table, DeclaredForeignKey& fk) {
    check_columns(table, fk.foreign_key.columns, fk.column_positions, fk.position, "a foreign key");
    const auto it = tables_.find(fk.foreign_key.ref_table);
    if (it == tables_.end()) {
      if (!fk.foreign_key.ref_table.name.empty()) {
        error(fk.ref_position, fmt::format("unknown table '{}' referenced by a foreign key of table '{}'",
                                           display(fk.foreign_key.ref_table), display(table.name)));
      }
      return;
    }
    const DeclaredTable& target = *it->second;
    if (!fk.ref_columns_given) {
      if (!target.primary_key) {
        error(fk.ref_position, fmt::format("expected 'columns' in 'references': table '{}' has no primary key to "
                                           "refer to",
                                           display(target.name)));
        return;
      }
      fk.foreign_key.ref_columns = target.primary_key->columns;
    } else {
      check_columns(target, fk.foreign_key.ref_columns, fk.ref_column_positions, fk.ref_position,
                    "the columns a foreign key references");
    }
    if (fk.foreign_key.ref_columns.size() != fk.foreign_key.columns.size()) {
      error(fk.position,
            fmt::format("expected a foreign key of table '{}' to have as many columns ({}) as it "
                        "references ({})",
                        display(table.name), fk.foreign_key.columns.size(), fk.foreign_key.ref_columns.size()));
    }
  }

  // Relation names (tables, sequences, indexes, key constraints) are unique per schema;
  // other constraint names per table. Explicit names are claimed first, then defaults chosen.
  void assign_names() {
    std::map<std::string, std::map<std::string, Mark>> relations;  // schema -> name -> where
    auto claim = [&](const std::string& schema, const std::string& name, const Mark& at, std::string_view what) {
      auto [it, fresh] = relations[schema].emplace(name, at);
      if (!fresh) {
        error(at, fmt::format("duplicate name '{}' for {} (also used at {}); relation names are unique per schema",
                              name, what, to_string(where(it->second))));
      }
    };
    for (auto& t : d_.tables) relations[t.name.schema].emplace(t.name.name, t.position);
    for (auto& v : d_.views) relations[v.view.name.schema].emplace(v.view.name.name, v.position);
    for (auto& s : d_.sequences) claim(s.sequence.name.schema, s.sequence.name.name, s.position, "a sequence");
    for (auto& v : d_.views) {
      for (auto& i : v.indexes) {
        if (i.named) claim(v.view.name.schema, i.index.name, i.position, "an index");
      }
    }
    for (auto& t : d_.tables) {
      if (t.primary_key && t.primary_key_named)
        claim(t.name.schema, t.primary_key->name, t.primary_key_position, "a primary key");
      for (auto& i : t.indexes) {
        if (i.named) claim(t.name.schema, i.index.name, i.position, "an index");
      }
      for (auto& u : t.uniques) {
        if (u.named) claim(t.name.schema, u.unique.name, u.position, "a unique constraint");
      }
    }
    for (auto& t : d_.tables) {
      auto& taken = relations[t.name.schema];
      auto relation_taken = [&](const std::string& n) { return taken.count(n) > 0; };
      if (t.primary_key && !t.primary_key_named) {
        t.primary_key->name = choose_name(t.name.name, "", "pkey", relation_taken);
        taken.emplace(t.primary_key->name, t.primary_key_position);
      }
      for (auto& u : t.uniques) {
        if (u.named) continue;
        u.unique.name =
            choose_name(t.name.name, fmt::format("{}", fmt::join(u.unique.columns, "_")), "key", relation_taken);
        taken.emplace(u.unique.name, u.position);
      }
      name_indexes(t.name, t.indexes, taken);
      // Per-table constraint names: checks (named in the file), foreign keys.
      std::map<std::string, Mark> constraints;
      if (t.primary_key) constraints.emplace(t.primary_key->name, t.primary_key_position);
      for (auto& u : t.uniques) constraints.emplace(u.unique.name, u.position);
      for (auto& c : t.checks) {
        auto [it, fresh] = constraints.emplace(c.check.name, c.position);
        if (!fresh)
          error(c.position, fmt::format("duplicate constraint name '{}' in table '{}' (also used at {})", c.check.name,
                                        display(t.name), to_string(where(it->second))));
      }
      for (auto& fk : t.foreign_keys) {
        if (!fk.named) continue;
        auto [it, fresh] = constraints.emplace(fk.foreign_key.name, fk.position);
        if (!fresh)
          error(fk.position, fmt::format("duplicate constraint name '{}' in table '{}' (also used at {})",
                                         fk.foreign_key.name, display(t.name), to_string(where(it->second))));
      }
      for (auto& fk : t.foreign_keys) {
        if (fk.named) continue;
        fk.foreign_key.name = choose_name(t.name.name, fmt::format("{}", fmt::join(fk.foreign_key.columns, "_")),
                                          "fkey", [&](const std::string& n) { return constraints.count(n) > 0; });
        constraints.emplace(fk.foreign_key.name, fk.position);
      }
    }
    for (auto& v : d_.views) name_indexes(v.view.name, v.indexes, relations[v.view.name.schema]);
  }

  // Default names for the unnamed indexes of a table or materialized view, as PostgreSQL chooses
  // them: relation_keys_idx, the first such name not `taken` in the schema.
  static void name_indexes(const QualifiedName& relation, std::vector<DeclaredIndex>& indexes,
                           std::map<std::string, Mark>& taken) {
    auto relation_taken = [&](const std::string& n) { return taken.count(n) > 0; };
    for (auto& i : indexes) {
      if (i.named) continue;
      std::vector<std::string> parts;
      for (const auto& key : i.index.keys)
        parts.push_back(key.column.empty() ? expression_name_part(key.expression) : key.column);
      i.index.name = choose_name(relation.name, fmt::format("{}", fmt::join(parts, "_")), "idx", relation_taken);
      taken.emplace(i.index.name, i.position);
    }
  }

  // The comments declared on a table and its objects, under their resolved names. An empty
  // comment is no comment (COMMENT ON … IS '' removes one).
  static void add_comments(const DeclaredTable& t, std::vector<Comment>& out) {
    auto add = [&](CommentOn on, const std::string& object, const std::optional<std::string>& text) {
      if (text && !text->empty()) out.push_back({on, t.name, object, *text});
    };
    add(CommentOn::Table, "", t.comment);
    for (const auto& c : t.columns) add(CommentOn::Column, c.column.name, c.comment);
    if (t.primary_key) add(CommentOn::Constraint, t.primary_key->name, t.primary_key_comment);
    for (const auto& i : t.indexes) add(CommentOn::Index, i.index.name, i.comment);
    for (const auto& u : t.uniques) add(CommentOn::Constraint, u.unique.name, u.comment);
    for (const auto& fk : t.foreign_keys) add(CommentOn::Constraint, fk.foreign_key.name, fk.comment);
  }

  // The declared objects move into the model: resolve owns `declared` and is done with it.
  static Table build(DeclaredTable& declared) {
    Table table;
    table.name = std::move(declared.name);
    table.columns.reserve(declared.columns.size());
    for (auto& c : declared.columns) table.columns.push_back(std::move(c.column));
    table.primary_key = std::move(declared.primary_key);
    table.indexes.reserve(declared.indexes.size());
    for (auto& i : declared.indexes) table.indexes.push_back(std::move(i.index));
    for (auto& u : declared.uniques) table.uniques.push_back(std::move(u.unique));
    table.foreign_keys.reserve(declared.foreign_keys.size());
    for (auto& fk : declared.foreign_keys) table.foreign_keys.push_back(std::move(fk.foreign_key));
    table.checks.reserve(declared.checks.size());
    for (auto& c : declared.checks) table.checks.push_back(std::move(c.check));
    table.locality = std::move(declared.locality);
    table.ttl = std::move(declared.ttl);
    table.renamed_from = std::move(declared.renamed_from);
    // Give the declared objects' memory back now: the model is built table by table in it.
    declared = DeclaredTable();
    return table;
  }

  DeclaredSchema& d_;
  std::vector<Diagnostic>& out_;
  std::map<QualifiedName, DeclaredEnum*> enums_;
  std::unordered_map<std::string, const DeclaredEnum*> enum_spellings_;
  // parse_type_name's answer per distinct spelling: a schema repeats a few types many times.
  std::unordered_map<std::string, ParsedType> parsed_types_;
  std::map<QualifiedName, DeclaredSequence*> sequences_;
  std::map<QualifiedName, DeclaredTable*> tables_;
};

}  // namespace

Schema resolve(DeclaredSchema declared, std::vector<Diagnostic>& diagnostics) {
  return Resolver(declared, diagnostics).run();
}

}  // namespace strata::load
