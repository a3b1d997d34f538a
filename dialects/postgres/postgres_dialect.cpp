#include "dialects/postgres/postgres_dialect.hpp"

#include "engine/model/quote.hpp"

namespace strata::postgres {

std::string PostgresDialect::quote(std::string_view identifier) const {
  return quote_ident(identifier);
}

}  // namespace strata::postgres
