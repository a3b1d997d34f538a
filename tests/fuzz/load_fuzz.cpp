// libFuzzer target: the YAML loader must never crash, hang or half-load on any input; it either
// returns a schema or throws LoadError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "strata/errors.hpp"
#include "strata/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const strata::Schema schema = strata::load_schema_text(text, "fuzz.yaml");
    // Whatever loads must render and load back without error.
    (void)strata::load_schema_text(strata::to_yaml(schema), "rendered.yaml");
  } catch (const strata::LoadError&) {
  }
  return 0;
}
