// strata: schema management for CockroachDB and PostgreSQL. The umbrella header.
#pragma once

#include "strata/dialect.hpp"
#include "strata/errors.hpp"
#include "strata/inspect.hpp"
#include "strata/load.hpp"
#include "strata/schema.hpp"
#include "strata/version.hpp"
