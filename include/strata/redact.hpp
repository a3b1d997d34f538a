// Keeping secrets out of everything strata prints, and out of what an application logs about it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/export.hpp"

namespace strata {

// The secrets in a connection string (URI or key=value form): the password and sslpassword,
// both as written and percent-decoded. Empty when it has none.
STRATA_EXPORT std::vector<std::string> secrets_of(std::string_view url);

// The connection string with its password and sslpassword replaced by "***".
STRATA_EXPORT std::string redact_url(std::string_view url);

// `text` with every occurrence of each secret replaced by "***" (empty secrets are ignored).
STRATA_EXPORT std::string scrub(std::string text, const std::vector<std::string>& secrets);

}  // namespace strata
