// Storage parameters of a table: WITH (…) in CREATE TABLE, SET (…) / RESET (…) in ALTER TABLE.
// Row-level TTL lives there (research/objects.md section 1: SHOW CREATE prints
// `WITH (ttl = 'on', ttl_expire_after = '00:10:00':::INTERVAL, ttl_job_cron = '@hourly')`).
#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"
#include "engine/model/row_ttl.hpp"

namespace strata::cockroachdb {

namespace {

// Parameters CockroachDB accepts with a notice and ignores, and the switch it prints first.
bool is_ignored_ttl_parameter(std::string_view name) {
  return name == "ttl" || name == "ttl_automatic_column" || name == "ttl_range_concurrency";
}

// The TTL setting a parameter names (ttl_expire_after -> expire_after), or null.
const TtlSetting* ttl_setting_of(std::string_view parameter) {
  if (!parameter.starts_with("ttl_")) return nullptr;
  return find_ttl_setting(parameter.substr(4));
}

// A parameter's value: a string's text without its quotes and :::TYPE annotation (or INTERVAL
// before it), or the text of any other value (a number, true, on).
std::string parameter_value(Cursor& cursor) {
  if (cursor.is_word("interval") && cursor.peek(1).kind == TokenKind::String) cursor.next();
  if (cursor.peek().kind == TokenKind::String) {
    std::string text = cursor.expect_string("a value");
    if (cursor.accept_symbol(":::") || cursor.accept_symbol("::")) parse_type(cursor);
    return text;
  }
  return cursor.capture_expression("a value");
}

// CockroachDB refuses a TTL with neither: `"ttl_expire_after" and/or "ttl_expiration_expression"
// must be set`, also after a RESET of the last of them (row_level_ttl@0017defd). `had_ttl`: the table
// had a TTL before the statement and the statement did not remove it (RESET (ttl)).
void check_ttl(const Cursor& cursor, const Table& table, bool had_ttl) {
  if (table.ttl.count(std::string(kTtlExpireAfter)) > 0 || table.ttl.count(std::string(kTtlExpirationExpression)) > 0) {
    return;
  }
  if (table.ttl.empty() && !had_ttl) return;
  cursor.fail_statement(
      fmt::format("table {} would have a row-level TTL with neither ttl_expire_after nor "
                  "ttl_expiration_expression, which CockroachDB refuses",
                  display(table.name)));
}

}  // namespace

void parse_storage_parameters(Context& context, Cursor& cursor, Table& table, std::string_view how) {
  cursor.expect_symbol("(");
  std::vector<std::string> others;
  do {
    const std::size_t start = cursor.index();
    const std::string name = cursor.expect_name("a storage parameter");
    cursor.expect_symbol("=");
    std::string value = parameter_value(cursor);
    if (const TtlSetting* setting = ttl_setting_of(name)) {
      if (!canonical_ttl_value(setting->value, value)) {
        cursor.fail_statement(fmt::format("{} = {} is not a value of that setting", name, value));
      }
      table.ttl[std::string(setting->name)] = std::move(value);
    } else if (!is_ignored_ttl_parameter(name)) {
      others.push_back(cursor.text_between(start, cursor.index()));
    }
  } while (cursor.accept_symbol(","));
  cursor.expect_symbol(")");
  check_ttl(cursor, table, false);
  if (!others.empty()) {
    context.note(NoteKind::StorageParameter,
                 fmt::format("table {}: {} ({})", display(table.name), how, fmt::join(others, ", ")));
  }
}

void parse_storage_reset(Context& context, Cursor& cursor, Table& table) {
  std::vector<std::string> others;
  bool had_ttl = !table.ttl.empty();
  for (const auto& name : cursor.expect_name_list("a storage parameter")) {
    if (name == "ttl") {
      table.ttl.clear();
      had_ttl = false;
    } else if (const TtlSetting* setting = ttl_setting_of(name)) {
      table.ttl.erase(std::string(setting->name));
    } else if (!is_ignored_ttl_parameter(name)) {
      others.push_back(name);
    }
  }
  check_ttl(cursor, table, had_ttl);
  if (!others.empty()) {
    context.note(NoteKind::StorageParameter,
                 fmt::format("table {}: RESET ({})", display(table.name), fmt::join(others, ", ")));
  }
}

}  // namespace strata::cockroachdb
