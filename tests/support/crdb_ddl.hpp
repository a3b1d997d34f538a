// Reading CockroachDB DDL in tests: the DDL parser (the introspection path) with a current database
// "db" and a naming era, normalize_cockroach() after it, and comparisons of two texts' models.
#pragma once

#include <string_view>
#include <vector>

#include "dialects/cockroachdb/ddl/parser.hpp"
#include "strata/schema.hpp"

namespace strata::testing {

// `sql` read into an empty schema (database "db"); notes, if given, collect what was left out.
Schema parse_crdb(std::string_view sql, cockroachdb::NamingEra era = cockroachdb::NamingEra::V22,
                  std::vector<cockroachdb::ParseNote>* notes = nullptr);

// parse_crdb(), then normalize_cockroach().
Schema normalized_crdb(std::string_view sql, cockroachdb::NamingEra era = cockroachdb::NamingEra::V22);

// Both texts describe the same schema once normalised (a GoogleTest failure otherwise).
void expect_same_crdb(std::string_view declared, std::string_view shown,
                      cockroachdb::NamingEra era = cockroachdb::NamingEra::V22);

// The texts describe different schemas once normalised.
void expect_different_crdb(std::string_view declared, std::string_view shown);

// The schema's one table (throws when it has another number).
const Table& only_table(const Schema& schema);

// The kinds of the notes, in order.
std::vector<cockroachdb::NoteKind> note_kinds(const std::vector<cockroachdb::ParseNote>& notes);

}  // namespace strata::testing
