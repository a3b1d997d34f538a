#include "tools/strata/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>

#include <fmt/format.h>

#include "strata/errors.hpp"

namespace strata::cli {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, std::string_view call, int error) {
  throw UsageError(fmt::format("cannot write {}: {} ({})", path, std::strerror(error), call));
}

// `path` with every symbolic link along the final component followed (a dangling link names the
// file it would create). Links in the directories are left to the kernel.
fs::path follow_links(const std::string& path) {
  fs::path current = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat info {};
    if (lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
    std::error_code ec;
    const fs::path next = fs::read_symlink(current, ec);
    if (ec) return current;
    current = next.is_absolute() ? next : current.parent_path() / next;
  }
  fail(path, "following symbolic links", ELOOP);
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // Closes now, so that a failure to close (a full disk on NFS) is seen. Returns errno or 0.
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

// Writes all of `text`; returns 0 or the errno of the failing write.
int write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

// A device, a FIFO, a file with other hard links, or a file strata could not replace keeping its
// owner: written where it is, as a shell's `>` would.
void write_in_place(const std::string& shown, const fs::path& target, const std::string& text) {
  Descriptor fd(::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0666));
  if (fd.get() < 0) fail(shown, "open", errno);
  if (const int error = write_all(fd.get(), text)) fail(shown, "write", error);
  if (const int error = fd.close()) fail(shown, "close", error);
}

// Regular files (or none yet): a temporary file beside the target, given the target's mode and
// owner, then renamed over it, so that a reader never sees half a file. False when the temporary
// file cannot be made or cannot take the target's owner (the caller writes in place instead).
bool replace_regular_file(const std::string& shown, const fs::path& target, const struct stat* existing,
                          const std::string& text) {
  std::random_device random;
  const fs::path directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const fs::path temporary =
      directory / fmt::format(".{}.strata-{:08x}", target.filename().string(), static_cast<unsigned>(random()));
  Descriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
  if (fd.get() < 0) {
    // The directory is not there: say so about the target, the temporary name means nothing to a user.
    if (errno == ENOENT || errno == ENOTDIR || existing == nullptr) fail(shown, "open", errno);
    return false;  // a directory strata may not write in, holding a file it may: write in place
  }
  auto discard = [&] { ::unlink(temporary.c_str()); };
  if (existing != nullptr) {
    const bool same_owner = existing->st_uid == ::geteuid() && existing->st_gid == ::getegid();
    if ((!same_owner && ::fchown(fd.get(), existing->st_uid, existing->st_gid) != 0) ||
        ::fchmod(fd.get(), existing->st_mode & 07777) != 0) {
      discard();
      return false;
    }
  }
  if (const int error = write_all(fd.get(), text)) {
    discard();
    fail(shown, "write", error);
  }
  if (::fsync(fd.get()) != 0 && errno != EINVAL) {
    const int error = errno;
    discard();
    fail(shown, "fsync", error);
  }
  if (const int error = fd.close()) {
    discard();
    fail(shown, "close", error);
  }
  // Only ever over a regular file: look again just before (something may have appeared there).
  struct stat now {};
  if (::lstat(target.c_str(), &now) == 0 && !S_ISREG(now.st_mode)) {
    discard();
    return false;
  }
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const int error = errno;
    discard();
    fail(shown, "rename", error);
  }
  return true;
}

}  // namespace

void write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::cout << text << std::flush;
    return;
  }
  const fs::path target = follow_links(path);
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) {
    if (errno != ENOENT) fail(path, "stat", errno);
    if (!replace_regular_file(path, target, nullptr, text)) write_in_place(path, target, text);
    return;
  }
  if (S_ISDIR(info.st_mode)) fail(path, "open", EISDIR);
  if (!S_ISREG(info.st_mode) || info.st_nlink > 1 || !replace_regular_file(path, target, &info, text)) {
    write_in_place(path, target, text);
  }
}

}  // namespace strata::cli
