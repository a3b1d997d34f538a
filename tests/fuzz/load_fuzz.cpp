// libFuzzer target: the YAML loader must never crash, hang or half-load on any input; it either
// returns a schema or throws LoadError. And the fast YAML reader, where it reads the input, must
// build the very tree libyaml builds.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "engine/load/yaml_tree.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"
#include "support/yaml_compare.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto fast = strata::load::YamlTree::parse_fast(text)) {
    strata::load::YamlProblem problem;
    const auto slow = strata::load::YamlTree::parse_libyaml(text, problem);
    const std::string difference =
        slow ? strata::test::yaml_difference(fast->root(), slow->root()) : "libyaml refuses it: " + problem.message;
    if (!difference.empty()) {
      std::fprintf(stderr, "the fast YAML reader disagrees with libyaml: %s\n", difference.c_str());
      std::abort();
    }
  }
  try {
    const strata::Schema schema = strata::load_schema_text(text, "fuzz.yaml");
    // Whatever loads must render and load back without error.
    (void)strata::load_schema_text(strata::to_yaml(schema), "rendered.yaml");
  } catch (const strata::LoadError&) {
  }
  return 0;
}
