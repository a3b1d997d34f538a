#include "migrations/lint/rules.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "migrations/lint/statement_facts.hpp"

namespace strata::migrations::lint {

namespace {

constexpr std::size_t npos = Tokens::npos;

// Functions whose value differs per row: a column default calling one makes PostgreSQL rewrite
// the table (a constant or stable default is stored once in the catalog instead).
constexpr std::array kVolatileFunctions = {"random",           "gen_random_uuid", "uuid_generate_v1",
                                           "uuid_generate_v4", "clock_timestamp", "timeofday",
                                           "nextval",          "gen_random_bytes"};
constexpr std::array kSerialTypes = {"serial", "bigserial", "smallserial", "serial4", "serial8", "serial2"};

class Rules {
 public:
  Rules(const Tokens& t, const RuleContext& context) : t_(t), context_(context) {}

  std::vector<Hit> run() {
    if (t_.are(0, {"drop", "table"})) drop_table();
    if (t_.is(0, "truncate")) hit("SL103", fmt::format("TRUNCATE {} deletes every row", names_after(1)));
    if (t_.are(0, {"delete", "from"}) && !t_.contains({2, t_.size()}, {"where"})) {
      std::size_t next = 2;
      hit("SL103", fmt::format("DELETE FROM {} without WHERE deletes every row", t_.qualified_name(2, next)));
    }
    if (t_.are(0, {"drop", "schema"}) || t_.are(0, {"drop", "database"})) {
      hit("SL104", fmt::format("DROP {} deletes everything in it", t_[1].text == "schema" ? "SCHEMA" : "DATABASE"));
    }
    if (t_.are(0, {"vacuum", "full"}) || (t_.is(0, "vacuum") && t_.contains({1, t_.size()}, {"full"}))) {
      hit("SL106", "VACUUM FULL rewrites the table under an exclusive lock");
    }
    if (t_.is(0, "cluster")) hit("SL106", "CLUSTER rewrites the table under an exclusive lock");
    if (blocking_ddl() && t_.is(0, "lock"))
      hit("SL206", fmt::format("LOCK TABLE {} blocks other sessions", lock_target()));
    create_index();
    if (blocking_ddl() && t_.are(0, {"drop", "index"}) && !t_.is(2, "concurrently")) {
      hit("SL204", "DROP INDEX without CONCURRENTLY blocks reads and writes of its table");
    }
    if (server_does(LintBehaviour::RegionalRows) && t_.are(0, {"alter", "database"}) &&
        t_.contains({2, t_.size()}, {"drop", "region"})) {
      hit("SL405", "DROP REGION moves every row homed in the region to other regions");
    }
    alter_table();
    return std::move(hits_);
  }

 private:
  bool server_does(LintBehaviour behaviour) const { return context_.behaviours->contains(behaviour); }
  bool blocking_ddl() const { return server_does(LintBehaviour::BlockingDdl); }
  bool is_new(const std::string& table) const { return context_.new_tables && context_.new_tables->contains(table); }
  void hit(std::string_view code, std::string message) { hits_.push_back({std::string(code), std::move(message)}); }

  // The table names of a comma list from i (TRUNCATE a, b / DROP TABLE a, b).
  std::string names_after(std::size_t i) const {
    std::string out;
    for (const Span item : t_.split_commas({t_.skip_if_exists(i), t_.size()})) {
      std::size_t at = item.begin;
      if (t_.is(at, "table") || t_.is(at, "only")) ++at;
      std::size_t next = at;
      const std::string name = t_.qualified_name(at, next);
      if (name.empty()) continue;
      out += (out.empty() ? "" : ", ") + name;
    }
    return out;
  }

  std::string lock_target() const {
    std::size_t i = t_.is(1, "table") ? 2 : 1;
    if (t_.is(i, "only")) ++i;
    return t_.qualified_name(i, i);
  }

  void drop_table() {
    for (const Span item : t_.split_commas({t_.skip_if_exists(2), t_.size()})) {
      std::size_t next = item.begin;
      const std::string table = t_.qualified_name(item.begin, next);
      if (table.empty() || table == "cascade" || table == "restrict" || is_new(table)) continue;
      hit("SL101", fmt::format("DROP TABLE {} deletes the table and every row in it", table));
    }
  }

  void create_index() {
    if (!blocking_ddl()) return;
    std::size_t i = after_create(t_, "index");
    if (i == npos && (i = after_create(t_, "unique")) != npos) i = t_.is(i, "index") ? i + 1 : npos;
    if (i == npos || t_.is(i, "concurrently")) return;
    const std::size_t on = t_.find({i, t_.size()}, {"on"}, true);
    if (on == npos) return;
    std::size_t next = t_.is(on + 1, "only") ? on + 2 : on + 1;
    const std::string table = t_.qualified_name(next, next);
    if (is_new(table)) return;
    hit("SL201",
        fmt::format("CREATE INDEX on {} without CONCURRENTLY blocks writes to {} while it builds", table, table));
  }

