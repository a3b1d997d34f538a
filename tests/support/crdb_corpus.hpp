// The recorded CockroachDB corpus (tests/fixtures/crdb-corpus, a copy of ../shared/crdb-corpus;
// STRATA_CRDB_CORPUS points elsewhere) read into models: for a SHOW CREATE entry, the schema its
// setup statements declare and the schema CockroachDB's printed create_statement describes, both
// read by the CockroachDB DDL parser (the introspection path) and not yet normalised.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialects/cockroachdb/ddl/parser.hpp"
#include "strata/schema.hpp"

namespace strata::testing {

std::filesystem::path crdb_corpus_dir();
std::string read_file_text(const std::filesystem::path& path);

// show_create.json, parsed once.
const nlohmann::json& crdb_show_create();
const nlohmann::json* find_crdb_entry(const std::string& id);

// The entry's text with its Go format placeholders (%s, %[1]s) filled in.
std::string substitute_placeholders(std::string text);

struct CrdbEntryModels {
  Schema declared;                            // from the preconditions and setup_sql
  Schema created;                             // from create_statement and related_statements
  cockroachdb::ParseOptions options;          // how `created` was read (era, current database); notes unset
  std::vector<cockroachdb::ParseNote> notes;  // what the parser left out, both sides
  std::string error;                          // a parse error, or empty
};

CrdbEntryModels parse_crdb_entry(const nlohmann::json& entry);

}  // namespace strata::testing
