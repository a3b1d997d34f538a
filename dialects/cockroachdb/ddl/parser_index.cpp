// Indexes: the key list, the clauses after it, inline INDEX elements and CREATE INDEX.
#include <climits>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"
#include "dialects/cockroachdb/ddl/expression.hpp"
#include "engine/model/visibility.hpp"

namespace strata::cockroachdb {

namespace {

// True at name[.name…]( : an index key that is a function call.
bool at_function_call(const Cursor& cursor) {
  std::size_t ahead = 0;
  while (cursor.is_name(ahead) && cursor.is_symbol(".", ahead + 1)) ahead += 2;
  return cursor.is_name(ahead) && cursor.is_symbol("(", ahead + 1);
}

std::string access_method(std::string name) {
  if (name == "inverted" || name == "gin") return "gin";
  if (name == "prefix" || name == "btree") return "btree";
  if (name == "cspann" || name == "hnsw") return "vector";
  return name;
}

// Where a partial index's predicate ends.
bool ends_index_predicate(const Cursor& cursor) {
  return cursor.is_words({"not", "visible"}) || cursor.is_words({"not", "valid"}) || cursor.is_word("visibility") ||
         cursor.is_word("invisible");
}

void parse_index_tail(Context& context, Cursor& cursor, Index& index, const Table& table) {
  const std::string owner =
      fmt::format("table {} index {}", display(table.name), index.name.empty() ? "(unnamed)" : index.name);
  for (;;) {
    if (cursor.accept_words({"using", "hash"})) {
      index.shard_buckets = parse_hash_buckets(context, cursor, table);
    } else if (cursor.accept("storing") || cursor.accept("include") || cursor.accept("covering")) {
      index.include = cursor.expect_name_list("a stored column");
    } else if (cursor.accept_words({"interleave", "in", "parent"})) {
      const std::size_t start = cursor.index();
      cursor.expect_qualified_name("the parent table");
      cursor.skip_parenthesized("the interleave columns");
      context.note(NoteKind::Interleave,
                   fmt::format("{}: INTERLEAVE IN PARENT {}", owner, cursor.text_between(start, cursor.index())));
    } else if (cursor.is_word("partition")) {
      skip_partitioning(context, cursor, owner);
    } else if (cursor.is_word("with") && cursor.is_symbol("(", 1)) {
      cursor.next();
      const std::size_t start = cursor.index();
      cursor.skip_parenthesized("storage parameters");
      context.note(NoteKind::StorageParameter,
                   fmt::format("{}: WITH {}", owner, cursor.text_between(start, cursor.index())));
    } else if (cursor.accept("where")) {
      index.where = stored_expression(cursor.capture_expression("a predicate", ends_index_predicate), table.name);
    } else if (auto visibility = parse_index_visibility(cursor)) {
      index.visibility = *visibility;
    } else {
      return;
    }
  }
}

}  // namespace

std::vector<IndexKey> parse_index_keys(Cursor& cursor, const Table& table) {
  std::vector<IndexKey> keys;
  cursor.expect_symbol("(");
  do {
    IndexKey key;
    if (cursor.is_symbol("(")) {
      key.expression = stored_expression(cursor.capture_parenthesized("an index expression"), table.name);
    } else if (at_function_call(cursor)) {
      const std::size_t start = cursor.index();
      cursor.expect_qualified_name("a function name");
      cursor.skip_parenthesized("the function's arguments");
      key.expression = stored_expression(cursor.text_between(start, cursor.index()), table.name);
    } else {
      key.column = cursor.expect_name("an index column or expression");
    }
    if (cursor.accept("collate")) cursor.expect_name("a collation");
    if (cursor.is_name() && !cursor.is_word("asc") && !cursor.is_word("desc") && !cursor.is_word("nulls")) {
      key.opclass = cursor.expect_name("an operator class");
    }
    if (cursor.accept("desc")) {
      key.order = SortOrder::Desc;
    } else {
      cursor.accept("asc");
    }
    if (cursor.accept_words({"nulls", "first"})) {
      key.nulls = NullsOrder::First;
    } else if (cursor.accept_words({"nulls", "last"})) {
      key.nulls = NullsOrder::Last;
    }
    keys.push_back(std::move(key));
  } while (cursor.accept_symbol(","));
  cursor.expect_symbol(")");
  return keys;
}

std::optional<double> parse_index_visibility(Cursor& cursor) {
  if (cursor.accept_words({"not", "visible"}) || cursor.accept("invisible")) return 0.0;
  if (cursor.accept("visible")) return 1.0;
  if (!cursor.accept("visibility")) return std::nullopt;
  if (cursor.peek().kind != TokenKind::Number) cursor.fail("a number from 0 to 1 after VISIBILITY");
  const auto value = parse_visibility(cursor.peek().text);
  if (!value) cursor.fail("a number from 0 to 1 after VISIBILITY");
  cursor.next();
  return value;
}

int parse_hash_buckets(Context& context, Cursor& cursor, const Table& table) {
  std::int64_t buckets = context.options().default_bucket_count;
  if (cursor.accept("with")) {
    if (cursor.accept("bucket_count")) {
      cursor.expect_symbol("=");
      buckets = cursor.expect_integer("a bucket count");
    } else {
      cursor.expect_symbol("(");
      do {
        const std::string parameter = cursor.expect_name("a storage parameter");
        cursor.expect_symbol("=");
        if (parameter == "bucket_count") {
          buckets = cursor.expect_integer("a bucket count");
          if (cursor.accept_symbol(":::") || cursor.accept_symbol("::")) parse_type(cursor);  // 8:::INT8
        } else {
          const std::string value = cursor.capture_expression("a parameter value");
          context.note(NoteKind::StorageParameter,
                       fmt::format("table {}: hash-sharded index {} = {}", display(table.name), parameter, value));
        }
      } while (cursor.accept_symbol(","));
      cursor.expect_symbol(")");
    }
  }
  if (buckets < 1 || buckets > INT_MAX) cursor.fail_statement(fmt::format("bucket count {} is out of range", buckets));
  return static_cast<int>(buckets);
}

// [USING method] (keys) and the rest of an index on `table`, named by default when it has no name.
// False when its name is taken: `taken` says so and the statement fails, unless `if_not_exists`.
bool parse_index_body(Context& context, Cursor& cursor, Table& table, Index& index, bool if_not_exists,
                      std::string_view taken) {
  if (cursor.accept("using")) index.method = access_method(cursor.expect_name("an access method"));
  index.keys = parse_index_keys(cursor, table);
  parse_index_tail(context, cursor, index, table);
  if (index.name.empty()) {
    index.name = index_name(table, index.keys, index.unique);
  } else if (name_taken(table, index.name)) {
    if (if_not_exists) return false;
    cursor.fail_statement(fmt::format(fmt::runtime(taken), index.name, display(table.name)));
  }
  return true;
}

void parse_inline_index(Context& context, Cursor& cursor, Table& table, bool unique, const std::string& method) {
  Index index;
  index.unique = unique;
  index.method = method;
  if (cursor.is_name() && !(cursor.is_word("using") && cursor.is_name(1) && cursor.is_symbol("(", 2))) {
    index.name = cursor.expect_name("an index name");
  }
  parse_index_body(context, cursor, table, index, false, "index name {} is used twice in table {}");
  table.indexes.push_back(std::move(index));
}

void create_index(Context& context, Cursor& cursor, bool unique, const std::string& method) {
  cursor.accept("concurrently");
  const bool if_not_exists = cursor.accept_words({"if", "not", "exists"});
  Index index;
  index.unique = unique;
  index.method = method;
  if (!cursor.is_word("on")) index.name = cursor.expect_name("an index name or ON");
  cursor.expect("on");
  cursor.accept("only");
  Table& table = context.require_table(context.resolve(cursor.expect_qualified_name("a table name")), cursor);
  if (!parse_index_body(context, cursor, table, index, if_not_exists, "index {} already exists on table {}")) return;
  table.indexes.push_back(std::move(index));
}

}  // namespace strata::cockroachdb
