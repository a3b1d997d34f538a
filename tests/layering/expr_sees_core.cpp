// Must not compile: the expression layer including the core's planner.
#include "engine/plan/dependencies.hpp"
