// Writing command output: to stdout, or to a file.
//
// A regular file (or a name not taken yet) is replaced only once the whole text is ready: a
// temporary file beside it, given its mode and owner, is renamed over it. Anything else is written
// where it is, as a shell's `>` would: a device such as /dev/null, a FIFO, a file with other hard
// links, or a file whose owner strata cannot give the temporary file. Symbolic links are followed
// (the link stays a link). Errors name the path, the reason and the call that failed.
#pragma once

#include <string>

namespace strata::cli {

void write_output(const std::string& text, const std::string& path);

}  // namespace strata::cli
