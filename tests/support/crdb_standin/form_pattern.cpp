#include "support/crdb_standin/form_pattern.hpp"

#include <cctype>
#include <functional>
#include <stdexcept>

namespace strata::standin {

struct FormPattern::Node {
  enum class Kind { Keyword, Name, String, Number, Value, Any, Symbol, Sequence, Optional, Choice };
  Kind kind = Kind::Sequence;
  std::string text;
  std::vector<Node> children;
};

namespace {

using Node = FormPattern::Node;
using Kind = Node::Kind;
using Continuation = std::function<bool(size_t)>;

std::vector<std::string> words(std::string_view pattern) {
  std::vector<std::string> out;
  std::string current;
  for (char c : pattern) {
    if (c == ' ') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

bool is_keyword(const std::string& word) {
  for (char c : word) {
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return !word.empty();
}

class PatternParser {
 public:
  explicit PatternParser(std::vector<std::string> words) : words_(std::move(words)) {}

  Node parse() {
    Node root = sequence({});
    if (at_ != words_.size()) throw std::invalid_argument("unexpected '" + words_[at_] + "'");
    return root;
  }

 private:
  Node sequence(std::string_view stops) {
    Node node{Kind::Sequence, "", {}};
    while (at_ < words_.size() && !(words_[at_].size() == 1 && stops.find(words_[at_][0]) != std::string_view::npos)) {
      node.children.push_back(element());
    }
    return node;
  }

  Node element() {
    const std::string word = words_[at_++];
    if (word == "[") {
      Node node{Kind::Optional, "", {sequence("]")}};
      expect("]");
      return node;
    }
    if (word == "{") {
      Node node{Kind::Choice, "", {sequence("|}")}};
      while (at_ < words_.size() && words_[at_] == "|") {
        ++at_;
        node.children.push_back(sequence("|}"));
      }
      expect("}");
      return node;
    }
    if (word == "name") return {Kind::Name, word, {}};
    if (word == "string") return {Kind::String, word, {}};
    if (word == "number") return {Kind::Number, word, {}};
    if (word == "value") return {Kind::Value, word, {}};
    if (word == "...") return {Kind::Any, word, {}};
    if (word == "(" || word == ")" || word == "," || word == "=" || word == "*" || word == ";") {
      return {Kind::Symbol, word, {}};
    }
    if (is_keyword(word)) return {Kind::Keyword, word, {}};
    throw std::invalid_argument("unknown pattern element '" + word + "'");
  }

  void expect(const std::string& word) {
    if (at_ >= words_.size() || words_[at_] != word) throw std::invalid_argument("expected '" + word + "'");
    ++at_;
  }

  std::vector<std::string> words_;
  size_t at_ = 0;
};

class Matcher {
 public:
  explicit Matcher(const std::vector<Token>& tokens) : tokens_(tokens) {}

  bool match(const Node& node, size_t at, const Continuation& next) const {
    switch (node.kind) {
      case Kind::Sequence:
        return sequence(node, 0, at, next);
      case Kind::Optional:
        return match(node.children[0], at, next) || next(at);
      case Kind::Choice:
        for (const auto& child : node.children) {
          if (match(child, at, next)) return true;
        }
        return false;
      case Kind::Any:
        return any(at, next);
      default: {
        const size_t end = single(node, at);
        return end != 0 && next(end);
      }
    }
  }

 private:
  bool sequence(const Node& node, size_t index, size_t at, const Continuation& next) const {
    if (index == node.children.size()) return next(at);
    return match(node.children[index], at, [&](size_t after) { return sequence(node, index + 1, after, next); });
  }

  // Lazily: as few tokens as will do, never leaving a parenthesis or bracket open.
  bool any(size_t at, const Continuation& next) const {
    int depth = 0;
    for (size_t end = at;; ++end) {
      if (depth == 0 && next(end)) return true;
      if (end >= tokens_.size()) return false;
      const Token& token = tokens_[end];
      if (token.is_punct('(') || token.is_punct('[')) ++depth;
      if (token.is_punct(')') || token.is_punct(']')) {
        if (--depth < 0) return false;
      }
    }
  }

  // The end of a single-token (or qualified-name) element matched at `at`, or 0.
  size_t single(const Node& node, size_t at) const {
    if (at >= tokens_.size()) return 0;
    const Token& token = tokens_[at];
    switch (node.kind) {
      case Kind::Keyword:
        return token.is(node.text) ? at + 1 : 0;
      case Kind::Symbol:
        return (token.kind == TokenKind::Punctuation || token.kind == TokenKind::Operator) && token.text == node.text
                   ? at + 1
                   : 0;
      case Kind::String:
        return token.kind == TokenKind::String ? at + 1 : 0;
      case Kind::Number:
        return number(at);
      case Kind::Name:
        return name(at);
      case Kind::Value:
        if (token.kind == TokenKind::String) return at + 1;
        if (size_t end = number(at)) return end;
        return name(at);
      default:
        return 0;
    }
  }

  size_t number(size_t at) const {
    if (tokens_[at].is_op("-") || tokens_[at].is_op("+")) ++at;
    return at < tokens_.size() && tokens_[at].kind == TokenKind::Number ? at + 1 : 0;
  }

  size_t name(size_t at) const {
    if (!tokens_[at].is_name()) return 0;
    ++at;
    while (at + 1 < tokens_.size() && (tokens_[at].is_punct('.') || tokens_[at].is_op("@")) &&
           tokens_[at + 1].is_name()) {
      at += 2;
    }
    return at;
  }

  const std::vector<Token>& tokens_;
};

}  // namespace

FormPattern::FormPattern(std::string_view pattern)
    : root_(std::make_unique<Node>(PatternParser(words(pattern)).parse())) {}
FormPattern::~FormPattern() = default;
FormPattern::FormPattern(FormPattern&&) noexcept = default;
FormPattern& FormPattern::operator=(FormPattern&&) noexcept = default;

bool FormPattern::matches(const std::vector<Token>& tokens) const {
  return Matcher(tokens).match(*root_, 0, [&](size_t end) { return end == tokens.size(); });
}

}  // namespace strata::standin
