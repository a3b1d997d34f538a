#include "engine/load/yaml_tree.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>

#include <yaml.h>

namespace strata::load {

YamlNode YamlNode::find(std::string_view wanted) const {
  if (!is_map()) return {};
  for (std::size_t i = 0; i < size(); ++i) {
    const YamlNode k = key(i);
    if (k.is_scalar() && k.scalar() == wanted) return value(i);
  }
  return {};
}

namespace {

// libyaml's parser and event, released however the builder leaves.
struct Parser {
  yaml_parser_t parser{};
  Parser() { yaml_parser_initialize(&parser); }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t event{};
  ~Event() { yaml_event_delete(&event); }
};

}  // namespace

// Turns libyaml's events into the tree: nodes get their index when they start; a container's
// children collect on `pending_` while it is open and move to `children_` when it ends, so each
// container's children sit side by side.
class TreeBuilder {
 public:
  TreeBuilder(YamlTree& tree, YamlProblem& problem) : tree_(tree), problem_(problem) {}

  bool run(std::string_view text) {
    Parser p;
    yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    tree_.nodes_.reserve(text.size() / 8);
    tree_.text_.reserve(text.size() / 2);
    for (;;) {
      Event e;
      if (!yaml_parser_parse(&p.parser, &e.event)) {
        const auto& mark = p.parser.problem_mark;
        problem_ = {static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1,
                    p.parser.problem ? p.parser.problem : "not valid YAML", false};
        return false;
      }
      if (!on_event(e.event)) return false;
      if (e.event.type == YAML_STREAM_END_EVENT) break;
    }
    if (!has_root_) {
      tree_.nodes_.push_back({YamlKind::Null, true, 0, 0, 0, 0});
      tree_.root_ = static_cast<std::uint32_t>(tree_.nodes_.size() - 1);
    }
    return true;
  }

 private:
  struct Open {
    std::uint32_t node;
    std::size_t first_pending;
  };

  bool on_event(const yaml_event_t& e) {
    // An empty value takes the position of what follows it, as yaml-cpp gives it.
    if (empty_value_) {
      auto& node = tree_.nodes_[*empty_value_];
      node.line = static_cast<std::uint32_t>(e.start_mark.line) + 1;
      node.column = static_cast<std::uint32_t>(e.start_mark.column) + 1;
      empty_value_.reset();
    }
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (++documents_ > 1) {
          problem_ = {static_cast<int>(e.start_mark.line) + 1, static_cast<int>(e.start_mark.column) + 1,
                      "expected one YAML document per file", true};
          return false;
        }
        return true;
      case YAML_SCALAR_EVENT:
        scalar(e);
        return true;
      case YAML_SEQUENCE_START_EVENT:
        return open(e, YamlKind::Sequence, e.data.sequence_start.anchor);
      case YAML_MAPPING_START_EVENT:
        return open(e, YamlKind::Map, e.data.mapping_start.anchor);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        close();
        return true;
      case YAML_ALIAS_EVENT: {
        const auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (it == anchors_.end()) {
          problem_ = {static_cast<int>(e.start_mark.line) + 1, static_cast<int>(e.start_mark.column) + 1,
                      "the referenced anchor is not defined", false};
          return false;
        }
        attach(it->second);
        return true;
      }
      default:
        return true;
    }
  }

  std::uint32_t add(const yaml_event_t& e, YamlKind kind, const yaml_char_t* anchor) {
    const auto index = static_cast<std::uint32_t>(tree_.nodes_.size());
    tree_.nodes_.push_back({kind, false, static_cast<std::uint32_t>(e.start_mark.line) + 1,
                            static_cast<std::uint32_t>(e.start_mark.column) + 1, 0, 0});
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = index;
    attach(index);
    return index;
  }

  void attach(std::uint32_t index) {
    if (open_.empty()) {
      tree_.root_ = index;
      has_root_ = true;
    } else {
      pending_.push_back(index);
    }
  }

  void scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    const std::string_view text(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nullptr;
    const bool null = plain && YamlTree::is_null_spelling(text);
    const auto index = add(e, null ? YamlKind::Null : YamlKind::Scalar, s.anchor);
    auto& node = tree_.nodes_[index];
    node.plain = plain;
    node.begin = static_cast<std::uint32_t>(tree_.text_.size());
    node.size = static_cast<std::uint32_t>(text.size());
    tree_.text_.append(text);
    if (null && text.empty() && e.start_mark.index == e.end_mark.index) empty_value_ = index;
  }

  bool open(const yaml_event_t& e, YamlKind kind, const yaml_char_t* anchor) {
    if (open_.size() >= YamlTree::kMaxDepth) {
      problem_ = {static_cast<int>(e.start_mark.line) + 1, static_cast<int>(e.start_mark.column) + 1,
                  "expected YAML nested at most " + std::to_string(YamlTree::kMaxDepth) +
                      " levels deep: it is nested too deeply here",
                  false, true};
      return false;
    }
    const auto index = add(e, kind, anchor);
    open_.push_back({index, pending_.size()});
    return true;
  }

  void close() {
    const Open top = open_.back();
    open_.pop_back();
    auto& node = tree_.nodes_[top.node];
    node.begin = static_cast<std::uint32_t>(tree_.children_.size());
    const std::size_t count = pending_.size() - top.first_pending;
    node.size = static_cast<std::uint32_t>(node.kind == YamlKind::Map ? count / 2 : count);
    tree_.children_.insert(tree_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(top.first_pending),
                           pending_.end());
    pending_.resize(top.first_pending);
  }

  YamlTree& tree_;
  YamlProblem& problem_;
  std::vector<Open> open_;
  std::vector<std::uint32_t> pending_;
  std::unordered_map<std::string, std::uint32_t> anchors_;
  std::optional<std::uint32_t> empty_value_;
  int documents_ = 0;
  bool has_root_ = false;
};

std::unique_ptr<YamlTree> YamlTree::parse(std::string_view text, YamlProblem& problem) {
  if (text.size() >= UINT32_MAX) {
    problem = {1, 1, "the file is larger than 4 GB", false};
    return nullptr;
  }
  auto tree = std::make_unique<YamlTree>();
  if (!TreeBuilder(*tree, problem).run(text)) return nullptr;
  return tree;
}

}  // namespace strata::load
