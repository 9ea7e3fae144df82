#!/usr/bin/env bash
# make load: 20 concurrent RPC clients for 2 minutes (LOAD_CLIENTS, LOAD_SECONDS) against
# Odoo's multi-process server (LOAD_WORKERS, default 4, and 2 cron workers) on loopback, in a
# copy of the demo database (made from $DB_NAME when it exists, else created), then the
# consistency check of tests/load/load_aftersales.py. The copy is dropped afterwards.
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"

"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start

LOAD_DB=aftersales_load_$$
PORT=${LOAD_PORT:-8090}
CONF="$RUN_DIR/odoo-load-$$.conf"
LOG="$RUN_DIR/load-server.log"
write_odoo_conf "$CONF" "$PORT"
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  drop_db "$LOAD_DB"
  rm -f "$CONF"
}
trap cleanup EXIT

: >"$LOG"
demo_db_copy "$CONF" "$LOAD_DB" "$LOG"

WORKERS=${LOAD_WORKERS:-4}
say "Serving $LOAD_DB with $WORKERS workers and 2 cron workers on 127.0.0.1:$PORT"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$LOAD_DB" --db-filter="^$LOAD_DB\$" \
  --workers="$WORKERS" --max-cron-threads=2 --gevent-port="$((PORT + 3))" \
  --limit-time-real=600 --limit-time-cpu=300 --log-level=warn >>"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$PORT/web/health" >/dev/null && break
  sleep 1
done

"$VENV/bin/python" "$ROOT/tests/load/load_aftersales.py" --url "http://127.0.0.1:$PORT" \
  --db "$LOAD_DB" --clients "${LOAD_CLIENTS:-20}" --seconds "${LOAD_SECONDS:-120}"
