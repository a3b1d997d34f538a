// Quoting of SQL identifiers and literals. Shared by both dialects: an identifier is left bare
// only when it is a lower-case word that is not a keyword of PostgreSQL or CockroachDB.
#pragma once

#include <string>
#include <string_view>

namespace strata {

// True when `word` is a keyword that cannot stand as a bare column or table name.
bool is_reserved_word(std::string_view word);

// `identifier` as SQL: bare when safe, otherwise in double quotes with embedded quotes doubled.
std::string quote_ident(std::string_view identifier);

// `schema.name`, each part quoted where needed; the schema is left out when it is empty.
std::string quote_qualified(std::string_view schema, std::string_view name);

// A string literal: single quotes, embedded quotes doubled. Rejects NUL bytes (PlanError).
std::string quote_literal(std::string_view value);

}  // namespace strata
