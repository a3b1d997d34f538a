#include "engine/plan/dependencies.hpp"

#include "engine/model/row_ttl.hpp"
#include "engine/model/type_name.hpp"
#include "engine/sql/scanner.hpp"

namespace strata::plan_detail {

namespace {

constexpr char kSep = '\x1f';  // cannot appear in a name a schema file or catalog gives

std::string ns_key(const std::string& schema) {
  return "ns" + std::string(1, kSep) + schema;
}
std::string table_key(const QualifiedName& t) {
  return "t" + std::string(1, kSep) + t.schema + kSep + t.name;
}
std::string relation_key(const std::string& schema, const std::string& name) {
  return "rel" + std::string(1, kSep) + schema + kSep + name;
}
std::string column_key(const QualifiedName& t, const std::string& column) {
  return table_key(t) + kSep + "c" + kSep + column;
}
std::string constraint_key(const QualifiedName& t, const std::string& name) {
  return table_key(t) + kSep + "con" + kSep + name;
}
// A unique key (primary key, unique constraint or unique index) over these columns: what a
// foreign key needs. Not a name: an old key and its replacement live side by side.
std::string key_key(const QualifiedName& t, const std::vector<std::string>& columns) {
  std::string key = "k" + std::string(1, kSep) + t.schema + kSep + t.name;
  for (const auto& c : columns) key += kSep + c;
  return key;
}
// A column's type, as a view reading the column holds it: a change of type rebuilds it in place,
// so views that read the column go before and come back after.
std::string column_type_key(const QualifiedName& t, const std::string& column) {
  return table_key(t) + kSep + "ct" + kSep + column;
}
std::string type_key(const QualifiedName& name) {
  return "ty" + std::string(1, kSep) + name.schema + kSep + name.name;
}
std::string sequence_key(const QualifiedName& name) {
  return "sq" + std::string(1, kSep) + name.schema + kSep + name.name;
}
// A function or procedure by its identity ("schema.name(types)"), and all of a name's overloads
// (what a default or an expression that calls it by name needs).
std::string routine_key(const std::string& identity) {
  return "fn" + std::string(1, kSep) + identity;
}
std::string routine_name_key(const std::string& schema, const std::string& name) {
  return "fnn" + std::string(1, kSep) + schema + kSep + name;
}
std::string trigger_key(const Trigger& t) {
  return table_key(t.table) + kSep + "tg" + kSep + t.name;
}
std::string region_key(const std::string& region) {
  return "rg" + std::string(1, kSep) + region;
}
const std::string kMultiRegion = "multi-region";
// What an extension provides is not known by name: every other change comes after the extensions
// a plan creates or updates, and before those it drops.
const std::string kExtensionsReady = "extensions-ready";
const std::string kExtensionsGone = "extensions-gone";
const std::string kRegionsAdded = "regions-added";
const std::string kRegionsDropped = "regions-dropped";

// The user-defined type a column type names, if any.
void add_type(std::vector<std::string>& out, const std::string& type) {
  const auto parsed = parse_type_name(type, IntWidth::Unresolved, nullptr);
  if (parsed && !parsed->builtin) out.push_back(type_key({parsed->schema, parsed->name}));
}

// Words and quoted identifiers in an expression (outside literals and comments): the columns it may
// use. Names that are not columns simply match no resource.
std::vector<std::string> identifiers(const std::string& expression) {
  std::vector<std::string> out;
  for (auto& token : sql::scan(expression)) {
    if (token.kind == sql::TokenKind::Word || token.kind == sql::TokenKind::QuotedIdent) {
      out.push_back(std::move(token.text));
    }
  }
  return out;
}

void add_expression_columns(std::vector<std::string>& out, const QualifiedName& table, const std::string& expression) {
  for (const auto& name : identifiers(expression)) out.push_back(column_key(table, name));
}

// The sequence a default's (or an ON UPDATE expression's) nextval('…') names, if any.
void add_sequence(std::vector<std::string>& out, const std::optional<std::string>& default_expr) {
  if (!default_expr) return;
  const auto at = default_expr->find("nextval('");
  if (at == std::string::npos) return;
  const auto start = at + 9;
  const auto end = default_expr->find('\'', start);
  if (end == std::string::npos) return;
  const std::string literal = default_expr->substr(start, end - start);
  const auto parsed = parse_type_name(literal, IntWidth::Unresolved, nullptr);  // same [schema.]name syntax
  if (parsed && !parsed->builtin) out.push_back(sequence_key({parsed->schema, parsed->name}));
}

// The functions a default may call, by name: in the table's schema or in public.
void add_routine_names(std::vector<std::string>& out, const QualifiedName& table,
                       const std::optional<std::string>& expr) {
  if (!expr || expr->find('(') == std::string::npos) return;
  for (const auto& word : identifiers(*expr)) {
    out.push_back(routine_name_key(table.schema, word));
    if (table.schema != "public") out.push_back(routine_name_key("public", word));
  }
}

void column_needs(std::vector<std::string>& out, const QualifiedName& table, const Column& column) {
  add_type(out, column.type);
  add_sequence(out, column.default_expr);
  add_routine_names(out, table, column.default_expr);
  add_sequence(out, column.on_update);
  if (column.generated) add_expression_columns(out, table, column.generated->expression);
}

void index_columns(std::vector<std::string>& out, const QualifiedName& table, const Index& index) {
  for (const auto& key : index.keys) {
    if (!key.column.empty()) out.push_back(column_key(table, key.column));
    if (!key.expression.empty()) add_expression_columns(out, table, key.expression);
  }
  for (const auto& column : index.include) out.push_back(column_key(table, column));
  if (index.where) add_expression_columns(out, table, *index.where);
}

std::vector<std::string> index_key_columns(const Index& index) {
  std::vector<std::string> columns;
  for (const auto& key : index.keys) columns.push_back(key.column.empty() ? "(" + key.expression + ")" : key.column);
  return columns;
}

struct Collect {
  Resources r;

