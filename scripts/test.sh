#!/usr/bin/env bash
# make test: a throwaway database with the addon and demo data, the addon's tests (pytest-odoo,
# browser tests in chromium included), then the top-level tests against a real server.
# Ends with one line "N passed, N failed, N skipped" over both runs; exits non-zero on any failure.
source "$(dirname "$0")/common.sh"
source "$ROOT/scripts/odoo_conf.sh"

"$ROOT/scripts/venv.sh"
apt_install chromium
"$ROOT/scripts/pg.sh" start

TEST_DB=${TEST_DB:-aftersales_test_$$}
case "$TEST_DB" in aftersales_test_*) ;; *) die "TEST_DB must start with aftersales_test_ (it is dropped afterwards)" ;; esac
CONF="$RUN_DIR/odoo-test-$$.conf"
write_odoo_conf "$CONF" 0
REPORTS="$RUN_DIR/test-reports"
mkdir -p "$REPORTS"
cleanup() {
  drop_db "$TEST_DB"
  rm -f "$CONF"
}
trap cleanup EXIT

say "Installing the addon with demo data in $TEST_DB"
install_log="$REPORTS/install.log"
: >"$install_log"
if ! create_demo_db "$CONF" "$TEST_DB" "$install_log"; then
  cat "$install_log"
  echo "0 passed, 1 failed"
  die "installing aftersales_service failed"
fi

status=0
export AFTERSALES_ODOO_CONF="$CONF" AFTERSALES_TEST_DB="$TEST_DB" AFTERSALES_VENV="$VENV" ODOO_SRC
say "The addon's tests (pytest-odoo, browser tests in chromium)"
# --test-file puts Odoo in test mode (no "Importing test framework" error when pytest-odoo
# imports odoo.tests); --test-enable would also re-run every module's at_install tests.
(cd "$ROOT" && "$VENV/bin/python" -m pytest aftersales_service/tests \
    --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-http --odoo-log-level=warn \
    --odoo-extra="test-file=$ROOT/aftersales_service/tests/__init__.py" \
    -p no:cacheprovider --junitxml="$REPORTS/addon.xml" -q) || status=1
say "The top-level tests (a real server over RPC, installation without demo data)"
(cd "$ROOT" && "$VENV/bin/python" -m pytest tests -p no:cacheprovider -p no:odoo \
    --junitxml="$REPORTS/top.xml" -q) || status=1

"$VENV/bin/python" "$ROOT/scripts/junit_summary.py" "$REPORTS/addon.xml" "$REPORTS/top.xml" || status=1
exit $status
