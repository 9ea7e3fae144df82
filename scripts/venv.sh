#!/usr/bin/env bash
# Create or refresh the virtualenv. Skips all work when its inputs did not change (stamp by hash).
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/odoo_src.sh"

# Build dependencies of Odoo's pinned sdists (psycopg2, python-ldap, lxml) and the document tools.
apt_install libpq-dev libldap2-dev libsasl2-dev libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev \
  wkhtmltopdf fonts-noto-cjk fonts-wqy-microhei poppler-utils gettext

command -v "$PYTHON" >/dev/null || die "$PYTHON not found: Odoo 18.0 wants Python 3.10-3.12 (set PYTHON)"
stamp_inputs() {
  "$PYTHON" --version
  echo "$ODOO_SRC"
  cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements.txt" "$ROOT/scripts/venv.sh"
}
want=$(stamp_inputs | sha256sum | cut -d' ' -f1)
stamp="$VENV/.aftersales-stamp"
if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi

say "Setting up the virtualenv at $VENV (first time: several minutes)"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
# pip_install ARGS...: quiet, without the warnings of index folders this machine lacks.
pip_install() {
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$@" 2>&1 \
    | { grep -v "^WARNING: Location '.*' is ignored" || true; }
  return "${PIPESTATUS[0]}"
}
pip_install "setuptools<70" wheel setuptools_scm
# Odoo pins old sdists (cbor2 5.4.2) that fail under pip's build isolation on Python 3.11.
pip_install --no-build-isolation -r "$ODOO_SRC/requirements.txt"
pip_install --no-build-isolation --no-deps -e "$ODOO_SRC"
pip_install --no-build-isolation -r "$ROOT/requirements.txt"
echo "$want" > "$stamp"
say "Virtualenv ready"
