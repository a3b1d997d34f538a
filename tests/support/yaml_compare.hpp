// Compares two YAML trees node by node (kind, text, plainness, line, column, children): the fast
// reader's tree must be the one libyaml's events build. Header-only, for the unit test and the
// load fuzz target.
#pragma once

#include <string>

#include <fmt/format.h>

#include "engine/load/yaml_tree.hpp"

namespace strata::test {

// "" when equal, else where and how the first difference shows.
inline std::string yaml_difference(const load::YamlNode& a, const load::YamlNode& b, const std::string& path = "/") {
  if (a.kind() != b.kind()) {
    return fmt::format("{}: kind {} vs {}", path, static_cast<int>(a.kind()), static_cast<int>(b.kind()));
  }
  if (a.line() != b.line() || a.column() != b.column()) {
    return fmt::format("{}: at {}:{} vs {}:{}", path, a.line(), a.column(), b.line(), b.column());
  }
  if (a.scalar() != b.scalar() || a.is_plain() != b.is_plain()) {
    return fmt::format("{}: '{}'{} vs '{}'{}", path, a.scalar(), a.is_plain() ? " (plain)" : "", b.scalar(),
                       b.is_plain() ? " (plain)" : "");
  }
  if (a.size() != b.size()) return fmt::format("{}: {} children vs {}", path, a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string difference;
    if (a.is_map()) {
      difference = yaml_difference(a.key(i), b.key(i), fmt::format("{}key{}/", path, i));
      if (difference.empty())
        difference = yaml_difference(a.value(i), b.value(i), fmt::format("{}{}/", path, a.key(i).scalar()));
    } else {
      difference = yaml_difference(a.item(i), b.item(i), fmt::format("{}{}/", path, i));
    }
    if (!difference.empty()) return difference;
  }
  return "";
}

}  // namespace strata::test
