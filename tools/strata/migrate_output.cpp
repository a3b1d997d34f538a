#include "tools/strata/migrate_output.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace strata::cli {

namespace {

constexpr int kJsonFormatVersion = 1;

std::string_view colour_of(MigrationState state) {
  switch (state) {
    case MigrationState::Applied:
      return "\033[32m";  // green
    case MigrationState::Pending:
      return "\033[33m";  // yellow
    case MigrationState::Partial:
    case MigrationState::Reverting:
    case MigrationState::Failed:
    case MigrationState::Modified:
    case MigrationState::Missing:
      return "\033[31m";  // red
  }
  return "";
}

std::string detail_of(const MigrationStatus& m) {
  switch (m.state) {
    case MigrationState::Partial:
    case MigrationState::Reverting:
      return fmt::format("{}stopped at statement {} of {}{}{}",
                         m.state == MigrationState::Reverting ? "down file " : "", m.stopped_at, m.statements_total,
                         m.stopped_line > 0 ? fmt::format(" (line {})", m.stopped_line) : "",
                         m.interrupted ? ", begun by a strata that stopped" : "");
    case MigrationState::Failed:
      return "last attempt rolled back: " + m.error.substr(0, m.error.find('\n'));
    case MigrationState::Modified:
      return "the up file changed after it was applied";
    case MigrationState::Missing:
      return "applied, but its file is gone";
    default:
      return m.duration_ms ? fmt::format("{} ms", *m.duration_ms) : "";
  }
}

// Under a half-applied migration's row: the statement it stopped at, and why.
std::string stop_lines(const MigrationStatus& m) {
  if (m.stopped_at == 0) return "";
  std::string out;
  if (!m.stopped_statement.empty()) {
    std::string statement = m.stopped_statement.substr(0, m.stopped_statement.find('\n'));
    if (statement.size() > 100 || statement.size() < m.stopped_statement.size())
      statement = statement.substr(0, 100) + " ...";
    out += "    statement: " + statement + "\n";
  }
  if (!m.error.empty()) out += "    why: " + m.error.substr(0, m.error.find('\n')) + "\n";
  return out;
}

}  // namespace

std::string report_to_text(const MigrateReport& report, std::string_view verb) {
  if (report.runs.empty()) return "Nothing to do: the database is at the requested version.\n";
  std::string out;
  for (const auto& run : report.runs) {
    out += fmt::format("{} {} {} {} ({} statement{}{})\n", report.dry_run ? "would" : "", run.down ? "down" : "up",
                       run.version, run.name, run.statements, run.statements == 1 ? "" : "s",
                       report.dry_run ? "" : fmt::format(", {} ms", run.took.count()));
    for (const auto& reason : run.lossy) out += "  cannot restore data: " + reason + "\n";
  }
  out += report.dry_run
             ? "Dry run: nothing was changed.\n"
             : fmt::format("{} {} migration{}.\n", verb, report.runs.size(), report.runs.size() == 1 ? "" : "s");
  if (!out.empty() && out[0] == ' ') out.erase(0, 1);
  return out;
}

std::string report_to_json(const MigrateReport& report) {
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& run : report.runs) {
    runs.push_back({{"version", run.version},
                    {"name", run.name},
                    {"direction", run.down ? "down" : "up"},
                    {"statements", run.statements},
                    {"resumed_from", run.resumed_from},
                    {"duration_ms", run.took.count()},
                    {"jobs", run.jobs},
                    {"lossy", run.lossy}});
  }
  nlohmann::json out = {{"format_version", kJsonFormatVersion},
                        {"dry_run", report.dry_run},
                        {"waited_for_lock", report.waited_for_lock},
                        {"migrations", runs}};
  return out.dump(2) + "\n";
}

std::string status_to_text(const MigrateStatusReport& report, bool colour) {
  std::size_t name_width = 4;
  for (const auto& m : report.migrations) name_width = std::max(name_width, m.name.size());
  std::string out =
      fmt::format("{:<16} {:<{}} {:<10} {:<26} {}\n", "VERSION", "NAME", name_width, "STATE", "WHEN", "DETAIL");
  std::map<MigrationState, int> counts;
  for (const auto& m : report.migrations) {
    ++counts[m.state];
    const std::string state(state_name(m.state));
    const std::string shown =
        colour ? fmt::format("{}{:<10}\033[0m", colour_of(m.state), state) : fmt::format("{:<10}", state);
    out +=
        fmt::format("{:<16} {:<{}} {} {:<26} {}\n", m.version, m.name, name_width, shown, m.applied_at, detail_of(m));
    out += stop_lines(m);
  }
  std::vector<std::string> parts;
  for (const auto& [state, count] : counts) parts.push_back(fmt::format("{} {}", count, state_name(state)));
  out += report.migrations.empty() ? "No migrations.\n" : fmt::format("{}.\n", fmt::join(parts, ", "));
  for (const auto& problem : report.sum_problems) out += "strata.sum: " + problem + "\n";
  return out;
}

std::string status_to_json(const MigrateStatusReport& report) {
  nlohmann::json migrations = nlohmann::json::array();
  for (const auto& m : report.migrations) {
    nlohmann::json item = {{"version", m.version},
                           {"name", m.name},
                           {"state", state_name(m.state)},
                           {"statements_applied", m.statements_applied},
                           {"statements_total", m.statements_total},
                           {"applied_at", m.applied_at.empty() ? nlohmann::json() : nlohmann::json(m.applied_at)},
                           {"duration_ms", m.duration_ms ? nlohmann::json(*m.duration_ms) : nlohmann::json()},
                           {"error", m.error.empty() ? nlohmann::json() : nlohmann::json(m.error)},
                           {"down_lossy", m.down_lossy}};
    if (m.stopped_at > 0) {
      item["stopped_at"] = {{"statement", m.stopped_at},
                            {"line", m.stopped_line},
                            {"sql", m.stopped_statement},
                            {"interrupted", m.interrupted}};
    }
    migrations.push_back(std::move(item));
  }
  nlohmann::json out = {
      {"format_version", kJsonFormatVersion}, {"migrations", migrations}, {"sum_problems", report.sum_problems}};
  return out.dump(2) + "\n";
}

}  // namespace strata::cli
