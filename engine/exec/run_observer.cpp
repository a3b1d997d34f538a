// RunObserver's defaults: a run reports nothing unless someone listens.
#include "strata/run_options.hpp"

namespace strata {

RunObserver::~RunObserver() = default;
void RunObserver::waiting_for_lock(const std::string&, std::chrono::seconds) {}
void RunObserver::step_started(std::size_t, std::size_t, const Step&) {}
void RunObserver::step_finished(std::size_t, std::size_t, const Step&, std::chrono::milliseconds) {}
void RunObserver::job_progress(const std::string&) {}
void RunObserver::retrying(const std::string&, int, std::chrono::milliseconds) {}
void RunObserver::index_build_progress(const IndexBuildProgress&) {}

}  // namespace strata
