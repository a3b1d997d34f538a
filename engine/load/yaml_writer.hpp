// The YAML text of a tree (what `strata inspect` prints): block mappings and sequences indented by
// two, a mapping whose values are all scalars or lists of scalars and a list of scalars in flow
// style ({a: b}, [a, b]). Scalars are plain where that reads back as the same text, else quoted;
// "", "~" and "null" spellings are quoted so that they stay strings.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace strata::load {

std::string write_yaml(const nlohmann::ordered_json& tree);

}  // namespace strata::load
