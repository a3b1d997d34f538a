#include "engine/db/server_dialect.hpp"

namespace strata {

std::unique_ptr<SchemaJobs> ServerDialect::schema_jobs(Connection&, const JobWaitSettings&) const {
  return nullptr;
}

void ServerDialect::prepare_session(Connection&) const {}

InterruptedFinding ServerDialect::interrupted_statement(Connection&, const std::string&) const {
  return {};
}

bool ServerDialect::reports_progress(const std::string&) const {
  return false;
}

std::optional<IndexBuildProgress> ServerDialect::statement_progress(Connection&, int) const {
  return std::nullopt;
}

std::optional<SessionIdentity> ServerDialect::session_identity(Connection&) const {
  return std::nullopt;
}

std::optional<bool> ServerDialect::session_running(Connection&, const SessionIdentity&) const {
  return std::nullopt;
}

}  // namespace strata
