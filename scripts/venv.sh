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
# pip_install ARGS...: quiet, without the warnings of index folders this machine lacks.
pip_install() {
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$@" 2>&1 \
    | { grep -v "^WARNING: Location '.*' is ignored" || true; }
  return "${PIPESTATUS[0]}"
}
# OCA's oca-gen-addon-readme (requirements-readme.txt), on top of the rest and best effort: where
# no package index has it, make readme says so and tests/test_install.py skips its README check.
readme_tool() {
  local want_tool stamp_tool="$VENV/.aftersales-readme-stamp" out
  want_tool=$(sha256sum "$ROOT/requirements-readme.txt" | cut -d' ' -f1)
  if [ -x "$VENV/bin/oca-gen-addon-readme" ] && [ "$(cat "$stamp_tool" 2>/dev/null)" = "$want_tool" ]; then
    return 0
  fi
  if out=$(pip_install -c "$ODOO_SRC/requirements.txt" -c "$ROOT/requirements.txt" \
             -r "$ROOT/requirements-readme.txt"); then
    echo "$want_tool" > "$stamp_tool"
  else
    echo "NOTE: OCA's oca-gen-addon-readme is not installed (requirements-readme.txt:" \
      "$(printf '%s\n' "$out" | tail -n 1))" >&2
  fi
}
if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  readme_tool
  exit 0
fi

say "Setting up the virtualenv at $VENV (first time: several minutes)"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
pip_install "setuptools<70" wheel setuptools_scm
# Odoo pins old sdists (cbor2 5.4.2) that fail under pip's build isolation on Python 3.11.
pip_install --no-build-isolation -r "$ODOO_SRC/requirements.txt"
pip_install --no-build-isolation --no-deps -e "$ODOO_SRC"
pip_install --no-build-isolation -r "$ROOT/requirements.txt"
echo "$want" > "$stamp"
readme_tool
say "Virtualenv ready"
