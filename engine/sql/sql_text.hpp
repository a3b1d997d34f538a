// Checks on SQL fragments that come from a schema file (defaults, checks, index expressions,
// predicates): they are pasted into DDL, so each must be one self-contained expression.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace strata {

// Why `text` cannot be used as one SQL expression (a statement separator, a comment, unbalanced
// parentheses or quotes, a NUL byte, nothing at all), or nullopt when it can.
std::optional<std::string> expression_problem(std::string_view text);

// `sql` on one line: each run of whitespace (or comment) between tokens becomes one space, and the
// tokens are kept as written, literals and quoted names included (a literal continued on the
// next line, 'a'<newline>'b', is one token: its newline stays). A trailing ';' is dropped.
std::string one_line(std::string_view sql);

// A form of `sql` for comparing: one_line's, with unquoted words lower-cased (as the server folds
// them) and a space between every two tokens, so that spacing and case make no difference.
std::string comparable_sql(std::string_view sql);

}  // namespace strata
