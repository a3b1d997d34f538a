#include "engine/load/yaml_reader.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <fmt/format.h>

namespace strata::load {

namespace {

// Notes where a document starts; ignores the rest.
class DocumentMarks : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  YAML::Mark start = YAML::Mark::null_mark();
};

// True when `text` holds more than one YAML document, with where the second starts. Reads the
// stream document by document itself: YAML::LoadAll in yaml-cpp 0.7 loops forever on some bad
// input (a stray ',' at the top level, yaml-cpp issue #1040).
bool has_second_document(const std::string& text, YAML::Mark& where) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentMarks first;
  if (!parser.HandleNextDocument(first)) return false;
  DocumentMarks second;
  if (!parser.HandleNextDocument(second)) return false;
  where = second.start;
  return true;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string_view kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "a scalar";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Undefined:
      return "nothing";
  }
  return "nothing";
}

}  // namespace

SourcePosition Reader::at(const YAML::Mark& mark) const {
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

SourcePosition Reader::at(const YAML::Node& node) const {
  return at(node.Mark());
}

void Reader::error(SourcePosition position, std::string message) {
  out_.push_back({std::move(position), std::move(message)});
}

bool Reader::expect_map(const YAML::Node& node, std::string_view what) {
  if (node.IsMap()) return true;
  error(node, fmt::format("expected {} as a mapping (key: value), found {}", what, kind_of(node)));
  return false;
}

bool Reader::expect_sequence(const YAML::Node& node, std::string_view what) {
  if (node.IsSequence()) return true;
  error(node, fmt::format("expected {} as a list, found {}", what, kind_of(node)));
  return false;
}

std::optional<std::string> Reader::string(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    error(node, fmt::format("expected {} as a string, found {}", what, kind_of(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> Reader::name(const YAML::Node& node, std::string_view what) {
  auto value = string(node, what);
  if (!value) return std::nullopt;
  if (value->empty()) {
    error(node, fmt::format("expected {}, found an empty string", what));
    return std::nullopt;
  }
  if (value->size() > kMaxNameBytes) {
    error(node, fmt::format("expected {} of at most {} bytes, found {} bytes (PostgreSQL would truncate it)", what,
                            kMaxNameBytes, value->size()));
    return std::nullopt;
  }
  if (value->find('\0') != std::string::npos) {
    error(node, fmt::format("expected {} without NUL bytes", what));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    const std::string value = lower(node.Scalar());
    if (value == "true" || value == "yes" || value == "on") return true;
    if (value == "false" || value == "no" || value == "off") return false;
  }
  error(node, fmt::format("expected {} as true or false", what));
  return std::nullopt;
}

std::optional<std::int64_t> Reader::integer(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    try {
      return node.as<std::int64_t>();
    } catch (const YAML::Exception&) {
    }
  }
  error(node, fmt::format("expected {} as a whole number", what));
  return std::nullopt;
}

std::optional<std::vector<std::string>> Reader::names(const YAML::Node& node, std::string_view what,
                                                      std::vector<SourcePosition>* positions) {
  if (!expect_sequence(node, what)) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : node) {
    auto value = name(item, fmt::format("each entry of {}", what));
    if (!value) {
      ok = false;
      continue;
    }
    out.push_back(*value);
    if (positions) positions->push_back(at(item));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> Reader::choice(const YAML::Node& node, std::string_view what,
                                          std::initializer_list<std::string_view> choices) {
  if (node.IsScalar()) {
    const std::string value = lower(node.Scalar());
    for (auto c : choices) {
      if (value == c) return value;
    }
  }
  error(node, fmt::format("expected {} to be one of: {}", what, fmt::join(choices, ", ")));
  return std::nullopt;
}

void Reader::entries(const YAML::Node& map, std::string_view what, std::initializer_list<std::string_view> known,
                     const EntryFn& fn) {
  if (!expect_map(map, what)) return;
  std::set<std::string> seen;
  for (const auto& entry : map) {
    if (!entry.first.IsScalar()) {
      error(entry.first, fmt::format("expected a key of {} to be a string", what));
      continue;
    }
    const std::string key = entry.first.Scalar();
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      error(entry.first, fmt::format("unknown key '{}' in {}; expected one of: {}", key, what, fmt::join(known, ", ")));
      continue;
    }
    if (!seen.insert(key).second) {
      error(entry.first, fmt::format("duplicate key '{}' in {}", key, what));
      continue;
    }
    fn(key, entry.first, entry.second);
  }
}

void Reader::named_entries(const YAML::Node& map, std::string_view what, const EntryFn& fn) {
  if (map.IsNull()) return;
  if (!expect_map(map, what)) return;
  std::set<std::string> seen;
  for (const auto& entry : map) {
    auto key = name(entry.first, fmt::format("a name in {}", what));
    if (!key) continue;
    if (!seen.insert(*key).second) {
      error(entry.first, fmt::format("duplicate name '{}' in {}", *key, what));
      continue;
    }
    fn(*key, entry.first, entry.second);
  }
}

std::optional<YAML::Node> Reader::document(const std::string& text) {
  try {
    YAML::Mark second;
    if (has_second_document(text, second)) {
      error(at(second), "expected one YAML document per file");
      return std::nullopt;
    }
    return YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's depth guard says only "bad file".
    error(at(e.mark),
          fmt::format("expected YAML nested at most {} levels deep: it is nested too deeply here", e.depth() - 1));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    error(at(e.mark), "expected valid YAML: " + e.msg);
    return std::nullopt;
  }
}

}  // namespace strata::load
