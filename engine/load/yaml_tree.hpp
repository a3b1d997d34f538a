// One YAML document as a compact, read-only tree: what the loader walks. Built from libyaml's
// event parser in one pass over the text; every node keeps its line and column.
//
// Why not yaml-cpp's YAML::Load: on a 1.2 MB schema its scanner alone costs ~1,700 instructions a
// byte (about 5 MB/s) and its node graph ~300 bytes a node; libyaml's parser costs ~250 a byte and
// this tree 20 bytes a node plus the text of the scalars (BENCHMARKS.md, "The loader").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata::load {

class YamlTree;
class YamlItems;
class YamlEntries;

enum class YamlKind : std::uint8_t { Undefined, Null, Scalar, Sequence, Map };

// A handle on a node of a YamlTree (which must outlive it). A default-constructed handle is
// undefined: what `find` returns for a missing key.
class YamlNode {
 public:
  YamlNode() = default;

  explicit operator bool() const { return tree_ != nullptr; }
  YamlKind kind() const;
  bool is_null() const { return kind() == YamlKind::Null; }
  bool is_scalar() const { return kind() == YamlKind::Scalar; }
  bool is_sequence() const { return kind() == YamlKind::Sequence; }
  bool is_map() const { return kind() == YamlKind::Map; }
  // The text of a scalar ("" for anything else).
  std::string_view scalar() const;
  // A plain (unquoted) scalar without an explicit tag: yaml-cpp's Tag() == "?".
  bool is_plain() const;
  // From 1; 0 when unknown.
  int line() const;
  int column() const;

  // YamlItems of a sequence, entries of a mapping; 0 for anything else.
  std::size_t size() const;
  YamlNode item(std::size_t i) const;  // sequence item i
  YamlNode key(std::size_t i) const;   // mapping entry i: its key
  YamlNode value(std::size_t i) const;
  // The value of the first entry of a mapping whose key is the scalar `key`; undefined if none.
  YamlNode find(std::string_view key) const;

  // Iteration: over the items of a sequence or the entries of a mapping (nothing otherwise).
  YamlItems items() const;
  YamlEntries entries() const;

 private:
  friend class YamlTree;
  YamlNode(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  const YamlTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

struct YamlEntry {
  YamlNode first;   // the key
  YamlNode second;  // the value
};

class YamlItems {
 public:
  class iterator {
   public:
    iterator(const YamlNode* node, std::size_t i) : node_(node), i_(i) {}
    YamlNode operator*() const { return node_->item(i_); }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return i_ != other.i_; }

   private:
    const YamlNode* node_;
    std::size_t i_;
  };
  explicit YamlItems(YamlNode node) : node_(node) {}
  iterator begin() const { return {&node_, 0}; }
  iterator end() const { return {&node_, node_.is_sequence() ? node_.size() : 0}; }

 private:
  YamlNode node_;
};

class YamlEntries {
 public:
  class iterator {
   public:
    iterator(const YamlNode* node, std::size_t i) : node_(node), i_(i) {}
    YamlEntry operator*() const { return {node_->key(i_), node_->value(i_)}; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return i_ != other.i_; }

   private:
    const YamlNode* node_;
    std::size_t i_;
  };
  explicit YamlEntries(YamlNode node) : node_(node) {}
  iterator begin() const { return {&node_, 0}; }
  iterator end() const { return {&node_, node_.is_map() ? node_.size() : 0}; }

 private:
  YamlNode node_;
};

inline YamlItems YamlNode::items() const {
  return YamlItems(*this);
}

inline YamlEntries YamlNode::entries() const {
  return YamlEntries(*this);
}

// What stopped the parser: where (from 1) and libyaml's words; or strata's own, whole message
// (`second_document`: a second document; `too_deep`: nesting past kMaxDepth).
struct YamlProblem {
  int line = 0;
  int column = 0;
  std::string message;
  bool second_document = false;
  bool too_deep = false;
};

class YamlTree {
 public:
  // The deepest nesting of lists and mappings a document may have: no schema needs more than a
  // handful, and a deeper one is refused before anything walks it.
  static constexpr std::size_t kMaxDepth = 1000;

  // Parses the one document of `text` with libyaml's event parser; the tree keeps its own copy
  // of the scalars, so `text` may go once this returns. Returns nullptr and fills `problem` when
  // the text is not valid YAML, holds a second document, or uses an alias with no anchor.
  static std::unique_ptr<YamlTree> parse(std::string_view text, YamlProblem& problem);

  // yaml-cpp's null: a plain, untagged scalar that is empty or one of ~ null Null NULL.
  static bool is_null_spelling(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
  }

  // The document's root: a null node for a text with no document.
  YamlNode root() const { return {this, root_}; }

 private:
  friend class YamlNode;
  friend class TreeBuilder;

  struct Node {
    YamlKind kind = YamlKind::Null;
    bool plain = false;
    std::uint32_t line = 0;    // from 1
    std::uint32_t column = 0;  // from 1
    std::uint32_t begin = 0;   // scalar: offset in text_; sequence, map: first slot in children_
    std::uint32_t size = 0;    // scalar: bytes; sequence: items; map: entries (2 slots each)
  };

  std::vector<Node> nodes_;
  std::vector<std::uint32_t> children_;
  std::string text_;  // the scalars' texts, one after another
  std::uint32_t root_ = 0;
};

inline YamlKind YamlNode::kind() const {
  return tree_ ? tree_->nodes_[index_].kind : YamlKind::Undefined;
}

inline std::string_view YamlNode::scalar() const {
  if (!tree_) return {};
  const auto& node = tree_->nodes_[index_];
  if (node.kind != YamlKind::Scalar && node.kind != YamlKind::Null) return {};
  return std::string_view(tree_->text_).substr(node.begin, node.size);
}

inline bool YamlNode::is_plain() const {
  return tree_ && tree_->nodes_[index_].plain;
}

inline int YamlNode::line() const {
  return tree_ ? static_cast<int>(tree_->nodes_[index_].line) : 0;
}

inline int YamlNode::column() const {
  return tree_ ? static_cast<int>(tree_->nodes_[index_].column) : 0;
}

inline std::size_t YamlNode::size() const {
  if (!tree_) return 0;
  const auto& node = tree_->nodes_[index_];
  return node.kind == YamlKind::Sequence || node.kind == YamlKind::Map ? node.size : 0;
}

inline YamlNode YamlNode::item(std::size_t i) const {
  return {tree_, tree_->children_[tree_->nodes_[index_].begin + i]};
}

inline YamlNode YamlNode::key(std::size_t i) const {
  return {tree_, tree_->children_[tree_->nodes_[index_].begin + 2 * i]};
}

inline YamlNode YamlNode::value(std::size_t i) const {
  return {tree_, tree_->children_[tree_->nodes_[index_].begin + 2 * i + 1]};
}

}  // namespace strata::load
