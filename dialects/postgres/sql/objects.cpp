// Schemas, enums, sequences, indexes, DROP.
#include <algorithm>

#include <strings.h>

#include <cstring>

#include <fmt/format.h>

#include "dialects/postgres/routines.hpp"
#include "dialects/postgres/sql/schema_builder.hpp"
#include "dialects/postgres/sql/type_text.hpp"
#include "engine/model/names.hpp"
#include "engine/model/quote.hpp"
#include "engine/sql/sql_text.hpp"

namespace strata::postgres::sql {

namespace {

using nlohmann::json;

std::int64_t type_max(const std::string& type) {
  return type == "smallint" ? 32767 : type == "integer" ? 2147483647 : INT64_MAX;
}

std::int64_t type_min(const std::string& type) {
  return type == "smallint" ? -32768 : type == "integer" ? -2147483648LL : INT64_MIN;
}

SortOrder order_of(const json& elem) {
  return text_field(elem, "ordering") == "SORTBY_DESC" ? SortOrder::Desc : SortOrder::Asc;
}

NullsOrder nulls_of(const json& elem) {
  const std::string nulls = text_field(elem, "nulls_ordering");
  if (nulls == "SORTBY_NULLS_FIRST") return NullsOrder::First;
  if (nulls == "SORTBY_NULLS_LAST") return NullsOrder::Last;
  return NullsOrder::Default;
}

}  // namespace

void SchemaBuilder::create_schema(const StatementText& s, const json& stmt) {
  const std::string name = text_field(stmt, "schemaname");
  if (name.empty()) return skip(s, "schemas named after a role (CREATE SCHEMA AUTHORIZATION)");
  if (std::find(into_.schemas.begin(), into_.schemas.end(), name) == into_.schemas.end()) into_.schemas.push_back(name);
  if (stmt.contains("schemaElts"))
    note(s.start(), fmt::format("schema {}: the statements inside CREATE SCHEMA are left out; write them as "
                                "statements of their own",
                                name));
}

// CREATE EXTENSION [IF NOT EXISTS] x [WITH] [SCHEMA s] [VERSION v] [CASCADE]: without SCHEMA its
// objects go where unqualified names do.
void SchemaBuilder::create_extension(const StatementText& s, const json& stmt) {
  Extension e;
  e.name = text_field(stmt, "extname");
  e.schema = default_schema_;
  if (e.name == "plpgsql") {
    skip(s, "plpgsql, which every database has");
    return;
  }
  for (const auto& option : stmt.value("options", json::array())) {
    const json& def = option.value("DefElem", json::object());
    const std::string name = text_field(def, "defname");
    const json& arg = def.value("arg", json::object());
    if (name == "schema") e.schema = text_field(arg.value("String", json::object()), "sval");
    if (name == "new_version") e.version = text_field(arg.value("String", json::object()), "sval");
    if (name == "cascade") {
      note(s.start(),
           fmt::format("CASCADE in {}: the extensions it needs are not declared by it; declare each", s.head()));
    }
  }
  const bool declared = std::any_of(into_.extensions.begin(), into_.extensions.end(),
                                    [&](const auto& x) { return x.extension.name == e.name; });
  if (declared) {
    if (!flag(stmt, "if_not_exists")) error(s.start(), fmt::format("extension '{}' is created twice", e.name));
    return;
  }
  into_.extensions.push_back(load::DeclaredExtension{std::move(e), mark(s.start())});
}

// CREATE [OR REPLACE] VIEW v AS query, CREATE MATERIALIZED VIEW v AS query [WITH [NO] DATA]: the
// query as written (a column list after the name is refused: the query names its columns).
void SchemaBuilder::create_view(const StatementText& s, const json& rel, bool materialized) {
  View view;
  view.name = relation(rel);
  view.materialized = materialized;
  const std::size_t at = s.offset(rel.value("location", 0));
  std::optional<std::string> query = s.rest_after_word(at, "as");
  if (query) query = one_line(*query);  // one space between tokens: the tails below are found
  const bool check_option = text_field(s.body(), "withCheckOption") == "LOCAL_CHECK_OPTION" ||
                            text_field(s.body(), "withCheckOption") == "CASCADED_CHECK_OPTION";
  if (check_option) note(s.start(), fmt::format("view {}: WITH CHECK OPTION is left out", shown(view.name)));
  if ((materialized || check_option) && query) {
    for (const char* tail : {" WITH NO DATA", " WITH DATA", " WITH CHECK OPTION", " WITH LOCAL CHECK OPTION",
                             " WITH CASCADED CHECK OPTION"}) {
      if (query->size() > std::strlen(tail) &&
          strcasecmp(query->c_str() + query->size() - std::strlen(tail), tail) == 0) {
        query->resize(query->size() - std::strlen(tail));
      }
    }
  }
  if (!query || query->empty()) {
    error(s.start(), fmt::format("expected {} to end with AS and the view's query", s.head()));
    return;
  }
  if (!s.body().value("options", json::array()).empty() ||
      (s.body().contains("into") && !s.body()["into"].value("options", json::array()).empty())) {
    note(s.start(), fmt::format("view {}: WITH (…) view options are left out", shown(view.name)));
  }
  std::optional<std::string> comment;  // OR REPLACE keeps the view's comment, as PostgreSQL does
  std::erase_if(into_.views, [&](const auto& v) {
    if (v.view.name != view.name) return false;
    comment = v.comment;
    return true;
  });
  view.query = *query;
  into_.views.push_back(load::DeclaredView{std::move(view), mark(s.start()), std::move(comment), {}});
}

void SchemaBuilder::create_enum(const StatementText& s, const json& stmt) {
  Enum e;
  e.name = object_name(name_list(stmt["typeName"]));
  for (const auto& value : stmt.value("vals", json::array())) e.values.push_back(value["String"].value("sval", ""));
  into_.enums.push_back(load::DeclaredEnum{std::move(e), mark(s.start()), {}});
}

void SchemaBuilder::alter_enum(const StatementText& s, const json& stmt) {
  const QualifiedName name = object_name(name_list(stmt["typeName"]));
  auto it = std::find_if(into_.enums.begin(), into_.enums.end(), [&](const auto& e) { return e.value.name == name; });
  if (it == into_.enums.end()) {
    error(s.start(), fmt::format("unknown enum '{}' in ALTER TYPE: no statement before it creates it", shown(name)));
    return;
  }
  auto& values = it->value.values;
  const std::string value = text_field(stmt, "newVal");
  if (stmt.contains("oldVal")) {
    std::replace(values.begin(), values.end(), text_field(stmt, "oldVal"), value);
    return;
  }
  if (std::find(values.begin(), values.end(), value) != values.end()) {
    if (!flag(stmt, "skipIfNewValExists"))
      error(s.start(), fmt::format("enum '{}' has the value '{}' already", shown(name), value));
    return;
  }
  const std::string neighbour = text_field(stmt, "newValNeighbor");
  auto at = std::find(values.begin(), values.end(), neighbour);
  if (neighbour.empty() || at == values.end()) {
    values.push_back(value);
  } else {
    values.insert(flag(stmt, "newValIsAfter") ? at + 1 : at, value);
  }
}

void SchemaBuilder::sequence_options(Sequence& sequence, const StatementText& s, const json& options, bool altering) {
  const std::string old_type = sequence.type;
  std::optional<std::int64_t> min, max, start;
  bool min_reset = !altering, max_reset = !altering;
  for (const auto& option : options) {
    const json& def = option["DefElem"];
    const std::string name = text_field(def, "defname");
    const auto value = s.number_after(s.offset(def.value("location", 0)));
    if (name == "as") {
      std::string why;
      const auto type = column_type(def["arg"]["TypeName"], default_schema_, why);
      const std::string text = type && type->text == "int4" ? "integer" : type ? type->text : "";
      if (text == "smallint" || text == "integer" || text == "bigint") {
        sequence.type = text;
      } else {
        error(s.at(def), "expected smallint, integer or bigint as a sequence's type");
      }
    } else if (name == "increment" && value) {
      sequence.increment = *value;
    } else if (name == "minvalue") {
      if (def.contains("arg") && value)
        min = *value;
      else
        min_reset = true;
    } else if (name == "maxvalue") {
      if (def.contains("arg") && value)
        max = *value;
      else
        max_reset = true;
    } else if (name == "start" && value) {
      start = *value;
    } else if (name == "cache" && value) {
      sequence.cache = *value;
    } else if (name == "cycle") {
      sequence.cycle = def.contains("arg") && flag(def["arg"].value("Boolean", json::object()), "boolval");
    } else if (name == "owned_by" || name == "restart" || name == "sequence_name") {
      if (name == "owned_by")
        note(s.at(def), "OWNED BY is left out (strata does not model which column owns a sequence)");
    } else {
      error(s.at(def), fmt::format("expected a sequence option strata reads (AS, INCREMENT, MINVALUE, MAXVALUE, "
                                   "START, CACHE, CYCLE), found {}",
                                   name));
    }
  }
  const bool ascending = sequence.increment > 0;
  // PostgreSQL's defaults: bounds follow the type and the direction; a bound that was the old type's
  // default follows a type change.
  if (min)
    sequence.min_value = *min;
  else if (min_reset || (old_type != sequence.type && sequence.min_value == (ascending ? 1 : type_min(old_type))))
    sequence.min_value = ascending ? 1 : type_min(sequence.type);
  if (max)
    sequence.max_value = *max;
  else if (max_reset || (old_type != sequence.type && sequence.max_value == (ascending ? type_max(old_type) : -1)))
    sequence.max_value = ascending ? type_max(sequence.type) : -1;
  if (start)
    sequence.start = *start;
  else if (!altering)
    sequence.start = ascending ? sequence.min_value : sequence.max_value;
}

void SchemaBuilder::create_sequence(const StatementText& s, const json& stmt) {
  Sequence sequence;
  sequence.name = relation(stmt["sequence"]);
  if (text_field(stmt["sequence"], "relpersistence") == "t") return skip(s, "temporary sequences");
  if (flag(stmt, "if_not_exists") && std::any_of(into_.sequences.begin(), into_.sequences.end(),
                                                 [&](auto& d) { return d.sequence.name == sequence.name; }))
    return;
  sequence_options(sequence, s, stmt.value("options", json::array()), false);
  into_.sequences.push_back(load::DeclaredSequence{std::move(sequence), mark(s.at(stmt["sequence"]))});
}

void SchemaBuilder::alter_sequence(const StatementText& s, const json& stmt) {
  const QualifiedName name = relation(stmt["sequence"]);
  auto it = std::find_if(into_.sequences.begin(), into_.sequences.end(),
                         [&](const auto& d) { return d.sequence.name == name; });
  if (it == into_.sequences.end()) {
    if (!flag(stmt, "missing_ok"))
      error(s.start(),
            fmt::format("unknown sequence '{}' in ALTER SEQUENCE: no statement before it creates it", shown(name)));
    return;
  }
  sequence_options(it->sequence, s, stmt.value("options", json::array()), true);
}

Outcome SchemaBuilder::create_index(const StatementText& s, const json& stmt) {
  const QualifiedName table_name = relation(stmt["relation"]);
  std::vector<load::DeclaredIndex>* indexes = index_list(table_name);
  if (indexes == nullptr) {
    const auto view =
        std::find_if(into_.views.begin(), into_.views.end(), [&](const auto& v) { return v.view.name == table_name; });
    if (view == into_.views.end()) return wait_for(table_name);
    error(s.start(),
          fmt::format("expected CREATE INDEX on a table or a materialized view: {} is a view", shown(table_name)));
    return Outcome::Applied;
  }
  const std::string name = text_field(stmt, "idxname");
  if (!name.empty() && flag(stmt, "if_not_exists") && relation_taken(table_name.schema, name)) return Outcome::Applied;
  load::DeclaredIndex index;
  index.position = mark(s.start());
  index.index.unique = flag(stmt, "unique");
  index.index.method = text_field(stmt, "accessMethod");
  if (index.index.method.empty()) index.index.method = "btree";
  std::optional<std::string> where;
  const auto elements = s.list_elements_after(s.offset(stmt["relation"].value("location", 0)), &where);
  const json params = stmt.value("indexParams", json::array());
  std::vector<std::string> name_parts;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const json& elem = params[i]["IndexElem"];
    IndexKey key;
    key.column = text_field(elem, "name");
    if (key.column.empty()) key.expression = i < elements.size() ? StatementText::key_expression(elements[i]) : "";
    key.order = order_of(elem);
    key.nulls = nulls_of(elem);
    if (elem.contains("opclass")) key.opclass = name_list(elem["opclass"]).back();
    if (elem.contains("collation") || elem.contains("opclassopts"))
      note(s.start(),
           fmt::format("index on {}: COLLATE and operator class options of a key are left out", shown(table_name)));
    name_parts.push_back(key.column.empty() ? expression_name_part(key.expression) : key.column);
    index.index.keys.push_back(std::move(key));
  }
  for (const auto& include : stmt.value("indexIncludingParams", json::array()))
    index.index.include.push_back(text_field(include["IndexElem"], "name"));
  if (stmt.contains("whereClause")) index.index.where = where;
  if (stmt.contains("options") || stmt.contains("tableSpace") || flag(stmt, "nulls_not_distinct"))
    note(s.start(),
         fmt::format("index on {}: WITH (…), TABLESPACE and NULLS NOT DISTINCT are left out", shown(table_name)));
  index.index.name = name.empty()
                         ? choose_name(table_name.name, fmt::format("{}", fmt::join(name_parts, "_")), "idx",
                                       [&](const std::string& n) { return relation_taken(table_name.schema, n); })
                         : name;
  index.named = true;
  indexes->push_back(std::move(index));
  return Outcome::Applied;
}

