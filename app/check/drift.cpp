// The drift checks: what the plan from one schema to the declared one still holds is drift.
#include <fmt/format.h>

#include "app/check/checks.hpp"
#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "engine/db/live_schema.hpp"
#include "migrations/scratch_database.hpp"
#include "strata/diff.hpp"
#include "strata/errors.hpp"
#include "strata/migrate.hpp"
#include "strata/plan.hpp"

namespace strata::check {

namespace {

Finding drift_finding(const std::string& code, std::string message, const Step& step) {
  std::string statements;
  for (const auto& s : step.statements) statements += s + ";\n";
  const CheckCode* info = find_check_code(code);
  return Finding{code,
                 CheckKind::Drift,
                 "",
                 0,
                 std::move(message),
                 info ? std::string(info->fix) : std::string(),
                 std::move(statements)};
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace

CheckCase live_drift(Connection& connection, const ServerDialect& dialect, const Schema& declared,
                     const std::string& history_table) {
  CheckCase c;
  c.kind = CheckKind::Drift;
  c.name = "live database against the declared schema";
  const Plan plan = plan_changes(read_live(connection, dialect, declared, history_table), declared, dialect);
  for (const auto& step : plan.steps) {
    c.findings.push_back(drift_finding("SD101", "the live database needs: " + step.description, step));
  }
  return c;
}

CheckCase migrations_drift(const std::filesystem::path& dir, const std::string& dev_url, const Schema& declared,
                           const ConnectOptions& connect, const std::string& history_table) {
  CheckCase c;
  c.kind = CheckKind::Drift;
  c.name = "migrations against the declared schema";
  const auto server_dialect = [&] {
    Connection server(dev_url, connect);
    return detect_dialect(server);
  }();
  migrations::ScratchDatabase scratch(dev_url, connect, *server_dialect);
  MigrateOptions options;
  options.run.connect = connect;
  options.run.history_table = history_table;
  try {
    Migrator(scratch.url(), dir, options).up();
  } catch (const MigrationFailed& failed) {
    const CheckCode* info = find_check_code("SD103");
    c.findings.push_back(Finding{"SD103", CheckKind::Drift, failed.file(), failed.line(),
                                 "on a fresh database, " + first_line(failed.what()), std::string(info->fix),
                                 failed.statement()});
    return c;
  }
  Connection connection(scratch.url(), connect);
  const auto dialect = detect_dialect(connection);
  Schema produced = read_live(connection, *dialect, declared, history_table);
  const Plan plan = plan_changes(produced, declared, *dialect);
  for (const auto& step : plan.steps) {
    c.findings.push_back(drift_finding("SD102", "the migrations miss: " + step.description, step));
  }
  return c;
}

}  // namespace strata::check
