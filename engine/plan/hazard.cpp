#include <array>
#include <utility>

#include "strata/plan.hpp"

namespace strata {

namespace {

constexpr std::array<std::pair<HazardKind, std::string_view>, 15> kNames = {{
    {HazardKind::DataLoss, "data-loss"},
    {HazardKind::TableRewrite, "table-rewrite"},
    {HazardKind::BlockingLock, "blocking-lock"},
    {HazardKind::IndexBuild, "index-build"},
    {HazardKind::ConstraintValidation, "constraint-validation"},
    {HazardKind::NotNullWithoutDefault, "not-null-without-default"},
    {HazardKind::EnumValueRemoval, "enum-value-removal"},
    {HazardKind::PrimaryKeyChange, "primary-key-change"},
    {HazardKind::RegionalByRow, "regional-by-row"},
    {HazardKind::RegionDrop, "region-drop"},
    {HazardKind::QueryPlans, "query-plans"},
    {HazardKind::ViewReaders, "view-readers"},
    {HazardKind::ViewRefresh, "view-refresh"},
    {HazardKind::RoutineCallers, "routine-callers"},
    {HazardKind::TriggerDropped, "trigger-dropped"},
}};

}  // namespace

std::string_view hazard_name(HazardKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<HazardKind> hazard_from_name(std::string_view name) {
  for (const auto& [k, n] : kNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::vector<HazardKind> all_hazard_kinds() {
  std::vector<HazardKind> kinds;
  for (const auto& [k, name] : kNames) kinds.push_back(k);
  return kinds;
}

}  // namespace strata
