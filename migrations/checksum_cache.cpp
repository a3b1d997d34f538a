#include "migrations/checksum_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include "migrations/directory.hpp"

namespace strata::migrations {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFirstLine = "strata checksum cache 1";

std::int64_t nanoseconds(const timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

std::optional<fs::path> cache_root() {
  if (const char* explicit_dir = std::getenv("STRATA_CACHE_DIR")) {
    if (*explicit_dir == '\0') return std::nullopt;
    return fs::path(explicit_dir);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "strata";
  if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path(home) / ".cache" / "strata";
  return std::nullopt;
}

// One number and the space after it; false when there is none.
template <typename Number>
bool take_number(std::string_view& rest, Number& out) {
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), out);
  if (error != std::errc() || end == rest.data() + rest.size() || *end != ' ') return false;
  rest.remove_prefix(static_cast<std::size_t>(end - rest.data()) + 1);
  return true;
}

// "<device> <inode> <size> <mtime ns> <ctime ns> <checksum> <name>"
bool parse_line(std::string_view rest, FileStamp& s, std::string& checksum, std::string& name) {
  if (!take_number(rest, s.device) || !take_number(rest, s.inode) || !take_number(rest, s.size) ||
      !take_number(rest, s.modified_ns) || !take_number(rest, s.changed_ns)) {
    return false;
  }
  const std::size_t space = rest.find(' ');
  if (space == std::string_view::npos || !rest.starts_with("sha256:") || space + 1 == rest.size()) return false;
  checksum = rest.substr(0, space);
  name = rest.substr(space + 1);
  return true;
}

// File systems whose times come from another machine's clock, or are cached by the client, or
// tick coarsely: the stamp cannot vouch for the content there, so nothing is cached.
bool on_shared_file_system(const fs::path& directory) {
  struct statfs info {};
  if (::statfs(directory.c_str(), &info) != 0) return true;
  switch (static_cast<unsigned long>(info.f_type)) {
    case 0x6969UL:      // NFS
    case 0x517BUL:      // SMB
    case 0xFF534D42UL:  // CIFS
    case 0xFE534D42UL:  // SMB2
    case 0x65735546UL:  // FUSE (sshfs, virtiofs, Docker Desktop's shares, …)
    case 0x01021997UL:  // 9P (WSL2's /mnt/c)
    case 0x5346414FUL:  // AFS
    case 0x00C36400UL:  // Ceph
    case 0x47504653UL:  // GPFS
    case 0x786F4256UL:  // VirtualBox shared folders
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<FileStamp> stamp_at(int directory_fd, const char* name) {
  struct stat info {};
  if (::fstatat(directory_fd, name, &info, 0) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
                   static_cast<std::uint64_t>(info.st_size), nanoseconds(info.st_mtim), nanoseconds(info.st_ctim)};
}

std::optional<fs::path> checksum_cache_file(const fs::path& directory) {
  const auto root = cache_root();
  if (!root) return std::nullopt;
  std::error_code error;
  const fs::path absolute = fs::absolute(directory, error);
  if (error || on_shared_file_system(absolute)) return std::nullopt;
  // "sha256:" and the first 16 hex digits: one file per directory, named without its path's characters.
  const std::string key = sha256_checksum(absolute.lexically_normal().string()).substr(7, 16);
  return *root / "checksums" / key;
}

ChecksumCache::ChecksumCache(std::optional<fs::path> file) : file_(std::move(file)) {
  if (!file_) return;
  std::ifstream in(*file_, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line != kFirstLine) return;
  while (std::getline(in, line)) {
    Entry entry;
    std::string name;
    if (!parse_line(line, entry.stamp, entry.checksum, name)) {
      entries_.clear();  // not a cache this strata wrote: start again
      return;
    }
    entries_.emplace(std::move(name), std::move(entry));
  }
}

std::optional<std::string> ChecksumCache::find(const std::string& name, const FileStamp& stamp) {
  const auto it = entries_.find(name);
  if (it == entries_.end() || it->second.stamp != stamp) return std::nullopt;
  it->second.seen = true;
  return it->second.checksum;
}

void ChecksumCache::remember(const std::string& name, const FileStamp& stamp, const std::string& checksum,
                             std::chrono::system_clock::time_point now) {
  if (!file_) return;
  const auto changed = std::chrono::system_clock::time_point(std::chrono::nanoseconds(stamp.changed_ns));
  if (now - changed < kSettled) {
    entries_.erase(name);
    return;
  }
  entries_[name] = Entry{stamp, checksum, true};
  changed_ = true;
}

void forget_checksums(const fs::path& file) {
  std::error_code ignored;
  fs::remove(file, ignored);
}

void ChecksumCache::save() {
  if (!file_) return;
  const bool dropped = std::any_of(entries_.begin(), entries_.end(), [](const auto& e) { return !e.second.seen; });
  if (!changed_ && !dropped) return;
  std::string out = std::string(kFirstLine) + "\n";
  for (const auto& [name, entry] : entries_) {
    if (!entry.seen) continue;
    const FileStamp& s = entry.stamp;
    out += fmt::format("{} {} {} {} {} {} {}\n", s.device, s.inode, s.size, s.modified_ns, s.changed_ns, entry.checksum,
                       name);
  }
  std::error_code error;
  fs::create_directories(file_->parent_path(), error);
  std::string temporary = file_->string() + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  const bool written = ::write(fd, out.data(), out.size()) == static_cast<ssize_t>(out.size());
  if (::close(fd) != 0 || !written) {
    fs::remove(temporary, error);
    return;
  }
  fs::rename(temporary, *file_, error);
  if (error) fs::remove(temporary, error);
}

}  // namespace strata::migrations
