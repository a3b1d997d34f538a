// Keeping secrets out of everything strata prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace strata {

// The secrets in a connection string (URI or key=value form): the password and sslpassword,
// both as written and percent-decoded. Empty when it has none.
std::vector<std::string> secrets_of(std::string_view url);

// The connection string with its password and sslpassword replaced by "***".
std::string redact_url(std::string_view url);

// `text` with every occurrence of each secret replaced by "***" (empty secrets are ignored).
std::string scrub(std::string text, const std::vector<std::string>& secrets);

}  // namespace strata
