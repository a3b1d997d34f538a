// What PostgreSQL tells about index builds: whether an interrupted CREATE INDEX [CONCURRENTLY]
// took effect (its index exists and is valid), and the progress of a build while it runs
// (pg_stat_progress_create_index).
#include <algorithm>

#include <fmt/format.h>

#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/db/connection.hpp"
#include "engine/model/quote.hpp"
#include "engine/sql/scanner.hpp"

namespace strata::postgres {

namespace {

// CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON [ONLY] [schema.]table ...
struct CreateIndex {
  std::string index;
  std::string table_schema;  // empty: unqualified
  std::string table;
  bool concurrently = false;
};

class TokenCursor {
 public:
  explicit TokenCursor(std::string_view sql) {
    for (auto& token : sql::scan(sql)) {
      if (token.kind != sql::TokenKind::Comment) tokens_.push_back(std::move(token));
    }
  }
  bool word(std::string_view w) {
    if (at_ < tokens_.size() && tokens_[at_].kind == sql::TokenKind::Word && tokens_[at_].text == w) {
      ++at_;
      return true;
    }
    return false;
  }
  bool punct(std::string_view p) {
    if (at_ < tokens_.size() && tokens_[at_].kind == sql::TokenKind::Punct && tokens_[at_].text == p) {
      ++at_;
      return true;
    }
    return false;
  }
  // A name: a word (not `on`) or a quoted identifier.
  std::optional<std::string> name() {
    if (at_ >= tokens_.size()) return std::nullopt;
    const auto& token = tokens_[at_];
    if (token.kind == sql::TokenKind::QuotedIdent || (token.kind == sql::TokenKind::Word && token.text != "on")) {
      ++at_;
      return token.text;
    }
    return std::nullopt;
  }

 private:
  std::vector<sql::Token> tokens_;
  std::size_t at_ = 0;
};

std::optional<CreateIndex> parse_create_index(std::string_view sql) {
  TokenCursor t(sql);
  if (!t.word("create")) return std::nullopt;
  t.word("unique");
  if (!t.word("index")) return std::nullopt;
  CreateIndex out;
  out.concurrently = t.word("concurrently");
  if (t.word("if") && !(t.word("not") && t.word("exists"))) return std::nullopt;
  auto index = t.name();  // without a name the server makes one up: nothing to look for
  if (!index || !t.word("on")) return std::nullopt;
  out.index = std::move(*index);
  t.word("only");
  auto first = t.name();
  if (!first) return std::nullopt;
  out.table = std::move(*first);
  while (t.punct(".")) {  // schema.table (or database.schema.table)
    auto next = t.name();
    if (!next) return std::nullopt;
    out.table_schema = std::exchange(out.table, std::move(*next));
  }
  return out;
}

// The index of `create` by name, in its table's schema: whether it is valid, and the session
// still building it, if one is.
const char* const kIndexState =
    "SELECT i.indisvalid, (SELECT p.pid FROM pg_stat_progress_create_index p WHERE p.index_relid = c.oid LIMIT 1), "
    "       c.oid::regclass::text "
    "FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid "
    "WHERE c.relname = $1 AND c.relnamespace = (SELECT t.relnamespace FROM pg_class t WHERE t.oid = to_regclass($2))";

const char* const kProgress =
    "SELECT phase, coalesce(blocks_done, 0), coalesce(blocks_total, 0), coalesce(tuples_done, 0), "
    "       coalesce(tuples_total, 0), coalesce(lockers_done, 0), coalesce(lockers_total, 0) "
    "FROM pg_stat_progress_create_index WHERE pid = $1";

}  // namespace

InterruptedFinding PostgresDialect::interrupted_statement(Connection& connection, const std::string& statement) const {
  const auto create = parse_create_index(statement);
  if (!create) return {};
  const auto rows =
      connection.exec_params(kIndexState, create->index, quote_qualified(create->table_schema, create->table));
  InterruptedFinding finding;
  if (rows.empty()) {
    finding.took_effect = false;
    finding.detail = fmt::format("there is no index {}, so the statement did not take effect",
                                 quote_qualified(create->table_schema, create->index));
    return finding;
  }
  const std::string index = rows[0][2].c_str();  // schema-qualified where the search path needs it
  if (rows[0][0].as<bool>()) {
    finding.took_effect = true;
    finding.detail = fmt::format("index {} exists and is valid, so the statement took effect", index);
    return finding;
  }
  if (!rows[0][1].is_null()) {
    finding.detail = fmt::format(
        "index {} is still being built by the session of pid {} (the stopped strata's, most likely): wait until "
        "that session ends (or end it with pg_terminate_backend({})), then run again",
        index, rows[0][1].c_str(), rows[0][1].c_str());
    finding.skip_refused = true;
    return finding;
  }
  finding.detail = fmt::format(
      "index {} was left INVALID by the interrupted build: it is not used by queries, but still slows every write; "
      "--interrupted=retry drops it (DROP INDEX CONCURRENTLY) and builds it again",
      index);
  finding.before_retry.push_back("DROP INDEX CONCURRENTLY IF EXISTS " + index);
  finding.skip_refused = true;
  return finding;
}

bool PostgresDialect::reports_progress(const std::string& statement) const {
  // CREATE INDEX, REINDEX, and the ALTER TABLE forms that build an index (a primary key or unique
  // constraint) report in pg_stat_progress_create_index.
  std::vector<std::string> words;
  for (auto& token : sql::scan(statement)) {
    if (token.kind == sql::TokenKind::Word) words.push_back(std::move(token.text));
  }
  if (words.empty()) return false;
  auto has = [&](std::string_view word) { return std::find(words.begin(), words.end(), word) != words.end(); };
  if (words[0] == "create") return has("index");
  if (words[0] == "reindex") return true;
  if (words[0] == "alter") return has("add") && (has("primary") || has("unique")) && !has("using");
  return false;
}

std::optional<IndexBuildProgress> PostgresDialect::statement_progress(Connection& watcher, int backend_pid) const {
  const auto rows = watcher.exec_params(kProgress, backend_pid);
  if (rows.empty()) return std::nullopt;
  const auto& row = rows[0];
  IndexBuildProgress progress;
  progress.phase = row[0].c_str();
  progress.blocks_done = row[1].as<std::int64_t>();
  progress.blocks_total = row[2].as<std::int64_t>();
  progress.tuples_done = row[3].as<std::int64_t>();
  progress.tuples_total = row[4].as<std::int64_t>();
  progress.lockers_done = row[5].as<std::int64_t>();
  progress.lockers_total = row[6].as<std::int64_t>();
  return progress;
}

}  // namespace strata::postgres
