#!/usr/bin/env bash
# make test-peers: the peers' own test suites with the addon installed — OCA helpdesk_mgmt's
# tests, and Odoo's stock and account tests that exercise pickings, lots, returns, invoices,
# refunds, payments and reconciliation — in a throwaway database with the addon and no demo
# data (English only, as the peers' tests expect). Not part of make test (see docs/STATUS.md
# for how long it takes). Ends with "N passed, N failed, N skipped".
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"

"$ROOT/scripts/venv.sh"
"$ROOT/scripts/pg.sh" start

PEERS_DB=aftersales_peers_$$
CONF="$RUN_DIR/odoo-peers-$$.conf"
write_odoo_conf "$CONF" 0
REPORTS="$RUN_DIR/test-reports"
mkdir -p "$REPORTS"
cleanup() {
  drop_db "$PEERS_DB"
  rm -f "$CONF"
}
trap cleanup EXIT

HELPDESK="$("$VENV/bin/python" -c 'import odoo.addons.helpdesk_mgmt as m, os; print(os.path.dirname(m.__file__))' 2>/dev/null \
  || echo "$VENV/lib/python3.11/site-packages/odoo/addons/helpdesk_mgmt")"
ADDONS="$ODOO_SRC/odoo/addons"
PEER_TESTS=(
  "$HELPDESK/tests/test_helpdesk_ticket.py"
  "$HELPDESK/tests/test_helpdesk_ticket_team.py"
  "$HELPDESK/tests/test_helpdesk_category_hierarchy.py"
  "$HELPDESK/tests/test_res_partner.py"
  "$ADDONS/stock/tests/test_move.py"
  "$ADDONS/stock/tests/test_stock_lot.py"
  "$ADDONS/stock/tests/test_stock_return_picking.py"
  "$ADDONS/stock/tests/test_stock_flow.py"
  "$ADDONS/stock/tests/test_generate_serial_numbers.py"
  "$ADDONS/account/tests/test_account_move_entry.py"
  "$ADDONS/account/tests/test_account_move_out_invoice.py"
  "$ADDONS/account/tests/test_account_move_in_refund.py"
  "$ADDONS/account/tests/test_account_payment.py"
  "$ADDONS/account/tests/test_account_move_reconcile.py"
)

# Left out, each failing the same way in a database of the peers alone (stock, account,
# purchase_stock, sale_stock, helpdesk_mgmt, without the addon), measured 2026-12-04:
# helpdesk_mgmt's portal tests need its demo data (helpdesk_category_1); stock's
# test_74_move_state_waiting_mto asks for a vendor price once purchase_stock's Buy route is on
# the warehouse; account's test_resequence_change_payment_name expects the payment of a past
# year to keep that year's sequence prefix.
DESELECT=(-k "not test_74_move_state_waiting_mto and not test_resequence_change_payment_name")

say "Installing the addon without demo data in $PEERS_DB"
log="$REPORTS/peers-install.log"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$PEERS_DB" -i aftersales_service \
  --without-demo=all --stop-after-init --log-level=warn >"$log" 2>&1 || { cat "$log"; die "installing failed"; }

say "The peers' tests with the addon installed"
started=$(date +%s)
status=0
(cd "$ROOT" && "$VENV/bin/python" -m pytest "${PEER_TESTS[@]}" "${DESELECT[@]}" \
    --odoo-config="$CONF" --odoo-database="$PEERS_DB" --odoo-http --odoo-log-level=warn \
    -p no:cacheprovider -p no:warnings --junitxml="$REPORTS/peers.xml" -q) || status=1
say "The peers' tests took $(( $(date +%s) - started )) s"
"$VENV/bin/python" "$ROOT/scripts/junit_summary.py" "$REPORTS/peers.xml" || status=1
exit $status
