// The JSON report of `strata check` (shape documented in docs/check.md; "version" is raised on
// any incompatible change).
#include <nlohmann/json.hpp>

#include "strata/check.hpp"
#include "strata/version.hpp"

namespace strata {

namespace {

std::string case_status(const CheckCase& c) {
  if (c.skipped) return "skipped";
  return c.findings.empty() ? "passed" : "failed";
}

nlohmann::json finding_json(const Finding& f) {
  nlohmann::json out = {{"code", f.code},       {"check", check_kind_name(f.kind)},
                        {"message", f.message}, {"fix", f.fix},
                        {"file", nullptr},      {"line", nullptr},
                        {"statement", nullptr}};
  if (!f.file.empty()) out["file"] = f.file;
  if (f.line > 0) out["line"] = f.line;
  if (!f.statement.empty()) out["statement"] = f.statement;
  return out;
}

}  // namespace

std::string check_report_json(const CheckReport& report) {
  nlohmann::json checks = nlohmann::json::array();
  nlohmann::json findings = nlohmann::json::array();
  nlohmann::json by_check = {{"integrity", 0}, {"lint", 0}, {"drift", 0}};
  int skipped = 0;
  for (const auto& c : report.cases) {
    nlohmann::json entry = {{"check", check_kind_name(c.kind)},
                            {"name", c.name},
                            {"status", case_status(c)},
                            {"findings", c.findings.size()}};
    if (c.skipped) {
      entry["reason"] = c.skipped_reason;
      ++skipped;
    }
    checks.push_back(std::move(entry));
    for (const auto& f : c.findings) {
      findings.push_back(finding_json(f));
      by_check[std::string(check_kind_name(f.kind))] = by_check[std::string(check_kind_name(f.kind))].get<int>() + 1;
    }
  }
  const nlohmann::json out = {
      {"version", CheckReport::kFormatVersion},
      {"strata_version", std::string(version())},
      {"status", report.clean() ? "clean" : "findings"},
      {"summary", {{"findings", report.finding_count()}, {"by_check", by_check}, {"skipped_checks", skipped}}},
      {"checks", checks},
      {"findings", findings},
  };
  return out.dump(2) + "\n";
}

}  // namespace strata
