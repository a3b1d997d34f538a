#include "engine/expr/printer.hpp"

#include <string_view>
#include <utility>
#include <vector>

#include "engine/expr/lexer.hpp"
#include "engine/expr/words.hpp"

namespace strata::expr {

Level level_of(const Node& node) {
  switch (node.kind) {
    case Kind::Or:
      return Level::Or;
    case Kind::And:
      return Level::And;
    case Kind::Not:
      return Level::Not;
    case Kind::IsTest:
      return Level::Is;
    case Kind::Binary:
    case Kind::AnyAll:
      return binary_level(node.text);
    case Kind::Like:
    case Kind::InList:
      return Level::Like;
    case Kind::Unary:
      return node.text == "-" || node.text == "+" ? Level::Unary : Level::Other;
    case Kind::AtTimeZone:
      return Level::At;
    case Kind::Collate:
      return Level::Collate;
    case Kind::Subscript:
      return Level::Subscript;
    case Kind::Cast:
      return Level::Cast;
    case Kind::Field:
      return Level::Field;
    default:
      return Level::Primary;
  }
}

namespace {

// SqlGrammar::split_other_operators (CockroachDB) splits PostgreSQL's single level of "other"
// operators: || and the JSON arrows share one level, | # & << >> && … each bind tighter, @> <@ ?
// bind looser and are non-associative, and the regular-expression matches ~ ~* !~ !~* sit at the
// level of LIKE. Where the two readings of a bare nesting could differ, the printer keeps the
// parentheses for such a grammar.
bool is_other_operator(const Node& node) {
  return (node.kind == Kind::Binary || node.kind == Kind::AnyAll) && binary_level(node.text) == Level::Other;
}

bool is_regex_match(const Node& node) {
  return node.kind == Kind::Binary &&
         (node.text == "~" || node.text == "~*" || node.text == "!~" || node.text == "!~*");
}

bool is_concat_level(std::string_view op) {
  return op == "||" || op == "->" || op == "->>" || op == "#>" || op == "#>>" || op == "#-";
}

bool is_non_associative_when_split(std::string_view op) {
  return op == "@>" || op == "<@" || op == "?" || op == "?|" || op == "?&" || op == "~" || op == "~*" || op == "!~" ||
         op == "!~*";
}

bool needs_parentheses_when_split(const Node& parent, const Node& child) {
  if (is_other_operator(parent) && is_other_operator(child)) {
    if (parent.kind != Kind::Binary || child.kind != Kind::Binary) return true;
    if (is_concat_level(parent.text) && is_concat_level(child.text)) return false;
    return parent.text != child.text || is_non_associative_when_split(parent.text);
  }
  return (parent.kind == Kind::Like || parent.kind == Kind::InList) && is_regex_match(child);
}

using Words = std::vector<std::string_view>;

class Printer {
 public:
  explicit Printer(const SqlGrammar& grammar) : grammar_(grammar) {}

  std::string take() { return std::move(out_); }

  // `node`, in parentheses when it binds less tightly than `required` (or when `parent` is given and
  // the grammar could read the bare nesting differently).
  void operand(const Node& node, Level required, const Node* parent = nullptr) {
    const bool wrap = level_of(node) < required || (parent != nullptr && grammar_.split_other_operators &&
                                                    needs_parentheses_when_split(*parent, node));
    if (wrap) out_ += '(';
    print(node);
    if (wrap) out_ += ')';
  }

  void print(const Node& node) {
    switch (node.kind) {
      case Kind::Empty:
      case Kind::Literal:
      case Kind::Column:
      case Kind::Param:
      case Kind::Raw:
      case Kind::KeywordValue:
      case Kind::Call:
      case Kind::Special:
        return value(node);
      case Kind::Extract:
      case Kind::Substring:
      case Kind::Position:
      case Kind::Trim:
      case Kind::Overlay:
      case Kind::Case:
      case Kind::Array:
      case Kind::Subscript:
      case Kind::Field:
        return special_form(node);
      case Kind::Cast:
      case Kind::Collate:
      case Kind::AtTimeZone:
      case Kind::Unary:
      case Kind::Not:
        return prefix_or_postfix(node);
      case Kind::Binary:
      case Kind::AnyAll:
      case Kind::And:
      case Kind::Or:
      case Kind::IsTest:
      case Kind::Like:
      case Kind::InList:
        return infix(node);
    }
  }

