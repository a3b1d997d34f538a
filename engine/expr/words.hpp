// Word tables for canonical SQL expressions: PostgreSQL's keyword classes (which decide when a
// name must be quoted) and the words the token form prints in upper case.
#pragma once

#include <string>
#include <string_view>

namespace strata::expr {

// PostgreSQL's RESERVED keywords (and the operator-like words IS, LIKE…): never a bare column name.
bool is_reserved_keyword(std::string_view word);

// Any PostgreSQL keyword that is not UNRESERVED: quote_identifier() quotes these.
bool is_keyword(std::string_view word);

// [a-z_][a-z0-9_]*: a name that needs no quotes unless it is a keyword.
bool is_plain_name(std::string_view name);

// `name` as PostgreSQL prints it: bare when plain and not a keyword, otherwise in double quotes.
std::string quote_name(std::string_view name);

// `name` in double quotes, embedded double quotes doubled.
std::string double_quoted(std::string_view name);

// `value` as a standard string literal: single quotes, embedded quotes doubled.
std::string quote_string(std::string_view value);

// `word` with ASCII letters in upper case.
std::string upper_case(std::string_view word);

// Token form: words printed in upper case.
bool is_upper_word(std::string_view word);

// Token form: upper-case words written like a function, with no space before "(".
bool is_call_word(std::string_view word);

// Token form: upper-case words that end an operand (NULL, END, CURRENT_DATE…), so that an operator
// after them is binary.
bool is_value_word(std::string_view word);

// Token form: a quoted identifier that may be printed bare without changing how the tokens parse.
bool is_bare_in_token_form(std::string_view name);

}  // namespace strata::expr
