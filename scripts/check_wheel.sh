#!/usr/bin/env bash
# Build kg's wheel, install it into a fresh venv WITHOUT extras and without the checkout on the
# path, and run what a new user runs, from a folder outside the checkout:
#   kg build <checkout>/seeds/ --out X; kg query X/graph.ttl --name posts; kg draw ...;
#   the README's Python block.
# Usage: scripts/check_wheel.sh [PYTHON]   (default python3). Fails loudly on the first error.
set -euo pipefail
PYTHON=${1:-python3}
CHECKOUT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kg-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
say() { printf '\n== %s\n' "$*"; }

say "building the wheel"
git -C "$CHECKOUT" ls-files -z | (cd "$CHECKOUT" && xargs -0 tar cf -) | (mkdir -p "$WORK/src" && tar xf - -C "$WORK/src")
"$PYTHON" -m build --wheel --outdir "$WORK/dist" "$WORK/src" > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
WHEEL=$(ls "$WORK"/dist/kg-*.whl)
for asset in kg/ontology/election.ttl kg/ontology/shapes.ttl kg/queries/posts.rq kg/models/id-kg/pos.pt \
             kg/extract/data/places.tsv; do
  "$PYTHON" -c 'import sys, zipfile; sys.exit(sys.argv[2] not in zipfile.ZipFile(sys.argv[1]).namelist())' \
    "$WHEEL" "$asset" || { echo "check_wheel: $asset missing from $WHEEL" >&2; exit 1; }
done

say "installing it into a fresh venv, no extras (CPU torch first)"
"$PYTHON" -m venv "$WORK/venv"
VENV="$WORK/venv/bin"
"$VENV/pip" install --quiet "$(grep -o 'torch==[0-9.]*' "$CHECKOUT/pyproject.toml")"  # kg's pin
"$VENV/pip" install --quiet "$WHEEL"

say "running kg from outside the checkout"
mkdir "$WORK/user" && cd "$WORK/user"
export PYTHONPATH=
"$VENV/python" -c 'import kg, sys; sys.exit(kg.__file__.startswith(sys.argv[1]))' "$CHECKOUT" \
  || { echo "check_wheel: kg was imported from the checkout" >&2; exit 1; }
"$VENV/kg" build "$CHECKOUT/seeds/" --out X
"$VENV/kg" query X/graph.ttl --name posts | tee posts.txt
grep -q "(1 rows)\|rows)" posts.txt
"$VENV/kg" query X/graph.ttl 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format json > count.json
"$VENV/kg" draw X/graph.ttl --out drawing.svg
test -s drawing.svg
cp -r "$CHECKOUT/seeds" seeds
"$VENV/python" - "$CHECKOUT/README.md" <<'PY'
import re, sys
blocks = re.findall(r"```python\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S)
assert blocks, "no python block in the README"
for block in blocks:
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
print(f"README: {len(blocks)} Python block(s) ran")
PY
say "the wheel works outside the checkout"
