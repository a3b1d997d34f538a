// CREATE TABLE: columns (types, NULL / NOT NULL, DEFAULT, identity, generated, collation, serial)
// and constraints (primary key, unique, foreign keys, checks), named as PostgreSQL names them.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "dialects/postgres/sql/schema_builder.hpp"
#include "dialects/postgres/sql/type_text.hpp"
#include "engine/model/names.hpp"
#include "engine/model/quote.hpp"

namespace strata::postgres::sql {

namespace {

using nlohmann::json;

ReferentialAction action(const std::string& code) {
  if (code == "r") return ReferentialAction::Restrict;
  if (code == "c") return ReferentialAction::Cascade;
  if (code == "n") return ReferentialAction::SetNull;
  if (code == "d") return ReferentialAction::SetDefault;
  return ReferentialAction::NoAction;
}

std::vector<std::string> strings(const json& node, const char* key) {
  std::vector<std::string> out;
  if (!node.contains(key)) return out;
  for (const auto& item : node[key]) {
    if (item.contains("String")) out.push_back(item["String"].value("sval", ""));
    if (item.contains("IndexElem")) out.push_back(text_field(item["IndexElem"], "name"));
  }
  return out;
}

std::size_t location_of(const StatementText& s, const json& node, std::size_t fallback) {
  return node.is_object() && node.contains("location") ? s.offset(node["location"].get<int>()) : fallback;
}

// The columns an expression names (ColumnRef nodes: the last field), distinct.
void column_refs(const json& node, std::set<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "ColumnRef" && value.contains("fields") && !value["fields"].empty()) {
        const auto& last = value["fields"].back();
        if (last.contains("String")) out.insert(last["String"].value("sval", ""));
      } else if (value.is_structured()) {
        column_refs(value, out);
      }
    }
  } else if (node.is_array()) {
    for (const auto& item : node) column_refs(item, out);
  }
}

// An identity's sequence options that say what strata's identity columns are anyway (pg_dump
// writes them all out): a sequence name, START 1, INCREMENT 1, CACHE 1, no bounds, no CYCLE.
bool default_identity_options(const StatementText& s, const json& options) {
  for (const auto& option : options) {
    const json& def = option["DefElem"];
    const std::string name = text_field(def, "defname");
    if (name == "sequence_name") continue;
    const bool has_arg = def.contains("arg");
    if ((name == "minvalue" || name == "maxvalue") && !has_arg) continue;
    if (name == "cycle" && !flag(def.value("arg", json::object()).value("Boolean", json::object()), "boolval"))
      continue;
    const auto value = s.number_after(location_of(s, def, 0));
    if ((name == "start" || name == "increment" || name == "cache" || name == "minvalue") && value == 1) continue;
    if (name == "maxvalue" && (value == 32767 || value == 2147483647 || value == INT64_MAX)) continue;
    return false;
  }
  return true;
}

void mark_not_null(load::DeclaredTable& table, const std::vector<std::string>& columns) {
  for (auto& c : table.columns) {
    if (std::find(columns.begin(), columns.end(), c.column.name) != columns.end()) c.column.nullable = false;
  }
}

}  // namespace