  void operator()(const CreateSchema& c) { r.creates.push_back(ns_key(c.name)); }
  void operator()(const CreateExtension& c) {
    r.uses.push_back(ns_key(c.extension.schema));
    r.creates.push_back(kExtensionsReady);
  }
  void operator()(const AlterExtension& c) {
    r.uses.push_back(ns_key(c.to.schema));
    r.creates.push_back(kExtensionsReady);
  }
  void operator()(const DropExtension&) { r.removes.push_back(kExtensionsGone); }
  void operator()(const CreateEnum& c) {
    r.uses.push_back(ns_key(c.value.name.schema));
    r.creates.push_back(type_key(c.value.name));
  }
  void operator()(const DropEnum& c) { r.removes.push_back(type_key(c.value.name)); }
  void operator()(const AddEnumValue& c) { r.uses.push_back(type_key(c.name)); }
  void operator()(const RecreateEnum& c) {
    r.removes.push_back(type_key(c.from.name));
    r.creates.push_back(type_key(c.to.name));
    // Each converted column is rebuilt in place: it must exist (renamed) first, and indexes and
    // checks that name it go before and come back after.
    for (const auto& use : c.uses) {
      r.uses.push_back(column_key(use.table, use.column));
      r.removes.push_back(column_key(use.table, use.column));
      r.creates.push_back(column_key(use.table, use.column));
      r.removes.push_back(column_type_key(use.table, use.column));
      r.creates.push_back(column_type_key(use.table, use.column));
    }
  }
  void operator()(const CreateSequence& c) {
    r.uses.push_back(ns_key(c.sequence.name.schema));
    r.creates.push_back(sequence_key(c.sequence.name));
    r.creates.push_back(relation_key(c.sequence.name.schema, c.sequence.name.name));
  }
  void operator()(const DropSequence& c) {
    r.removes.push_back(sequence_key(c.sequence.name));
    r.removes.push_back(relation_key(c.sequence.name.schema, c.sequence.name.name));
  }
  void operator()(const AlterSequence& c) { r.uses.push_back(sequence_key(c.to.name)); }
  // What a table is, for what else refers to it: its name, columns and keys (`needs`: what its
  // columns use, such as types and sequences). Creating it creates these; dropping it removes them.
  static void table_and_keys(const Table& t, std::vector<std::string>& keys, std::vector<std::string>& needs) {
    keys.push_back(table_key(t.name));
    keys.push_back(relation_key(t.name.schema, t.name.name));
    for (const auto& column : t.columns) {
      keys.push_back(column_key(t.name, column.name));
      column_needs(needs, t.name, column);
    }
    if (t.primary_key) {
      keys.push_back(key_key(t.name, t.primary_key->columns));
      keys.push_back(relation_key(t.name.schema, t.primary_key->name));
    }
    for (const auto& u : t.uniques) {
      keys.push_back(key_key(t.name, u.columns));
      keys.push_back(relation_key(t.name.schema, u.name));
    }
  }
  void operator()(const CreateTable& c) {
    const auto& t = c.table;
    r.uses.push_back(ns_key(t.name.schema));
    table_and_keys(t, r.creates, r.uses);
    if (t.primary_key) r.creates.push_back(constraint_key(t.name, t.primary_key->name));
    for (const auto& u : t.uniques) r.creates.push_back(constraint_key(t.name, u.name));
    for (const auto& check : t.checks) r.creates.push_back(constraint_key(t.name, check.name));
    if (t.locality && !t.locality->region.empty()) r.uses.push_back(region_key(t.locality->region));
    if (t.locality) r.uses.push_back(kMultiRegion);
  }
  void operator()(const DropTable& c) {
    const auto& t = c.table;
    table_and_keys(t, r.removes, r.releases);
    for (const auto& index : t.indexes) {
      r.removes.push_back(relation_key(t.name.schema, index.name));
      if (index.unique) r.removes.push_back(key_key(t.name, index_key_columns(index)));
    }
    for (const auto& fk : t.foreign_keys) {
      if (fk.ref_table == t.name) continue;
      r.releases.push_back(table_key(fk.ref_table));
      r.releases.push_back(key_key(fk.ref_table, fk.ref_columns));
    }
    if (t.locality && !t.locality->region.empty()) r.releases.push_back(region_key(t.locality->region));
  }
  void operator()(const RenameTable& c) {
    r.removes.push_back(table_key(c.from));
    r.removes.push_back(relation_key(c.from.schema, c.from.name));
    r.creates.push_back(table_key(c.to));
    r.creates.push_back(relation_key(c.to.schema, c.to.name));
  }
  void operator()(const AddColumn& c) {
    r.uses.push_back(table_key(c.table));
    r.creates.push_back(column_key(c.table, c.column.name));
    column_needs(r.uses, c.table, c.column);
  }
  void operator()(const DropColumn& c) {
    r.uses.push_back(table_key(c.table));
    r.removes.push_back(column_key(c.table, c.column.name));
    column_needs(r.releases, c.table, c.column);
  }
  void operator()(const RenameColumn& c) {
    r.uses.push_back(table_key(c.table));
    r.removes.push_back(column_key(c.table, c.from));
    r.creates.push_back(column_key(c.table, c.to));
  }
  void operator()(const AlterColumn& c) {
    r.uses.push_back(table_key(c.table));
    r.uses.push_back(column_key(c.table, c.to.name));
    if ((c.what & (kColumnType | kColumnCollation)) != 0) {
      r.removes.push_back(column_type_key(c.table, c.to.name));
      r.creates.push_back(column_type_key(c.table, c.to.name));
    }
    column_needs(r.uses, c.table, c.to);
    column_needs(r.releases, c.table, c.from);
  }
  void operator()(const SetPrimaryKey& c) {
    r.uses.push_back(table_key(c.table));
    if (c.from) {
      for (const auto& column : c.from->columns) r.releases.push_back(column_key(c.table, column));
      r.removes.push_back(key_key(c.table, c.from->columns));
      r.removes.push_back(relation_key(c.table.schema, c.from->name));
      r.removes.push_back(constraint_key(c.table, c.from->name));
    }
    if (c.to) {
      for (const auto& column : c.to->columns) r.uses.push_back(column_key(c.table, column));
      r.creates.push_back(key_key(c.table, c.to->columns));
      r.creates.push_back(relation_key(c.table.schema, c.to->name));
      r.creates.push_back(constraint_key(c.table, c.to->name));
    }
  }
  void operator()(const CreateIndex& c) {
    r.uses.push_back(table_key(c.table));
    index_columns(r.uses, c.table, c.index);
    r.creates.push_back(relation_key(c.table.schema, c.index.name));
    if (c.index.unique) r.creates.push_back(key_key(c.table, index_key_columns(c.index)));
  }
  void operator()(const DropIndex& c) {
    r.uses.push_back(table_key(c.table));
    index_columns(r.releases, c.table, c.index);
    r.removes.push_back(relation_key(c.table.schema, c.index.name));
    if (c.index.unique) r.removes.push_back(key_key(c.table, index_key_columns(c.index)));
  }
  void operator()(const RenameIndex& c) {
    r.uses.push_back(table_key(c.table));
    r.removes.push_back(relation_key(c.table.schema, c.from));
    r.creates.push_back(relation_key(c.table.schema, c.to));
  }
  void operator()(const SetIndexVisibility& c) {
    r.uses.push_back(table_key(c.table));
    r.uses.push_back(relation_key(c.table.schema, c.index));
  }
  // A unique constraint's key, its index (a relation) and the constraint; `columns`: what it reads.
  static void unique_keys(const QualifiedName& table, const UniqueConstraint& unique, std::vector<std::string>& keys,
                          std::vector<std::string>& columns) {
    for (const auto& column : unique.columns) columns.push_back(column_key(table, column));
    if (unique.where) add_expression_columns(columns, table, *unique.where);
    keys.push_back(key_key(table, unique.columns));
    if (!unique.without_index) keys.push_back(relation_key(table.schema, unique.name));
    keys.push_back(constraint_key(table, unique.name));
  }
  void operator()(const AddUnique& c) {
    r.uses.push_back(table_key(c.table));
    unique_keys(c.table, c.unique, r.creates, r.uses);
  }
  void operator()(const DropUnique& c) {
    r.uses.push_back(table_key(c.table));
    unique_keys(c.table, c.unique, r.removes, r.releases);
  }
  void operator()(const AddForeignKey& c) {
    const auto& fk = c.foreign_key;
    r.uses.push_back(table_key(c.table));
    r.uses.push_back(table_key(fk.ref_table));
    for (const auto& column : fk.columns) r.uses.push_back(column_key(c.table, column));
    for (const auto& column : fk.ref_columns) r.uses.push_back(column_key(fk.ref_table, column));
    r.uses.push_back(key_key(fk.ref_table, fk.ref_columns));
    r.creates.push_back(constraint_key(c.table, fk.name));
  }
  void operator()(const DropForeignKey& c) {
    const auto& fk = c.foreign_key;
    r.uses.push_back(table_key(c.table));
    r.releases.push_back(table_key(c.table));  // before its table goes (both sides of a cycle dropped)
    for (const auto& column : fk.columns) r.releases.push_back(column_key(c.table, column));
    for (const auto& column : fk.ref_columns) r.releases.push_back(column_key(fk.ref_table, column));
    if (fk.ref_table != c.table) r.releases.push_back(table_key(fk.ref_table));
    r.releases.push_back(key_key(fk.ref_table, fk.ref_columns));
    r.removes.push_back(constraint_key(c.table, fk.name));
  }
  void operator()(const AddCheck& c) {
    r.uses.push_back(table_key(c.table));
    add_expression_columns(r.uses, c.table, c.check.expression);
    r.creates.push_back(constraint_key(c.table, c.check.name));
  }
  void operator()(const DropCheck& c) {
    r.uses.push_back(table_key(c.table));
    add_expression_columns(r.releases, c.table, c.check.expression);
    r.removes.push_back(constraint_key(c.table, c.check.name));
  }
  void operator()(const AddRegion& c) {
    r.uses.push_back(kMultiRegion);
    r.creates.push_back(region_key(c.region));
    r.creates.push_back(kRegionsAdded);
  }
  void operator()(const DropRegion& c) {
    r.removes.push_back(region_key(c.region));
    r.removes.push_back(kRegionsDropped);
  }
  void operator()(const SetPrimaryRegion& c) {
    if (c.from.empty()) {
      r.creates.push_back(kMultiRegion);
      r.creates.push_back(region_key(c.to));
    } else {
      r.uses.push_back(region_key(c.to));
      r.releases.push_back(region_key(c.from));
    }
  }
  void operator()(const SetSurvivalGoal& c) {
    r.uses.push_back(kMultiRegion);
    if (c.to == SurvivalGoal::Region) {
      r.uses.push_back(kRegionsAdded);  // surviving a region failure needs three regions
    } else {
      r.releases.push_back(kRegionsDropped);
    }
  }
  void operator()(const SetLocality& c) {
    r.uses.push_back(table_key(c.table));
    r.uses.push_back(kMultiRegion);
    if (c.to && !c.to->region.empty()) r.uses.push_back(region_key(c.to->region));
    if (c.to && !c.to->column.empty()) r.uses.push_back(column_key(c.table, c.to->column));
    if (c.from && !c.from->region.empty()) r.releases.push_back(region_key(c.from->region));
  }
  void operator()(const SetTableTtl& c) {
    r.uses.push_back(table_key(c.table));
    const std::string expression(kTtlExpirationExpression);
    if (const auto it = c.to.find(expression); it != c.to.end()) add_expression_columns(r.uses, c.table, it->second);
    if (const auto it = c.from.find(expression); it != c.from.end()) {
      add_expression_columns(r.releases, c.table, it->second);
    }
  }
  // A view is a relation other views read like a table; what it reads, it reads by name and type.
  static void view_reads(const View& v, std::vector<std::string>& out) {
    for (const auto& read : v.reads) {
      out.push_back(table_key(read.relation));
      for (const auto& column : read.columns) {
        out.push_back(column_key(read.relation, column));
        out.push_back(column_type_key(read.relation, column));
      }
    }
  }
  void operator()(const CreateView& c) {
    r.uses.push_back(ns_key(c.view.name.schema));
    view_reads(c.view, r.uses);
    r.creates.push_back(table_key(c.view.name));
    r.creates.push_back(relation_key(c.view.name.schema, c.view.name.name));
  }
  void operator()(const DropView& c) {
    view_reads(c.view, r.releases);
    r.removes.push_back(table_key(c.view.name));
    r.removes.push_back(relation_key(c.view.name.schema, c.view.name.name));
    // A materialized view's indexes go with it, and their names are free after.
    for (const auto& index : c.view.indexes) r.removes.push_back(relation_key(c.view.name.schema, index.name));
  }
  void operator()(const ReplaceView& c) {
    r.uses.push_back(table_key(c.to.name));
    view_reads(c.to, r.uses);
    view_reads(c.from, r.releases);
  }
  // A routine needs the types its signature names (a table's name is its row type too) and, in
  // SQL, the relations and columns its body reads; dropped, it lets go of them.
  static void routine_needs(const Routine& f, std::vector<std::string>& out, bool dropped = false) {
    for (const auto& type : f.types) {
      out.push_back(type_key(type));
      out.push_back(table_key(type));
    }
    if (dropped && !f.atomic_body) return;  // a string body holds nothing (a default may call it)
    for (const auto& read : f.reads) {
      out.push_back(table_key(read.relation));
      for (const auto& column : read.columns) out.push_back(column_key(read.relation, column));
    }
  }
  void operator()(const CreateRoutine& c) {
    r.uses.push_back(ns_key(c.routine.name.schema));
    routine_needs(c.routine, r.uses);
    r.creates.push_back(routine_key(c.routine.identity));
    r.creates.push_back(routine_name_key(c.routine.name.schema, c.routine.name.name));
  }
  void operator()(const DropRoutine& c) {
    routine_needs(c.routine, r.releases, true);
    r.removes.push_back(routine_key(c.routine.identity));
    r.removes.push_back(routine_name_key(c.routine.name.schema, c.routine.name.name));
  }
  void operator()(const ReplaceRoutine& c) {
    routine_needs(c.to, r.uses);
    routine_needs(c.from, r.releases, true);
    r.uses.push_back(routine_key(c.to.identity));
  }
  // A trigger runs a function of no arguments, on a table or view, and may name its columns; it
  // goes before any of them does. A column it names cannot change type under it.
  static std::string trigger_function(const Trigger& t) {
    return routine_key(t.function.schema + "." + t.function.name + "()");
  }
  static void trigger_needs(const Trigger& t, std::vector<std::string>& out) {
    out.push_back(table_key(t.table));
    out.push_back(trigger_function(t));
    for (const auto& column : t.columns) {
      out.push_back(column_key(t.table, column));
      out.push_back(column_type_key(t.table, column));
    }
  }
  void operator()(const CreateTrigger& c) {
    trigger_needs(c.trigger, r.uses);
    r.creates.push_back(trigger_key(c.trigger));
  }
  void operator()(const DropTrigger& c) {
    trigger_needs(c.trigger, r.releases);
    r.removes.push_back(trigger_key(c.trigger));
  }
  void operator()(const SetComment& c) {
    if (c.on == CommentOn::Type) return r.uses.push_back(type_key(c.table));
    r.uses.push_back(table_key(c.table));
    switch (c.on) {
      case CommentOn::Table:
      case CommentOn::View:
      case CommentOn::MaterializedView:
      case CommentOn::Type:
        break;
      case CommentOn::Column:
        r.uses.push_back(column_key(c.table, c.object));
        break;
      case CommentOn::Index:
        r.uses.push_back(relation_key(c.table.schema, c.object));
        break;
      case CommentOn::Constraint:
        r.uses.push_back(constraint_key(c.table, c.object));
        break;
    }
  }
};

}  // namespace

bool is_key_resource(const std::string& resource) {
  return resource.size() > 1 && resource[0] == 'k' && resource[1] == kSep;
}

Resources resources_of(const Change& change) {
  Collect collect;
  std::visit(collect, change);
  const bool around_extensions =
      !std::holds_alternative<CreateSchema>(change) && !std::holds_alternative<CreateExtension>(change) &&
      !std::holds_alternative<AlterExtension>(change) && !std::holds_alternative<DropExtension>(change);
  if (around_extensions) {
    collect.r.uses.push_back(kExtensionsReady);
    collect.r.releases.push_back(kExtensionsGone);
  }
  return std::move(collect.r);
}

}  // namespace strata::plan_detail
