#!/usr/bin/env bash
# make test-upgrade: the recipe of an upgrade. A database is installed, demo data included,
# from an earlier commit of the addon (UPGRADE_FROM, default the last commit before the
# dealer portal), then upgraded to this checkout with `-u aftersales_service`; no row of any
# table of the addon may be lost, and the upgrade logs no error. Not part of make test
# (about 6 minutes). Exits non-zero on any loss.
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"

UPGRADE_FROM=${UPGRADE_FROM:-6b0391c}
"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start

DB=aftersales_upgrade_$$
OLD="$RUN_DIR/upgrade-from-$$"
CONF_OLD="$RUN_DIR/odoo-upgrade-old-$$.conf"
CONF_NEW="$RUN_DIR/odoo-upgrade-new-$$.conf"
LOG="$RUN_DIR/test-reports/upgrade.log"
mkdir -p "$RUN_DIR/test-reports"
cleanup() {
  drop_db "$DB"
  rm -f "$CONF_OLD" "$CONF_NEW"
  git -C "$ROOT" worktree remove --force "$OLD" >/dev/null 2>&1 || rm -rf "$OLD"
}
trap cleanup EXIT

say "The addon as of $UPGRADE_FROM"
git -C "$ROOT" worktree add --detach "$OLD" "$UPGRADE_FROM" >/dev/null
write_odoo_conf "$CONF_OLD" 0
sed -i "s#^addons_path = .*#addons_path = $ODOO_SRC/odoo/addons,$OLD#" "$CONF_OLD"
write_odoo_conf "$CONF_NEW" 0

say "Installing it with demo data in $DB"
: >"$LOG"
create_demo_db "$CONF_OLD" "$DB" "$LOG" || { tail -40 "$LOG"; die "installing $UPGRADE_FROM failed"; }

count_rows() {
  psql -h "$PGSOCKET" -p "$PGPORT" -U odoo -d "$DB" -qtA -F ' ' -c "
    SELECT m.model, (xpath('/row/c/text()',
             query_to_xml(format('SELECT count(*) AS c FROM %I', replace(m.model, '.', '_')),
                          false, true, '')))[1]::text::int
      FROM ir_model m
      JOIN information_schema.tables t ON t.table_name = replace(m.model, '.', '_')
                                      AND t.table_type = 'BASE TABLE'
     WHERE m.model LIKE 'aftersales.%' OR m.model IN
           ('helpdesk.ticket', 'stock.lot', 'stock.picking', 'stock.move', 'account.move',
            'account.move.line', 'res.partner', 'sale.order', 'mail.message')
     ORDER BY 1"
}
before="$RUN_DIR/test-reports/upgrade-before.txt"
after="$RUN_DIR/test-reports/upgrade-after.txt"
count_rows >"$before"

say "Upgrading it to this checkout"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF_NEW" -d "$DB" -u aftersales_service \
  --stop-after-init --log-level=warn >>"$LOG" 2>&1 || { tail -40 "$LOG"; die "the upgrade failed"; }
count_rows >"$after"

status=0
if grep -q " ERROR \| CRITICAL " "$LOG"; then
  grep " ERROR \| CRITICAL " "$LOG" | head -20
  status=1
fi
while read -r model rows; do
  now=$(awk -v m="$model" '$1 == m {print $2}' "$after")
  if [ -z "$now" ] || [ "$now" -lt "$rows" ]; then
    echo "LOST: $model had $rows rows, has ${now:-no table}"
    status=1
  fi
done <"$before"
say "$(wc -l <"$before") tables compared, $(awk '{s += $2} END {print s}' "$before") rows before, $(awk '{s += $2} END {print s}' "$after") after"
[ $status = 0 ] && say "upgrade from $UPGRADE_FROM: nothing lost" || say "upgrade from $UPGRADE_FROM: FAILED"
exit $status
