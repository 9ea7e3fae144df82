# Shared settings for the project's scripts. Source it; do not run it.
# Every value can be overridden from the environment.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo18}
VENV=${VENV:-$ROOT/.venv}
RUN_DIR=${RUN_DIR:-$ROOT/.run}
PGPORT=${PGPORT:-55432}
ODOO_PORT=${ODOO_PORT:-8069}
DB_NAME=${DB_NAME:-aftersales_demo}
# Odoo 18 runs on Python 3.10 to 3.12: the first of these found.
PYTHON=${PYTHON:-$(for p in python3.11 python3.12 python3.10 python3; do
  command -v "$p" >/dev/null 2>&1 && { echo "$p"; break; }; done)}
ODOO_NIGHTLY_URL=${ODOO_NIGHTLY_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}

is_root() { [ "$(id -u)" = 0 ]; }

# Where the project's cluster lives: .run/ of the checkout. As root, the cluster runs as the
# postgres system user, who must reach it: a checkout in a private home (/root) is out of its
# reach, and a Unix socket path may not exceed 107 bytes; then /var/tmp holds the cluster.
pg_paths() {
  local home="$RUN_DIR"
  if { is_root && id postgres >/dev/null 2>&1 \
         && ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; } \
     || [ ${#RUN_DIR} -gt 80 ]; then
    home="/var/tmp/aftersales-pg-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
  fi
  PGDATA=${AFTERSALES_PGDATA:-$home/pgdata}
  PGSOCKET=${AFTERSALES_PGSOCKET:-$home/socket}
  PGLOGDIR="$home/pglog"
}
pg_paths

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# apt_install PKG... : install Debian packages when root, else say what is missing.
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if is_root && command -v apt-get >/dev/null; then
    say "Installing Debian packages: ${missing[*]}"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
  else
    die "missing system packages: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})"
  fi
}
