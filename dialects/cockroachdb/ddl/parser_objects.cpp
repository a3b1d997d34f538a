// Enums, sequences and DROP.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"
#include "dialects/cockroachdb/ddl/table_edits.hpp"
#include "engine/model/type_name.hpp"

namespace strata::cockroachdb {

namespace {

Enum* find_enum(Schema& schema, const QualifiedName& name) {
  for (auto& item : schema.enums) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

Sequence* find_sequence(Schema& schema, const QualifiedName& name) {
  for (auto& item : schema.sequences) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

// The bounds of a sequence's integer type (a canonical spelling: parse_type resolved INT to INT8).
std::pair<std::int64_t, std::int64_t> type_bounds(const std::string& type) {
  if (type == "smallint") return {std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int16_t>::max()};
  if (type == "integer") return {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()};
  return {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
}

struct SequenceOptions {
  std::optional<std::string> type;
  std::optional<std::int64_t> increment, min_value, max_value, start, cache;
  std::optional<bool> cycle;
  // OWNED BY: the column's name parts ([db.][schema.]table.column), or empty for OWNED BY NONE.
  std::optional<std::vector<std::string>> owned_by;
};

SequenceOptions parse_sequence_options(Context& context, Cursor& cursor) {
  SequenceOptions options;
  while (!cursor.at_end()) {
    if (cursor.accept("as")) {
      options.type = parse_type(cursor);
    } else if (cursor.accept("increment")) {
      cursor.accept("by");
      options.increment = cursor.expect_integer("an increment");
      if (*options.increment == 0) cursor.fail_statement("a sequence increment cannot be 0");
    } else if (cursor.accept_words({"no", "minvalue"})) {
      options.min_value.reset();
    } else if (cursor.accept_words({"no", "maxvalue"})) {
      options.max_value.reset();
    } else if (cursor.accept("minvalue")) {
      options.min_value = cursor.expect_integer("a minimum value");
    } else if (cursor.accept("maxvalue")) {
      options.max_value = cursor.expect_integer("a maximum value");
    } else if (cursor.accept("start")) {
      cursor.accept("with");
      options.start = cursor.expect_integer("a start value");
    } else if (cursor.accept("cache") || cursor.accept_words({"per", "node", "cache"}) ||
               cursor.accept_words({"per", "session", "cache"})) {
      options.cache = cursor.expect_integer("a cache size");
    } else if (cursor.accept_words({"no", "cycle"})) {
      options.cycle = false;
    } else if (cursor.accept("cycle")) {
      options.cycle = true;
    } else if (cursor.accept_words({"owned", "by"})) {
      options.owned_by = cursor.accept("none") ? std::vector<std::string>{} : cursor.expect_qualified_name("a column");
    } else if (cursor.accept("virtual")) {
      context.note(NoteKind::NonSchemaStatement, "a VIRTUAL sequence is read as an ordinary one");
    } else if (cursor.accept("restart")) {
      cursor.accept("with");
      if (!cursor.at_end() && !cursor.is_name()) cursor.expect_integer("a restart value");
    } else {
      cursor.fail("a sequence option (AS, INCREMENT, MINVALUE, MAXVALUE, START, CACHE…)");
    }
  }
  return options;
}

// Applies options to a sequence; `fresh`: a new sequence, whose unset bounds follow the type and
// the direction.
void apply_sequence_options(Sequence& sequence, const SequenceOptions& options, bool fresh, const Cursor& cursor) {
  if (options.type) sequence.type = *options.type;
  if (options.increment) sequence.increment = *options.increment;
  const auto [low, high] = type_bounds(sequence.type);
  if (fresh) {
    sequence.min_value = options.min_value.value_or(sequence.increment > 0 ? 1 : low);
    sequence.max_value = options.max_value.value_or(sequence.increment > 0 ? high : -1);
    sequence.start = options.start.value_or(sequence.increment > 0 ? sequence.min_value : sequence.max_value);
  } else {
    if (options.min_value) sequence.min_value = *options.min_value;
    if (options.max_value) sequence.max_value = *options.max_value;
    if (options.start) sequence.start = *options.start;
  }
  if (options.cache) sequence.cache = *options.cache;
  if (options.cycle) sequence.cycle = *options.cycle;
  if (options.owned_by) {
    const auto& parts = *options.owned_by;
    sequence.owned_by.reset();
    if (parts.size() >= 2) {
      // table.column is in the sequence's schema; [db.]schema.table.column names its own.
      const std::string schema = parts.size() >= 3 ? parts[parts.size() - 3] : sequence.name.schema;
      sequence.owned_by = SequenceOwner{{schema, parts[parts.size() - 2]}, parts.back()};
    }
  }
  if (sequence.min_value > sequence.max_value) cursor.fail_statement("MINVALUE is above MAXVALUE");
  if (sequence.start < sequence.min_value || sequence.start > sequence.max_value) {
    cursor.fail_statement("START is outside MINVALUE … MAXVALUE");
  }
}

void drop_table(Context& context, const QualifiedName& name) {
  context.forget_families(name);
  drop_references_to(context.schema(), name);
  auto& tables = context.schema().tables;
  tables.erase(std::remove_if(tables.begin(), tables.end(), [&](const Table& t) { return t.name == name; }),
               tables.end());
  // The sequences the table owns go with it.
  std::erase_if(context.schema().sequences, [&](const Sequence& s) { return s.owned_by && s.owned_by->table == name; });
}

bool drop_index(Context& context, Cursor& cursor) {
  const std::vector<std::string> parts = cursor.expect_qualified_name("an index name");
  if (cursor.accept_symbol("@")) {
    Table* table = context.find_table(context.resolve(parts));
    const std::string name = cursor.expect_name("an index name");
    if (table == nullptr) return false;
    const auto before = table->indexes.size();
    std::erase_if(table->indexes, [&](const Index& index) { return index.name == name; });
    return before != table->indexes.size();
  }
  const std::string schema = parts.size() >= 2 ? parts[parts.size() - 2] : "public";
  for (auto& table : context.schema().tables) {
    if (table.name.schema != schema) continue;
    const auto before = table.indexes.size();
    std::erase_if(table.indexes, [&](const Index& index) { return index.name == parts.back(); });
    if (before != table.indexes.size()) return true;
  }
  return false;
}

}  // namespace

void create_type(Context& context, Cursor& cursor) {
  const bool if_not_exists = cursor.accept_words({"if", "not", "exists"});
  Enum item;
  item.name = context.resolve(cursor.expect_qualified_name("a type name"));
  cursor.expect("as");
  if (!cursor.accept("enum")) {
    context.note(NoteKind::NonSchemaStatement, fmt::format("type {}: AS {}", display(item.name), cursor.rest()));
    return;
  }
  cursor.expect_symbol("(");
  if (!cursor.accept_symbol(")")) {
    do {
      std::string value = cursor.expect_string("an enum value (a string)");
      if (std::find(item.values.begin(), item.values.end(), value) != item.values.end()) {
        cursor.fail_statement(fmt::format("enum value '{}' is listed twice", value));
      }
      item.values.push_back(std::move(value));
    } while (cursor.accept_symbol(","));
    cursor.expect_symbol(")");
  }
  if (find_enum(context.schema(), item.name) != nullptr) {
    if (if_not_exists) return;
    cursor.fail_statement(fmt::format("type {} already exists", display(item.name)));
  }
  context.add_schema(item.name.schema);
  context.schema().enums.push_back(std::move(item));
}

void alter_type(Context& context, Cursor& cursor) {
  const QualifiedName name = context.resolve(cursor.expect_qualified_name("a type name"));
  Enum* item = find_enum(context.schema(), name);
  if (item == nullptr) cursor.fail_statement(fmt::format("type {} does not exist", display(name)));
  auto position = [&](const std::string& value) { return std::find(item->values.begin(), item->values.end(), value); };
  if (cursor.accept_words({"add", "value"})) {
    const bool if_not_exists = cursor.accept_words({"if", "not", "exists"});
    std::string value = cursor.expect_string("an enum value");
    auto at = item->values.end();
    if (cursor.accept("before") || cursor.is_word("after")) {
      const bool after = cursor.accept("after");
      at = position(cursor.expect_string("an existing enum value"));
      if (at == item->values.end()) cursor.fail_statement("BEFORE/AFTER names no value of the enum");
      if (after) ++at;
    }
    if (position(value) != item->values.end()) {
      if (if_not_exists) return;
      cursor.fail_statement(fmt::format("enum value '{}' already exists", value));
    }
    item->values.insert(at, std::move(value));
  } else if (cursor.accept_words({"rename", "value"})) {
    const auto at = position(cursor.expect_string("an enum value"));
    cursor.expect("to");
    std::string to = cursor.expect_string("an enum value");
    if (at == item->values.end()) cursor.fail_statement("RENAME VALUE names no value of the enum");
    *at = std::move(to);
  } else if (cursor.accept_words({"drop", "value"})) {
    const auto at = position(cursor.expect_string("an enum value"));
    if (at == item->values.end()) cursor.fail_statement("DROP VALUE names no value of the enum");
    item->values.erase(at);
  } else if (cursor.accept_words({"rename", "to"})) {
    const QualifiedName from = item->name;
    item->name.name = cursor.expect_name("a type name");
    for (auto& comment : context.schema().comments) {
      if (comment.on == CommentOn::Type && comment.table == from) comment.table = item->name;
    }
  } else {
    context.note(NoteKind::NonSchemaStatement, fmt::format("ALTER TYPE {} {}", display(name), cursor.rest()));
  }
}

void create_sequence(Context& context, Cursor& cursor) {
  const bool if_not_exists = cursor.accept_words({"if", "not", "exists"});
  Sequence sequence;
  sequence.name = context.resolve(cursor.expect_qualified_name("a sequence name"));
  const SequenceOptions options = parse_sequence_options(context, cursor);
  apply_sequence_options(sequence, options, true, cursor);
  if (find_sequence(context.schema(), sequence.name) != nullptr) {
    if (if_not_exists) return;
    cursor.fail_statement(fmt::format("sequence {} already exists", display(sequence.name)));
  }
  context.add_schema(sequence.name.schema);
  context.schema().sequences.push_back(std::move(sequence));
}

void alter_sequence(Context& context, Cursor& cursor) {
  const bool if_exists = cursor.accept_words({"if", "exists"});
  const QualifiedName name = context.resolve(cursor.expect_qualified_name("a sequence name"));
  Sequence* sequence = find_sequence(context.schema(), name);
  if (sequence == nullptr) {
    if (!if_exists) cursor.fail_statement(fmt::format("sequence {} does not exist", display(name)));
    cursor.rest();
    return;
  }
  if (cursor.accept_words({"rename", "to"})) {
    sequence->name = context.resolve(cursor.expect_qualified_name("a sequence name"));
    return;
  }
  if (cursor.is_word("owner") || cursor.is_word("set")) {
    context.note(NoteKind::NonSchemaStatement, fmt::format("ALTER SEQUENCE {} {}", display(name), cursor.rest()));
    return;
  }
  Sequence changed = *sequence;
  apply_sequence_options(changed, parse_sequence_options(context, cursor), false, cursor);
  *sequence = std::move(changed);
}

void drop_objects(Context& context, Cursor& cursor) {
  const std::string kind = cursor.peek().kind == TokenKind::Word ? cursor.peek().text : std::string();
  if (kind != "table" && kind != "index" && kind != "sequence" && kind != "type" && kind != "schema" &&
      kind != "database") {
    context.note(NoteKind::NonSchemaStatement, fmt::format("DROP {}", cursor.rest()));
    return;
  }
  cursor.next();
  cursor.accept("concurrently");
  const bool if_exists = cursor.accept_words({"if", "exists"});
  do {
    const std::size_t start = cursor.index();
    bool found = true;
    if (kind == "index") {
      found = drop_index(context, cursor);
    } else if (kind == "database") {
      found = context.find_database(cursor.expect_name("a database name")) != nullptr;
    } else if (kind == "schema") {
      const std::string name = cursor.expect_qualified_name("a schema name").back();
      auto& schemas = context.schema().schemas;
      found = std::erase(schemas, name) > 0;
    } else {
      const QualifiedName name = context.resolve(cursor.expect_qualified_name("a name"));
      if (kind == "table") {
        found = context.find_table(name) != nullptr;
        drop_table(context, name);
      } else if (kind == "sequence") {
        found = std::erase_if(context.schema().sequences, [&](const Sequence& s) { return s.name == name; }) > 0;
      } else {
        found = std::erase_if(context.schema().enums, [&](const Enum& e) { return e.name == name; }) > 0;
      }
    }
    if (!found && !if_exists) {
      cursor.fail_statement(fmt::format("{} {} does not exist", kind, cursor.text_between(start, cursor.index())));
    }
  } while (cursor.accept_symbol(","));
  cursor.accept("cascade") || cursor.accept("restrict");
}

}  // namespace strata::cockroachdb
