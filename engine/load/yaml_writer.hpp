// The YAML text of a tree (what `strata inspect` prints): block mappings and sequences indented by
// two, a mapping whose values are all scalars or lists of scalars and a list of scalars in flow
// style ({a: b}, [a, b]). Scalars are plain where that reads back as the same text, else quoted;
// "", "~" and "null" spellings are quoted so that they stay strings.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace strata::load {

std::string write_yaml(const nlohmann::ordered_json& tree);

// A block mapping written one entry at a time, as write_yaml writes a mapping that is not flat, so
// that a long mapping (a schema's tables) need not be built whole before it is written.
class BlockMapWriter {
 public:
  // "key:" at `indent`, then `value` as write_yaml would write it there.
  void entry(const std::string& key, const nlohmann::ordered_json& value, int indent);
  // "key:" at `indent`, for entries at indent + 2 to follow (a block mapping of its own).
  void key(const std::string& key, int indent);
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace strata::load
