# aftersales_service: the project's commands. Settings come from the environment
# (ODOO_SRC, VENV, ODOO_PORT, PGPORT, DB_NAME): see scripts/common.sh.
.PHONY: run test test-peers test-upgrade test-faults load bench stop lint i18n readme setup help

help:
	@echo "make run    set up, create or upgrade the demo database, serve Odoo at http://127.0.0.1:8069"
	@echo "make test   set up, run every test in a throwaway database; ends with 'N passed, N failed'"
	@echo "make test-peers  helpdesk_mgmt's, stock's and account's own tests with the addon installed"
	@echo "make test-upgrade  install an earlier commit with demo data, upgrade to this one, count every row"
	@echo "make load   20 RPC clients for 2 minutes against the multi-worker server, then a consistency check"
	@echo "make test-faults  crons killed mid-run, two cron workers and Run manually at once, a connection cut before commit: nothing lost or doubled"
	@echo "make bench  time the hot paths (三包 decisions, finder, KPIs, claims, old parts, settlement) in a throwaway database"
	@echo "make stop   stop the Odoo of 'make run' and the project's PostgreSQL"
	@echo "make lint   ruff, pylint-odoo (OCA mandatory checks), XML well-formedness"
	@echo "make i18n   regenerate the .pot and merge it into zh_CN.po"
	@echo "make readme regenerate aftersales_service/README.rst from readme/*.md (OCA's oca-gen-addon-readme)"

setup:
	@bash scripts/venv.sh

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

test-peers:
	@bash scripts/test_peers.sh

test-upgrade:
	@bash scripts/test_upgrade.sh

load:
	@bash scripts/load.sh

test-faults:
	@bash scripts/test_faults.sh

bench:
	@bash scripts/bench.sh

stop:
	@bash scripts/stop.sh

lint:
	@bash scripts/lint.sh

i18n:
	@bash scripts/i18n.sh

readme:
	@bash scripts/readme.sh
