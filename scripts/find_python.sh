#!/usr/bin/env bash
# Prints the path of a Python interpreter of the wanted minor version (e.g. 3.12),
# looking in pyenv's versions first, then on PATH. Exits 1 with a message if none.
set -euo pipefail
want="$1"
if command -v pyenv >/dev/null 2>&1; then
  root="$(pyenv root)"
  for d in $(ls -d "$root"/versions/"$want".* 2>/dev/null | sort -V -r); do
    if [ -x "$d/bin/python$want" ]; then echo "$d/bin/python$want"; exit 0; fi
  done
fi
for root in "${PYENV_ROOT:-}" "${HOME:-/root}/.pyenv" /root/.pyenv; do
  [ -n "$root" ] || continue
  for d in $(ls -d "$root"/versions/"$want".* 2>/dev/null | sort -V -r); do
    if [ -x "$d/bin/python$want" ]; then echo "$d/bin/python$want"; exit 0; fi
  done
done
for c in "python$want"; do
  if p="$(command -v "$c" 2>/dev/null)" && "$p" -c 'import sys' >/dev/null 2>&1; then echo "$p"; exit 0; fi
done
echo "find_python: no Python $want found (install it with pyenv: pyenv install $want)" >&2
exit 1
