#!/usr/bin/env bash
# kg push and the named queries on Virtuoso 7, on loopback (a benchmark, not part of CI).
#
#   bench/virtuoso.sh [WORK]        (default WORK: /tmp/kg-remote-bench, shared with bench/remote.py)
#
# Installs Debian's virtuoso-opensource if missing, starts it on 127.0.0.1 with a database of its
# own in WORK/virtuoso (SQL port $SQL_PORT, HTTP port $HTTP_PORT), lets the anonymous SPARQL user
# write (loopback only: never do this on a reachable server; use /sparql-graph-crud-auth and
# ~/.netrc there), then runs bench/remote.py: it builds the 1,000-article benchmark store, pushes
# it to /sparql-graph-crud (twice: the second push skips every graph), runs the named queries on
# /sparql and on the embedded store and compares their rows. Virtuoso is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(realpath -m "${1:-/tmp/kg-remote-bench}")
PY=${PYTHON:-/work/main/.venv/bin/python}
[ -x "$PY" ] || PY=.venv/bin/python
SQL_PORT=${SQL_PORT:-1112}
HTTP_PORT=${HTTP_PORT:-8891}
DB="$WORK/virtuoso"

if ! command -v virtuoso-t >/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource
fi

rm -rf "$DB" && mkdir -p "$DB"
sed -e "s|/var/lib/virtuoso-opensource-7/db|$DB|" \
    -e "s|^ServerPort *= *1111|ServerPort = 127.0.0.1:$SQL_PORT|" \
    -e "s|^ServerPort *= *8890|ServerPort = 127.0.0.1:$HTTP_PORT|" \
    -e "s|^NumberOfBuffers .*|NumberOfBuffers = 170000|" \
    -e "s|^MaxDirtyBuffers .*|MaxDirtyBuffers = 130000|" \
    -e "s|^ResultSetMaxRows .*|ResultSetMaxRows = 1000000|" \
    -e "s|^MaxQueryExecutionTime .*|MaxQueryExecutionTime = 600|" \
    /etc/virtuoso-opensource-7/virtuoso.ini > "$DB/virtuoso.ini"

virtuoso-t -f -c "$DB/virtuoso.ini" > "$DB/server.out" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

sql() { isql-vt "127.0.0.1:$SQL_PORT" dba dba "exec=$1" > /dev/null; }
for _ in $(seq 120); do sql "status();" 2>/dev/null && break; sleep 1; done
sql "status();"
sql "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
echo "virtuoso: $(virtuoso-t -? 2>&1 | head -1), on 127.0.0.1:$HTTP_PORT" >&2

PYTHONPATH=$PWD "$PY" bench/remote.py "Virtuoso $(dpkg-query -W -f '${Version}' virtuoso-opensource-7-bin 2>/dev/null)" \
    --work "$WORK" --gsp "http://127.0.0.1:$HTTP_PORT/sparql-graph-crud" \
    --query "http://127.0.0.1:$HTTP_PORT/sparql"
