// `strata migrate import` and `strata migrate adopt`: the front doors of migrations/import/.
#include "strata/adopt.hpp"

#include <fmt/format.h>

#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "migrations/import/importer.hpp"
#include "migrations/import/tool_history.hpp"
#include "migrations/record.hpp"
#include "migrations/sum.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace {

namespace imp = migrations::import;

imp::Tool tool_of(const std::string& name) {
  if (auto tool = imp::tool_from_name(name)) return *tool;
  throw UsageError(
      fmt::format("unknown migration tool '{}': expected one of {}", name, fmt::join(migration_tool_names(), ", ")));
}

imp::Repeatables repeatables_of(const std::string& mapping) {
  if (mapping == "refuse" || mapping.empty()) return imp::Repeatables::Refuse;
  if (mapping == "append") return imp::Repeatables::Append;
  if (mapping == "skip") return imp::Repeatables::Skip;
  throw UsageError(
      fmt::format("unknown mapping '{}' for repeatable migrations: expected refuse, append or skip", mapping));
}

}  // namespace

std::vector<std::string> migration_tool_names() {
  return {"golang-migrate", "goose", "flyway", "dbmate", "prisma", "atlas"};
}

ImportReport import_migrations(const ImportOptions& options) {
  const imp::Tool tool = tool_of(options.tool);
  const imp::Repeatables repeatables = repeatables_of(options.repeatables);
  const imp::ToolDirectory source = imp::read_tool_directory(tool, options.from);
  const imp::ImportResult result = imp::write_strata_directory(source, options.to, repeatables);
  ImportReport report;
  for (const auto& file : result.files)
    report.migrations.push_back({file.version, file.tool_version, file.up, file.down, file.no_transaction, file.from});
  for (const auto& remark : result.not_carried)
    report.not_carried.push_back({remark.file, remark.line, remark.message});
  report.sum = result.sum;
  return report;
}

AdoptReport adopt_history(const AdoptOptions& options) {
  const imp::Tool tool = tool_of(options.tool);
  const migrations::Directory directory = migrations::read_directory(options.directory);
  migrations::require_sum(directory);
  Connection connection(options.url, options.run.connect);
  const auto dialect = detect_dialect(connection);
  const imp::ToolHistory history = imp::read_tool_history(connection, tool, options.history_table);
  const imp::AdoptPlan plan = imp::plan_adoption(directory, tool, history);
  if (!plan.refusals.empty()) {
    throw FindingsError(fmt::format("nothing was recorded: {} and {} disagree:\n  {}", history.table,
                                    options.directory.string(), fmt::join(plan.refusals, "\n  ")));
  }
  AdoptReport report;
  report.table = history.table;
  report.remarks = plan.remarks;
  const auto recorded = migrations::record_applied(connection, options.url, *dialect, directory, plan.applied,
                                                   options.run, "strata migrate adopt");
  report.recorded = recorded.recorded;
  report.already_applied = recorded.already_applied;
  return report;
}

}  // namespace strata
