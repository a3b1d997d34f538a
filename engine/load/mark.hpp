// Where a declared object was read: small enough to keep for every column, key and constraint
// (a SourcePosition holds its file name; a schema keeps tens of thousands of positions).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "strata/errors.hpp"

namespace strata::load {

struct Mark {
  std::uint32_t file = 0;  // index into the list of files read (DeclaredSchema::files)
  int line = 0;            // from 1; 0 unknown
  int column = 0;
};

inline SourcePosition position_of(const Mark& mark, const std::vector<std::string>& files) {
  return {mark.file < files.size() ? files[mark.file] : std::string(), mark.line, mark.column};
}

}  // namespace strata::load
