// Loading a declared schema from YAML, and writing a schema back out in the same format.
// The format is documented in docs/schema-format.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/export.hpp"
#include "strata/schema.hpp"

namespace strata {

// Loads one schema spread over files and directories (every *.yaml / *.yml in a directory, in name
// order). Either returns the whole schema or throws LoadError listing every problem with its
// file:line:column; it never returns a partly loaded schema.
STRATA_EXPORT Schema load_schema(const std::vector<std::string>& paths);

// The same from text in memory; `file_name` is used in error positions.
STRATA_EXPORT Schema load_schema_text(std::string_view yaml, const std::string& file_name = "<input>");

// Several texts loaded as one schema: pairs of (file name, text).
STRATA_EXPORT Schema load_schema_texts(const std::vector<std::pair<std::string, std::string>>& files);

// The schema in the declared format: load_schema_text(to_yaml(s)) == s for a normalized schema.
STRATA_EXPORT std::string to_yaml(const Schema& schema);

// The schema as JSON, with the same structure as the YAML format.
STRATA_EXPORT std::string to_json(const Schema& schema);

}  // namespace strata
