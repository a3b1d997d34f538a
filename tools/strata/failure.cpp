#include "tools/strata/failure.hpp"

#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "strata/apply.hpp"
#include "strata/errors.hpp"
#include "strata/migration.hpp"
#include "strata/redact.hpp"

namespace strata::cli {

namespace {

constexpr int kJsonFormatVersion = 1;
constexpr std::size_t kLongestStatement = 4000;

// Back from `at` to the start of a UTF-8 character.
std::size_t character_start(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// Each line of `text` cut on its own, so that a message keeps its shape.
std::string cut_lines(std::string_view text, std::size_t limit) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    out += cut_long(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), limit);
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

// "3 errors in strata.sum": which kind of input, and how many.
std::string load_summary(const LoadError& load) {
  const std::size_t count = load.diagnostics().size();
  std::string summary = fmt::format("{} error{} in {}", count, count == 1 ? "" : "s", load.subject());
  if (count > kShownDiagnostics) summary += fmt::format(" (the first {} are shown)", kShownDiagnostics);
  return summary;
}

// Every string of `document` scrubbed of the secrets (before escaping could hide one).
void scrub_strings(nlohmann::json& document, const std::vector<std::string>& secrets) {
  if (document.is_string()) {
    document = scrub(document.get<std::string>(), secrets);
    return;
  }
  if (document.is_structured()) {
    for (auto& item : document) scrub_strings(item, secrets);
  }
}

std::string text_of(const std::exception& error) {
  std::ostringstream out;
  if (const auto* load = dynamic_cast<const LoadError*>(&error)) {
    std::size_t shown = 0;
    for (const auto& d : load->diagnostics()) {
      if (shown++ == kShownDiagnostics) {
        out << fmt::format("... and {} more\n", load->diagnostics().size() - kShownDiagnostics);
        break;
      }
      out << to_string(d.position) << ": error: " << cut_lines(d.message, kLongestValue) << "\n";
    }
    out << "strata: " << load_summary(*load) << "\n";
    return out.str();
  }
  out << "strata: error: " << cut_lines(error.what(), kLongestValue * 4) << "\n";
  if (const auto* db = dynamic_cast<const DatabaseError*>(&error); db && !db->statement().empty()) {
    out << "strata: the statement was:\n" << cut_long(db->statement(), kLongestStatement) << "\n";
  }
  return out.str();
}

}  // namespace

std::string cut_long(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  const std::size_t head = character_start(text, limit * 2 / 3);
  const std::size_t tail = character_start(text, text.size() - limit / 4);
  return fmt::format("{}... [{} characters cut] ...{}", text.substr(0, head), tail - head, text.substr(tail));
}

std::string failure_code(const std::exception& error) {
  if (dynamic_cast<const HazardRefused*>(&error)) return "hazard-refused";
  if (dynamic_cast<const MigrationInterrupted*>(&error)) return "migration-interrupted";
  if (dynamic_cast<const FindingsError*>(&error)) return "findings";
  if (dynamic_cast<const MigrationChanged*>(&error)) return "migration-changed";
  if (dynamic_cast<const LoadError*>(&error)) return "load";
  if (dynamic_cast<const PlanError*>(&error)) return "plan";
  if (dynamic_cast<const UsageError*>(&error)) return "usage";
  if (dynamic_cast<const LockWaitTimeout*>(&error)) return "lock-wait-timeout";
  if (dynamic_cast<const ConnectionError*>(&error)) return "connection";
  if (dynamic_cast<const MigrationFailed*>(&error)) return "migration-failed";
  if (dynamic_cast<const DatabaseError*>(&error)) return "database";
  if (dynamic_cast<const Error*>(&error)) return "error";
  return "internal";
}

nlohmann::json error_json(const std::exception& error) {
  nlohmann::json out = {{"code", failure_code(error)},
                        {"exit_code", static_cast<int>(exit_code_for(error))},
                        {"message", cut_lines(error.what(), kLongestValue * 4)}};
  if (const auto* load = dynamic_cast<const LoadError*>(&error)) {
    out["message"] = load_summary(*load);
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const auto& d : load->diagnostics()) {
      if (diagnostics.size() == kShownDiagnostics) break;
      nlohmann::json item = {{"file", d.position.file}, {"message", cut_long(d.message)}};
      if (d.position.line > 0) item["line"] = d.position.line;
      if (d.position.column > 0) item["column"] = d.position.column;
      diagnostics.push_back(std::move(item));
    }
    out["diagnostics"] = std::move(diagnostics);
    out["diagnostic_count"] = load->diagnostics().size();
    if (!load->diagnostics().empty()) {
      const auto& first = load->diagnostics().front().position;
      out["file"] = first.file;
      if (first.line > 0) out["line"] = first.line;
    }
  }
  if (const auto* db = dynamic_cast<const DatabaseError*>(&error)) {
    if (!db->statement().empty()) out["statement"] = cut_long(db->statement(), kLongestStatement);
    if (!db->sqlstate().empty()) out["sqlstate"] = db->sqlstate();
  }
  if (const auto* failed = dynamic_cast<const MigrationFailed*>(&error)) {
    out["file"] = failed->file();
    if (failed->line() > 0) out["line"] = failed->line();
  }
  if (const auto* refused = dynamic_cast<const HazardRefused*>(&error)) {
    nlohmann::json hazards = nlohmann::json::array();
    for (auto kind : refused->refused()) hazards.push_back(hazard_name(kind));
    out["hazards"] = std::move(hazards);
  }
  return out;
}

nlohmann::json& json_so_far() {
  static nlohmann::json document;
  return document;
}

bool json_requested(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i] == "--format=json") return true;
    if (args[i] == "--format" && i + 1 < args.size() && args[i + 1] == "json") return true;
  }
  return false;
}

int report_failure(const std::exception& error, bool json, const std::vector<std::string>& secrets) {
  std::cerr << scrub(text_of(error), secrets) << std::flush;
  if (json) {
    nlohmann::json document = json_so_far().is_object() ? json_so_far() : nlohmann::json::object();
    if (!document.contains("format_version") && !document.contains("version")) {
      document["format_version"] = kJsonFormatVersion;
    }
    document["error"] = error_json(error);
    scrub_strings(document, secrets);
    std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n" << std::flush;
  }
  return static_cast<int>(exit_code_for(error));
}

}  // namespace strata::cli