 private:
  // Literals, names, parameters, calls and keyword values.
  void value(const Node& node) {
    const std::vector<Node>& c = node.children;
    switch (node.kind) {
      case Kind::Literal:
        out_ += node.literal == LiteralKind::String ? quote_string(node.text) : node.text;
        return;
      case Kind::Column:
        return names(node.names);
      case Kind::Param:
      case Kind::Raw:
        out_ += node.text;
        return;
      case Kind::KeywordValue:
        out_ += upper_case(node.text);
        if (!c.empty()) call_arguments(c, 0);
        return;
      case Kind::Call:
        names(node.names);
        if (node.star) {
          out_ += "(*)";
          return;
        }
        out_ += node.distinct ? "(DISTINCT " : "(";
        list(c, 0);
        out_ += ')';
        return;
      case Kind::Special:
        out_ += node.text;
        return call_arguments(c, 0);
      default:
        return;  // Empty
    }
  }

  // The SQL-standard special forms, CASE, ARRAY[…], subscripts and fields.
  void special_form(const Node& node) {
    const std::vector<Node>& c = node.children;
    switch (node.kind) {
      case Kind::Extract:
        out_ += "EXTRACT(" + node.text + " FROM ";
        print(c[0]);
        out_ += ')';
        return;
      case Kind::Substring:
        return keyword_form("SUBSTRING(", c,
                            node.text == "SIMILAR" ? Words{" SIMILAR ", " ESCAPE "} : Words{" FROM ", " FOR "});
      case Kind::Position:
        out_ += "POSITION(";
        operand(c[0], Level::Other);
        out_ += " IN ";
        operand(c[1], Level::Other);
        out_ += ')';
        return;
      case Kind::Trim:
        return trim(node);
      case Kind::Overlay:
        return keyword_form("OVERLAY(", c, Words{" PLACING ", " FROM ", " FOR "});
      case Kind::Case:
        return case_expression(node);
      case Kind::Array:
        out_ += "ARRAY[";
        list(c, 0);
        out_ += ']';
        return;
      case Kind::Subscript:
        return subscript(node);
      default:  // Field
        group(c[0], c[0].kind == Kind::Field);
        out_ += "." + quote_name(node.text);
        return;
    }
  }

  void trim(const Node& node) {
    const std::vector<Node>& c = node.children;
    out_ += "TRIM(" + node.text + " ";
    if (c.size() > 1) {
      print(c[1]);
      out_ += ' ';
    }
    out_ += "FROM ";
    print(c[0]);
    out_ += ')';
  }

  // x::t, x COLLATE c, x AT TIME ZONE z, -x, NOT x.
  void prefix_or_postfix(const Node& node) {
    const std::vector<Node>& c = node.children;
    switch (node.kind) {
      case Kind::Cast:
        operand(c[0], Level::Subscript);
        out_ += "::" + node.text;
        return;
      case Kind::Collate:
        operand(c[0], Level::Collate);
        out_ += " COLLATE ";
        return names(node.names);
      case Kind::AtTimeZone:
        operand(c[0], Level::At);
        if (c.size() == 1) {
          out_ += " AT LOCAL";
          return;
        }
        out_ += " AT TIME ZONE ";
        return operand(c[1], above(Level::At));
      case Kind::Unary:
        return prefix(node);
      default:  // Not
        out_ += "NOT ";
        return operand(c[0], Level::Not);
    }
  }

