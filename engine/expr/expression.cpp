#include "engine/expr/expression.hpp"

#include <vector>

#include "engine/expr/lexer.hpp"
#include "engine/expr/parser.hpp"
#include "engine/expr/printer.hpp"
#include "engine/expr/rewrite.hpp"

namespace strata {

namespace {

std::string canonical(std::string_view sql, const ColumnTypes* columns, const SqlGrammar& grammar) {
  try {
    const std::vector<expr::Token> tokens = expr::lex(sql, grammar);
    try {
      expr::Node tree = expr::Parser(tokens).parse();
      expr::canonicalize(tree, columns);
      return expr::print_node(tree, grammar);
    } catch (...) {  // ParseError, TooComplex: the token form
      return expr::print_tokens(tokens);
    }
  } catch (...) {  // only std::bad_alloc can get here
    try {
      return std::string(sql);
    } catch (...) {
      return {};
    }
  }
}

void rename(expr::Node& node, const std::map<std::string, std::string>& renames) {
  if (node.kind == expr::Kind::Column && node.names.size() == 1) {
    if (const auto it = renames.find(node.names.front()); it != renames.end()) node.names.front() = it->second;
  }
  for (auto& child : node.children) rename(child, renames);
}

bool names_column(const expr::Node& node, std::string_view column) {
  if (node.kind == expr::Kind::Raw) return true;  // unread tokens: may name it
  if (node.kind == expr::Kind::Column && node.names.size() == 1 && node.names.front() == column) return true;
  for (const auto& child : node.children) {
    if (names_column(child, column)) return true;
  }
  return false;
}

}  // namespace

bool mentions_column(std::string_view sql, std::string_view column, const SqlGrammar& grammar) {
  try {
    const std::vector<expr::Token> tokens = expr::lex(sql, grammar);
    return names_column(expr::Parser(tokens).parse(), column);
  } catch (...) {  // does not parse: it may
    return true;
  }
}

std::string canonical_expression(std::string_view sql, const SqlGrammar& grammar) {
  return canonical(sql, nullptr, grammar);
}

std::string canonical_expression(std::string_view sql, const ColumnTypes& columns, const SqlGrammar& grammar) {
  return canonical(sql, &columns, grammar);
}

std::string rename_columns(std::string_view sql, const std::map<std::string, std::string>& renames,
                           const SqlGrammar& grammar) {
  try {
    const std::vector<expr::Token> tokens = expr::lex(sql, grammar);
    expr::Node tree = expr::Parser(tokens).parse();
    expr::canonicalize(tree, nullptr);
    rename(tree, renames);
    return expr::print_node(tree, grammar);
  } catch (...) {  // ParseError, TooComplex, std::bad_alloc: nothing renamed
    return std::string(sql);
  }
}

bool same_expression(std::string_view a, std::string_view b, const SqlGrammar& grammar) {
  return canonical_expression(a, grammar) == canonical_expression(b, grammar);
}

}  // namespace strata
