#include "engine/exec/progress_watcher.hpp"

#include "engine/db/connection.hpp"

namespace strata {

ProgressWatcher::ProgressWatcher(const ServerDialect& dialect, std::string url, ConnectOptions connect, int backend_pid,
                                 RunObserver* observer, std::chrono::milliseconds interval)
    : dialect_(dialect),
      url_(std::move(url)),
      connect_(std::move(connect)),
      backend_pid_(backend_pid),
      observer_(observer),
      interval_(interval) {}

ProgressWatcher::~ProgressWatcher() {
  stop();
}

ProgressWatcher::Watch::~Watch() {
  if (watcher_) watcher_->stop();
}

ProgressWatcher::Watch ProgressWatcher::watch(const std::vector<std::string>& statements) {
  if (observer_ == nullptr || broken_) return Watch();
  for (const auto& statement : statements) {
    if (!dialect_.reports_progress(statement)) continue;
    stop();
    {
      std::lock_guard<std::mutex> guard(mutex_);
      stopping_ = false;
    }
    thread_ = std::thread([this, statement] { poll(statement); });
    return Watch(this);
  }
  return Watch();
}

void ProgressWatcher::stop() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

// Reports what changed since the last look; a failure to look ends the watching for the run (the
// statement itself goes on: progress is only ever a report).
void ProgressWatcher::poll(std::string statement) {
  std::optional<IndexBuildProgress> last;
  std::unique_lock<std::mutex> guard(mutex_);
  while (!wake_.wait_for(guard, interval_, [this] { return stopping_; })) {
    guard.unlock();
    try {
      if (!connection_) {
        ConnectOptions options = connect_;
        options.application_name = "strata progress";
        connection_ = std::make_unique<Connection>(url_, options);
      }
      if (auto progress = dialect_.statement_progress(*connection_, backend_pid_)) {
        progress->statement = statement;
        if (!last || !(*last == *progress)) observer_->index_build_progress(*progress);
        last = std::move(progress);
      }
    } catch (const std::exception&) {
      connection_.reset();
      broken_ = true;
      return;
    }
    guard.lock();
  }
}

}  // namespace strata
