#!/usr/bin/env bash
# The shared library exports its public API and nothing else: every dynamic symbol it defines is a
# strata:: name whose every part is declared in a public header (include/strata/*.hpp).
#   exports_test.sh LIBRARY INCLUDE_DIR
set -euo pipefail
library=$1
include_dir=$2

declared=$(grep -ohE '\b[A-Za-z_][A-Za-z0-9_]*\b' "$include_dir"/*.hpp | sort -u)
symbols=$(nm -D --defined-only --demangle "$library" | cut -d' ' -f3-)
[[ -n $symbols ]] || { echo "no symbols exported by $library"; exit 1; }
for expected in 'strata::apply_schema(' 'strata::Migrator::up(' 'strata::load_schema(' 'typeinfo for strata::Error'; do
  grep -qF "$expected" <<<"$symbols" || { echo "the public API lacks $expected"; exit 1; }
done

bad=0
while IFS= read -r symbol; do
  name=$symbol
  for prefix in 'typeinfo name for ' 'typeinfo for ' 'vtable for ' 'VTT for '; do name=${name#"$prefix"}; done
  name=${name%%(*}
  name=${name//\[abi:cxx11\]/}
  if [[ $name != strata::* ]]; then
    echo "exported, not strata's: $symbol"; bad=1; continue
  fi
  IFS=':' read -r -a parts <<<"${name#strata::}"
  for part in "${parts[@]}"; do
    [[ -z $part ]] && continue
    part=${part#\~}
    [[ $part == operator* ]] && continue
    if ! grep -qxF "$part" <<<"$declared"; then
      echo "exported, not in a public header: $symbol"; bad=1; break
    fi
  done
done <<<"$symbols"
((bad == 0)) && echo "$(wc -l <<<"$symbols") exported symbols, all public API"
exit "$bad"
