// Must not compile: a dialect including the migrations layer.
#include "migrations/history.hpp"
