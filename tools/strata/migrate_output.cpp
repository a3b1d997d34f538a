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

// A row written by a person's `strata migrate repair` or `set` says so in applied_by.
bool marked_by_hand(const MigrationStatus& m) {
  return m.applied_by.find("(strata migrate ") != std::string::npos;
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
      if (marked_by_hand(m)) return "marked by " + m.applied_by;
      return m.duration_ms ? fmt::format("{} ms", *m.duration_ms) : "";
  }
}

std::string json_text(const nlohmann::json& document) {
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// The statements a dry run would run, as a script a person can read: comments say where each
// comes from.
std::string would_run_text(const MigrationRun& run) {
  std::string out =
      fmt::format("-- would run {} {} {}: {}, {} statement{}{}, {}\n", run.down ? "down" : "up", run.version, run.name,
                  run.file, run.statements, run.statements == 1 ? "" : "s",
                  run.resumed_from > 0 ? fmt::format(" (resuming at statement {})", run.resumed_from) : "",
                  run.in_transaction ? "in one transaction" : "each statement on its own");
  for (const auto& reason : run.lossy) out += "-- cannot restore data: " + reason + "\n";
  for (const auto& statement : run.would_run) {
    out += fmt::format("-- {}:{}\n{};\n", run.file, statement.line, statement.sql);
  }
  return out;
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

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;  // not a UTF-8 continuation byte
  }
  return width;
}

std::string pad(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t shown = display_width(text);
  if (shown < width) out.append(width - shown, ' ');
  return out;
}

std::string report_to_text(const MigrateReport& report, std::string_view verb) {
  if (report.runs.empty()) return "Nothing to do: the database is at the requested version.\n";
  std::string out;
  if (report.dry_run) {
    for (const auto& run : report.runs) out += would_run_text(run) + "\n";
    return out + "-- Dry run: nothing was changed.\n";
  }
  for (const auto& run : report.runs) {
    out += fmt::format("{} {} {} ({} statement{}, {} ms)\n", run.down ? "down" : "up", run.version, run.name,
                       run.statements, run.statements == 1 ? "" : "s", run.took.count());
    for (const auto& reason : run.lossy) out += "  cannot restore data: " + reason + "\n";
  }
  return out + fmt::format("{} {} migration{}.\n", verb, report.runs.size(), report.runs.size() == 1 ? "" : "s");
}

nlohmann::json run_json(const MigrationRun& run, bool dry_run) {
  nlohmann::json out = {{"version", run.version},
                        {"name", run.name},
                        {"direction", run.down ? "down" : "up"},
                        {"statements", run.statements},
                        {"resumed_from", run.resumed_from},
                        {"duration_ms", run.took.count()},
                        {"jobs", run.jobs},
                        {"lossy", run.lossy}};
  if (!run.file.empty()) {
    out["file"] = run.file;
    out["in_transaction"] = run.in_transaction;
  }
  if (dry_run) {
    nlohmann::json statements = nlohmann::json::array();
    for (const auto& s : run.would_run) statements.push_back({{"line", s.line}, {"sql", s.sql}});
    out["would_run"] = std::move(statements);
  }
  return out;
}

nlohmann::json report_document(bool dry_run) {
  return {{"format_version", kJsonFormatVersion},
          {"dry_run", dry_run},
          {"waited_for_lock", false},
          {"migrations", nlohmann::json::array()}};
}

std::string report_to_json(const MigrateReport& report) {
  nlohmann::json out = report_document(report.dry_run);
  out["waited_for_lock"] = report.waited_for_lock;
  for (const auto& run : report.runs) out["migrations"].push_back(run_json(run, report.dry_run));
  return json_text(out);
}

std::string status_to_text(const MigrateStatusReport& report, bool colour) {
  struct Row {
    std::string version, name, state, when, detail;
    std::string below;  // lines under the row (where a half-applied migration stopped)
    MigrationState kind;
  };
  std::vector<Row> rows;
  Row header{"VERSION", "NAME", "STATE", "WHEN", "DETAIL", "", MigrationState::Applied};
  std::size_t widths[4] = {display_width(header.version), display_width(header.name), display_width(header.state),
                           display_width(header.when)};
  std::map<MigrationState, int> counts;
  for (const auto& m : report.migrations) {
    ++counts[m.state];
    rows.push_back(Row{std::to_string(m.version), m.name, std::string(state_name(m.state)), m.applied_at, detail_of(m),
                       stop_lines(m), m.state});
    const Row& r = rows.back();
    widths[0] = std::max(widths[0], display_width(r.version));
    widths[1] = std::max(widths[1], display_width(r.name));
    widths[2] = std::max(widths[2], display_width(r.state));
    widths[3] = std::max(widths[3], display_width(r.when));
  }
  // Every cell is padded before it is coloured, so colour codes never count as width; the last
  // column is not padded, so no line ends in spaces.
  auto line = [&](const Row& r, bool coloured) {
    std::string state = pad(r.state, widths[2]);
    if (coloured) state = fmt::format("{}{}\033[0m", colour_of(r.kind), state);
    std::string text = fmt::format("{} {} {} {} {}", pad(r.version, widths[0]), pad(r.name, widths[1]), state,
                                   pad(r.when, widths[3]), r.detail);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\n" + r.below;
  };
  std::string out = line(header, false);
  for (const auto& r : rows) out += line(r, colour);
  std::vector<std::string> parts;
  for (const auto& [state, count] : counts) parts.push_back(fmt::format("{} {}", count, state_name(state)));
  out += report.migrations.empty() ? "No migrations.\n" : fmt::format("{}.\n", fmt::join(parts, ", "));
  for (const auto& problem : report.sum_problems) out += "strata.sum: " + problem + "\n";
  return out;
}

std::string status_to_json(const MigrateStatusReport& report) {
  nlohmann::json migrations = nlohmann::json::array();
  for (const auto& m : report.migrations) {
    auto text_or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
    nlohmann::json item = {{"version", m.version},
                           {"name", m.name},
                           {"state", state_name(m.state)},
                           {"statements_applied", m.statements_applied},
                           {"statements_total", m.statements_total},
                           {"applied_at", text_or_null(m.applied_at)},
                           {"applied_by", text_or_null(m.applied_by)},
                           {"duration_ms", m.duration_ms ? nlohmann::json(*m.duration_ms) : nlohmann::json()},
                           {"error", text_or_null(m.error)},
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
  return json_text(out);
}

}  // namespace strata::cli
