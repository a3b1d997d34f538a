// The checksum cache: the SHA-256 of each migration file already hashed, keyed by what stat()
// says of the file (device, inode, size, modification and change times to the nanosecond), so
// that a start-up with nothing pending stats its files instead of reading them.
//
// Why a stamp is enough: any write to a file, and any `touch` that sets its times back, moves its
// change time (ctime) to the present, which nothing but the system clock can set. The one gap is
// a second write within the file system's timestamp granularity of a stat: a file whose ctime is
// not yet kSettled old when it is hashed is therefore not remembered, and is hashed again next time.
//
// Where: $STRATA_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME/strata, else ~/.cache/strata;
// one file per migrations directory, named after a hash of its absolute path. None for a directory
// on a network or shared file system (NFS, SMB, FUSE, 9P, …), whose times come from another clock
// or a client's cache. The cache is only an optimisation: a cache that cannot be read, parsed or
// written is ignored, and one found wrong (a file read later than its checksum that does not
// match it) is deleted.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace strata::migrations {

struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;
  std::int64_t changed_ns = 0;

  bool operator==(const FileStamp&) const = default;
};

// stat() of `name` in the directory open as `directory_fd` (AT_FDCWD: `name` is a path), following
// symbolic links; nothing when it cannot be stat'ed or is not a regular file.
std::optional<FileStamp> stamp_at(int directory_fd, const char* name);

// How old a file's ctime must be before its checksum is remembered.
inline constexpr std::chrono::seconds kSettled{2};

// The cache file for the migrations directory `directory`, from the environment; nothing when
// there is no cache.
std::optional<std::filesystem::path> checksum_cache_file(const std::filesystem::path& directory);

// Deletes the cache `file` (its checksums were found wrong).
void forget_checksums(const std::filesystem::path& file);

class ChecksumCache {
 public:
  // Reads `file` if there is one (nothing: an empty cache that is never saved).
  explicit ChecksumCache(std::optional<std::filesystem::path> file);

  // The checksum remembered for `name` when the file still has this stamp.
  std::optional<std::string> find(const std::string& name, const FileStamp& stamp);

  // Remembers a checksum just computed, unless the file changed less than kSettled before `now`.
  // `stamp` is the file's before it was read; the caller checks that it did not change while read.
  void remember(const std::string& name, const FileStamp& stamp, const std::string& checksum,
                std::chrono::system_clock::time_point now);

  // Writes the cache when remember() added to it or a file it held was not asked for (gone from the
  // directory), to a temporary file then renamed; keeps only the files asked for. Failures are ignored.
  void save();

  const std::optional<std::filesystem::path>& file() const { return file_; }

 private:
  struct Entry {
    FileStamp stamp;
    std::string checksum;
    bool seen = false;
  };
  std::optional<std::filesystem::path> file_;
  std::map<std::string, Entry> entries_;
  bool changed_ = false;
};

}  // namespace strata::migrations
