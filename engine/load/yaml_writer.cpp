#include "engine/load/yaml_writer.hpp"

#include <algorithm>

#include <yaml-cpp/yaml.h>

namespace strata::load {

namespace {

using Tree = nlohmann::ordered_json;

bool is_nullish(const std::string& text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// Text that is a plain scalar in block and flow context alike, and reads back as itself: words,
// digits, `_ ( ) .` and inner single spaces. Most names and types are; the rest go to yaml-cpp.
bool is_simple(const std::string& text) {
  if (text.front() == ' ' || text.back() == ' ') return false;
  for (const char c : text) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!word && c != '(' && c != ')' && c != '.' && c != ' ') return false;
  }
  return true;
}

// Text of several lines that reads back as itself from a literal block (`|` or `|-`): printable
// (no C0 or C1 control but tab and newline, no U+2028 or U+2029, which YAML takes as line
// breaks), its first line not indented (that would need an indentation indicator), at most one
// final newline.
bool is_literal(const Tree& node) {
  if (!node.is_string()) return false;
  const auto& text = node.get_ref<const std::string&>();
  const auto newline = text.find('\n');
  if (newline == std::string::npos || newline + 1 == text.size()) return false;
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.ends_with("\n\n")) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f) return false;
    if (u == 0xC2 && next >= 0x80 && next <= 0x9F) return false;  // C1 controls, U+0085 among them
    if (u == 0xE2 && next == 0x80 && i + 2 < text.size() &&
        (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
      return false;
    }
  }
  return true;
}

// A statement, not a name or a value: a list of these reads better one item to a line.
bool is_long_text(const Tree& node) {
  if (!node.is_string()) return false;
  const auto& text = node.get_ref<const std::string&>();
  return text.size() > 80 && text.find(' ') != std::string::npos;
}

// A flat mapping: no value is a mapping or a list holding one (written in flow style).
bool is_flat(const Tree& node) {
  for (const auto& [key, value] : node.items()) {
    if (value.is_object() || is_literal(value)) return false;
    if (value.is_array()) {
      for (const auto& item : value) {
        if (item.is_structured() || is_literal(item) || is_long_text(item)) return false;
      }
    }
  }
  return true;
}

bool is_block(const Tree& node) {
  if (node.is_object()) return !is_flat(node);
  if (node.is_array()) {
    for (const auto& item : node) {
      if (item.is_structured() || is_literal(item) || is_long_text(item)) return true;
    }
  }
  return false;
}

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  // A value after "key:" or "- ": on the same line, or on the next ones at `indent`.
  void value(const Tree& node, int indent, bool after_dash) {
    if (is_literal(node)) {
      literal(node.get_ref<const std::string&>(), indent, after_dash);
    } else if (!node.is_structured()) {
      if (!after_dash) out_ += ' ';
      scalar(node, false);
    } else if (!is_block(node)) {
      if (!after_dash) out_ += ' ';
      flow(node);
    } else if (node.is_object()) {
      block_map(node, indent, after_dash);
    } else {
      block_seq(node, indent, after_dash);
    }
  }

  void block_map(const Tree& node, int indent, bool inline_first) {
    bool first = true;
    for (const auto& [k, item] : node.items()) {
      key(k, indent, !(first && inline_first));
      first = false;
      value(item, indent + 2, false);
    }
  }

  // "key:", on a line of its own at `indent` or (after "- ") where the output ends.
  void key(const std::string& text, int indent, bool new_line) {
    if (new_line) line(indent);
    string(text, false);
    out_ += ':';
  }

 private:
  void literal(const std::string& text, int indent, bool after_dash) {
    if (!after_dash) out_ += ' ';
    out_ += text.ends_with('\n') ? "|" : "|-";
    std::size_t start = 0;
    const std::size_t end = text.ends_with('\n') ? text.size() - 1 : text.size();
    while (start <= end) {
      const std::size_t stop = std::min(text.find('\n', start), end);
      out_ += '\n';
      if (stop > start) out_.append(static_cast<std::size_t>(indent), ' ').append(text, start, stop - start);
      start = stop + 1;
    }
  }

  void line(int indent) {
    if (!out_.empty()) out_ += '\n';
    out_.append(static_cast<std::size_t>(indent), ' ');
  }

  void block_seq(const Tree& node, int indent, bool inline_first) {
    bool first = true;
    for (const auto& item : node) {
      if (!(first && inline_first)) line(indent);
      first = false;
      out_ += "- ";
      value(item, indent + 2, true);
    }
  }

  void flow(const Tree& node) {
    if (node.is_object()) {
      out_ += '{';
      bool first = true;
      for (const auto& [key, item] : node.items()) {
        if (!first) out_ += ", ";
        first = false;
        string(key, true);
        out_ += ": ";
        flow(item);
      }
      out_ += '}';
    } else if (node.is_array()) {
      out_ += '[';
      bool first = true;
      for (const auto& item : node) {
        if (!first) out_ += ", ";
        first = false;
        flow(item);
      }
      out_ += ']';
    } else {
      scalar(node, true);
    }
  }

  void scalar(const Tree& node, bool in_flow) {
    if (node.is_string()) {
      string(node.get_ref<const std::string&>(), in_flow);
    } else if (node.is_boolean()) {
      out_ += node.get<bool>() ? "true" : "false";
    } else if (node.is_number()) {
      out_ += node.dump();  // 42, 0.25: the shortest text that reads back as the same number
    } else {
      out_ += '~';
    }
  }

  // Flow context quotes more than block context (`,` `[` `]` `{` `}` end a plain scalar there).
  void string(const std::string& text, bool in_flow) {
    if (is_nullish(text)) {
      out_ += '"' + text + '"';
    } else if (is_simple(text)) {
      out_ += text;
    } else {
      out_ += quoted(text, in_flow);
    }
  }

  // yaml-cpp's choice of style and escapes for one scalar in its context.
  static std::string quoted(const std::string& text, bool in_flow) {
    YAML::Emitter one;
    if (!in_flow) {
      one << text;
      return one.c_str();
    }
    one << YAML::Flow << YAML::BeginSeq << text << YAML::EndSeq;
    const std::string list = one.c_str();
    return list.substr(1, list.size() - 2);
  }

  std::string& out_;
};

}  // namespace

std::string write_yaml(const Tree& tree) {
  std::string out;
  Writer writer(out);
  if (tree.is_object() && is_block(tree)) {
    writer.block_map(tree, 0, false);
  } else {
    writer.value(tree, 0, true);
  }
  return out;
}

void BlockMapWriter::entry(const std::string& key, const Tree& value, int indent) {
  Writer writer(out_);
  writer.key(key, indent, true);
  writer.value(value, indent + 2, false);
}

void BlockMapWriter::key(const std::string& key, int indent) {
  Writer(out_).key(key, indent, true);
}

}  // namespace strata::load
