// Plans as text (for people), SQL (a script to run by hand) and JSON (for scripts).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "strata/plan.hpp"

namespace strata {

namespace {

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

std::string comment(const std::string& text) {
  return indent(text, "-- ");
}

}  // namespace

std::string plan_to_text(const Plan& plan) {
  if (plan.empty()) return "No changes: the database matches the declared schema.\n";
  std::string out =
      fmt::format("Plan: {} step{} ({})\n", plan.steps.size(), plan.steps.size() == 1 ? "" : "s", plan.dialect);
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& step = plan.steps[i];
    out += fmt::format("\n{}. {}\n", i + 1, step.description);
    for (const auto& hazard : step.hazards)
      out += fmt::format("   hazard {}: {}\n", hazard_name(hazard.kind), hazard.reason);
    if (!step.transactional) out += "   (runs outside a transaction)\n";
    for (const auto& statement : step.statements) out += indent(statement, "   ") + ";\n";
  }
  const auto kinds = plan.hazard_kinds();
  if (!kinds.empty()) {
    std::vector<std::string_view> names;
    for (auto kind : kinds) names.push_back(hazard_name(kind));
    out += fmt::format("\nHazards: {}\n", fmt::join(names, ", "));
  }
  return out;
}

std::string plan_to_sql(const Plan& plan) {
  std::string out = fmt::format("-- strata plan for {}: {} step{}\n", plan.dialect, plan.steps.size(),
                                plan.steps.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& step = plan.steps[i];
    out += "\n" + comment(fmt::format("Step {}: {}", i + 1, step.description)) + "\n";
    for (const auto& hazard : step.hazards) {
      out += comment(fmt::format("hazard {}: {}", hazard_name(hazard.kind), hazard.reason)) + "\n";
    }
    const bool wrap = step.transactional && step.statements.size() > 1;
    if (!step.transactional && step.statements.size() > 0) out += "-- (each statement outside a transaction)\n";
    if (wrap) out += "BEGIN;\n";
    for (const auto& statement : step.statements) out += statement + ";\n";
    if (wrap) out += "COMMIT;\n";
  }
  return out;
}

std::string plan_to_json(const Plan& plan) {
  nlohmann::ordered_json json;
  json["format"] = "strata-plan";
  json["version"] = 1;
  json["dialect"] = plan.dialect;
  json["steps"] = nlohmann::ordered_json::array();
  for (const auto& step : plan.steps) {
    nlohmann::ordered_json s;
    s["description"] = step.description;
    s["transactional"] = step.transactional;
    s["statements"] = step.statements;
    s["hazards"] = nlohmann::ordered_json::array();
    for (const auto& hazard : step.hazards) {
      s["hazards"].push_back({{"kind", hazard_name(hazard.kind)}, {"reason", hazard.reason}});
    }
    json["steps"].push_back(std::move(s));
  }
  json["hazards"] = nlohmann::ordered_json::array();
  for (auto kind : plan.hazard_kinds()) json["hazards"].push_back(hazard_name(kind));
  return json.dump(2) + "\n";
}

}  // namespace strata
