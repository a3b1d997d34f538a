// The fast path of YamlTree::parse: a reader of the YAML that schema files are made of (block
// mappings and sequences, one-line flow collections, one-line scalars, comments), several times
// faster than libyaml. It builds exactly the tree libyaml's events build (same nodes, texts and
// positions; tests/unit/yaml_tree_test.cpp compares the two on mutated files), and gives up on
// anything else: tabs, non-ASCII text, anchors, tags, block scalars, multi-line scalars or flow
// collections, complex keys, directives, several documents, and every error. Then libyaml reads
// the text instead, so what is accepted and what each error says does not depend on this file.
#include <cstdint>
#include <memory>
#include <string>

#include "engine/load/yaml_tree.hpp"

namespace strata::load {

namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxKeyBytes = 1000;  // libyaml refuses simple keys over 1024 characters

bool is_blank_or_end(const char* p, const char* end) {
  return p == end || *p == ' ' || *p == '\n';
}

bool is_flow_indicator(char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Characters no plain scalar starts with (some only when a blank follows; see starts_plain).
bool is_indicator(char c) {
  switch (c) {
    case '-':
    case '?':
    case ':':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
      return true;
    default:
      return false;
  }
}

}  // namespace

class FastYamlParser {
 public:
  // Fills `tree` from `text`; false when it leaves the text to libyaml.
  static bool run(std::string_view text, YamlTree& tree);

 private:
  FastYamlParser(std::string_view text, YamlTree& tree)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), line_start_(text.data()), tree_(tree) {}

  bool run() {
    // Tabs, CR, control bytes and non-ASCII text go to libyaml (written to vectorise).
    bool outside = false;
    for (const char* q = begin_; q != end_; ++q) {
      const auto c = static_cast<unsigned char>(*q);
      outside |= (c < 0x20 && c != '\n') || c > 0x7e;
    }
    if (outside) return false;
    tree_.source_ = std::string_view(begin_, static_cast<std::size_t>(end_ - begin_));
    // Generously: a schema file holds about one node per 8 bytes, and pages reserved but never
    // written cost nothing, where growing the vector would copy it and touch twice the memory.
    const auto bytes = static_cast<std::size_t>(end_ - begin_);
    tree_.nodes_.reserve(bytes / 4 + 4);
    tree_.children_.reserve(bytes / 4 + 4);
    if (!skip_to_content()) return false;
    if (p_ == end_) {
      tree_.nodes_.push_back({YamlKind::Null, true, false, 0, 0, 0, 0});
      tree_.root_ = 0;
      return true;
    }
    std::uint32_t root = 0;
    if (!block_node_at(0, root)) return false;
    tree_.root_ = root;
    return p_ == end_;
  }

  int column() const { return static_cast<int>(p_ - line_start_); }
  bool at(char c) const { return p_ != end_ && *p_ == c; }
  bool at_sequence_entry() const { return at('-') && is_blank_or_end(p_ + 1, end_); }

  std::uint32_t add(YamlKind kind, int line, int column) {
    tree_.nodes_.push_back(
        {kind, false, false, static_cast<std::uint32_t>(line + 1), static_cast<std::uint32_t>(column + 1), 0, 0});
    return static_cast<std::uint32_t>(tree_.nodes_.size() - 1);
  }

  // A scalar whose text is source bytes [from, to).
  std::uint32_t add_source_scalar(const char* from, const char* to, bool plain, int line, int column) {
    const std::string_view text(from, static_cast<std::size_t>(to - from));
    const bool null = plain && YamlTree::is_null_spelling(text);
    const auto index = add(null ? YamlKind::Null : YamlKind::Scalar, line, column);
    auto& node = tree_.nodes_[index];
    node.plain = plain;
    node.in_source = true;
    node.begin = static_cast<std::uint32_t>(from - begin_);
    node.size = static_cast<std::uint32_t>(text.size());
    return index;
  }

  std::uint32_t add_decoded_scalar(const std::string& text, int line, int column) {
    const auto index = add(YamlKind::Scalar, line, column);
    auto& node = tree_.nodes_[index];
    node.begin = static_cast<std::uint32_t>(tree_.text_.size());
    node.size = static_cast<std::uint32_t>(text.size());
    tree_.text_ += text;
    return index;
  }

