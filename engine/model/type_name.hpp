// SQL type names: parsing what a user writes or a catalog prints, and one canonical spelling.
//
// The canonical spelling is PostgreSQL's short form: smallint, integer, bigint, real,
// double precision, numeric(p,s), text, varchar(n), char(n), boolean, bytea, date, time, timetz,
// timestamp, timestamptz, interval, uuid, json, jsonb, …, `T[]` for arrays, and for a user-defined
// type its name, schema-qualified unless it lives in "public", quoted where needed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata {

// What the bare words INT and INTEGER mean: PostgreSQL's 4-byte integer, CockroachDB's INT8
// (its default_int_size), or not decided yet (a declared schema, before a dialect reads it:
// the type is kept as `int`).
enum class IntWidth { Four, Eight, Unresolved };

struct TypeName {
  bool builtin = false;
  std::string schema;  // user-defined types: "public" unless qualified
  std::string name;    // canonical built-in name, or the user type's name
  std::vector<std::int64_t> modifiers;
  int array_dims = 0;

  friend bool operator==(const TypeName&, const TypeName&) = default;
};

// Parses a type name. On failure returns nullopt and sets `error` to what was expected.
std::optional<TypeName> parse_type_name(std::string_view text, IntWidth int_width, std::string* error);

// The canonical spelling.
std::string to_string(const TypeName& type);

// parse + print; returns the input unchanged when it does not parse.
std::string canonical_type(std::string_view text, IntWidth int_width);

// The canonical name of the built-in type spelled `spelling` (lower-case words, no modifiers,
// e.g. "character varying", "int8", "string"), or nullopt when it names no built-in type.
std::optional<std::string> builtin_type(std::string_view spelling, IntWidth int_width);

// A type as the model holds it, in canonical spelling. In the model only a bare `int` is
// undecided (the loader's spelling of INT / INTEGER); `integer` is always the 4-byte integer, as
// PostgreSQL's catalog and the CockroachDB parser write it. So this is idempotent for any width.
std::string canonical_model_type(std::string_view text, IntWidth int_width);

// True for names of serial pseudo-types (serial, bigserial, smallserial, serial4, serial8, serial2).
bool is_serial_type(std::string_view text);

}  // namespace strata
