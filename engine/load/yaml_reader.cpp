#include "engine/load/yaml_reader.hpp"

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

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

std::string_view kind_of(const YamlNode& node) {
  switch (node.kind()) {
    case YamlKind::Scalar:
      return "a scalar";
    case YamlKind::Sequence:
      return "a list";
    case YamlKind::Map:
      return "a mapping";
    case YamlKind::Null:
    case YamlKind::Undefined:
      return "nothing";
  }
  return "nothing";
}

// What yaml-cpp says about text that libyaml refused: the words and positions strata has always
// given (tests/loader/bad), found only on this error path. Nullopt when yaml-cpp accepts it.
std::optional<Diagnostic> yaml_cpp_problem(const std::string& file, const std::string& text) {
  const auto at = [&](const YAML::Mark& mark) {
    return mark.is_null() ? SourcePosition{file, 0, 0} : SourcePosition{file, mark.line + 1, mark.column + 1};
  };
  try {
    YAML::Mark second;
    if (has_second_document(text, second)) return Diagnostic{at(second), "expected one YAML document per file"};
    YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's depth guard says only "bad file"
    return Diagnostic{
        at(e.mark),
        fmt::format("expected YAML nested at most {} levels deep: it is nested too deeply here", e.depth() - 1)};
  } catch (const YAML::Exception& e) {
    return Diagnostic{at(e.mark), "expected valid YAML: " + e.msg};
  }
  return std::nullopt;
}

}  // namespace

void Reader::error(SourcePosition position, std::string message) {
  out_.push_back({std::move(position), std::move(message)});
}

bool Reader::expect_map(const YamlNode& node, const What& what) {
  if (node.is_map()) return true;
  error(node, fmt::format("expected {} as a mapping (key: value), found {}", what.str(), kind_of(node)));
  return false;
}

bool Reader::expect_sequence(const YamlNode& node, const What& what) {
  if (node.is_sequence()) return true;
  error(node, fmt::format("expected {} as a list, found {}", what.str(), kind_of(node)));
  return false;
}

std::optional<std::string> Reader::string(const YamlNode& node, const What& what) {
  if (!node.is_scalar()) {
    error(node, fmt::format("expected {} as a string, found {}", what.str(), kind_of(node)));
    return std::nullopt;
  }
  return std::string(node.scalar());
}

std::optional<std::string> Reader::name(const YamlNode& node, const What& what) {
  auto value = string(node, what);
  if (!value) return std::nullopt;
  if (value->empty()) {
    error(node, fmt::format("expected {}, found an empty string", what.str()));
    return std::nullopt;
  }
  if (value->size() > kMaxNameBytes) {
    error(node, fmt::format("expected {} of at most {} bytes, found {} bytes (PostgreSQL would truncate it)",
                            what.str(), kMaxNameBytes, value->size()));
    return std::nullopt;
  }
  if (value->find('\0') != std::string::npos) {
    error(node, fmt::format("expected {} without NUL bytes", what.str()));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const YamlNode& node, const What& what) {
  if (node.is_scalar()) {
    const std::string value = lower(std::string(node.scalar()));
    if (value == "true" || value == "yes" || value == "on") return true;
    if (value == "false" || value == "no" || value == "off") return false;
  }
  error(node, fmt::format("expected {} as true or false", what.str()));
  return std::nullopt;
}

std::optional<std::int64_t> Reader::integer(const YamlNode& node, const What& what) {
  if (node.is_scalar()) {
    // yaml-cpp's reading of a whole number (decimal, 0x hex, 0 octal), as strata has always had it.
    std::int64_t value = 0;
    if (YAML::convert<std::int64_t>::decode(YAML::Node(std::string(node.scalar())), value)) return value;
  }
  error(node, fmt::format("expected {} as a whole number", what.str()));
  return std::nullopt;
}

std::optional<std::vector<std::string>> Reader::names(const YamlNode& node, const What& what,
                                                      std::vector<Mark>* positions) {
  if (!expect_sequence(node, what)) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (const YamlNode item : node.items()) {
    auto value = name(item, What("each entry of ", what));
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

std::optional<std::string> Reader::choice(const YamlNode& node, const What& what,
                                          std::initializer_list<std::string_view> choices) {
  if (node.is_scalar()) {
    const std::string value = lower(std::string(node.scalar()));
    for (auto c : choices) {
      if (value == c) return value;
    }
  }
  error(node, fmt::format("expected {} to be one of: {}", what.str(), fmt::join(choices, ", ")));
  return std::nullopt;
}

void Reader::entries(const YamlNode& map, const What& what, std::initializer_list<std::string_view> known, EntryFn fn) {
  entries(map, what, std::span<const std::string_view>(known.begin(), known.size()), fn);
}

void Reader::entries(const YamlNode& map, const What& what, std::span<const std::string_view> known, EntryFn fn) {
  if (!expect_map(map, what)) return;
  std::uint64_t seen = 0;  // bit i: known key i was met (no section has 64 keys)
  for (const auto entry : map.entries()) {
    if (!entry.first.is_scalar()) {
      error(entry.first, fmt::format("expected a key of {} to be a string", what.str()));
      continue;
    }
    const std::string_view key = entry.first.scalar();
    const auto it = std::find(known.begin(), known.end(), key);
    if (it == known.end()) {
      error(entry.first,
            fmt::format("unknown key '{}' in {}; expected one of: {}", key, what.str(), fmt::join(known, ", ")));
      continue;
    }
    const std::uint64_t bit = std::uint64_t{1} << (it - known.begin());
    if ((seen & bit) != 0) {
      error(entry.first, fmt::format("duplicate key '{}' in {}", key, what.str()));
      continue;
    }
    seen |= bit;
    fn(key, entry.first, entry.second);
  }
}

void Reader::named_entries(const YamlNode& map, const What& what, NamedEntryFn fn) {
  if (map.is_null()) return;
  if (!expect_map(map, what)) return;
  std::unordered_set<std::string_view> seen;  // views of the tree's text, alive while `map` is
  seen.reserve(map.size());
  for (const auto entry : map.entries()) {
    // The name checked as name() does, its message formatted only for a bad one.
    const std::string_view text = entry.first.scalar();
    std::optional<std::string> key;
    if (entry.first.is_scalar() && !text.empty() && text.size() <= kMaxNameBytes &&
        text.find('\0') == std::string_view::npos) {
      key.emplace(text);
    } else {
      key = name(entry.first, What("a name in ", what));
    }
    if (!key) continue;
    if (!seen.insert(entry.first.scalar()).second) {
      error(entry.first, fmt::format("duplicate name '{}' in {}", *key, what.str()));
      continue;
    }
    fn(*key, entry.first, entry.second);
  }
}

std::unique_ptr<YamlTree> Reader::document(std::string_view text) {
  YamlProblem problem;
  auto tree = YamlTree::parse(text, problem);
  if (tree) return tree;
  const bool whole_message = problem.second_document || problem.too_deep;
  if (!whole_message) {
    if (auto diagnostic = yaml_cpp_problem(file_, std::string(text))) {
      out_.push_back(std::move(*diagnostic));
      return nullptr;
    }
  }
  error({file_, problem.line, problem.column},
        whole_message ? problem.message : "expected valid YAML: " + problem.message);
  return nullptr;
}

}  // namespace strata::load
