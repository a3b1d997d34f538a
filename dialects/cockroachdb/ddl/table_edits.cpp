#include "dialects/cockroachdb/ddl/table_edits.hpp"

#include <algorithm>

#include "dialects/cockroachdb/ddl/expression.hpp"
#include "engine/model/row_ttl.hpp"

namespace strata::cockroachdb {

namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

template <typename Items, typename Predicate>
void erase_if(Items& items, Predicate predicate) {
  items.erase(std::remove_if(items.begin(), items.end(), predicate), items.end());
}

bool index_uses(const Index& index, const std::string& column) {
  for (const auto& key : index.keys) {
    if (key.column == column || (!key.expression.empty() && references_column(key.expression, column))) return true;
  }
  return contains(index.include, column) || (index.where && references_column(*index.where, column));
}

void rename_in(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  std::replace(names.begin(), names.end(), from, to);
}

void rename_in(std::string& expression, const std::string& from, const std::string& to) {
  expression = rename_column_references(expression, from, to);
}

}  // namespace

bool drop_column(Schema& schema, Table& table, const std::string& column) {
  if (table.primary_key && contains(table.primary_key->columns, column)) return false;
  erase_if(table.columns, [&](const Column& c) { return c.name == column; });
  erase_if(table.indexes, [&](const Index& index) { return index_uses(index, column); });
  erase_if(table.uniques, [&](const UniqueConstraint& unique) { return contains(unique.columns, column); });
  erase_if(table.checks, [&](const Check& check) { return references_column(check.expression, column); });
  erase_if(table.foreign_keys, [&](const ForeignKey& fk) { return contains(fk.columns, column); });
  for (auto& other : schema.tables) {
    erase_if(other.foreign_keys,
             [&](const ForeignKey& fk) { return fk.ref_table == table.name && contains(fk.ref_columns, column); });
  }
  // The sequences the column owns go with it.
  erase_if(schema.sequences, [&](const Sequence& s) {
    return s.owned_by && s.owned_by->table == table.name && s.owned_by->column == column;
  });
  return true;
}

void rename_comments(Schema& schema, const QualifiedName& table, CommentOn on, const std::string& from,
                     const std::string& to) {
  for (auto& comment : schema.comments) {
    if (comment.on == on && comment.table == table && comment.object == from) comment.object = to;
  }
}

void prune_comments(Schema& schema) {
  const auto named = [](const auto& items, const std::string& name) {
    return std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
  };
  std::erase_if(schema.comments, [&](const Comment& comment) {
    if (comment.on == CommentOn::Type) return schema.find_enum(comment.table) == nullptr;
    const Table* table = schema.find_table(comment.table);
    if (table == nullptr) return true;
    const bool key =
        (table->primary_key && table->primary_key->name == comment.object) || named(table->uniques, comment.object);
    switch (comment.on) {
      case CommentOn::Table:
        return false;
      case CommentOn::Column:
        return table->find_column(comment.object) == nullptr;
      case CommentOn::Index:
        return !key && !named(table->indexes, comment.object);
      case CommentOn::Constraint:
        return !key && !named(table->foreign_keys, comment.object);
      case CommentOn::View:
      case CommentOn::MaterializedView:
        return true;  // the reader holds no views (find_table found a table of that name)
      case CommentOn::Type:
        return false;  // answered above
    }
    return false;
  });
}

void rename_column(Schema& schema, Table& table, const std::string& from, const std::string& to) {
  rename_comments(schema, table.name, CommentOn::Column, from, to);
  for (auto& column : table.columns) {
    if (column.name == from) column.name = to;
    if (column.generated) rename_in(column.generated->expression, from, to);
  }
  for (auto& index : table.indexes) {
    for (auto& key : index.keys) {
      if (key.column == from) key.column = to;
      if (!key.expression.empty()) rename_in(key.expression, from, to);
    }
    rename_in(index.include, from, to);
    if (index.where) rename_in(*index.where, from, to);
  }
  if (table.primary_key) rename_in(table.primary_key->columns, from, to);
  for (auto& unique : table.uniques) {
    rename_in(unique.columns, from, to);
    if (unique.where) rename_in(*unique.where, from, to);
  }
  if (auto it = table.ttl.find(std::string(kTtlExpirationExpression)); it != table.ttl.end()) {
    rename_in(it->second, from, to);
  }
  for (auto& check : table.checks) rename_in(check.expression, from, to);
  for (auto& fk : table.foreign_keys) rename_in(fk.columns, from, to);
  if (table.locality && table.locality->column == from) table.locality->column = to;
  for (auto& other : schema.tables) {
    for (auto& fk : other.foreign_keys) {
      if (fk.ref_table == table.name) rename_in(fk.ref_columns, from, to);
    }
  }
  for (auto& sequence : schema.sequences) {
    if (sequence.owned_by && sequence.owned_by->table == table.name && sequence.owned_by->column == from) {
      sequence.owned_by->column = to;
    }
  }
}

void rename_table(Schema& schema, Table& table, const QualifiedName& to) {
  const QualifiedName from = table.name;
  for (auto& comment : schema.comments) {
    if (comment.table == from) comment.table = to;
  }
  for (auto& other : schema.tables) {
    for (auto& fk : other.foreign_keys) {
      if (fk.ref_table == from) fk.ref_table = to;
    }
  }
  for (auto& sequence : schema.sequences) {
    if (sequence.owned_by && sequence.owned_by->table == from) sequence.owned_by->table = to;
  }
  table.name = to;
}

bool drop_constraint(Table& table, const std::string& name) {
  if (table.primary_key && table.primary_key->name == name) {
    table.primary_key.reset();
    return true;
  }
  const std::size_t before =
      table.uniques.size() + table.indexes.size() + table.checks.size() + table.foreign_keys.size();
  erase_if(table.uniques, [&](const auto& item) { return item.name == name; });
  erase_if(table.indexes, [&](const Index& index) { return index.unique && index.name == name; });
  erase_if(table.checks, [&](const auto& item) { return item.name == name; });
  erase_if(table.foreign_keys, [&](const auto& item) { return item.name == name; });
  return before != table.uniques.size() + table.indexes.size() + table.checks.size() + table.foreign_keys.size();
}

void drop_references_to(Schema& schema, const QualifiedName& table) {
  for (auto& other : schema.tables) {
    erase_if(other.foreign_keys, [&](const ForeignKey& fk) { return fk.ref_table == table && !(other.name == table); });
  }
}

}  // namespace strata::cockroachdb
