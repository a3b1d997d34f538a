// Must not compile: the strata command using an engine internal instead of the public API.
#include "engine/db/connection.hpp"
