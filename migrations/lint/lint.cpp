#include "migrations/lint/lint.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "migrations/lint/directives.hpp"
#include "migrations/lint/rules.hpp"
#include "migrations/lint/statement_facts.hpp"
#include "migrations/splitter.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::lint {

namespace {

// Leading columns of every index, by table.
using IndexMap = std::map<std::string, std::vector<std::vector<std::string>>>;

struct Parsed {
  Statement statement;
  Tokens tokens;
  StatementFacts facts;
  int last_line = 0;
  std::vector<Hit> hits;
};

std::vector<Parsed> parse(const SourceFile& file) {
  std::vector<Parsed> out;
  for (auto& statement : split_statements(file.text, file.display)) {
    Tokens tokens(statement.sql);
    StatementFacts facts = statement_facts(tokens);
    const int last = statement.line + static_cast<int>(std::count(statement.sql.begin(), statement.sql.end(), '\n'));
    out.push_back({std::move(statement), std::move(tokens), std::move(facts), last, {}});
  }
  return out;
}

bool has_index(const IndexMap& indexes, const ColumnsOf& key) {
  const auto it = indexes.find(key.table);
  if (it == indexes.end()) return false;
  const std::set<std::string> wanted(key.columns.begin(), key.columns.end());
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::vector<std::string>& columns) {
    if (columns.size() < key.columns.size()) return false;
    const std::set<std::string> leading(columns.begin(), columns.begin() + static_cast<long>(key.columns.size()));
    return leading == wanted;
  });
}

bool begins_transaction(const Tokens& t) {
  return (t.is(0, "begin") && !t.is(1, "atomic")) || t.are(0, {"start", "transaction"});
}

bool ends_transaction(const Tokens& t) {
  return t.is(0, "commit") || t.is(0, "end") || t.is(0, "rollback") || t.is(0, "abort");
}

// SL401 / SL402 on the BEGIN of each explicit transaction holding DDL (UnsafeDdlTransactions).
void transaction_hits(std::vector<Parsed>& statements) {
  Parsed* begin = nullptr;
  bool ddl = false;
  bool write = false;
  auto close = [&] {
    if (begin && ddl) {
      if (write) begin->hits.push_back({"SL401", "this transaction changes the schema and writes rows"});
      begin->hits.push_back({"SL402", "this transaction changes the schema inside BEGIN … COMMIT"});
    }
    begin = nullptr;
    ddl = write = false;
  };
  for (auto& p : statements) {
    if (begins_transaction(p.tokens)) {
      close();
      begin = &p;
    } else if (ends_transaction(p.tokens)) {
      close();
    } else if (begin) {
      ddl = ddl || is_ddl(p.tokens);
      write = write || is_write(p.tokens);
    }
  }
  close();
}

Finding finding(const SourceFile& file, int line, const std::string& code, std::string message,
                const std::string& statement) {
  const CheckCode* info = find_check_code(code);
  return Finding{code,     CheckKind::Lint,    file.display,
                 line,     std::move(message), info ? std::string(info->fix) : std::string(),
                 statement};
}

// The findings of one file once its directives are applied.
std::vector<Finding> apply_directives(const SourceFile& file, const std::vector<Parsed>& statements) {
  std::vector<std::vector<bool>> silenced(statements.size());
  for (std::size_t i = 0; i < statements.size(); ++i) silenced[i].assign(statements[i].hits.size(), false);
  std::vector<Finding> meta;
  for (const auto& directive : ignore_directives(file.text)) {
    const CheckCode* code = find_check_code(directive.code);
    if (!code || code->kind != CheckKind::Lint || directive.code.starts_with("SL0")) {
      meta.push_back(finding(file, directive.line, "SL001",
                             fmt::format("strata:ignore names '{}', which is not a lint code", directive.code), ""));
      continue;
    }
    if (directive.reason.empty()) {
      meta.push_back(finding(file, directive.line, "SL003",
                             fmt::format("strata:ignore {} does not say why the statement is safe", directive.code),
                             ""));
    }
    const auto at = std::find_if(statements.begin(), statements.end(),
                                 [&](const Parsed& p) { return p.last_line >= directive.line; });
    bool used = false;
    if (at != statements.end()) {
      const auto index = static_cast<std::size_t>(at - statements.begin());
      for (std::size_t h = 0; h < at->hits.size(); ++h) {
        if (at->hits[h].code == directive.code) used = silenced[index][h] = true;
      }
    }
    if (!used) {
      meta.push_back(finding(
          file, directive.line, "SL002",
          fmt::format("strata:ignore {} silences nothing: the next statement does not raise it", directive.code), ""));
    }
  }
  std::vector<Finding> out;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    for (std::size_t h = 0; h < statements[i].hits.size(); ++h) {
      if (silenced[i][h]) continue;
      const auto& p = statements[i];
      out.push_back(finding(file, p.statement.line, p.hits[h].code, p.hits[h].message, p.statement.sql));
    }
  }
  out.insert(out.end(), meta.begin(), meta.end());
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return out;
}

}  // namespace

std::vector<CheckCase> lint_files(const std::vector<SourceFile>& all, const std::vector<std::size_t>& targets,
                                  const std::set<LintBehaviour>& behaviours) {
  std::vector<std::vector<Parsed>> parsed(all.size());
  IndexMap indexes;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const bool wanted = std::find(targets.begin(), targets.end(), i) != targets.end();
    try {
      parsed[i] = parse(all[i]);
    } catch (const strata::Error&) {
      if (wanted) throw;  // a file that is not linted may stay unreadable (it ran as it is)
    }
    for (const auto& p : parsed[i]) {
      for (const auto& index : p.facts.indexes) indexes[index.table].push_back(index.columns);
    }
  }

  std::vector<CheckCase> cases;
  for (const std::size_t i : targets) {
    // Only a table created earlier in the same file is known to be empty: an earlier file may
    // have run long ago, and rows may have come since.
    std::set<std::string> new_tables;
    auto& statements = parsed[i];
    for (auto& p : statements) {
      const RuleContext context{&behaviours, &new_tables};
      p.hits = statement_hits(p.tokens, context);
      for (const auto& key : p.facts.foreign_keys) {
        const bool named = !key.columns.empty() && std::none_of(key.columns.begin(), key.columns.end(),
                                                                [](const std::string& c) { return c.empty(); });
        if (named && !has_index(indexes, key)) {
          p.hits.push_back({"SL302", fmt::format("the foreign key on {} ({}) has no index starting with its columns",
                                                 key.table, fmt::join(key.columns, ", "))});
        }
      }
      if (!p.facts.created_table.empty()) new_tables.insert(p.facts.created_table);
    }
    if (behaviours.contains(LintBehaviour::UnsafeDdlTransactions)) transaction_hits(statements);
    CheckCase c;
    c.kind = CheckKind::Lint;
    c.name = all[i].display;
    c.findings = apply_directives(all[i], statements);
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace strata::migrations::lint
