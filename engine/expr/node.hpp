// The tree of a parsed SQL scalar expression, and PostgreSQL's operator precedence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace strata::expr {

// Thrown when tokens are not an expression the parser knows. The parser catches it where a
// parenthesised part can be kept as tokens; otherwise canonical_expression() falls back to the
// token form.
struct ParseError {};

// Thrown when nesting or size passes the limits below; only canonical_expression() catches it.
struct TooComplex {};

// Deepest tree the parser builds (printing and rewriting recurse this deep).
inline constexpr int kMaxHeight = 1000;

// Binding strength, loosest first, as in PostgreSQL: comparison, the LIKE family and IS are
// non-associative, NOT and unary +/- are prefix, the other binary operators are left-associative.
enum class Level {
  Lowest = 0,
  Or,
  And,
  Not,
  Is,         // IS NULL, IS TRUE, IS DISTINCT FROM, ISNULL, NOTNULL
  Compare,    // < > = <= >= <>
  Like,       // LIKE ILIKE SIMILAR TO IN BETWEEN
  Other,      // every other operator: || -> @> ~ …
  Add,        // + -
  Mul,        // * / % and CockroachDB's //
  Pow,        // ^
  At,         // AT TIME ZONE
  Collate,    // COLLATE
  Unary,      // prefix + -
  Subscript,  // [ ]
  Cast,       // ::
  Field,      // (x).f
  Primary = 100,
};

inline Level above(Level level) {
  return static_cast<Level>(static_cast<int>(level) + 1);
}

// The level of a binary operator spelled `op`.
Level binary_level(std::string_view op);

enum class Kind {
  Empty,         // a missing slice bound: a[:2]
  Literal,       // `literal` says which; text is the number, the string's value or the spelling
  Column,        // names: a, t.a, s.t.a
  Param,         // text: $1
  Raw,           // text: tokens the parser does not know, in token form
  KeywordValue,  // text: current_timestamp, current_user…; children: an optional precision
  Call,          // names, children: the arguments; distinct, star: count(*)
  Special,       // text: COALESCE, NULLIF, GREATEST, LEAST or ROW; children: the arguments
  Extract,       // text: the field as printed; children: [source]
  Substring,     // children: [string, from(, for)], or [string, pattern, escape] when text is SIMILAR
  Position,      // children: [needle, haystack]
  Trim,          // text: BOTH, LEADING or TRAILING; children: [source(, characters)]
  Overlay,       // children: [string, placing, from(, for)]
  Case,          // children: [operand when has_operand], WHEN/THEN pairs, then the ELSE result
  Array,         // children: the elements
  Subscript,     // children: [base, index], or [base, lower, upper] when slice
  Field,         // children: [base]; text: the field name
  Cast,          // children: [operand]; text: the canonical type
  Collate,       // children: [operand]; names: the collation
  AtTimeZone,    // children: [operand, zone], or [operand] for AT LOCAL
  Unary,         // text: the prefix operator; children: [operand]
  Not,           // children: [operand]
  Binary,        // text: the operator; children: [left, right]
  AnyAll,        // text: the operator; all: ALL rather than ANY; children: [left, array]
  And,           // children: two or more operands
  Or,            // children: two or more operands
  IsTest,        // text: NULL, NOT NULL, TRUE…, [NOT ]DISTINCT FROM; children: [left(, right)]
  Like,          // text: [NOT ]LIKE, [NOT ]ILIKE, [NOT ]SIMILAR TO; children: [left, pattern(, escape)]
  InList,        // negated: NOT IN; children: [left, items…]
};

enum class LiteralKind { Number, String, Verbatim, Null, True, False };

struct Node {
  Kind kind = Kind::Empty;
  LiteralKind literal = LiteralKind::Number;
  std::string text;
  std::vector<std::string> names;
  std::vector<Node> children;
  bool distinct = false;     // Call: f(DISTINCT x)
  bool star = false;         // Call: f(*)
  bool has_operand = false;  // Case: CASE x WHEN …
  bool slice = false;        // Subscript: a[l:u]
  bool all = false;          // AnyAll: ALL
  bool negated = false;      // InList: NOT IN
  bool raw_list = false;     // InList, AnyAll: the last child is a Raw "(…)" group printed as it is
  int height = 1;
};

// A node of `kind` with `children`, its height computed; throws TooComplex past kMaxHeight.
Node make_node(Kind kind, std::vector<Node> children = {}, std::string text = {});

Node make_literal(LiteralKind literal, std::string text);

// Recomputes `node.height` after its children changed; throws TooComplex past kMaxHeight.
void seal(Node& node);

// How many nodes `node` holds, itself included.
std::size_t count_nodes(const Node& node);

}  // namespace strata::expr