  // An empty value: libyaml places it where the next token starts (p_, after skip_to_content),
  // or, at the end, at the start of the line after the last.
  std::uint32_t add_empty_value() {
    if (p_ == end_) return add_source_scalar(p_, p_, true, column() == 0 ? line_ : line_ + 1, 0);
    return add_source_scalar(p_, p_, true, line_, column());
  }

  void close(std::uint32_t container, std::size_t first_pending) {
    auto& node = tree_.nodes_[container];
    node.begin = static_cast<std::uint32_t>(tree_.children_.size());
    const std::size_t count = pending_.size() - first_pending;
    node.size = static_cast<std::uint32_t>(node.kind == YamlKind::Map ? count / 2 : count);
    tree_.children_.insert(tree_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(first_pending),
                           pending_.end());
    pending_.resize(first_pending);
  }

  // Skips blanks, comments and line breaks up to the next content character (or the end).
  // False on a document marker or directive, which libyaml handles.
  bool skip_to_content() {
    for (;;) {
      while (at(' ')) ++p_;
      if (at('#')) {
        while (p_ != end_ && *p_ != '\n') ++p_;
      }
      if (p_ == end_) return true;
      if (*p_ != '\n') break;
      ++p_;
      ++line_;
      line_start_ = p_;
    }
    if (p_ == line_start_) {
      if (*p_ == '%') return false;
      if (end_ - p_ >= 3 && (std::string_view(p_, 3) == "---" || std::string_view(p_, 3) == "...") &&
          is_blank_or_end(p_ + 3, end_)) {
        return false;
      }
    }
    return true;
  }

  // After a value on its line: blanks and a comment, then the line break (or the end).
  bool end_of_line() {
    const char* before = p_;
    while (at(' ')) ++p_;
    if (at('#')) {
      if (p_ == before) return false;  // `"a"#b`: leave it to libyaml
      while (p_ != end_ && *p_ != '\n') ++p_;
    }
    if (p_ == end_) return true;
    if (*p_ != '\n') return false;
    ++p_;
    ++line_;
    line_start_ = p_;
    return true;
  }

  // A plain scalar's end on this line: before ": ", " #", a line break or (in a flow collection)
  // a flow indicator; trailing blanks left out. False where libyaml may read it otherwise.
  bool plain_end(bool flow, const char*& end) const {
    const char* q = p_;
    const char* last = p_;  // one past the last non-blank
    while (q != end_ && *q != '\n') {
      const char c = *q;
      if (c == ':') {
        if (is_blank_or_end(q + 1, end_)) break;
        if (flow) return false;  // `a:b` in a flow collection: libyaml's reading varies by release
      } else if (c == '#' && q[-1] == ' ') {
        if (flow) return false;
        break;
      } else if (flow && is_flow_indicator(c)) {
        break;
      }
      if (c != ' ') last = q + 1;
      ++q;
    }
    end = last;
    return true;
  }

  bool starts_plain(bool flow) const {
    if (p_ == end_) return false;
    const char c = *p_;
    if (c == ' ' || c == '\n') return false;
    if (!is_indicator(c)) return true;
    // `-x`, `?x`, `:x` start plain scalars in block context.
    if (!flow && (c == '-' || c == '?' || c == ':')) return !is_blank_or_end(p_ + 1, end_);
    return false;
  }

  bool plain(bool flow, std::uint32_t& out) {
    if (!starts_plain(flow)) return false;
    const char* end = nullptr;
    if (!plain_end(flow, end)) return false;
    out = add_source_scalar(p_, end, true, line_, column());
    p_ = end;
    return true;
  }

  bool single_quoted(std::uint32_t& out) {
    const int line = line_;
    const int col = column();
    const char* start = ++p_;
    std::string decoded;
    bool escaped = false;
    for (;;) {
      if (p_ == end_ || *p_ == '\n') return false;
      if (*p_ == '\'') {
        if (p_ + 1 != end_ && p_[1] == '\'') {
          if (!escaped) decoded.assign(start, p_);
          escaped = true;
          decoded += '\'';
          p_ += 2;
          continue;
        }
        break;
      }
      if (escaped) decoded += *p_;
      ++p_;
    }
    out = escaped ? add_decoded_scalar(decoded, line, col) : add_source_scalar(start, p_, false, line, col);
    ++p_;
    return true;
  }

