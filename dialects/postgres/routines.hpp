// PostgreSQL functions, procedures and triggers: reading their definitions (declared or printed
// by the server) into the form they are compared in, and reading them from the catalog.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "strata/schema.hpp"

namespace strata::postgres {

// Fills what normalisation sets on a routine (name, kind, identity, signature, compared form, the
// types and relations it needs) from its definition, parsed by PostgreSQL's parser. The compared
// form leaves out what does not change the routine: spacing, case, the quoting of the body, the
// `pg_catalog.` and `public.` of type names, the spelling of a type (int and integer), options at
// their defaults (VOLATILE, CALLED ON NULL INPUT, SECURITY INVOKER, PARALLEL UNSAFE, COST, ROWS)
// and OR REPLACE. A body is compared as text: PostgreSQL keeps it as written. Returns what is
// wrong when the definition is not one CREATE FUNCTION or CREATE PROCEDURE statement.
std::optional<std::string> read_definition(Routine& routine);

// Likewise for a trigger: its name, table and function, and the compared form (the table and
// function qualified, casts over constants and columns in WHEN left out).
std::optional<std::string> read_definition(Trigger& trigger);

// What DROP FUNCTION f(types) names (a libpg_query ObjectWithArgs): the identity, as
// read_definition makes it; or, for a name with no argument list, the prefix of the identities of
// every routine of the name ("public.f(").
struct RoutineReference {
  std::optional<std::string> identity;
  std::string prefix;
};
RoutineReference routine_reference(const nlohmann::json& object_with_args, const std::string& default_schema);

// The definition, ended by a newline when its last line is a `--` comment (so that the `;` a plan
// or migration adds after it is not in the comment).
std::string as_statement(const std::string& definition);

// The definition as CREATE OR REPLACE … (which it may already be).
std::string or_replace(const std::string& definition);

// Throws PlanError for a declared function, procedure or trigger whose definition is not one
// statement of its kind, or that is declared twice (PostgresDialect::check).
void check_routines(const Schema& declared);

// The rows of queries::kRoutines into the schema.
void read_routines(const pqxx::result& rows, Schema& schema);

}  // namespace strata::postgres
