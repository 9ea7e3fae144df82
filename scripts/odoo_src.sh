#!/usr/bin/env bash
# Make sure an Odoo 18.0 source tree is at $ODOO_SRC; fetch the official nightly when it is missing.
source "$(dirname "$0")/common.sh"

check_release() {
  local release="$ODOO_SRC/odoo/release.py"
  [ -f "$release" ] || return 1
  if ! grep -q "^version_info = (18, 0" "$release"; then
    local found
    found=$(grep -m1 "^version_info" "$release" || echo "no version_info line")
    die "$ODOO_SRC is not Odoo 18.0 ($release says: $found). Point ODOO_SRC at an Odoo 18.0 source tree."
  fi
}

if check_release; then exit 0; fi
[ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ] \
  && die "$ODOO_SRC exists but holds no odoo/release.py. Set ODOO_SRC to an Odoo 18.0 source tree."

say "No Odoo source at $ODOO_SRC: trying the official 18.0 nightly"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! curl -fsSL --max-time 600 -o "$tmp/odoo.tar.gz" "$ODOO_NIGHTLY_URL"; then
  die "cannot download $ODOO_NIGHTLY_URL. Put an Odoo 18.0 source tree (the one with odoo-bin) at /opt/odoo18 or set ODOO_SRC to it."
fi
mkdir -p "$ODOO_SRC"
tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_SRC" --strip-components=1
check_release || die "the nightly archive did not hold odoo/release.py"
say "Odoo 18.0 source unpacked to $ODOO_SRC"
