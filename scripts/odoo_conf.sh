# Source after common.sh: writes the Odoo configuration for the project's cluster.
# write_odoo_conf FILE [HTTP_PORT]
write_odoo_conf() {
  local conf=$1 http_port=${2:-$ODOO_PORT}
  mkdir -p "$(dirname "$conf")" "$RUN_DIR/filestore"
  cat > "$conf" <<CONF
[options]
addons_path = $ODOO_SRC/odoo/addons,$ROOT
data_dir = $RUN_DIR/filestore
db_host = $PGSOCKET
db_port = $PGPORT
db_user = odoo
db_password = False
http_interface = 127.0.0.1
http_port = $http_port
admin_passwd = admin
CONF
}

psql_run() {
  psql -h "$PGSOCKET" -p "$PGPORT" -U odoo -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

db_exists() {
  [ "$(psql_run -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# drop_db DB: the database and its filestore, when they exist.
drop_db() {
  psql_run -c "DROP DATABASE IF EXISTS \"$1\"" >/dev/null 2>&1 || true
  rm -rf "$RUN_DIR/filestore/filestore/$1"
}

# demo_db_copy CONF DB LOG: DB as a copy of the development database $DB_NAME upgraded to this
# code (seconds), or made anew with demo data when that one is missing or in use (minutes).
demo_db_copy() {
  local conf=$1 db=$2 log=$3
  if db_exists "$DB_NAME" && psql_run -c "CREATE DATABASE \"$db\" TEMPLATE \"$DB_NAME\"" >/dev/null 2>&1; then
    say "A copy of $DB_NAME: $db"
    cp -r "$RUN_DIR/filestore/filestore/$DB_NAME" "$RUN_DIR/filestore/filestore/$db" 2>/dev/null || true
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$db" -u aftersales_service \
      --stop-after-init --log-level=warn >>"$log" 2>&1 || { tail -30 "$log"; die "upgrading the copy failed"; }
  else
    say "Creating $db with demo data ($DB_NAME is missing or in use)"
    create_demo_db "$conf" "$db" "$log" || { tail -30 "$log"; die "creating $db failed"; }
  fi
}

http_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# create_demo_db CONF DB LOG: a new database of a Chinese company (CNY, the Chinese chart of
# accounts, zh_CN, admin / admin) with the addon and its demo data.
create_demo_db() {
  local conf=$1 db=$2 log=$3
  local odoo=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$db" --stop-after-init --log-level=warn)
  "$VENV/bin/python" "$ROOT/scripts/create_db.py" "$conf" "$db" >>"$log" 2>&1 \
    && "${odoo[@]}" -i l10n_cn >>"$log" 2>&1 \
    && "${odoo[@]}" -i aftersales_service >>"$log" 2>&1 \
    && ! grep -q " ERROR \| CRITICAL " "$log"
}
