// The migrations' drift without a server: what their up files build, read offline, planned against
// the declared schema.
#include <fmt/format.h>

#include "app/check/checks.hpp"
#include "app/offline_replay.hpp"
#include "strata/errors.hpp"
#include "strata/plan.hpp"

namespace strata::check {

CheckCase migrations_drift_offline(const std::filesystem::path& dir, const Schema& declared, const Dialect& dialect) {
  CheckCase c;
  c.kind = CheckKind::Drift;
  c.name = fmt::format("migrations against the declared schema (read offline as {})", dialect.name());
  const migrations::Directory directory = migrations::read_directory(dir);
  Schema produced;
  try {
    produced = within_namespaces_of(replay_offline(directory, dialect.name()).schema, declared);
  } catch (const LoadError& error) {
    const CheckCode* info = find_check_code("SD103");
    for (const auto& d : error.diagnostics()) {
      c.findings.push_back(Finding{"SD103", CheckKind::Drift, d.position.file, d.position.line,
                                   "read offline, " + d.message,
                                   std::string(info->fix) + "; or pass --dev-url to replay them on a server", ""});
    }
    return c;
  }
  const Plan plan = plan_changes(produced, declared, dialect);
  const CheckCode* info = find_check_code("SD102");
  for (const auto& step : plan.steps) {
    std::string statements;
    for (const auto& s : step.statements) statements += s + ";\n";
    c.findings.push_back(Finding{"SD102", CheckKind::Drift, "", 0, "the migrations miss: " + step.description,
                                 std::string(info->fix), std::move(statements)});
  }
  return c;
}

}  // namespace strata::check
