// The integrity check (SI101–SI106) and the choice of files to lint.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "app/check/checks.hpp"
#include "app/check/git.hpp"
#include "migrations/selection.hpp"
#include "migrations/sum.hpp"

namespace strata::check {

namespace {

Finding integrity_finding(std::string code, std::string file, int line, std::string message) {
  const CheckCode* info = find_check_code(code);
  return Finding{std::move(code),
                 CheckKind::Integrity,
                 std::move(file),
                 line,
                 std::move(message),
                 info ? std::string(info->fix) : std::string(),
                 ""};
}

// SI102, SI103, SI105 against the live history; the pending migrations are linted.
void against_history(const migrations::Directory& directory, const std::vector<migrations::HistoryRow>& history,
                     IntegrityResult& result) {
  std::int64_t newest_applied = 0;
  for (const auto& row : history) {
    if (row.state == migrations::RowState::Applied) newest_applied = std::max(newest_applied, row.version);
  }
  for (const auto& status : migrations::migration_states(directory, history)) {
    const auto it = std::find_if(directory.migrations.begin(), directory.migrations.end(),
                                 [&](const migrations::Migration& m) { return m.version == status.version; });
    const std::string file = it == directory.migrations.end() ? fmt::format("version {}", status.version)
                                                              : display_path(directory, it->up.file_name);
    switch (status.state) {
      case MigrationState::Modified:
        result.report.findings.push_back(
            integrity_finding("SI102", file, 0, fmt::format("{} was applied, and its file has changed since", file)));
        break;
      case MigrationState::Missing:
        result.report.findings.push_back(integrity_finding(
            "SI103", "", 0,
            fmt::format("migration {} ({}) was applied, and its file is gone", status.version, status.name)));
        break;
      case MigrationState::Pending:
        if (status.version < newest_applied) {
          result.report.findings.push_back(integrity_finding(
              "SI105", file, 0, fmt::format("{} is pending, and version {} is already applied", file, newest_applied)));
        }
        [[fallthrough]];
      case MigrationState::Partial:
      case MigrationState::Failed:
        if (it != directory.migrations.end()) {
          result.lint_targets.push_back(static_cast<std::size_t>(it - directory.migrations.begin()));
        }
        break;
      default:
        break;
    }
  }
  result.lint_scope = "pending";
}

// SI105, SI106 against a git ref; the up files new since it are linted.
void against_base(const migrations::Directory& directory, const std::string& base, IntegrityResult& result) {
  require_commit(directory.path, base);
  const auto names = files_at(directory.path, base);
  const std::set<std::string> at_base(names.begin(), names.end());
  std::int64_t newest_at_base = 0;
  for (const auto& m : directory.migrations) {
    if (at_base.contains(m.up.file_name)) newest_at_base = std::max(newest_at_base, m.version);
  }
  const auto edited = edited_since(directory.path, base);
  const std::set<std::string> changed(edited.begin(), edited.end());
  for (std::size_t i = 0; i < directory.migrations.size(); ++i) {
    const auto& m = directory.migrations[i];
    std::vector<const migrations::MigrationFile*> files = {&m.up};
    if (m.down) files.push_back(&*m.down);
    for (const auto* f : files) {
      if (!changed.contains(f->file_name)) continue;
      const std::string path = display_path(directory, f->file_name);
      result.report.findings.push_back(
          integrity_finding("SI106", path, 0, fmt::format("{} was edited since {}", path, base)));
    }
    if (at_base.contains(m.up.file_name)) continue;
    result.lint_targets.push_back(i);
    if (m.version < newest_at_base) {
      const std::string path = display_path(directory, m.up.file_name);
      result.report.findings.push_back(integrity_finding(
          "SI105", path, 0, fmt::format("{} is new, and {} already has version {}", path, base, newest_at_base)));
    }
  }
  result.lint_scope = "new since " + base;
}

}  // namespace

std::string display_path(const migrations::Directory& directory, const std::string& file_name) {
  return (directory.path / file_name).lexically_normal().string();
}

IntegrityResult check_integrity(const migrations::Directory& directory,
                                const std::optional<std::vector<migrations::HistoryRow>>& history,
                                const std::string& base) {
  IntegrityResult result;
  result.report.kind = CheckKind::Integrity;
  result.report.name = fmt::format("migrations in {}", directory.path.string());
  for (const auto& problem : migrations::verify_sum(directory)) {
    const std::string sum = display_path(directory, migrations::kSumFileName);
    const std::string subject = problem.file_name == migrations::kSumFileName ? "" : problem.file_name + " ";
    result.report.findings.push_back(integrity_finding("SI101", sum, problem.line, subject + problem.message));
  }
  if (!base.empty()) {
    against_base(directory, base, result);
  } else if (history) {
    against_history(directory, *history, result);
  } else {
    for (std::size_t i = 0; i < directory.migrations.size(); ++i) result.lint_targets.push_back(i);
    result.lint_scope = "all";
  }
  if (!base.empty() && history) {  // with both, the history still tells edited and lost files
    IntegrityResult from_history;
    against_history(directory, *history, from_history);
    for (auto& f : from_history.report.findings) {
      if (f.code != "SI105") result.report.findings.push_back(std::move(f));
    }
  }
  return result;
}

}  // namespace strata::check
