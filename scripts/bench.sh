#!/usr/bin/env bash
# make bench: time the addon's hot paths (三包 decisions, service-point finder, KPIs) in a
# throwaway database with demo data. A report, not a gate: SLOW lines do not fail it; it exits
# non-zero only when something crashes. Speed targets live in tests/bench/bench_aftersales.py.
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"

"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start

BENCH_DB=aftersales_bench_$$
CONF="$RUN_DIR/odoo-bench-$$.conf"
write_odoo_conf "$CONF" 0
LOG="$RUN_DIR/bench-install.log"
cleanup() {
  psql_run -c "DROP DATABASE IF EXISTS \"$BENCH_DB\"" >/dev/null 2>&1 || true
  rm -rf "$CONF" "$RUN_DIR/filestore/filestore/$BENCH_DB"
}
trap cleanup EXIT

say "Installing the addon with demo data in $BENCH_DB"
: >"$LOG"
if ! create_demo_db "$CONF" "$BENCH_DB" "$LOG"; then
  cat "$LOG"
  die "installing aftersales_service failed"
fi

say "Benchmark (odoo-bin shell; everything is rolled back)"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$CONF" -d "$BENCH_DB" --no-http \
  --log-level=warn <"$ROOT/tests/bench/bench_aftersales.py"