void SchemaBuilder::create_table(const StatementText& s, const json& stmt) {
  const QualifiedName name = relation(stmt["relation"]);
  const std::string persistence = text_field(stmt["relation"], "relpersistence");
  if (persistence == "t") return skip(s, "temporary tables");
  if (stmt.contains("partbound")) return skip(s, "partitions (PARTITION OF)");
  if (stmt.contains("ofTypename")) return skip(s, "typed tables (OF type)");
  if (flag(stmt, "if_not_exists") && find_table(name) != nullptr) return;
  if (persistence == "u") note(s.start(), fmt::format("table {}: UNLOGGED is left out", shown(name)));
  if (stmt.contains("inhRelations")) note(s.start(), fmt::format("table {}: INHERITS is left out", shown(name)));
  if (stmt.contains("partspec")) note(s.start(), fmt::format("table {}: PARTITION BY is left out", shown(name)));
  if (stmt.contains("options"))
    note(s.start(), fmt::format("table {}: WITH (…) storage options are left out", shown(name)));
  if (stmt.contains("tablespacename")) note(s.start(), fmt::format("table {}: TABLESPACE is left out", shown(name)));

  load::DeclaredTable table;
  table.name = name;
  table.position = mark(s.at(stmt["relation"]));
  into_.tables.push_back(std::move(table));
  const std::size_t index = into_.tables.size() - 1;
  const json elements = stmt.contains("tableElts") ? stmt["tableElts"] : json::array();
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const std::size_t limit =
        i + 1 < elements.size() ? location_of(s, elements[i + 1].begin().value(), SIZE_MAX) : SIZE_MAX;
    const std::string kind = elements[i].begin().key();
    const json& element = elements[i].begin().value();
    load::DeclaredTable& t = into_.tables[index];
    if (kind == "ColumnDef") {
      add_column(t, s, element, limit);
    } else if (kind == "Constraint") {
      add_constraint(t, s, element, {});
    } else {
      error(s.at(element), fmt::format("expected columns and constraints in CREATE TABLE {}: LIKE and other table "
                                       "elements are not supported, write the columns out",
                                       shown(name)));
    }
  }
  load::DeclaredTable& t = into_.tables[index];
  if (t.primary_key) mark_not_null(t, t.primary_key->columns);
}

void SchemaBuilder::add_column(load::DeclaredTable& table, const StatementText& s, const json& def, std::size_t limit) {
  load::DeclaredColumn c;
  c.column.name = text_field(def, "colname");
  c.column.nullable = true;
  c.position = mark(s.at(def));
  c.type_position = mark(s.at(def["typeName"]));
  std::string why;
  const auto type = column_type(def["typeName"], default_schema_, why);
  if (!type) {
    error(c.type_position,
          fmt::format("expected a type strata can hold for column '{}', found {}", c.column.name, why));
    return;
  }
  c.column.type = type->text;
  if (def.contains("collClause")) {
    const auto names = name_list(def["collClause"]["collname"]);
    if (!names.empty()) c.column.collation = names.back();
  }
  if (def.contains("storage") || def.contains("compression"))
    note(c.position, fmt::format("column {}: STORAGE and COMPRESSION are left out", c.column.name));
  const json constraints = def.contains("constraints") ? def["constraints"] : json::array();
  for (std::size_t i = 0; i < constraints.size(); ++i) {
    std::size_t end = i + 1 < constraints.size() ? location_of(s, constraints[i + 1]["Constraint"], limit) : limit;
    if (def.contains("collClause")) {
      const std::size_t collate = location_of(s, def["collClause"], SIZE_MAX);
      const std::size_t here = location_of(s, constraints[i]["Constraint"], 0);
      if (collate > here && collate < end) end = collate;
    }
    column_constraint(table, c, s, constraints, i, end);
  }
  if (type->serial) add_serial(table, c, s, def);
  table.columns.push_back(std::move(c));
}

void SchemaBuilder::column_constraint(load::DeclaredTable& table, load::DeclaredColumn& column, const StatementText& s,
                                      const json& constraints, std::size_t index, std::size_t limit) {
  const json& c = constraints[index]["Constraint"];
  const std::string type = text_field(c, "contype");
  const std::size_t at = location_of(s, c, 0);
  Column& col = column.column;
  if (type == "CONSTR_NULL") {
    col.nullable = true;
  } else if (type == "CONSTR_NOTNULL") {
    col.nullable = false;
  } else if (type == "CONSTR_DEFAULT") {
    col.default_expr = s.expression_after_keyword(at, "default", limit);
  } else if (type == "CONSTR_IDENTITY") {
    col.identity = text_field(c, "generated_when") == "d" ? IdentityKind::ByDefault : IdentityKind::Always;
    col.nullable = false;
    if (c.contains("options") && !default_identity_options(s, c["options"])) {
      note(s.at(c), fmt::format("column {}: the identity's sequence options are left out (strata's identity "
                                "columns start at 1 and count by 1)",
                                col.name));
    }
  } else if (type == "CONSTR_GENERATED") {
    if (auto expression = s.parenthesized_after(at)) col.generated = Generated{*expression, GeneratedKind::Stored};
  } else if (type == "CONSTR_ATTR_DEFERRABLE" || type == "CONSTR_ATTR_DEFERRED" ||
             type == "CONSTR_ATTR_NOT_DEFERRABLE" || type == "CONSTR_ATTR_IMMEDIATE") {
    const std::string previous = index > 0 ? text_field(constraints[index - 1]["Constraint"], "contype") : "";
    if (previous == "CONSTR_FOREIGN" && !table.foreign_keys.empty()) {
      ForeignKey& fk = table.foreign_keys.back().foreign_key;
      if (type == "CONSTR_ATTR_DEFERRABLE") fk.deferrable = true;
      if (type == "CONSTR_ATTR_NOT_DEFERRABLE") fk.deferrable = false;
      if (type == "CONSTR_ATTR_DEFERRED") fk.deferrable = fk.initially_deferred = true;
      if (type == "CONSTR_ATTR_IMMEDIATE") fk.initially_deferred = false;
    } else {
      note(s.at(c), fmt::format("column {}: DEFERRABLE is kept for foreign keys only; left out here", col.name));
    }
  } else {
    if (type == "CONSTR_PRIMARY") col.nullable = false;
    add_constraint(table, s, c, {col.name});
  }
}

