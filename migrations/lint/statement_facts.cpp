#include "migrations/lint/statement_facts.hpp"

namespace strata::migrations::lint {

namespace {

constexpr std::size_t npos = Tokens::npos;

// One element of CREATE TABLE (…) or one ADD action of ALTER TABLE (after ADD), for `table`.
void element_facts(const Tokens& t, Span item, const std::string& table, StatementFacts& facts) {
  std::size_t i = item.begin;
  if (t.is(i, "constraint")) i += 2;
  if (t.are(i, {"primary", "key"})) {
    facts.indexes.push_back({table, t.column_list(i + 2)});
  } else if (t.is(i, "unique")) {
    std::size_t at = i + 1;
    if (t.is(at, "index") || t.is(at, "key")) at = t.punct(at + 1, "(") ? at + 1 : at + 2;
    if (t.are(at, {"nulls", "not", "distinct"})) at += 3;
    facts.indexes.push_back({table, t.column_list(at)});
  } else if (t.is(i, "index") || t.are(i, {"inverted", "index"})) {
    std::size_t at = t.is(i, "index") ? i + 1 : i + 2;
    if (!t.punct(at, "(")) ++at;  // the index's name
    facts.indexes.push_back({table, t.column_list(at)});
  } else if (t.are(i, {"foreign", "key"})) {
    facts.foreign_keys.push_back({table, t.column_list(i + 2)});
  } else if (t.is(i, "check") || t.is(i, "exclude") || t.is(i, "like") || t.is(i, "family")) {
    // nothing an index or a foreign key depends on
  } else {
    if (t.is(i, "column")) ++i;
    i = t.skip_if_exists(i);
    const std::string column = t.name(i);
    if (column.empty()) return;
    const Span rest{i + 1, item.end};
    if (t.contains(rest, {"primary", "key"}) || t.contains(rest, {"unique"}))
      facts.indexes.push_back({table, {column}});
    if (t.contains(rest, {"references"})) facts.foreign_keys.push_back({table, {column}});
  }
}

void create_table_facts(const Tokens& t, std::size_t i, StatementFacts& facts) {
  std::size_t next = i;
  facts.created_table = t.qualified_name(t.skip_if_exists(i), next);
  for (const Span item : t.group_items(next)) element_facts(t, item, facts.created_table, facts);
}

void create_index_facts(const Tokens& t, std::size_t i, StatementFacts& facts) {
  const std::size_t on = t.find({i, t.size()}, {"on"}, true);
  if (on == npos) return;
  std::size_t next = on + 1;
  if (t.is(next, "only")) ++next;
  const std::string table = t.qualified_name(next, next);
  if (t.is(next, "using")) next += 2;
  facts.indexes.push_back({table, t.column_list(next)});
}

}  // namespace

std::size_t after_create(const Tokens& t, std::string_view object) {
  if (!t.is(0, "create")) return npos;
  std::size_t i = 1;
  if (t.are(i, {"or", "replace"})) i += 2;
  while (t.is(i, "temp") || t.is(i, "temporary") || t.is(i, "unlogged") || t.is(i, "global") || t.is(i, "local")) ++i;
  return t.is(i, object) ? i + 1 : npos;
}

std::vector<Span> alter_table_actions(const Tokens& t, std::string& table) {
  if (!t.are(0, {"alter", "table"})) return {};
  std::size_t i = t.skip_if_exists(2);
  if (t.is(i, "only")) ++i;
  table = t.qualified_name(i, i);
  return t.split_commas({i, t.size()});
}

StatementFacts statement_facts(const Tokens& t) {
  StatementFacts facts;
  if (const std::size_t i = after_create(t, "table"); i != npos) {
    create_table_facts(t, i, facts);
  } else if (std::size_t j = after_create(t, "index"); j != npos) {
    create_index_facts(t, j, facts);
  } else if (j = after_create(t, "unique"); j != npos && t.is(j, "index")) {
    create_index_facts(t, j + 1, facts);
  } else if (j = after_create(t, "inverted"); j != npos && t.is(j, "index")) {
    create_index_facts(t, j + 1, facts);
  } else {
    for (const Span action : alter_table_actions(t, facts.altered_table)) {
      if (t.is(action.begin, "add")) {
        element_facts(t, {action.begin + 1, action.end}, facts.altered_table, facts);
      } else if (t.are(action.begin, {"alter", "primary", "key", "using", "columns"})) {
        facts.indexes.push_back({facts.altered_table, t.column_list(action.begin + 5)});
      }
    }
  }
  return facts;
}

}  // namespace strata::migrations::lint
