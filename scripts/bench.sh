#!/usr/bin/env bash
# make bench: time the addon's hot paths (三包 decisions, service-point finder, KPIs; claims
# submitted and their old parts received in volume: bench_claims.py; the monthly settlement
# beside Odoo's own entries: bench_settlement.py, AFTERSALES_BENCH_FULL=1 for its full
# 100,000 lines; the quality reports: bench_quality.py; the crons and the 三包 engine at a
# national network's size with their query plans: bench_scale.py) in a throwaway database
# with demo data. A report, not a gate: SLOW lines do
# not fail it; it exits non-zero only when something crashes. Speed targets live in the
# tests/bench/bench_*.py files.
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"

"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start

BENCH_DB=aftersales_bench_$$
FLOOR_DB=aftersales_bench_floor_$$
CONF="$RUN_DIR/odoo-bench-$$.conf"
write_odoo_conf "$CONF" 0
LOG="$RUN_DIR/bench-install.log"
export AFTERSALES_BENCH_FLOOR="$RUN_DIR/bench-floor-$$.json"
cleanup() {
  for db in "$BENCH_DB" "$FLOOR_DB"; do
    drop_db "$db"
  done
  rm -f "$CONF" "$AFTERSALES_BENCH_FLOOR"
}
trap cleanup EXIT
SHELL_ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$CONF" --no-http --log-level=warn)

say "Odoo's floor: the same creates in $FLOOR_DB (helpdesk_mgmt and stock, not the addon)"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$FLOOR_DB" -i helpdesk_mgmt,stock \
  --without-demo=all --stop-after-init --log-level=warn >>"$LOG" 2>&1 || { cat "$LOG"; die "installing the floor database failed"; }
"${SHELL_ODOO[@]}" -d "$FLOOR_DB" <"$ROOT/tests/bench/bench_floor.py"

say "Installing the addon with demo data in $BENCH_DB"
: >"$LOG"
if ! create_demo_db "$CONF" "$BENCH_DB" "$LOG"; then
  cat "$LOG"
  die "installing aftersales_service failed"
fi

say "Benchmark (odoo-bin shell; everything is rolled back)"
"${SHELL_ODOO[@]}" -d "$BENCH_DB" <"$ROOT/tests/bench/bench_aftersales.py"

say "Claims: 10,000 submitted in one call, their old parts returned and received (rolled back)"
"${SHELL_ODOO[@]}" -d "$BENCH_DB" <"$ROOT/tests/bench/bench_claims.py"

say "Settlement: approved claims settled and posted beside Odoo's same entries (rolled back;" \
  "5,000 lines, AFTERSALES_BENCH_FULL=1: 100,000 of 2,000 dealers)"
"${SHELL_ODOO[@]}" -d "$BENCH_DB" <"$ROOT/tests/bench/bench_settlement.py"

say "Quality reports: a year of claims exported as 质量信息反馈表 and 千台索赔率 XLSX (rolled back;" \
  "100,000 claim lines, AFTERSALES_BENCH_FULL=1: 1,000,000)"
"${SHELL_ODOO[@]}" -d "$BENCH_DB" <"$ROOT/tests/bench/bench_quality.py"

say "Scale: the crons' searches and the 三包 engine over 100,000 open requests, 200,000 units," \
  "300,000 claim lines, with their query plans (rolled back; a twentieth, AFTERSALES_BENCH_FULL=1: all)"
"${SHELL_ODOO[@]}" -d "$BENCH_DB" <"$ROOT/tests/bench/bench_scale.py"
