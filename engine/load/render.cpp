// Schema -> the declared format, as YAML (`strata inspect`) or JSON. Both are written from the
// same trees, so they always agree; YAML output loads back as an equal schema.
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "engine/load/yaml_writer.hpp"
#include "engine/model/row_ttl.hpp"
#include "strata/load.hpp"

namespace strata {

namespace {

using Tree = nlohmann::ordered_json;

// How many objects of a kind have each bare name (in any schema).
template <typename Objects>
std::map<std::string, int> name_uses(const Objects& objects) {
  std::map<std::string, int> uses;
  for (const auto& object : objects) ++uses[object.name.name];
  return uses;
}

// The schema's comments, found by what they are on.
class Comments {
 public:
  explicit Comments(const std::vector<Comment>& comments) {
    for (const auto& c : comments) by_key_[{c.on, c.table, c.object}] = &c.text;
  }
  // Sets t["comment"] when the object has one.
  void put(Tree& t, CommentOn on, const QualifiedName& table, const std::string& object = "") const {
    if (const auto it = by_key_.find({on, table, object}); it != by_key_.end()) t["comment"] = *it->second;
  }
  bool has(CommentOn on, const QualifiedName& table, const std::string& object) const {
    return by_key_.count({on, table, object}) > 0;
  }

 private:
  std::map<std::tuple<CommentOn, QualifiedName, std::string>, const std::string*> by_key_;
};

std::string_view action_name(ReferentialAction action) {
  switch (action) {
    case ReferentialAction::NoAction:
      return "no_action";
    case ReferentialAction::Restrict:
      return "restrict";
    case ReferentialAction::Cascade:
      return "cascade";
    case ReferentialAction::SetNull:
      return "set_null";
    case ReferentialAction::SetDefault:
      return "set_default";
  }
  return "no_action";
}

Tree column_tree(const Column& c, bool commented) {
  // "primary" goes without saying: the loader puts a column that names no family there when
  // others of its table name one.
  const bool family = !c.family.empty() && c.family != kDefaultFamily;
  const bool plain = !c.nullable && !c.default_expr && !c.on_update && !c.generated && !c.identity && !c.hidden &&
                     !c.collation && !family && !commented;
  if (plain) return c.type;
  Tree t = Tree::object();
  t["type"] = c.type;
  if (c.nullable) t["nullable"] = true;
  if (c.default_expr) t["default"] = *c.default_expr;
  if (c.on_update) t["on_update"] = *c.on_update;
  if (c.generated) {
    t["generated"] = {{"expression", c.generated->expression}, {"stored", c.generated->kind == GeneratedKind::Stored}};
  }
  if (c.identity) t["identity"] = *c.identity == IdentityKind::Always ? "always" : "by_default";
  if (c.hidden) t["hidden"] = true;
  if (c.collation) t["collation"] = *c.collation;
  if (family) t["family"] = c.family;
  return t;
}

Tree index_tree(const Index& index) {
  Tree t = Tree::object();
  t["name"] = index.name;
  Tree keys = Tree::array();
  for (const auto& key : index.keys) {
    const bool plain =
        !key.column.empty() && key.order == SortOrder::Asc && key.nulls == NullsOrder::Default && key.opclass.empty();
    if (plain) {
      keys.push_back(key.column);
      continue;
    }
    Tree k = Tree::object();
    if (!key.column.empty()) k["column"] = key.column;
    if (!key.expression.empty()) k["expression"] = key.expression;
    if (key.order == SortOrder::Desc) k["order"] = "desc";
    if (key.nulls != NullsOrder::Default) k["nulls"] = key.nulls == NullsOrder::First ? "first" : "last";
    if (!key.opclass.empty()) k["opclass"] = key.opclass;
    keys.push_back(std::move(k));
  }
  t["columns"] = std::move(keys);
  if (index.unique) t["unique"] = true;
  if (index.method != "btree") t["using"] = index.method;
  if (!index.include.empty()) t["include"] = index.include;
  if (index.where) t["where"] = *index.where;
  if (index.shard_buckets) t["sharded"] = *index.shard_buckets;
  if (index.visibility <= 0.0) t["visible"] = false;
  if (index.visibility > 0.0 && index.visibility < 1.0) t["visibility"] = index.visibility;
  return t;
}

// The `indexes` list of a table or materialized view, with their comments.
Tree indexes_tree(const QualifiedName& relation, const std::vector<Index>& indexes, const Comments& comments) {
  Tree out = Tree::array();
  for (const auto& index : indexes) {
    out.push_back(index_tree(index));
    comments.put(out.back(), CommentOn::Index, relation, index.name);
  }
  return out;
}

// In the order of ttl_settings(); numbers and booleans as YAML scalars of their own kind.
Tree ttl_tree(const std::map<std::string, std::string>& ttl) {
  Tree t = Tree::object();
  for (const auto& setting : ttl_settings()) {
    const auto it = ttl.find(std::string(setting.name));
    if (it == ttl.end()) continue;
    const std::string key(setting.name);
    if (setting.value == TtlValue::Boolean) {
      t[key] = it->second == "true";
    } else if (setting.value == TtlValue::Integer && canonical_ttl_value(TtlValue::Integer, it->second)) {
      t[key] = std::stoll(it->second);
    } else {
      t[key] = it->second;
    }
  }
  return t;
}

Tree table_tree(const Table& table, const Comments& comments) {
  Tree t = Tree::object();
  if (table.name.schema != "public") t["schema"] = table.name.schema;
  comments.put(t, CommentOn::Table, table.name);
  Tree columns = Tree::object();
  for (const auto& c : table.columns) {
    Tree column = column_tree(c, comments.has(CommentOn::Column, table.name, c.name));
    comments.put(column, CommentOn::Column, table.name, c.name);
    columns[c.name] = std::move(column);
  }
  t["columns"] = std::move(columns);
  if (table.primary_key) {
    t["primary_key"] = {{"name", table.primary_key->name}, {"columns", table.primary_key->columns}};
    if (table.primary_key->shard_buckets) t["primary_key"]["sharded"] = *table.primary_key->shard_buckets;
    comments.put(t["primary_key"], CommentOn::Constraint, table.name, table.primary_key->name);
  }
  if (!table.indexes.empty()) t["indexes"] = indexes_tree(table.name, table.indexes, comments);
  if (!table.uniques.empty()) {
    Tree uniques = Tree::array();
    for (const auto& u : table.uniques) {
      uniques.push_back({{"name", u.name}, {"columns", u.columns}});
      if (u.without_index) uniques.back()["without_index"] = true;
      if (u.where) uniques.back()["where"] = *u.where;
      comments.put(uniques.back(), CommentOn::Constraint, table.name, u.name);
    }
    t["unique"] = std::move(uniques);
  }
  if (!table.foreign_keys.empty()) {
    Tree fks = Tree::array();
    for (const auto& fk : table.foreign_keys) {
      Tree f = Tree::object();
      f["name"] = fk.name;
      f["columns"] = fk.columns;
      Tree ref = Tree::object();
      ref["table"] = fk.ref_table.name;
      if (fk.ref_table.schema != table.name.schema) ref["schema"] = fk.ref_table.schema;
      ref["columns"] = fk.ref_columns;
      f["references"] = std::move(ref);
      if (fk.on_delete != ReferentialAction::NoAction) f["on_delete"] = action_name(fk.on_delete);
      if (fk.on_update != ReferentialAction::NoAction) f["on_update"] = action_name(fk.on_update);
      if (fk.match_full) f["match"] = "full";
      if (fk.deferrable) f["deferrable"] = true;
      if (fk.initially_deferred) f["initially_deferred"] = true;
      comments.put(f, CommentOn::Constraint, table.name, fk.name);
      fks.push_back(std::move(f));
    }
    t["foreign_keys"] = std::move(fks);
  }
  if (!table.checks.empty()) {
    Tree checks = Tree::object();
    for (const auto& c : table.checks) checks[c.name] = c.expression;
    t["checks"] = std::move(checks);
  }
  if (table.locality) {
    const auto& l = *table.locality;
    if (l.region.empty() && l.column.empty()) {
      t["locality"] = to_string(l.kind);
    } else {
      Tree loc = {{"kind", to_string(l.kind)}};
      if (!l.region.empty()) loc["in"] = l.region;
      if (!l.column.empty()) loc["as"] = l.column;
      t["locality"] = std::move(loc);
    }
  }
  if (!table.ttl.empty()) t["ttl"] = ttl_tree(table.ttl);
  return t;
}

// `name: [values]` for an enum in public without a comment, else a mapping; keyed "schema.name"
// when the name is used in two schemas.
Tree enums_tree(const std::vector<Enum>& enums, const Comments& comments) {
  const std::map<std::string, int> uses = name_uses(enums);
  Tree out = Tree::object();
  for (const auto& e : enums) {
    const bool shared = uses.at(e.name.name) > 1;
    if (!shared && e.name.schema == "public" && !comments.has(CommentOn::Type, e.name, "")) {
      out[e.name.name] = e.values;
      continue;
    }
    Tree entry = Tree::object();
    if (shared) entry["name"] = e.name.name;
    if (shared || e.name.schema != "public") entry["schema"] = e.name.schema;
    entry["values"] = e.values;
    comments.put(entry, CommentOn::Type, e.name);
    out[shared ? e.name.schema + "." + e.name.name : e.name.name] = std::move(entry);
  }
  return out;
}

// Everything but the tables, which come last.
Tree schema_head_tree(const Schema& schema) {
  Tree t = Tree::object();
  const auto& db = schema.database;
  if (!db.name.empty() || !db.primary_region.empty() || db.survival_goal) {
    Tree d = Tree::object();
    if (!db.name.empty()) d["name"] = db.name;
    if (!db.primary_region.empty()) d["primary_region"] = db.primary_region;
    if (!db.regions.empty()) d["regions"] = db.regions;
    if (db.survival_goal) d["survive"] = to_string(*db.survival_goal);
    t["database"] = std::move(d);
  }
  if (!schema.schemas.empty()) t["schemas"] = schema.schemas;
  if (!schema.extensions.empty()) {
    Tree extensions = Tree::object();
    for (const auto& e : schema.extensions) {
      Tree x = Tree::object();
      if (e.schema != "public") x["schema"] = e.schema;
      if (!e.version.empty()) x["version"] = e.version;
      extensions[e.name] = std::move(x);
    }
    t["extensions"] = std::move(extensions);
  }
  if (!schema.enums.empty()) t["enums"] = enums_tree(schema.enums, Comments(schema.comments));
  if (!schema.sequences.empty()) {
    const std::map<std::string, int> uses = name_uses(schema.sequences);
    Tree sequences = Tree::object();
    for (const auto& s : schema.sequences) {
      Tree q = Tree::object();
      const bool shared = uses.at(s.name.name) > 1;
      if (shared) q["name"] = s.name.name;
      if (s.name.schema != "public" || shared) q["schema"] = s.name.schema;
      q["type"] = s.type;
      q["start"] = s.start;
      q["increment"] = s.increment;
      q["min"] = s.min_value;
      q["max"] = s.max_value;
      q["cache"] = s.cache;
      if (s.cycle) q["cycle"] = true;
      sequences[shared ? s.name.schema + "." + s.name.name : s.name.name] = std::move(q);
    }
    t["sequences"] = std::move(sequences);
  }
  return t;
}

// `name: query` for a view in public, else a mapping; keyed "schema.name" when the name is used in
// two schemas.
Tree views_tree(const std::vector<View>& views, const Comments& comments) {
  const std::map<std::string, int> uses = name_uses(views);
  Tree out = Tree::object();
  for (const auto& v : views) {
    const bool shared = uses.at(v.name.name) > 1;
    const std::string key = shared ? v.name.schema + "." + v.name.name : v.name.name;
    const CommentOn on = v.materialized ? CommentOn::MaterializedView : CommentOn::View;
    if (v.name.schema == "public" && !v.materialized && !shared && !comments.has(on, v.name, "")) {
      out[key] = v.query;
      continue;
    }
    Tree entry = Tree::object();
    comments.put(entry, on, v.name);
    if (shared) entry["name"] = v.name.name;
    if (v.name.schema != "public") entry["schema"] = v.name.schema;
    if (v.materialized) entry["materialized"] = true;
    entry["query"] = v.query;
    if (!v.indexes.empty()) entry["indexes"] = indexes_tree(v.name, v.indexes, comments);
    out[key] = std::move(entry);
  }
  return out;
}

// Calls emit(key, entry) for each table in order. Keys are bare names; a table whose name is also
// used in another schema is keyed "schema.name" and carries its real name in a `name` field
// (enums and sequences too, above).
template <typename Emit>
void each_table_entry(const Schema& schema, Emit emit) {
  const std::map<std::string, int> uses = name_uses(schema.tables);
  const Comments comments(schema.comments);
  for (const auto& table : schema.tables) {
    Tree entry = table_tree(table, comments);
    if (uses.at(table.name.name) > 1) {
      Tree named = {{"name", table.name.name}};
      named.update(entry);
      emit(table.name.schema + "." + table.name.name, std::move(named));
    } else {
      emit(table.name.name, std::move(entry));
    }
  }
}

// `functions:` and `triggers:`: their CREATE statements, in order.
template <typename T>
Tree definitions_tree(const std::vector<T>& items) {
  Tree out = Tree::array();
  for (const auto& item : items) out.push_back(item.definition);
  return out;
}

void put_definitions(const Schema& schema, Tree& t) {
  if (!schema.routines.empty()) t["functions"] = definitions_tree(schema.routines);
  if (!schema.triggers.empty()) t["triggers"] = definitions_tree(schema.triggers);
}

}  // namespace

std::string to_json(const Schema& schema) {
  Tree t = schema_head_tree(schema);
  Tree tables = Tree::object();
  each_table_entry(schema, [&](const std::string& key, Tree entry) { tables[key] = std::move(entry); });
  t["tables"] = std::move(tables);
  if (!schema.views.empty()) t["views"] = views_tree(schema.views, Comments(schema.comments));
  put_definitions(schema, t);
  return t.dump(2) + "\n";
}

// Written a table at a time: the tree of one table is built, written and dropped, so that the
// whole schema is never held twice.
std::string to_yaml(const Schema& schema) {
  load::BlockMapWriter writer;
  const Tree head = schema_head_tree(schema);
  for (const auto& [key, value] : head.items()) writer.entry(key, value, 0);
  if (schema.tables.empty()) {
    writer.entry("tables", Tree::object(), 0);
  } else {
    writer.key("tables", 0);
    each_table_entry(schema, [&](const std::string& key, const Tree& entry) { writer.entry(key, entry, 2); });
  }
  if (!schema.views.empty()) writer.entry("views", views_tree(schema.views, Comments(schema.comments)), 0);
  Tree rest = Tree::object();
  put_definitions(schema, rest);
  for (const auto& [key, value] : rest.items()) writer.entry(key, value, 0);
  return writer.take() + "\n";
}

}  // namespace strata
