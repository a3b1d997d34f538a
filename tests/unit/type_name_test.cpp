#include <gtest/gtest.h>

#include "engine/model/type_name.hpp"

namespace strata {
namespace {

std::string pg(std::string_view text) {
  return canonical_type(text, IntWidth::Four);
}
std::string crdb(std::string_view text) {
  return canonical_type(text, IntWidth::Eight);
}

TEST(TypeName, PostgresSpellingsMeetOneCanonicalName) {
  // What format_type prints on the left of each pair, what people write on the right.
  EXPECT_EQ(pg("integer"), pg("int4"));
  EXPECT_EQ(pg("int"), "integer");
  EXPECT_EQ(pg("bigint"), pg("INT8"));
  EXPECT_EQ(pg("smallint"), pg("int2"));
  EXPECT_EQ(pg("character varying(20)"), "varchar(20)");
  EXPECT_EQ(pg("VARCHAR (20)"), "varchar(20)");
  EXPECT_EQ(pg("character varying"), "varchar");
  EXPECT_EQ(pg("character(1)"), pg("char"));
  EXPECT_EQ(pg("bpchar(3)"), "char(3)");
  EXPECT_EQ(pg("timestamp with time zone"), "timestamptz");
  EXPECT_EQ(pg("timestamp(3) with time zone"), "timestamptz(3)");
  EXPECT_EQ(pg("timestamp without time zone"), "timestamp");
  EXPECT_EQ(pg("time with time zone"), "timetz");
  EXPECT_EQ(pg("double precision"), pg("float8"));
  EXPECT_EQ(pg("float"), "double precision");
  EXPECT_EQ(pg("float(10)"), "real");
  EXPECT_EQ(pg("decimal(10,2)"), "numeric(10,2)");
  EXPECT_EQ(pg("numeric(10, 2)"), "numeric(10,2)");
  EXPECT_EQ(pg("bool"), "boolean");
  EXPECT_EQ(pg("text[]"), "text[]");
  EXPECT_EQ(pg("integer[]"), pg("int[]"));
  EXPECT_EQ(pg("int[][]"), "integer[]");
  EXPECT_EQ(pg("character varying(20)[]"), "varchar(20)[]");
  EXPECT_EQ(pg("bit varying(5)"), "varbit(5)");
  EXPECT_EQ(pg("text ARRAY"), "text[]");
}

TEST(TypeName, CockroachSpellings) {
  EXPECT_EQ(crdb("INT"), "bigint");
  EXPECT_EQ(crdb("INTEGER"), "bigint");
  EXPECT_EQ(crdb("INT8"), "bigint");
  EXPECT_EQ(crdb("INT4"), "integer");
  EXPECT_EQ(crdb("STRING"), "text");
  EXPECT_EQ(crdb("STRING[]"), "text[]");
  EXPECT_EQ(crdb("BYTES"), "bytea");
  EXPECT_EQ(crdb("FLOAT8"), "double precision");
  EXPECT_EQ(crdb("DECIMAL(10,7)"), "numeric(10,7)");
  EXPECT_EQ(crdb("public.crdb_internal_region"), "crdb_internal_region");
  EXPECT_EQ(crdb("type_test.public.test"), "test");
}

TEST(TypeName, UserTypesKeepTheirSchemaAndQuoting) {
  EXPECT_EQ(pg("order_status"), "order_status");
  EXPECT_EQ(pg("public.order_status"), "order_status");
  EXPECT_EQ(pg("sales.region"), "sales.region");
  EXPECT_EQ(pg("\"Mood\""), "\"Mood\"");
  EXPECT_EQ(pg("\"My \"\"odd\"\" type\"[]"), "\"My \"\"odd\"\" type\"[]");
  EXPECT_EQ(pg("\"select\""), "\"select\"");
  const auto parsed = parse_type_name("sales.\"Region\"", IntWidth::Four, nullptr);
  ASSERT_TRUE(parsed);
  EXPECT_FALSE(parsed->builtin);
  EXPECT_EQ(parsed->schema, "sales");
  EXPECT_EQ(parsed->name, "Region");
}

TEST(TypeName, RejectsWhatIsNotAType) {
  for (const char* bad : {"", "varchar(", "varchar(x)", "boolean(3)", "numeric(1,2,3)", "int(4)", "text]", "a.b.c.d",
                          "\"\"", "varchar(0)", "timestamp with", "text; drop table x", "float(60)"}) {
    std::string error;
    EXPECT_FALSE(parse_type_name(bad, IntWidth::Four, &error).has_value()) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(TypeName, SerialTypesAreRecognised) {
  EXPECT_TRUE(is_serial_type("serial"));
  EXPECT_TRUE(is_serial_type("BIGSERIAL"));
  EXPECT_FALSE(is_serial_type("bigint"));
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

// The model's `int` is the loader's undecided INT; `integer` is always 4 bytes, so normalising
// twice changes nothing, on either server.
TEST(TypeName, ModelTypesAreIdempotentForBothWidths) {
  EXPECT_EQ(canonical_model_type("int", IntWidth::Four), "integer");
  EXPECT_EQ(canonical_model_type("int", IntWidth::Eight), "bigint");
  EXPECT_EQ(canonical_model_type("int[]", IntWidth::Eight), "bigint[]");
  EXPECT_EQ(canonical_model_type("integer", IntWidth::Eight), "integer");
  EXPECT_EQ(canonical_model_type("character varying(3)", IntWidth::Eight), "varchar(3)");
  for (const char* type : {"int", "integer", "bigint", "int[]", "text", "order_status"}) {
    for (auto width : {IntWidth::Four, IntWidth::Eight}) {
      const std::string once = canonical_model_type(type, width);
      EXPECT_EQ(canonical_model_type(once, width), once) << type;
    }
  }
}

}  // namespace
}  // namespace strata
