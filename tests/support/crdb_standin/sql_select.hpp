// The SELECT statements the stand-in can answer, parsed into a small tree. Anything outside this
// subset is Unsupported, and the stand-in then has no recorded answer.
//
//   SELECT item, … [FROM source [[AS] alias] {[INNER] JOIN source [[AS] alias] ON expr}…]
//     [WHERE expr] [ORDER BY expr [ASC|DESC], …] [LIMIT n] [FOR UPDATE]
//   source: schema.relation | relation | [SHOW …]
//   expr: OR / AND / NOT, comparisons (= <> != < <= > >=, = ANY (…)), [NOT] IN (…), [NOT] LIKE,
//         IS [NOT] NULL, + - ||, ::TYPE casts, literals, $n, NULL, TRUE, FALSE, names,
//         function calls f(…) and schema.f(…), current_user, current_database()
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/crdb_standin/sql_lexer.hpp"

namespace strata::standin {

struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  enum class Kind {
    Column,   // qualifier.name or name
    Literal,  // text with type (STRING, INT8, DECIMAL, BOOL)
    Null,
    Param,      // $number
    Call,       // name(args): name is lower case, "schema.f" when qualified
    Cast,       // args[0]::type
    Not,        // NOT args[0]
    And,        // args[0] AND args[1]
    Or,         // args[0] OR args[1]
    Compare,    // args[0] op args[1]
    Any,        // args[0] op ANY (args[1])
    In,         // args[0] [NOT] IN (args[1…])
    Like,       // args[0] [NOT] LIKE args[1]
    IsNull,     // args[0] IS [NOT] NULL
    Arithmetic  // args[0] op args[1], op one of + - ||
  };
  Kind kind = Kind::Literal;
  std::string qualifier;  // Column
  std::string name;       // Column name, Call name, Literal text, Compare/Arithmetic operator
  std::string type;       // Literal and Cast: upper case, "STRING[]"
  int param = 0;          // Param
  bool negated = false;   // In, Like, IsNull
  std::vector<ExprPtr> args;
};

struct SelectItem {
  ExprPtr expr;  // null for * and q.*
  std::string star_qualifier;
  bool star = false;
  std::string alias;
};

struct Source {
  std::string relation;  // "schema.name" or "name", lower case; empty for a SHOW
  std::string show;      // the statement inside [ ], as written
  std::string alias;
  ExprPtr on;  // join condition; null for the first source
};

struct OrderKey {
  ExprPtr expr;
  bool descending = false;
};

struct Select {
  std::vector<SelectItem> items;
  std::vector<Source> from;
  ExprPtr where;
  std::vector<OrderKey> order;
  std::optional<long long> limit;
  bool for_update = false;
};

// Parses `tokens` (a statement starting with SELECT); throws Unsupported outside the subset.
Select parse_select(const std::vector<Token>& tokens);

// The name CockroachDB gives an unnamed select item ("version" for version(), "regions" for
// regions::STRING, "?column?" otherwise).
std::string default_column_name(const Expr& expr);

}  // namespace strata::standin
