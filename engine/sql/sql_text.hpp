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

}  // namespace strata
