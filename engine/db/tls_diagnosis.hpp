// Why a server's certificate was refused. libpq (15) says only "SSL error: certificate verify
// failed", the same words for a certificate from another CA and for an expired one; strata looks
// at the certificate itself to name the cause.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace strata {

// Connects to the first host of `conninfo` (a URI or key=value string libpq accepts), asks for
// TLS as libpq does, checks the server's certificate against the conninfo's sslrootcert (default
// ~/.postgresql/root.crt) and returns what is wrong with it, e.g. "the server's certificate
// expired on Feb  1 00:00:00 2020 GMT". Nullopt when it cannot tell (no TLS, unreachable, a Unix
// socket, or nothing wrong). Never throws.
std::optional<std::string> diagnose_server_certificate(const std::string& conninfo, std::chrono::seconds timeout);

}  // namespace strata
