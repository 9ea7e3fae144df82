#!/usr/bin/env bash
# The project's own PostgreSQL cluster: data and socket under .run/, its own port.
# Usage: scripts/pg.sh start|stop|status.  Never touches another cluster.
source "$(dirname "$0")/common.sh"

find_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null && dirname "$(command -v initdb)" && return 0
  return 1
}

ensure_binaries() {
  PGBIN=$(find_bindir) && return 0
  apt_install postgresql
  PGBIN=$(find_bindir) || die "PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql"
  pg_paths  # the postgres system user exists only now
}

# Postgres refuses to run as root: the cluster then belongs to the postgres system user.
as_owner() {
  if is_root; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' system user"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null
}

start() {
  ensure_binaries
  mkdir -p "$RUN_DIR" "$PGSOCKET" "$PGLOGDIR" "$(dirname "$PGDATA")"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    say "Creating the project's PostgreSQL cluster in $PGDATA"
    mkdir -p "$PGDATA"
    is_root && chown postgres: "$PGDATA" "$PGSOCKET"
    chmod 700 "$PGDATA"
    as_owner "$PGBIN/initdb" -D "$PGDATA" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  is_root && chown postgres: "$PGSOCKET" "$PGLOGDIR"
  if as_owner "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    return 0
  fi
  if [ -f "$PGDATA/postmaster.pid" ]; then
    say "Removing a stale postmaster.pid left by a cluster that is not running"
    rm -f "$PGDATA/postmaster.pid"
  fi
  if port_busy; then
    die "port $PGPORT is already taken by another program. Stop it or choose another port: PGPORT=55433 make ..."
  fi
  as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGLOGDIR/postgres.log" -w -t 60 \
    -o "-p $PGPORT -k $PGSOCKET -c listen_addresses=''" start >/dev/null \
    || die "PostgreSQL did not start; see $RUN_DIR/postgres.log"
}

stop() {
  [ -f "$PGDATA/PG_VERSION" ] || return 0
  ensure_binaries
  if as_owner "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    say "PostgreSQL stopped"
  fi
}

status() {
  ensure_binaries
  as_owner "$PGBIN/pg_ctl" -D "$PGDATA" status
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac
