// The members of the dialect seam that have a default.
#include "strata/dialect.hpp"

namespace strata {

Dialect::~Dialect() = default;

void Dialect::check(const Schema&, const Schema&) const {}

}  // namespace strata
