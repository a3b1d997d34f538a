#include "app/offline_replay.hpp"

#include <algorithm>

namespace strata {

LoadedSchema replay_offline(const migrations::Directory& directory, std::string_view dialect, std::int64_t last) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& m : directory.migrations) {
    if (m.version > last) break;
    files.emplace_back((directory.path / m.up.file_name).string(), m.up.text());
  }
  SchemaLoadOptions options;
  options.sql_dialect = std::string(dialect);
  if (files.empty()) return {};
  return load_declared_texts(files, options);
}

Schema within_namespaces_of(Schema schema, const Schema& like) {
  const auto kept = [&](const QualifiedName& name) {
    return name.schema == "public" ||
           std::find(like.schemas.begin(), like.schemas.end(), name.schema) != like.schemas.end();
  };
  std::erase_if(schema.tables, [&](const Table& t) { return !kept(t.name); });
  std::erase_if(schema.enums, [&](const Enum& e) { return !kept(e.name); });
  std::erase_if(schema.sequences, [&](const Sequence& s) { return !kept(s.name); });
  std::erase_if(schema.schemas, [&](const std::string& s) {
    return std::find(like.schemas.begin(), like.schemas.end(), s) == like.schemas.end();
  });
  return schema;
}

}  // namespace strata
