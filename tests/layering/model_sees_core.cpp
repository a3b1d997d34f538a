// Must not compile: the model (lowest layer) including the core's connection.
#include "engine/db/connection.hpp"
