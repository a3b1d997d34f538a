// TLS against a real PostgreSQL with certificates the test makes: sslmode=verify-full with the
// right CA connects; another CA, an expired certificate and a wrong host name are refused with an
// error that says which; a client certificate logs in (as CockroachDB clusters use them).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/db/connection.hpp"
#include "strata/errors.hpp"
#include "support/run_command.hpp"
#include "support/secure_server.hpp"

namespace strata {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_command;
using testing::SecureServer;
using testing::strata_binary;

class Tls : public ::testing::Test {
 protected:
  void SetUp() override {
    STRATA_REQUIRE_LOCAL_POSTGRES();
    server_ = std::make_unique<SecureServer>();
  }

  std::string verify_full(const std::string& host, const std::string& ca, const std::string& user = "postgres",
                          const std::string& extra = "") const {
    return server_->url(host, user, "postgres", "sslmode=verify-full&sslrootcert=" + server_->cert(ca) + extra);
  }

  testing::CommandResult inspect(const std::string& url) const {
    return run_command({strata_binary(), "inspect", "--url", url}, {"DATABASE_URL="});
  }

  std::unique_ptr<SecureServer> server_;
};

TEST_F(Tls, VerifyFullWithTheRightCaConnectsOverTls) {
  const std::string url = verify_full("localhost", "ca.crt");
  Connection connection(url);
  EXPECT_TRUE(connection.exec("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")[0][0].as<bool>());
  const auto result = inspect(url);
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(Tls, AnotherCaIsRefusedAndNamed) {
  const auto result = inspect(verify_full("localhost", "other-ca.crt"));
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_THAT(result.err, HasSubstr("certificate verify failed"));
  EXPECT_THAT(result.err, HasSubstr("is not signed by a CA in sslrootcert " + server_->cert("other-ca.crt")));
  EXPECT_THAT(result.err, HasSubstr("issued by /CN=strata test ca"));
  EXPECT_THAT(result.err, Not(HasSubstr("expired")));
}

TEST_F(Tls, AnExpiredCertificateIsRefusedAndNamed) {
  server_->use_server_certificate("expired.crt");
  const auto result = inspect(verify_full("localhost", "ca.crt"));
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_THAT(result.err, HasSubstr("the server's certificate has expired: it was valid until Feb  1 00:00:00 2020"));
  EXPECT_THAT(result.err, Not(HasSubstr("not signed by")));
  // Without verification (sslmode=require) the same server is reachable: it was the date.
  const auto unverified = inspect(server_->url("localhost", "postgres", "postgres", "sslmode=require"));
  EXPECT_EQ(unverified.exit_code, 0) << unverified.err;
}

TEST_F(Tls, AWrongHostNameIsRefusedAndNamed) {
  const auto result = inspect(verify_full("127.0.0.1", "ca.crt"));
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_THAT(result.err, HasSubstr("does not match host name \"127.0.0.1\""));
  EXPECT_THAT(result.err, HasSubstr("the host name in the URL must be one the server's certificate names"));
}

TEST_F(Tls, AClientCertificateLogsIn) {
  const std::string with_cert =
      verify_full("localhost", "ca.crt", testing::kCertUser,
                  "&sslcert=" + server_->cert("client.crt") + "&sslkey=" + server_->cert("client.key"));
  Connection connection(with_cert);
  EXPECT_EQ(connection.exec("SELECT current_user")[0][0].as<std::string>(), testing::kCertUser);
  const auto result = inspect(with_cert);
  EXPECT_EQ(result.exit_code, 0) << result.err;

  // The server asks for the certificate: without one the login is refused, and the error says so.
  const auto without = inspect(verify_full("localhost", "ca.crt", testing::kCertUser));
  EXPECT_EQ(without.exit_code, 3);
  EXPECT_THAT(without.err, HasSubstr("connection requires a valid client certificate"));
}

}  // namespace
}  // namespace strata
