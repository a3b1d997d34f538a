// Must not compile: the core including a dialect.
#include "dialects/postgres/postgres_dialect.hpp"