Outcome SchemaBuilder::drop(const StatementText& s, const json& stmt) {
  const std::string type = text_field(stmt, "removeType");
  const bool missing_ok = flag(stmt, "missing_ok");
  for (const auto& object : stmt.value("objects", json::array())) {
    std::vector<std::string> names;
    if (object.contains("List")) names = name_list(object["List"]["items"]);
    if (object.contains("TypeName")) names = name_list(object["TypeName"]["names"]);
    if (object.contains("String")) names = {object["String"].value("sval", "")};
    const QualifiedName name = object_name(names);
    bool found = false;
    if (type == "OBJECT_FUNCTION" || type == "OBJECT_PROCEDURE") {
      if (!drop_routine(object) && !missing_ok) {
        error(s.start(), fmt::format("expected {} to drop a routine created before it: there is none", s.head()));
      }
      continue;
    }
    if (type == "OBJECT_TRIGGER" && !names.empty()) {
      const QualifiedName table = object_name({names.begin(), names.end() - 1});
      if (!drop_triggers(table, names.back()) && !missing_ok) {
        error(s.start(), fmt::format("expected {} to drop a trigger created before it: {} on {} does not exist",
                                     s.head(), quote_ident(names.back()), shown(table)));
      }
      continue;
    }
    if (type == "OBJECT_TABLE") {
      found = std::erase_if(into_.tables, [&](const auto& t) { return t.name == name; }) > 0;
      drop_triggers(name, "");
      for (auto& other : into_.tables)
        std::erase_if(other.foreign_keys, [&](const auto& fk) { return fk.foreign_key.ref_table == name; });
    } else if (type == "OBJECT_INDEX") {
      for (auto* indexes : index_lists(name.schema))
        found = std::erase_if(*indexes, [&](const auto& i) { return i.index.name == name.name; }) > 0 || found;
    } else if (type == "OBJECT_SEQUENCE") {
      found = std::erase_if(into_.sequences, [&](const auto& q) { return q.sequence.name == name; }) > 0;
    } else if (type == "OBJECT_TYPE") {
      found = std::erase_if(into_.enums, [&](const auto& e) { return e.value.name == name; }) > 0;
    } else if (type == "OBJECT_VIEW" || type == "OBJECT_MATVIEW") {
      found = std::erase_if(into_.views, [&](const auto& v) { return v.view.name == name; }) > 0;
      drop_triggers(name, "");
    } else if (type == "OBJECT_EXTENSION") {
      found = std::erase_if(into_.extensions, [&](const auto& e) { return e.extension.name == name.name; }) > 0;
    } else if (type == "OBJECT_SCHEMA") {
      found = std::erase(into_.schemas, name.name) > 0;
    } else {
      skip(s, "objects of this kind");
      return Outcome::Applied;
    }
    if (!found && !missing_ok)
      error(s.start(),
            fmt::format("expected {} to drop an object created before it: {} does not exist", s.head(), shown(name)));
  }
  return Outcome::Applied;
}

}  // namespace strata::postgres::sql

