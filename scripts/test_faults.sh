#!/usr/bin/env bash
# make test-faults: faults, counted. In a copy of the demo database ($DB_NAME when it exists,
# else a new one): approved claims of 40 new dealers and 300 overdue requests are planted;
# the monthly settlement cron and the service-level breach cron are run batch by batch and
# killed (SIGKILL) in the middle, then run again to the end; nothing may be lost or doubled
# (every claim on one settlement, one settlement per dealer, every breach noted once). Then
# two cron workers (Odoo's multi-process server) run the addon's crons on a backlog of many
# batches each while a third process presses Run manually on them: every record processed
# exactly once. Then a transaction whose database connection is cut before its commit must
# leave nothing.
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
  for pid in ${manual:-} ${server:-}; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  drop_db "$DB"
  rm -f "$CONF"
}
trap cleanup EXIT
: >"$LOG"
demo_db_copy "$CONF" "$DB" "$LOG"
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

say "Two cron workers and Run manually at once, on a backlog of many batches for each cron"
step plant_workers
step workers_ready
export FAULT_SERVER_LOG="$RUN_DIR/test-reports/faults-workers.log"
manual_out="$RUN_DIR/test-reports/faults-manual.out"
began=$(date +%s)
# The production shape: Odoo's multi-process server with 2 cron workers (HTTP off), on this
# database only (-d: the cron workers poll no other database).
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" --no-http --workers=1 \
  --max-cron-threads=2 --log-level=warn --log-handler=odoo.addons.base.models.ir_cron:INFO \
  --log-handler=odoo.service.server:INFO >"$FAULT_SERVER_LOG" 2>&1 &
server=$!
FAULT_STEP=manual "${SHELL_ODOO[@]}" <"$ROOT/tests/faults/faults.py" >"$manual_out" 2>>"$LOG" &
manual=$!
due="SELECT count(*) FROM ir_cron c JOIN ir_model_data d ON d.model = 'ir.cron'
  AND d.res_id = c.id AND d.module = 'aftersales_service' WHERE c.active
  AND (c.nextcall <= (now() AT TIME ZONE 'UTC') OR EXISTS (SELECT 1 FROM ir_cron_trigger t
       WHERE t.cron_id = c.id AND t.call_at <= (now() AT TIME ZONE 'UTC')))"
left=?
for _ in $(seq 600); do
  # wake the cron workers, as a new trigger does, rather than wait out their minute of sleep
  psql_run -c "SELECT pg_notify('cron_trigger', '$DB')" >/dev/null
  left=$(psql_run -d "$DB" -c "$due")
  [ "$left" = 0 ] && ! kill -0 "$manual" 2>/dev/null && break
  sleep 1
done
kill "$manual" 2>/dev/null || true
wait "$manual" 2>/dev/null || true
kill -TERM "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
say "$left crons left due after $(($(date +%s) - began)) s; $(grep -c ' ERROR \| CRITICAL ' \
  "$FAULT_SERVER_LOG" || true) errors in the server's log"
grep -m5 ' ERROR \| CRITICAL ' "$FAULT_SERVER_LOG" || true
grep -v "^manual:" "$manual_out" || true
[ "$left" = 0 ] || status=1
step check_workers || status=1
say "A connection lost before the commit"
step connection || status=1
exit $status
