// strata: schema management for CockroachDB and PostgreSQL. The umbrella header.
#pragma once

#include "strata/apply.hpp"
#include "strata/config.hpp"
#include "strata/connect.hpp"
#include "strata/dialect.hpp"
#include "strata/diff.hpp"
#include "strata/errors.hpp"
#include "strata/inspect.hpp"
#include "strata/load.hpp"
#include "strata/migrate.hpp"
#include "strata/plan.hpp"
#include "strata/schema.hpp"
#include "strata/version.hpp"