namespace strata::postgres::sql {

// CREATE [OR REPLACE] FUNCTION|PROCEDURE: the statement as written, read by normalisation. OR
// REPLACE (or a second CREATE of one identity) takes the place of the routine declared before.
// Its name is qualified where a SET search_path made another schema the default, since the text
// is read without the search path.
void SchemaBuilder::create_routine(const StatementText& s, const json& body) {
  Routine routine;
  routine.definition = s.text();
  if (default_schema_ != "public" && body.value("funcname", json::array()).size() == 1) {
    error(s.start(), fmt::format("expected {} to name its schema: it follows SET search_path, and the "
                                 "definition is read on its own",
                                 s.head()));
    return;
  }
  if (auto problem = read_definition(routine)) {
    error(s.start(), fmt::format("expected {}: {}", s.head(), *problem));
    return;
  }
  std::erase_if(into_.routines, [&](const load::DeclaredRoutine& r) { return r.identity == routine.identity; });
  into_.routines.push_back({Routine{}, mark(s.start()), routine.identity});
  into_.routines.back().routine.definition = std::move(routine.definition);
}

// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER: likewise (OR REPLACE takes the place of a trigger of
// that name on that table).
void SchemaBuilder::create_trigger(const StatementText& s, const json& body) {
  Trigger trigger;
  trigger.definition = s.text();
  if (default_schema_ != "public" && text_field(body.value("relation", json::object()), "schemaname").empty()) {
    error(s.start(), fmt::format("expected {} to name the schema of its table: it follows SET search_path, "
                                 "and the definition is read on its own",
                                 s.head()));
    return;
  }
  if (auto problem = read_definition(trigger)) {
    error(s.start(), fmt::format("expected {}: {}", s.head(), *problem));
    return;
  }
  drop_triggers(trigger.table, trigger.name);
  into_.triggers.push_back({Trigger{}, mark(s.start()), trigger.table, trigger.name, trigger.columns});
  into_.triggers.back().trigger.definition = std::move(trigger.definition);
}

// The triggers of a table (of one name, or all when `name` is empty); true when there was one.
bool SchemaBuilder::drop_triggers(const QualifiedName& table, const std::string& name) {
  return std::erase_if(into_.triggers, [&](const load::DeclaredTrigger& t) {
           return t.table == table && (name.empty() || t.name == name);
         }) > 0;
}

// DROP FUNCTION|PROCEDURE f(types) drops that overload; f alone, every routine of the name.
bool SchemaBuilder::drop_routine(const json& object) {
  const RoutineReference ref = routine_reference(object.value("ObjectWithArgs", json::object()), default_schema_);
  return std::erase_if(into_.routines, [&](const load::DeclaredRoutine& r) {
           return ref.identity ? r.identity == *ref.identity : r.identity.starts_with(ref.prefix);
         }) > 0;
}

}  // namespace strata::postgres::sql
