#!/usr/bin/env bash
# Installs the build into a temporary prefix, builds tests/install/consumer against it with
# find_package(strata), and runs it (against the test server when one is available).
#   consumer_test.sh BUILD_DIR SOURCE_DIR [CXX_FLAGS]
# CXX_FLAGS: what the consumer must be built with to link the library (the sanitizer flags of a
# sanitizer build).
set -euo pipefail
build=$1
source=$2
flags=${3:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/strata-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -x "$work/prefix/bin/strata"
test -f "$work/prefix/include/strata/strata.hpp"
"$work/prefix/bin/strata" --version

cmake -S "$source/tests/install/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$work/build" >/dev/null
url=${STRATA_TEST_PG_URL:-}
if [[ -z $url && -n ${STRATA_TEST_PG_URL_FILE:-} && -f $STRATA_TEST_PG_URL_FILE ]]; then
  url=$(cat "$STRATA_TEST_PG_URL_FILE")
fi
out=$("$work/build/consumer" "$source/examples/shop" ${url:+"$url"})
echo "$out"
grep -q "declared 4 tables" <<<"$out"
if [[ -n $url ]]; then grep -q "live database postgres has" <<<"$out"; fi
