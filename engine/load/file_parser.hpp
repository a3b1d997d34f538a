// The parser of one declared-schema file: YAML -> DeclaredSchema, the shape of the format
// (docs/schema-format.md). References between objects are checked later, in resolve.cpp.
// Members are defined by topic: parse.cpp (the document, database, schemas, enums, sequences),
// parse_table.cpp (tables, columns, keys, locality), parse_keys.cpp (indexes, unique constraints,
// foreign keys).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load/declared.hpp"
#include "engine/load/yaml_reader.hpp"

namespace strata::load {

class FileParser {
 public:
  FileParser(const std::string& file, DeclaredSchema& into, std::vector<Diagnostic>& diagnostics,
             std::uint32_t file_index)
      : in_(file, diagnostics, file_index), into_(into) {}

  void parse_document(const YamlNode& root);

  Reader& reader() { return in_; }

 private:
  // An expression-valued field: a string (or a number / boolean scalar) holding one SQL expression.
  std::optional<std::string> expression(const YamlNode& node, const What& what);
  void parse_database(const YamlNode& key_node, const YamlNode& node);
  void parse_schemas(const YamlNode& node);
  void parse_view(const std::string& name, const YamlNode& key_node, const YamlNode& node);
  void parse_definitions(const YamlNode& node, bool triggers);
  void parse_extension(const std::string& name, const YamlNode& key_node, const YamlNode& node);
  void parse_enum(const std::string& name, const YamlNode& key_node, const YamlNode& node);
  void parse_sequence(const std::string& name, const YamlNode& key_node, const YamlNode& node);
  void parse_table(const std::string& name, const YamlNode& key_node, const YamlNode& node);
  void parse_column(DeclaredTable& table, const std::string& name, const YamlNode& key_node, const YamlNode& node);
  void parse_generated(DeclaredColumn& c, const YamlNode& node);
  void parse_primary_key(DeclaredTable& table, const YamlNode& node);
  void parse_locality(DeclaredTable& table, const YamlNode& node);
  void parse_ttl(DeclaredTable& table, const YamlNode& node);
  void parse_index_key(DeclaredIndex& index, const YamlNode& node);
  void parse_index_visibility(DeclaredIndex& index, const YamlNode& node);
  void parse_index(std::vector<DeclaredIndex>& indexes, const YamlNode& node);  // of a table or a view
  std::optional<int> shard_buckets(const YamlNode& node);
  void parse_unique(DeclaredTable& table, const YamlNode& node);
  std::optional<ReferentialAction> action(const YamlNode& node, const What& what);
  void parse_reference(DeclaredForeignKey& fk, const DeclaredTable& table, const YamlNode& node);
  void parse_foreign_key(DeclaredTable& table, const YamlNode& node);

  Reader in_;
  DeclaredSchema& into_;
};

}  // namespace strata::load
