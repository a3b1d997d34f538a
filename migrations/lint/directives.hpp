// `-- strata:ignore CODE reason` comments: each silences one code for the one statement it
// precedes or sits in, and must say why.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace strata::migrations::lint {

struct IgnoreDirective {
  int line = 0;        // from 1
  std::string code;    // as written ("SL101"); empty when the directive names none
  std::string reason;  // the rest of the line, trimmed
};

// Every directive in `text`, in line order. A directive is a line comment whose text starts with
// `strata:ignore`, on a line of its own or after a statement.
std::vector<IgnoreDirective> ignore_directives(std::string_view text);

}  // namespace strata::migrations::lint
