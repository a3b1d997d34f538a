// Printing an expression tree as SQL with the fewest parentheses its structure needs.
#pragma once

#include <string>

#include "engine/expr/node.hpp"
#include "strata/sql_grammar.hpp"

namespace strata::expr {

// Keywords upper-case, names lower-case unless they need quotes, one space around binary operators
// and after commas, none inside brackets, around :: or before a call's "(".
// `grammar`: the parentheses the server's own precedence needs beyond PostgreSQL's are kept.
std::string print_node(const Node& node, const SqlGrammar& grammar = {});

// How tightly `node` binds when it is the operand of an operator.
Level level_of(const Node& node);

}  // namespace strata::expr
