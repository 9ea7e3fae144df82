#!/usr/bin/env bash
# make stop: stop the Odoo started by make run, then the project's PostgreSQL.
source "$(dirname "$0")/common.sh"
pidfile="$RUN_DIR/odoo.pid"
if [ -f "$pidfile" ]; then
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" && say "Odoo (pid $pid) stopped"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$pidfile"
fi
"$ROOT/scripts/pg.sh" stop
