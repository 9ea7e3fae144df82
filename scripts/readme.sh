#!/usr/bin/env bash
# make readme: aftersales_service/README.rst and static/description/index.html, generated from
# the fragments in aftersales_service/readme/ and the manifest by OCA's oca-gen-addon-readme.
# `scripts/readme.sh DIR` does it for the addon folder DIR alone, without setting up the
# virtualenv (the pre-commit hook; tests/test_install.py on a copy of the addon).
source "$(dirname "$0")/common.sh"
if [ $# -eq 0 ]; then
  "$ROOT/scripts/venv.sh"
  addon_dir="$ROOT/aftersales_service"
else
  addon_dir=$1
fi
tool="$VENV/bin/oca-gen-addon-readme"
[ -x "$tool" ] || die "OCA's oca-gen-addon-readme is not in $VENV: scripts/venv.sh installs it \
from requirements-readme.txt where a package index has it (OCA publishes it on GitHub, not on \
PyPI); SKIP=oca-gen-addon-readme git commit skips the pre-commit hook"
# The project is on no public forge: the GitHub links the tool always writes (a badge, the bug
# tracker, the footer) name this organisation and repository, which do not exist there.
"$tool" --org-name=aftersales-service --repo-name=aftersales_service --branch=18.0 \
  --addon-dir="$addon_dir"
