// Default names for indexes and constraints, chosen the way PostgreSQL chooses them
// (`<table>_<columns>_<label>`, truncated to 63 bytes, a number added on a clash), so that the
// names strata emits are the names a server would have picked.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace strata {

// PostgreSQL's makeObjectName: "<name1>_<name2>_<label>", shortening the longer of name1 and
// name2 until the whole fits in 63 bytes, never splitting a UTF-8 character. name2 may be empty.
std::string make_object_name(std::string_view name1, std::string_view name2, std::string_view label);

// make_object_name, then label1, label2… until `taken` says the name is free.
std::string choose_name(std::string_view name1, std::string_view name2, std::string_view label,
                        const std::function<bool(const std::string&)>& taken);

// The name part for an index expression: the function's name for a call (`lower(email)` -> "lower"),
// "expr" otherwise.
std::string expression_name_part(std::string_view expression);

}  // namespace strata
