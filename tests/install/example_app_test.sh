#!/usr/bin/env bash
# Builds examples/app against the installed package and starts four replicas of it at once on a
# fresh database: all must start, exactly one applies the migrations, and a fifth start applies
# nothing.   example_app_test.sh BUILD_DIR SOURCE_DIR [CXX_FLAGS]
set -euo pipefail
build=$1
source=$2
flags=${3:-}
url=${STRATA_TEST_PG_URL:-}
if [[ -z $url && -n ${STRATA_TEST_PG_URL_FILE:-} && -f $STRATA_TEST_PG_URL_FILE ]]; then
  url=$(cat "$STRATA_TEST_PG_URL_FILE")
fi
[[ -n $url ]] || { echo "example_app_test: no test server (STRATA_TEST_PG_URL)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/strata-app.XXXXXX")
db=strata_example_app_$$
cleanup() {
  psql "$url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/examples/app" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$work/build" >/dev/null

psql "$url" -qc "CREATE DATABASE $db" >/dev/null
app_url=$(sed -E "s#/[^/?]*(\?|$)#/$db\1#" <<<"${url#*://}")
app_url="${url%%://*}://$app_url"
for i in 1 2 3 4; do
  "$work/build/shop_service" "$app_url" "$source/examples/app/migrations" >"$work/out.$i" 2>&1 &
done
wait
cat "$work"/out.*
applied=$(grep -l "[1-9][0-9]* migration(s) applied" "$work"/out.* | wc -l)
serving=$(grep -l "serving" "$work"/out.* | wc -l)
[[ $applied -eq 1 ]] || { echo "expected exactly one replica to apply, got $applied" >&2; exit 1; }
[[ $serving -eq 4 ]] || { echo "expected all four replicas to start, got $serving" >&2; exit 1; }
again=$("$work/build/shop_service" "$app_url" "$source/examples/app/migrations")
grep -q "0 migration(s) applied" <<<"$again"
echo "example app: one replica applied, four served, a restart applied nothing"
