#include "engine/db/server_dialect.hpp"

namespace strata {

std::unique_ptr<SchemaJobs> ServerDialect::schema_jobs(Connection&, const JobWaitSettings&) const {
  return nullptr;
}

void ServerDialect::prepare_session(Connection&) const {}

}  // namespace strata
