// The little `strata check --base REF` needs from git: which migration files a ref had, and their
// text there. git runs as a child process with an argument vector (no shell).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace strata::check {

// Throws UsageError unless `ref` names a commit of the repository holding `dir`.
void require_commit(const std::filesystem::path& dir, const std::string& ref);

// The names of the files directly in `dir` as of `ref` (empty when dir did not exist then).
std::vector<std::string> files_at(const std::filesystem::path& dir, const std::string& ref);

// The names of the files directly in `dir` that existed at `ref` and whose content differs now
// (committed since, or edited in the working tree). One git call, whatever the number of files.
std::vector<std::string> edited_since(const std::filesystem::path& dir, const std::string& ref);

}  // namespace strata::check
