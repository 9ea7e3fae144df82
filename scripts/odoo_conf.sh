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

http_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
