// Test support: a throwaway PostgreSQL of the test's own that speaks TLS and asks for passwords
// and client certificates, with certificates the test makes with the `openssl` command.
//
// The server (tools/pg-throwaway start --tls --hba) listens on 127.0.0.1 with ssl=on. Its
// certificate names DNS:localhost only, so host "localhost" verifies and "127.0.0.1" is a wrong
// host name. Logins: "postgres" by trust (with or without TLS), kCertUser only over TLS with a
// client certificate (pg_hba `cert`), kPasswordUser with kPassword (scram-sha-256), kOtherUser
// with a password nobody is told. Certificates in cert_dir(): ca.crt (signed the server and
// client certificates), other-ca.crt (signed nothing of this server), client.crt/.key for
// kCertUser, and on the server server.crt and expired.crt (same key, valid in January 2020).
#pragma once

#include <filesystem>
#include <string>

namespace strata::testing {

inline constexpr const char* kCertUser = "strata_cert_user";
inline constexpr const char* kPasswordUser = "strata_pw_user";
inline constexpr const char* kOtherUser = "strata_other_user";
inline constexpr const char* kPassword = "S3cretPassw0rdX";

class SecureServer {
 public:
  // Makes the certificates and starts the server; throws std::runtime_error saying what failed.
  SecureServer();
  ~SecureServer();
  SecureServer(const SecureServer&) = delete;
  SecureServer& operator=(const SecureServer&) = delete;

  int port() const { return port_; }
  const std::filesystem::path& cert_dir() const { return cert_dir_; }
  std::string cert(const std::string& file_name) const { return (cert_dir_ / file_name).string(); }
  // postgres on the admin database, without TLS: for setting things up.
  std::string admin_url() const;
  // postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE[?QUERY]
  std::string url(const std::string& host, const std::string& user_info, const std::string& database,
                  const std::string& query = "") const;
  // Serves `file_name` (a certificate in the server's tls/ directory) from now on.
  void use_server_certificate(const std::string& file_name) const;

 private:
  std::filesystem::path cert_dir_;
  std::filesystem::path server_dir_;
  int port_ = 0;
};

// Why a SecureServer cannot run here, or empty when it can: it needs PostgreSQL's server
// programs on this machine (tools/deps installs them), even when the suite uses a remote server.
std::string secure_server_unavailable();

}  // namespace strata::testing

// Skip the current test (saying why) when no SecureServer can run on this machine.
#define STRATA_REQUIRE_LOCAL_POSTGRES()                                                         \
  do {                                                                                          \
    if (const std::string why = ::strata::testing::secure_server_unavailable(); !why.empty()) { \
      GTEST_SKIP() << why;                                                                      \
    }                                                                                           \
  } while (false)
