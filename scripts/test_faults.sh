#!/usr/bin/env bash
# make test-faults: faults, counted. In a copy of the demo database ($DB_NAME when it exists,
# else a new one): approved claims of 40 new dealers and 300 overdue requests are planted;
# the monthly settlement cron and the service-level breach cron are run batch by batch and
# killed (SIGKILL) in the middle, then run again to the end; nothing may be lost or doubled
# (every claim on one settlement, one settlement per dealer, every breach noted once). Then a
# transaction whose database connection is cut before its commit must leave nothing.
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"

"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start

DB=aftersales_faults_$$
CONF="$RUN_DIR/odoo-faults-$$.conf"
LOG="$RUN_DIR/test-reports/faults.log"
mkdir -p "$RUN_DIR/test-reports"
write_odoo_conf "$CONF" 0
cleanup() {
  psql_run -c "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null 2>&1 || true
  rm -rf "$RUN_DIR/filestore/filestore/$DB" "$CONF"
}
trap cleanup EXIT
: >"$LOG"
if db_exists "$DB_NAME" && psql_run -c "CREATE DATABASE \"$DB\" TEMPLATE \"$DB_NAME\"" >/dev/null 2>&1; then
  say "A copy of $DB_NAME: $DB"
  cp -r "$RUN_DIR/filestore/filestore/$DB_NAME" "$RUN_DIR/filestore/filestore/$DB" 2>/dev/null || true
  "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" -u aftersales_service \
    --stop-after-init --log-level=warn >>"$LOG" 2>&1 || { tail -30 "$LOG"; die "upgrading the copy failed"; }
else
  say "Creating $DB with demo data"
  create_demo_db "$CONF" "$DB" "$LOG" || { tail -30 "$LOG"; die "creating $DB failed"; }
fi
SHELL_ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$CONF" -d "$DB" --no-http --log-level=warn)
step() { FAULT_STEP=$1 "${SHELL_ODOO[@]}" <"$ROOT/tests/faults/faults.py" 2>>"$LOG"; }

say "Planting"
step plant
for cron in settle breach; do
  say "The $cron cron, killed after its first batches"
  out="$RUN_DIR/test-reports/faults-$cron.out"
  : >"$out"
  FAULT_STEP=$cron "${SHELL_ODOO[@]}" <"$ROOT/tests/faults/faults.py" >"$out" 2>>"$LOG" &
  pid=$!
  for _ in $(seq 100); do
    grep -q "call 2," "$out" && break
    sleep 0.2
  done
  sleep 0.4  # into the third batch, before its commit
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  say "killed after: $(tail -1 "$out")"
  say "The $cron cron again, to the end"
  step "$cron" | tail -1
done 2>&1
status=0
say "Checking"
step check || status=1
say "A connection lost before the commit"
step connection || status=1
exit $status