void SchemaBuilder::add_constraint(load::DeclaredTable& table, const StatementText& s, const json& c,
                                   const std::vector<std::string>& column) {
  const std::string type = text_field(c, "contype");
  const std::string name = text_field(c, "conname");
  const SourcePosition at = s.at(c);
  const std::string table_name = shown(table.name);
  if (c.contains("indexname")) {
    error(at, fmt::format("expected the constraint's columns: a constraint made from an existing index (USING "
                          "INDEX) is not supported, in table {}",
                          table_name));
    return;
  }
  if (flag(c, "skip_validation"))
    note(at, fmt::format("table {}: NOT VALID is left out (strata's constraints are validated)", table_name));
  if (c.contains("including") || c.contains("options") || c.contains("indexspace"))
    note(at, fmt::format("table {}: INCLUDE, WITH and USING INDEX TABLESPACE of a key are left out", table_name));
  std::vector<std::string> keys = strings(c, "keys");
  if (keys.empty()) keys = column;
  const auto taken = [&](const std::string& n) { return relation_taken(table.name.schema, n); };

  if (type == "CONSTR_PRIMARY") {
    if (table.primary_key) {
      error(at, fmt::format("expected one primary key for table {}: it has one already (at {})", table_name,
                            to_string(where(table.primary_key_position))));
      return;
    }
    table.primary_key = PrimaryKey{name.empty() ? choose_name(table.name.name, "", "pkey", taken) : name, keys, {}};
    table.primary_key_named = true;
    table.primary_key_columns.columns = keys;
    table.primary_key_position = mark(at);
    mark_not_null(table, keys);
  } else if (type == "CONSTR_UNIQUE") {
    if (flag(c, "nulls_not_distinct")) note(at, fmt::format("table {}: NULLS NOT DISTINCT is left out", table_name));
    if (flag(c, "deferrable")) note(at, fmt::format("table {}: DEFERRABLE on a unique key is left out", table_name));
    load::DeclaredUnique unique;
    unique.unique.columns = keys;
    unique.unique.name =
        name.empty() ? choose_name(table.name.name, fmt::format("{}", fmt::join(keys, "_")), "key", taken) : name;
    unique.named = true;
    unique.position = mark(at);
    table.uniques.push_back(std::move(unique));
  } else if (type == "CONSTR_FOREIGN") {
    load::DeclaredForeignKey fk;
    fk.foreign_key.columns = c.contains("fk_attrs") ? strings(c, "fk_attrs") : column;
    fk.foreign_key.ref_table = relation(c["pktable"]);
    fk.foreign_key.ref_columns = strings(c, "pk_attrs");
    fk.ref_columns_given = !fk.foreign_key.ref_columns.empty();
    fk.foreign_key.on_delete = action(text_field(c, "fk_del_action"));
    fk.foreign_key.on_update = action(text_field(c, "fk_upd_action"));
    fk.foreign_key.deferrable = flag(c, "deferrable");
    fk.foreign_key.initially_deferred = flag(c, "initdeferred");
    if (fk.foreign_key.initially_deferred) fk.foreign_key.deferrable = true;
    fk.foreign_key.match_full = text_field(c, "fk_matchtype") == "f";  // PostgreSQL's parser refuses MATCH PARTIAL
    if (c.contains("fk_del_set_cols"))
      note(at, fmt::format("table {}: the column list of ON DELETE SET NULL/DEFAULT is left out", table_name));
    fk.position = mark(at);
    fk.ref_position = mark(s.at(c["pktable"]));
    std::set<std::string> used;
    for (const auto& other : table.foreign_keys) used.insert(other.foreign_key.name);
    fk.foreign_key.name = name.empty()
                              ? choose_name(table.name.name, fmt::format("{}", fmt::join(fk.foreign_key.columns, "_")),
                                            "fkey", [&](const std::string& n) { return used.count(n) > 0; })
                              : name;
    fk.named = true;
    table.foreign_keys.push_back(std::move(fk));
  } else if (type == "CONSTR_CHECK") {
    const auto expression = s.parenthesized_after(location_of(s, c, 0));
    if (!expression) {
      error(at, fmt::format("expected a parenthesised expression after CHECK in table {}", table_name));
      return;
    }
    if (flag(c, "is_no_inherit")) note(at, fmt::format("table {}: NO INHERIT is left out", table_name));
    table.checks.push_back(load::DeclaredCheck{
        Check{name.empty() ? check_name(table, c, column, expression) : name, *expression}, mark(at)});
  } else if (type == "CONSTR_EXCLUSION") {
    note(at, fmt::format("table {}: EXCLUDE constraints are left out (strata does not manage them)", table_name));
  } else {
    note(at, fmt::format("table {}: a {} constraint is left out", table_name, type));
  }
}

