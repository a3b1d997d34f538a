#include "strata/inspect.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "engine/model/quote.hpp"

namespace strata {

namespace {

// A namespace asked for that the database does not have (or that strata does not read: a system or
// an extension's) is a mistake, not an empty schema: printing nothing would look like one.
void require_namespaces(const Schema& schema, const std::vector<std::string>& requested) {
  std::vector<std::string> missing;
  for (const auto& name : requested) {
    if (name == "public") continue;
    if (std::find(schema.schemas.begin(), schema.schemas.end(), name) == schema.schemas.end()) {
      missing.push_back(quote_ident(name));
    }
  }
  if (missing.empty()) return;
  throw UsageError(fmt::format(
      "database {} has no schema {} (or {} a system or extension schema, which strata does "
      "not read): nothing to inspect there",
      quote_ident(schema.database.name), fmt::join(missing, ", "), missing.size() == 1 ? "it is" : "they are"));
}

}  // namespace

Schema inspect(const std::string& url, const InspectOptions& options) {
  Connection connection(url, options.connect);
  const auto dialect = detect_dialect(connection);
  Schema schema = dialect->introspect(connection, IntrospectOptions{options.schemas, options.skipped});
  require_namespaces(schema, options.schemas);
  if (options.dialect) *options.dialect = dialect->name();
  return schema;
}

}  // namespace strata