  void alter_table() {
    std::string table;
    const auto actions = alter_table_actions(t_, table);
    if (actions.empty() || is_new(table)) return;
    for (const Span action : actions) {
      if (t_.is(action.begin, "drop")) drop_action(table, action);
      if (t_.is(action.begin, "alter")) alter_action(table, action);
      if (t_.is(action.begin, "add")) add_action(table, action);
      if (server_does(LintBehaviour::RegionalRows) &&
          t_.are(action.begin, {"set", "locality", "regional", "by", "row"})) {
        hit("SL404", fmt::format("SET LOCALITY REGIONAL BY ROW rewrites {} with a region column", table));
      }
    }
  }

  void drop_action(const std::string& table, Span action) {
    std::size_t i = action.begin + 1;
    if (t_.is(i, "constraint") || t_.is(i, "default") || t_.is(i, "not")) return;
    if (t_.is(i, "column")) ++i;
    i = t_.skip_if_exists(i);
    const std::string column = t_.name(i);
    if (!column.empty()) hit("SL102", fmt::format("DROP COLUMN {}.{} deletes the column's values", table, column));
  }

  void alter_action(const std::string& table, Span action) {
    if (t_.are(action.begin, {"alter", "primary", "key"})) {
      if (server_does(LintBehaviour::PrimaryKeyRebuild))
        hit("SL403", fmt::format("ALTER PRIMARY KEY rebuilds {} and every index on it", table));
      return;
    }
    std::size_t i = action.begin + 1;
    if (t_.is(i, "column")) ++i;
    const std::string column = t_.name(i);
    if (column.empty()) return;
    if (t_.is(i + 1, "type") || t_.are(i + 1, {"set", "data", "type"})) {
      hit("SL105",
          fmt::format("changing the type of {}.{} may rewrite {} under a lock and cut values", table, column, table));
    } else if (blocking_ddl() && t_.are(i + 1, {"set", "not", "null"})) {
      hit("SL203", fmt::format("SET NOT NULL on {}.{} scans {} under an exclusive lock", table, column, table));
    }
  }

  void add_action(const std::string& table, Span action) {
    std::size_t i = action.begin + 1;
    if (t_.is(i, "constraint")) i += 2;
    if (t_.are(i, {"foreign", "key"}) || t_.is(i, "check")) {
      if (blocking_ddl() && !t_.contains(action, {"not", "valid"})) {
        hit("SL202", fmt::format("adding a {} constraint to {} checks every row under a lock",
                                 t_.is(i, "check") ? "CHECK" : "FOREIGN KEY", table));
      }
      return;
    }
    if (t_.are(i, {"primary", "key"}) || t_.is(i, "unique")) {
      if (blocking_ddl() && !t_.contains(action, {"using", "index"})) {
        hit("SL205", fmt::format("adding a {} constraint to {} builds its index under a lock",
                                 t_.is(i, "unique") ? "UNIQUE" : "PRIMARY KEY", table));
      }
      return;
    }
    if (t_.is(i, "exclude")) return;
    if (t_.is(i, "column")) ++i;
    i = t_.skip_if_exists(i);
    const std::string column = t_.name(i);
    if (column.empty()) return;
    add_column(table, column, {i + 1, action.end});
  }

  void add_column(const std::string& table, const std::string& column, Span rest) {
    const std::size_t default_at = t_.find(rest, {"default"});
    if (default_at == npos && t_.contains(rest, {"not", "null"})) {
      hit("SL301",
          fmt::format("{}.{} is NOT NULL without a default: adding it fails if {} has rows", table, column, table));
    }
    if (!blocking_ddl()) return;
    const bool serial =
        std::any_of(kSerialTypes.begin(), kSerialTypes.end(), [&](const char* s) { return t_.is(rest.begin, s); });
    bool volatile_default = false;
    if (default_at != npos) {
      for (std::size_t i = default_at + 1; i < rest.end; ++i) {
        for (const char* f : kVolatileFunctions)
          volatile_default = volatile_default || (t_.is(i, f) && t_.punct(i + 1, "("));
      }
    }
    if (serial || volatile_default) {
      hit("SL106", fmt::format("{}.{} gets a value per row ({}): PostgreSQL rewrites {} under an exclusive lock", table,
                               column, serial ? "a serial type" : "a volatile default", table));
    }
  }

  const Tokens& t_;
  const RuleContext& context_;
  std::vector<Hit> hits_;
};

}  // namespace

std::vector<Hit> statement_hits(const Tokens& t, const RuleContext& context) {
  return Rules(t, context).run();
}

bool is_ddl(const Tokens& t) {
  return t.is(0, "create") || t.is(0, "alter") || t.is(0, "drop") || t.is(0, "truncate") ||
         t.are(0, {"comment", "on"}) || t.is(0, "rename");
}

bool is_write(const Tokens& t) {
  return t.is(0, "insert") || t.is(0, "update") || t.is(0, "delete") || t.is(0, "upsert") || t.is(0, "merge") ||
         t.is(0, "copy");
}

}  // namespace strata::migrations::lint