  static bool hex_value(const char* from, int digits, std::uint32_t& value) {
    value = 0;
    for (int i = 0; i < digits; ++i) {
      const char c = from[i];
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  // One escape after a backslash (p_ on the character after it).
  bool escape(std::string& out) {
    if (p_ == end_) return false;
    const char c = *p_++;
    switch (c) {
      case '0':
        out += '\0';
        return true;
      case 'a':
        out += '\a';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'v':
        out += '\v';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 'e':
        out += '\x1b';
        return true;
      case ' ':
        out += ' ';
        return true;
      case '"':
        out += '"';
        return true;
      case '/':
        out += '/';
        return true;
      case '\\':
        out += '\\';
        return true;
      default:
        break;
    }
    const int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    std::uint32_t code = 0;
    if (digits == 0 || end_ - p_ < digits || !hex_value(p_, digits, code)) return false;
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
    append_utf8(out, code);
    p_ += digits;
    return true;
  }

  bool double_quoted(std::uint32_t& out) {
    const int line = line_;
    const int col = column();
    const char* start = ++p_;
    std::string decoded;
    bool escaped = false;
    for (;;) {
      if (p_ == end_ || *p_ == '\n') return false;
      if (*p_ == '"') break;
      if (*p_ == '\\') {
        if (!escaped) decoded.assign(start, p_);
        escaped = true;
        ++p_;
        if (!escape(decoded)) return false;
        continue;
      }
      if (escaped) decoded += *p_;
      ++p_;
    }
    out = escaped ? add_decoded_scalar(decoded, line, col) : add_source_scalar(start, p_, false, line, col);
    ++p_;
    return true;
  }

  bool scalar(bool flow, std::uint32_t& out) {
    if (at('\'')) return single_quoted(out);
    if (at('"')) return double_quoted(out);
    return plain(flow, out);
  }

  void skip_spaces() {
    while (at(' ')) ++p_;
  }

  // A flow collection or scalar, all on this line.
  bool flow_node(int depth, std::uint32_t& out) {
    if (depth > kMaxDepth) return false;
    if (at('{')) return flow_mapping(depth, out);
    if (at('[')) return flow_sequence(depth, out);
    return scalar(true, out);
  }

  bool flow_mapping(int depth, std::uint32_t& out) {
    out = add(YamlKind::Map, line_, column());
    const std::size_t first = pending_.size();
    ++p_;
    skip_spaces();
    if (at('}')) {
      ++p_;
      close(out, first);
      return true;
    }
    for (;;) {
      std::uint32_t key = 0;
      if (at('{') || at('[') || !scalar(true, key)) return false;
      pending_.push_back(key);
      skip_spaces();
      if (!at(':') || !is_blank_or_end(p_ + 1, end_)) return false;
      ++p_;
      skip_spaces();
      if (at(',') || at('}')) return false;  // an empty value
      std::uint32_t value = 0;
      if (!flow_node(depth + 1, value)) return false;
      pending_.push_back(value);
      skip_spaces();
      if (at(',')) {
        ++p_;
        skip_spaces();
        if (at('}')) return false;
        continue;
      }
      if (!at('}')) return false;
      ++p_;
      close(out, first);
      return true;
    }
  }

  bool flow_sequence(int depth, std::uint32_t& out) {
    out = add(YamlKind::Sequence, line_, column());
    const std::size_t first = pending_.size();
    ++p_;
    skip_spaces();
    if (at(']')) {
      ++p_;
      close(out, first);
      return true;
    }
    for (;;) {
      std::uint32_t item = 0;
      if (!flow_node(depth + 1, item)) return false;
      pending_.push_back(item);
      skip_spaces();
      if (at(',')) {
        ++p_;
        skip_spaces();
        if (at(']')) return false;
        continue;
      }
      if (!at(']')) return false;
      ++p_;
      close(out, first);
      return true;
    }
  }

  // Does a simple key (a one-line scalar, then ':' and a blank) start here?
  bool at_key() const {
    const char* q = p_;
    if (q == end_) return false;
    if (*q == '\'' || *q == '"') {
      const char quote = *q++;
      while (q != end_ && *q != '\n') {
        if (*q == quote) {
          if (quote == '\'' && q + 1 != end_ && q[1] == '\'') {
            q += 2;
            continue;
          }
          break;
        }
        if (quote == '"' && *q == '\\' && q + 1 != end_) ++q;
        ++q;
      }
      if (q == end_ || *q != quote) return false;
      ++q;
      while (q != end_ && *q == ' ') ++q;
      return q != end_ && *q == ':' && is_blank_or_end(q + 1, end_) && static_cast<std::size_t>(q - p_) < kMaxKeyBytes;
    }
    if (!starts_plain(false)) return false;
    for (; q != end_ && *q != '\n'; ++q) {
      if (*q == ':' && is_blank_or_end(q + 1, end_)) return static_cast<std::size_t>(q - p_) < kMaxKeyBytes;
      if (*q == '#' && q[-1] == ' ') return false;
    }
    return false;
  }

  // A value after "key:" or "- " on the same line; then the rest of the line, and the next
  // content, which must not be indented past `indent` (that would continue the scalar).
  bool inline_value(int depth, int indent, std::uint32_t& out) {
    const bool ok = at('{') || at('[') ? flow_node(depth, out) : scalar(false, out);
    if (!ok || !end_of_line() || !skip_to_content()) return false;
    return p_ == end_ || column() <= indent;
  }

  bool block_mapping(int indent, int depth, std::uint32_t& out) {
    if (depth > kMaxDepth) return false;
    out = add(YamlKind::Map, line_, indent);
    const std::size_t first = pending_.size();
    for (;;) {
      std::uint32_t key = 0;
      if (!scalar(false, key)) return false;
      pending_.push_back(key);
      skip_spaces();
      if (!at(':')) return false;
      ++p_;
      skip_spaces();
      std::uint32_t value = 0;
      if (p_ == end_ || at('\n') || at('#')) {
        if (!end_of_line() || !skip_to_content()) return false;
        if (p_ != end_ && column() > indent) {
          if (!block_node_at(depth + 1, value)) return false;
        } else if (p_ != end_ && column() == indent && at_sequence_entry()) {
          if (!block_sequence(indent, depth + 1, value)) return false;
        } else {
          value = add_empty_value();
        }
      } else if (!inline_value(depth + 1, indent, value)) {
        return false;
      }
      pending_.push_back(value);
      if (p_ == end_ || column() < indent) break;
      if (column() > indent || at_sequence_entry() || !at_key()) return false;
    }
    close(out, first);
    return true;
  }

  // A block collection starting here, on a line of its own.
  bool block_node_at(int depth, std::uint32_t& out) {
    const int indent = column();
    if (at_sequence_entry()) return block_sequence(indent, depth, out);
    if (at_key()) return block_mapping(indent, depth, out);
    return false;  // a scalar or flow collection on a line of its own
  }

  bool block_sequence(int indent, int depth, std::uint32_t& out) {
    if (depth > kMaxDepth) return false;
    out = add(YamlKind::Sequence, line_, indent);
    const std::size_t first = pending_.size();
    for (;;) {
      ++p_;  // the '-'
      skip_spaces();
      if (p_ == end_ || at('\n') || at('#') || at_sequence_entry()) return false;
      std::uint32_t item = 0;
      if (at_key()) {
        if (!block_mapping(column(), depth + 1, item)) return false;
      } else if (!inline_value(depth + 1, indent, item)) {
        return false;
      }
      pending_.push_back(item);
      if (p_ == end_ || column() < indent) break;
      if (column() > indent) return false;
      if (!at_sequence_entry()) break;  // the parent mapping's next key
    }
    close(out, first);
    return true;
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  int line_ = 0;  // from 0, of p_
  const char* line_start_;
  YamlTree& tree_;
  std::vector<std::uint32_t> pending_;
};

bool FastYamlParser::run(std::string_view text, YamlTree& tree) {
  return FastYamlParser(text, tree).run();
}

std::unique_ptr<YamlTree> YamlTree::parse_fast(std::string_view text) {
  if (text.size() >= UINT32_MAX) return nullptr;
  auto tree = std::make_unique<YamlTree>();
  if (!FastYamlParser::run(text, *tree)) return nullptr;
  return tree;
}

}  // namespace strata::load
