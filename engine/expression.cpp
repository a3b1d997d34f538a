#include "expression.hpp"

#include <vector>

#include "expression_lexer.hpp"
#include "expression_parser.hpp"
#include "expression_printer.hpp"
#include "expression_rewrite.hpp"

namespace strata {

std::string canonical_expression(std::string_view sql) {
  try {
    const std::vector<expr::Token> tokens = expr::lex(sql);
    try {
      expr::Node tree = expr::Parser(tokens).parse();
      expr::canonicalize(tree);
      return expr::print_node(tree);
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

bool same_expression(std::string_view a, std::string_view b) {
  return canonical_expression(a) == canonical_expression(b);
}

}  // namespace strata
