#include "strata/inspect.hpp"

#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"

namespace strata {

Schema inspect(const std::string& url, const InspectOptions& options) {
  Connection connection(url, options.connect);
  const auto dialect = detect_dialect(connection);
  return dialect->introspect(connection, IntrospectOptions{options.schemas});
}

}  // namespace strata
