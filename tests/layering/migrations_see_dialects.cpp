// Must not compile: the migrations layer reaching past the Dialect seam into a dialect.
#include "dialects/cockroachdb/jobs.hpp"
