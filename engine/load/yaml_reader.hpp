// Reading YAML nodes with errors that name file:line:column and say what was expected.
// Every check reports into a shared list instead of throwing, so one run shows every problem.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/load/mark.hpp"
#include "engine/load/yaml_tree.hpp"
#include "strata/errors.hpp"

namespace strata::load {

// A callable passed down without copying it (std::function would allocate for the loader's
// lambdas, once per entry of every mapping). Valid only during the call it is passed to.
template <class Signature>
class FunctionRef;
template <class R, class... Args>
class FunctionRef<R(Args...)> {
 public:
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef>>>
  FunctionRef(F&& f)  // NOLINT(google-explicit-constructor): passed like a std::function
      : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
        call_([](void* object, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(object))(std::forward<Args>(args)...);
        }) {}
  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

// What a node is, for messages ("column 'id'", "each entry of regions"): put together only when
// a message needs it, since most nodes are fine. Refers to the texts it is made of: pass it down,
// never keep it.
class What {
 public:
  What(const char* text) : text_(text) {}         // NOLINT(google-explicit-constructor)
  What(std::string_view text) : text_(text) {}    // NOLINT(google-explicit-constructor)
  What(const std::string& text) : text_(text) {}  // NOLINT(google-explicit-constructor)
  What(std::string_view prefix, std::string_view text, std::string_view suffix)
      : prefix_(prefix), text_(text), suffix_(suffix) {}
  What(std::string_view prefix, const What& inner) : prefix_(prefix), inner_(&inner) {}

  std::string str() const {
    std::string out(prefix_);
    out += inner_ ? inner_->str() : std::string(text_);
    out += suffix_;
    return out;
  }

 private:
  std::string_view prefix_;
  const What* inner_ = nullptr;
  std::string_view text_;
  std::string_view suffix_;
};

class Reader {
 public:
  // `file_index` is what the Marks this reader makes carry (DeclaredSchema::files).
  Reader(std::string file, std::vector<Diagnostic>& diagnostics, std::uint32_t file_index = 0)
      : file_(std::move(file)), out_(diagnostics), file_index_(file_index) {}

  const std::string& file() const { return file_; }
  // The one YAML document of a file's text; nullptr (reported) when it is not valid YAML or holds
  // more than one document.
  std::unique_ptr<YamlTree> document(std::string_view text);
  Mark at(const YamlNode& node) const { return {file_index_, node.line(), node.column()}; }
  void error(const YamlNode& node, std::string message) { error(at(node), std::move(message)); }
  // A mark this reader made (its file), or a position in its file.
  void error(const Mark& mark, std::string message) {
    error(SourcePosition{file_, mark.line, mark.column}, std::move(message));
  }
  void error(SourcePosition position, std::string message);

  // Each returns nullopt (and reports) when the node is not of the expected shape.
  bool expect_map(const YamlNode& node, const What& what);
  bool expect_sequence(const YamlNode& node, const What& what);
  std::optional<std::string> string(const YamlNode& node, const What& what);
  std::optional<std::string> name(const YamlNode& node, const What& what);  // non-empty, <= 63 bytes
  std::optional<bool> boolean(const YamlNode& node, const What& what);
  std::optional<std::int64_t> integer(const YamlNode& node, const What& what);
  // A sequence of names; each element's position lands in `positions` when given.
  std::optional<std::vector<std::string>> names(const YamlNode& node, const What& what,
                                                std::vector<Mark>* positions = nullptr);
  // One of `choices` (compared after lower-casing).
  std::optional<std::string> choice(const YamlNode& node, const What& what,
                                    std::initializer_list<std::string_view> choices);

  // Calls `fn(key, key_node, value)` for each entry of a mapping; reports unknown keys (listing the
  // known ones) and duplicate keys. Non-string keys are reported and skipped.
  using EntryFn = FunctionRef<void(std::string_view key, const YamlNode& key_node, const YamlNode& value)>;
  using NamedEntryFn = FunctionRef<void(const std::string& name, const YamlNode& key_node, const YamlNode& value)>;
  void entries(const YamlNode& map, const What& what, std::initializer_list<std::string_view> known, EntryFn fn);
  void entries(const YamlNode& map, const What& what, std::span<const std::string_view> known, EntryFn fn);
  // The same without a fixed key set: every key is a name (tables, columns, enums…).
  void named_entries(const YamlNode& map, const What& what, NamedEntryFn fn);

 private:
  std::string file_;
  std::vector<Diagnostic>& out_;
  std::uint32_t file_index_ = 0;
};

// Longest name PostgreSQL keeps (NAMEDATALEN - 1); longer names are truncated by the server.
inline constexpr std::size_t kMaxNameBytes = 63;

}  // namespace strata::load
