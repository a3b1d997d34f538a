#include <gtest/gtest.h>

#include "strata/redact.hpp"

namespace strata {
namespace {

TEST(Redact, UriPassword) {
  EXPECT_EQ(redact_url("postgresql://app:s3cret@db.example:5432/shop?sslmode=require"),
            "postgresql://app:***@db.example:5432/shop?sslmode=require");
  EXPECT_EQ(redact_url("postgres://app@db/shop"), "postgres://app@db/shop");
  EXPECT_EQ(redact_url("postgresql://app:p%40ss@db/shop"), "postgresql://app:***@db/shop");
  EXPECT_EQ(redact_url("postgresql://app:a@b@db/shop"), "postgresql://app:***@db/shop");
}

TEST(Redact, UriQueryPasswords) {
  EXPECT_EQ(redact_url("postgresql://db/shop?user=app&password=hunter2&sslpassword=k"),
            "postgresql://db/shop?user=app&password=***&sslpassword=***");
}

TEST(Redact, KeywordValuePasswords) {
  EXPECT_EQ(redact_url("host=db user=app password=hunter2 dbname=shop"), "host=db user=app password=*** dbname=shop");
  EXPECT_EQ(redact_url("host=db password = 'with space\\'s' dbname=shop"), "host=db password = *** dbname=shop");
}

TEST(Redact, SecretsIncludeDecodedForms) {
  const auto secrets = secrets_of("postgresql://app:p%40ss@db/shop");
  ASSERT_EQ(secrets.size(), 2u);
  EXPECT_EQ(secrets[0], "p%40ss");
  EXPECT_EQ(secrets[1], "p@ss");
  EXPECT_EQ(scrub("failed for p@ss and p%40ss", secrets), "failed for *** and ***");
  EXPECT_EQ(secrets_of("host=db password='a b'").back(), "a b");
  EXPECT_TRUE(secrets_of("postgresql://app@db/shop").empty());
}

TEST(Redact, MalformedUrlsStillHideThePassword) {
  // libpq reads these as key=value strings and quotes them whole in "missing "=" after ...".
  EXPECT_EQ(redact_url("postgresql//app:S3cret@db:5432/shop"), "postgresql//app:***@db:5432/shop");
  EXPECT_EQ(redact_url("postgresql:/app:S3cret@db/shop?sslmode=require"),
            "postgresql:/app:***@db/shop?sslmode=require");
  EXPECT_EQ(redact_url("app:S3cret@db/shop"), "app:***@db/shop");
  EXPECT_EQ(secrets_of("postgresq://app:S3cret@db/shop"), std::vector<std::string>{"S3cret"});
  // An unencoded '/' in the password: libpq would read part of it as the host or the port.
  EXPECT_EQ(redact_url("postgresql://app:pa/ss@db/shop"), "postgresql://app:***@db/shop");
  EXPECT_EQ(redact_url("host=db user=app dbname=shop"), "host=db user=app dbname=shop");
  EXPECT_EQ(redact_url("postgresql://app@db:5432/shop"), "postgresql://app@db:5432/shop");
}

}  // namespace
}  // namespace strata
