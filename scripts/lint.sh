#!/usr/bin/env bash
# make lint: ruff, pylint-odoo's OCA mandatory checks, XML well-formedness.
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/venv.sh"
cd "$ROOT"
status=0
say "ruff"
"$VENV/bin/ruff" check aftersales_service tests scripts || status=1
"$VENV/bin/ruff" format --check aftersales_service tests scripts || status=1
say "pylint-odoo (OCA mandatory checks)"
"$VENV/bin/pylint" --rcfile=.pylintrc aftersales_service || status=1
say "XML well-formedness"
"$VENV/bin/python" - <<'PY' || status=1
import pathlib, sys
from lxml import etree
bad = 0
for path in sorted(pathlib.Path("aftersales_service").rglob("*.xml")):
    try:
        etree.parse(str(path))
    except etree.XMLSyntaxError as err:
        print(f"{path}: {err}")
        bad += 1
sys.exit(1 if bad else 0)
PY
[ $status = 0 ] && say "lint: clean"
exit $status
