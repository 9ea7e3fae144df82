#!/usr/bin/env bash
# make i18n: regenerate aftersales_service.pot from a fresh database without demo data,
# merge it into zh_CN.po and list what is still untranslated.
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"
"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start
apt_install gettext
CONF="$RUN_DIR/odoo-i18n.conf"
write_odoo_conf "$CONF"
db="aftersales_i18n_$$"
trap 'drop_db "$db"' EXIT
ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$db" --stop-after-init --log-level=warn)
"${ODOO[@]}" -i aftersales_service --without-demo=all
I18N="$ROOT/aftersales_service/i18n"
"${ODOO[@]}" --modules=aftersales_service --i18n-export="$I18N/aftersales_service.pot"
msgmerge --quiet --update --backup=none --no-fuzzy-matching --width=79 "$I18N/zh_CN.po" "$I18N/aftersales_service.pot"
msgattrib --no-obsolete --width=79 -o "$I18N/zh_CN.po" "$I18N/zh_CN.po"
untranslated=$(msgattrib --untranslated --no-obsolete "$I18N/zh_CN.po" | grep -c '^msgid' || true)
# msgattrib prints the header entry too
say "zh_CN.po: $((untranslated > 0 ? untranslated - 1 : 0)) untranslated entries (msgattrib --untranslated shows them)"
