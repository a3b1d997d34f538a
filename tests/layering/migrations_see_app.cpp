// Must not compile: the migrations layer choosing a dialect (only the app layer does).
#include "app/dialect_factory.hpp"