  // Binary operators, ANY/ALL, AND/OR, IS, LIKE and IN.
  void infix(const Node& node) {
    const std::vector<Node>& c = node.children;
    switch (node.kind) {
      case Kind::Binary: {
        const Level level = binary_level(node.text);
        operand(c[0], level == Level::Compare ? above(level) : level, &node);
        out_ += " " + node.text + " ";
        return operand(c[1], above(level), &node);
      }
      case Kind::AnyAll:
        operand(c[0], above(binary_level(node.text)), &node);
        out_ += " " + node.text + (node.all ? " ALL " : " ANY ");
        return group(c[1], node.raw_list);
      case Kind::And:
      case Kind::Or:
        for (std::size_t i = 0; i < c.size(); ++i) {
          if (i > 0) out_ += node.kind == Kind::And ? " AND " : " OR ";
          operand(c[i], above(level_of(node)));
        }
        return;
      case Kind::IsTest:
        operand(c[0], above(Level::Is));
        out_ += " IS " + node.text;
        if (c.size() > 1) {
          out_ += ' ';
          operand(c[1], above(Level::Is));
        }
        return;
      case Kind::Like:
        return like(node);
      default:  // InList
        operand(c[0], above(Level::Like), &node);
        out_ += node.negated ? " NOT IN " : " IN ";
        if (node.raw_list) return print(c[1]);
        out_ += '(';
        list(c, 1);
        out_ += ')';
        return;
    }
  }

  void like(const Node& node) {
    const std::vector<Node>& c = node.children;
    operand(c[0], above(Level::Like), &node);
    out_ += " " + node.text + " ";
    operand(c[1], above(Level::Like), &node);
    if (c.size() > 2) {
      out_ += " ESCAPE ";
      operand(c[2], above(Level::Like), &node);
    }
  }

  void names(const std::vector<std::string>& parts) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out_ += '.';
      out_ += quote_name(parts[i]);
    }
  }

  void list(const std::vector<Node>& nodes, std::size_t from) {
    for (std::size_t i = from; i < nodes.size(); ++i) {
      if (i > from) out_ += ", ";
      print(nodes[i]);
    }
  }

  void call_arguments(const std::vector<Node>& nodes, std::size_t from) {
    out_ += '(';
    list(nodes, from);
    out_ += ')';
  }

  // NAME(a WORD1 b WORD2 c …): SUBSTRING(s FROM a FOR b), OVERLAY(s PLACING r FROM a FOR b).
  void keyword_form(std::string_view open, const std::vector<Node>& nodes, const Words& words) {
    out_ += open;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (i > 0) out_ += words[i - 1];
      print(nodes[i]);
    }
    out_ += ')';
  }

  // `node` as it is when `bare`, otherwise in parentheses.
  void group(const Node& node, bool bare) {
    if (bare) return print(node);
    out_ += '(';
    print(node);
    out_ += ')';
  }

  void case_expression(const Node& node) {
    const std::vector<Node>& c = node.children;
    out_ += "CASE";
    std::size_t i = 0;
    if (node.has_operand) {
      out_ += ' ';
      print(c[i++]);
    }
    for (; i + 1 < c.size(); i += 2) {
      out_ += " WHEN ";
      print(c[i]);
      out_ += " THEN ";
      print(c[i + 1]);
    }
    out_ += " ELSE ";
    print(c.back());
    out_ += " END";
  }

  // a[i] and a[l:u]; only a name or another subscript or field takes brackets without parentheses.
  void subscript(const Node& node) {
    const Node& base = node.children[0];
    const bool bare = base.kind == Kind::Column || base.kind == Kind::Param || base.kind == Kind::Subscript ||
                      base.kind == Kind::Field;
    group(base, bare);
    out_ += '[';
    print(node.children[1]);
    if (node.slice) {
      out_ += ':';
      print(node.children[2]);
    }
    out_ += ']';
  }

  // -x, ~x. The operand is bare only when it is a value, a postfix form or a sign (PostgreSQL reads
  // ~ a + b as ~(a + b), CockroachDB as (~a) + b), and is parenthesised when it starts with an
  // operator character, so that "- -x" never prints as the comment "--x" nor "~-x" as the operator "~-".
  void prefix(const Node& node) {
    Printer inner(grammar_);
    inner.operand(node.children[0], Level::Unary);
    const std::string text = inner.take();
    out_ += node.text;
    const bool wrap = !text.empty() && is_operator_char(text.front());
    if (wrap) out_ += '(';
    out_ += text;
    if (wrap) out_ += ')';
  }

  const SqlGrammar& grammar_;
  std::string out_;
};

}  // namespace

std::string print_node(const Node& node, const SqlGrammar& grammar) {
  Printer printer(grammar);
  printer.print(node);
  return printer.take();
}

}  // namespace strata::expr
