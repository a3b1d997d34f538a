// Comparing two schemas wherever they are: live databases or declared (YAML) schemas, in any pair.
// What `strata diff` does.
#pragma once

#include <string>
#include <vector>

#include "strata/connect.hpp"
#include "strata/export.hpp"
#include "strata/plan.hpp"

namespace strata {

// One side of a comparison: a database (`url`) or a declared schema (`paths`, files or
// directories of YAML). Exactly one of the two is given.
struct SchemaSource {
  std::string url;
  std::vector<std::string> paths;

  static SchemaSource database(std::string url) { return {std::move(url), {}}; }
  static SchemaSource declared(std::vector<std::string> paths) { return {{}, std::move(paths)}; }
  bool is_database() const { return !url.empty(); }
};

struct CompareOptions {
  ConnectOptions connect;
  // Two declared schemas: the dialect whose planner compares them ("postgres" when empty). With a
  // database on either side its server's dialect is used, and a dialect given here must be it.
  std::string dialect;
};

// The plan that would turn `from` into `to`, made by the planner `strata plan` uses (same steps,
// same hazards); empty when the two are equal. Two databases are read at the same time, each on
// its own connection, every user namespace but strata's own tables. A database compared with a
// declared schema is read as `strata plan` reads it (the declared schema's namespaces and public).
// Throws LoadError, ConnectionError, DatabaseError, UsageError (two servers of different kinds, a
// --dialect that is not the server's).
STRATA_EXPORT Plan compare_schemas(const SchemaSource& from, const SchemaSource& to,
                                   const CompareOptions& options = {});

}  // namespace strata
