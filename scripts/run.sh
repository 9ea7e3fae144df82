#!/usr/bin/env bash
# make run: set up, create or upgrade the demo database, serve Odoo on 127.0.0.1.
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"

"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start
CONF="$RUN_DIR/odoo.conf"
write_odoo_conf "$CONF"
ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF")

if http_port_busy "$ODOO_PORT"; then
  die "port $ODOO_PORT is already in use (another Odoo? 'make stop' stops ours). Choose another: ODOO_PORT=8070 make run"
fi

if db_exists "$DB_NAME"; then
  say "Upgrading the addon in the existing database $DB_NAME"
  "${ODOO[@]}" -d "$DB_NAME" -u aftersales_service --stop-after-init --log-level=warn
else
  say "Creating database $DB_NAME with demo data and Chinese (takes a minute or two, once)"
  log="$RUN_DIR/create-$DB_NAME.log"
  : >"$log"
  create_demo_db "$CONF" "$DB_NAME" "$log" || { tail -40 "$log"; die "creating $DB_NAME failed; see $log"; }
fi

cat <<MSG

  After-Sales Service is running at  http://127.0.0.1:$ODOO_PORT/odoo?db=$DB_NAME

  Logins (password = login):  admin   clerk 客服   technician 三包技术员
                              warehouse 仓库   accountant 财务   manager 售后经理
  Dealer portal (/my):        hangzhou 杭州服务站   ningbo 宁波服务站

  Stop with Ctrl-C; 'make stop' also stops the project's PostgreSQL.

MSG
echo $$ > "$RUN_DIR/odoo.pid"
# WORKERS=4 make run: Odoo's multi-process server (4 HTTP workers, 2 cron workers, the
# websocket on the gevent port), as a production deployment runs it; 0 (default): threads.
WORKERS=${WORKERS:-0}
SERVER_OPTS=()
if [ "$WORKERS" -gt 0 ]; then
  SERVER_OPTS=(--workers="$WORKERS" --max-cron-threads=2 --gevent-port="$((ODOO_PORT + 3))"
    --limit-time-real=600 --limit-time-cpu=300)
  say "Multi-process server: $WORKERS workers and 2 cron workers"
fi
exec "${ODOO[@]}" -d "$DB_NAME" --db-filter="^$DB_NAME\$" "${SERVER_OPTS[@]}"
