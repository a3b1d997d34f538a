// Reading YAML nodes with errors that name file:line:column and say what was expected.
// Every check reports into a shared list instead of throwing, so one run shows every problem.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "strata/errors.hpp"

namespace strata::load {

class Reader {
 public:
  Reader(std::string file, std::vector<Diagnostic>& diagnostics) : file_(std::move(file)), out_(diagnostics) {}

  const std::string& file() const { return file_; }
  // The one YAML document of a file's text; nullopt (reported) when it is not valid YAML or holds
  // more than one document.
  std::optional<YAML::Node> document(const std::string& text);
  SourcePosition at(const YAML::Node& node) const;
  SourcePosition at(const YAML::Mark& mark) const;
  void error(const YAML::Node& node, std::string message) { error(at(node), std::move(message)); }
  void error(SourcePosition position, std::string message);

  // Each returns nullopt (and reports) when the node is not of the expected shape.
  bool expect_map(const YAML::Node& node, std::string_view what);
  bool expect_sequence(const YAML::Node& node, std::string_view what);
  std::optional<std::string> string(const YAML::Node& node, std::string_view what);
  std::optional<std::string> name(const YAML::Node& node, std::string_view what);  // non-empty, <= 63 bytes
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
  std::optional<std::int64_t> integer(const YAML::Node& node, std::string_view what);
  // A sequence of names; each element's position lands in `positions` when given.
  std::optional<std::vector<std::string>> names(const YAML::Node& node, std::string_view what,
                                                std::vector<SourcePosition>* positions = nullptr);
  // One of `choices` (compared after lower-casing).
  std::optional<std::string> choice(const YAML::Node& node, std::string_view what,
                                    std::initializer_list<std::string_view> choices);

  // Calls `fn(key, key_node, value)` for each entry of a mapping; reports unknown keys (listing the
  // known ones) and duplicate keys. Non-string keys are reported and skipped.
  using EntryFn = std::function<void(const std::string& key, const YAML::Node& key_node, const YAML::Node& value)>;
  void entries(const YAML::Node& map, std::string_view what, std::initializer_list<std::string_view> known,
               const EntryFn& fn);
  // The same without a fixed key set: every key is a name (tables, columns, enums…).
  void named_entries(const YAML::Node& map, std::string_view what, const EntryFn& fn);

 private:
  std::string file_;
  std::vector<Diagnostic>& out_;
};

// Longest name PostgreSQL keeps (NAMEDATALEN - 1); longer names are truncated by the server.
inline constexpr std::size_t kMaxNameBytes = 63;

}  // namespace strata::load
