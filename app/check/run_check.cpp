// `strata check`: runs each check its inputs allow, and says why the others were skipped.
#include <fmt/format.h>

#include "app/check/checks.hpp"
#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "migrations/lint/lint.hpp"
#include "strata/declared_schema.hpp"
#include "strata/dialect.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace {

CheckCase skipped(CheckKind kind, std::string name, std::string reason) {
  CheckCase c;
  c.kind = kind;
  c.name = std::move(name);
  c.skipped = true;
  c.skipped_reason = std::move(reason);
  return c;
}

// What the servers the migrations are for do, for the lint: the connected one's, else the one
// named, else every dialect's (no server to ask).
std::set<LintBehaviour> lint_behaviours(const ServerDialect* connected, const std::string& named) {
  if (connected) return connected->lint_behaviours();
  if (!named.empty()) return make_server_dialect(named)->lint_behaviours();
  std::set<LintBehaviour> all;
  for (const auto name : kDialectNames) all.merge(make_server_dialect(name)->lint_behaviours());
  return all;
}

// Integrity and lint of the directory; an unreadable directory is an SI104 finding per problem.
void check_directory(const CheckOptions& options, Connection* connection, const ServerDialect* dialect,
                     const std::set<LintBehaviour>& behaviours, CheckReport& report, bool& directory_ok) {
  migrations::Directory directory;
  try {
    directory = migrations::read_directory(options.dir);
  } catch (const LoadError& error) {
    CheckCase c;
    c.kind = CheckKind::Integrity;
    c.name = fmt::format("migrations in {}", options.dir);
    for (const auto& d : error.diagnostics()) {
      c.findings.push_back(Finding{"SI104", CheckKind::Integrity, d.position.file, d.position.line, d.message,
                                   std::string(find_check_code("SI104")->fix), ""});
    }
    report.cases.push_back(std::move(c));
    report.cases.push_back(skipped(CheckKind::Lint, "migration files", "the directory cannot be read (SI104)"));
    directory_ok = false;
    return;
  }
  std::optional<std::vector<migrations::HistoryRow>> history;
  if (connection) history = migrations::History(*connection, *dialect, options.history_table).read();
  auto integrity = check::check_integrity(directory, history, options.base);
  report.cases.push_back(std::move(integrity.report));

  std::vector<migrations::lint::SourceFile> files;
  for (const auto& m : directory.migrations)
    files.push_back({check::display_path(directory, m.up.file_name), m.up.text()});
  if (integrity.lint_targets.empty()) {
    report.cases.push_back(
        skipped(CheckKind::Lint, "migration files", fmt::format("no migration file is {}", integrity.lint_scope)));
    return;
  }
  for (auto& c : migrations::lint::lint_files(files, integrity.lint_targets, behaviours))
    report.cases.push_back(std::move(c));
}

}  // namespace

CheckReport run_check(const CheckOptions& options) {
  if (options.dir.empty() && options.schema_paths.empty()) {
    throw UsageError("nothing to check: pass --dir (migrations) and/or --schema (declared schema)");
  }
  if (!options.base.empty() && options.dir.empty()) throw UsageError("--base needs --dir: it selects migration files");
  CheckReport report;
  std::unique_ptr<Connection> connection;
  std::unique_ptr<ServerDialect> dialect;
  if (!options.url.empty()) {
    connection = std::make_unique<Connection>(options.url, options.connect);
    dialect = detect_dialect(*connection);
  } else if (!options.dialect.empty()) {
    dialect = make_server_dialect(options.dialect, "", options.server_version);
  }
  std::optional<Schema> declared;
  if (!options.schema_paths.empty()) {
    SchemaLoadOptions load;
    load.sql_dialect = dialect ? std::string(dialect->name()) : options.dialect;
    LoadedSchema loaded = load_declared_schema(options.schema_paths, load);
    report.notes = std::move(loaded.notes);
    declared = std::move(loaded.schema);
  }

  bool directory_ok = true;
  if (!options.dir.empty())
    check_directory(options, connection.get(), dialect.get(), lint_behaviours(dialect.get(), options.dialect), report,
                    directory_ok);

  const std::string live = "live database against the declared schema";
  const std::string replayed = "migrations against the declared schema";
  if (!declared) {
    report.cases.push_back(skipped(CheckKind::Drift, live, "no declared schema (--schema)"));
  } else if (!connection) {
    report.cases.push_back(skipped(CheckKind::Drift, live, "no database (--url)"));
  } else {
    report.cases.push_back(check::live_drift(*connection, *dialect, *declared, options.history_table));
  }
  if (!declared || options.dir.empty()) {
    report.cases.push_back(
        skipped(CheckKind::Drift, replayed, declared ? "no migrations (--dir)" : "no declared schema (--schema)"));
  } else if (!directory_ok) {
    report.cases.push_back(skipped(CheckKind::Drift, replayed, "the directory cannot be read (SI104)"));
  } else if (options.dev_url.empty() && !dialect) {
    report.cases.push_back(skipped(CheckKind::Drift, replayed,
                                   "no server to replay them on (--dev-url), and no server kind to read them "
                                   "offline (--url or --dialect)"));
  } else if (options.dev_url.empty()) {
    report.cases.push_back(check::migrations_drift_offline(options.dir, *declared, *dialect));
  } else {
    try {
      report.cases.push_back(
          check::migrations_drift(options.dir, options.dev_url, *declared, options.connect, options.history_table));
    } catch (const LoadError&) {  // strata.sum disagrees: integrity has reported it
      report.cases.push_back(skipped(CheckKind::Drift, replayed, "strata.sum does not match the files (SI101)"));
    }
  }
  return report;
}

std::size_t CheckReport::finding_count() const {
  std::size_t count = 0;
  for (const auto& c : cases) count += c.findings.size();
  return count;
}

}  // namespace strata
