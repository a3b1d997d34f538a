// The schema a migrations directory builds, without a server: the up files, in version order,
// read by the SQL reader of the server's kind (the reader follows CREATE, ALTER, RENAME and DROP;
// statements that change no schema are noted and skipped). `strata check` plans the migrations'
// drift with it when there is no --dev-url, and `strata migrate baseline` compares a database with it.
#pragma once

#include <cstdint>
#include <string_view>

#include "migrations/directory.hpp"
#include "strata/declared_schema.hpp"

namespace strata {

// The up files of the migrations with a version up to `last`, read as `dialect` SQL. Throws
// LoadError (file:line:column) for a statement the reader cannot follow.
LoadedSchema replay_offline(const migrations::Directory& directory, std::string_view dialect,
                            std::int64_t last = INT64_MAX);

// `schema` without the objects of namespaces `like` does not use ("public" always counts), as a
// live read of those namespaces would see it.
Schema within_namespaces_of(Schema schema, const Schema& like);

}  // namespace strata