// PostgreSQL's name for an unnamed check: <table>_<column>_check when the expression names one
// column, <table>_check otherwise, with a number added on a clash.
std::string SchemaBuilder::check_name(const load::DeclaredTable& table, const json& c,
                                      const std::vector<std::string>& column,
                                      const std::optional<std::string>& expression) const {
  (void)expression;
  std::set<std::string> refs;
  if (c.contains("raw_expr")) column_refs(c["raw_expr"], refs);
  std::string part;
  if (refs.size() == 1) part = *refs.begin();
  if (refs.empty() && column.size() == 1) part = column.front();
  std::set<std::string> used;
  for (const auto& check : table.checks) used.insert(check.check.name);
  for (const auto& fk : table.foreign_keys) used.insert(fk.foreign_key.name);
  return choose_name(table.name.name, part, "check",
                     [&](const std::string& n) { return used.count(n) > 0 || relation_taken(table.name.schema, n); });
}

// serial: an integer column, NOT NULL, whose default draws from a sequence made for it
// (<table>_<column>_seq), as PostgreSQL expands it.
void SchemaBuilder::add_serial(load::DeclaredTable& table, load::DeclaredColumn& column, const StatementText& s,
                               const json& def) {
  Column& col = column.column;
  if (col.default_expr || col.identity) {
    error(column.position, fmt::format("expected one default for column '{}': a serial column has its own", col.name));
    return;
  }
  const auto taken = [&](const std::string& n) { return relation_taken(table.name.schema, n); };
  Sequence sequence;
  sequence.name = QualifiedName{table.name.schema, choose_name(table.name.name, col.name, "seq", taken)};
  sequence.type = col.type == "int4" ? "integer" : col.type;
  sequence.max_value = sequence.type == "smallint" ? 32767 : sequence.type == "integer" ? 2147483647 : INT64_MAX;
  into_.sequences.push_back(load::DeclaredSequence{sequence, mark(s.at(def))});
  const std::string regclass = table.name.schema == "public"
                                   ? quote_ident(sequence.name.name)
                                   : quote_qualified(sequence.name.schema, sequence.name.name);
  col.default_expr = fmt::format("nextval({}::regclass)", quote_literal(regclass));
  col.nullable = false;
}

}  // namespace strata::postgres::sql
