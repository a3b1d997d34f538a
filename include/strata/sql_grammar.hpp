// How a server reads SQL text, where the servers differ: the lexical rules and how operators bind.
// A dialect gives its own (Dialect::grammar); strata scans and compares SQL with it.
#pragma once

namespace strata {

struct SqlGrammar {
  // `:::` annotates a type (CockroachDB), and a lone `@` names an index (`t@i`). Without it, `:::`
  // is `::` then `:` and `@` is an operator character, as in PostgreSQL.
  bool cockroach_lexicon = false;
  // PostgreSQL's single precedence level of "other" operators is split into several, with some
  // non-associative ones and the regular-expression matches at the level of LIKE (CockroachDB):
  // parentheses are kept wherever a bare nesting could be read differently.
  bool split_other_operators = false;

  friend bool operator==(const SqlGrammar&, const SqlGrammar&) = default;
};

}  // namespace strata
