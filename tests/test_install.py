"""The addon installs in a fresh database without demo data (the way a customer installs it)."""

import os
import subprocess
import uuid

import pytest


def _conf(key):
    with open(os.environ["AFTERSALES_ODOO_CONF"]) as f:
        for line in f:
            if line.split("=", 1)[0].strip() == key:
                return line.split("=", 1)[1].strip()
    raise KeyError(key)


def psql(db, sql):
    return subprocess.run(
        [
            "psql",
            "-h",
            _conf("db_host"),
            "-p",
            _conf("db_port"),
            "-U",
            _conf("db_user"),
            "-d",
            db,
            "-qtA",
            "-c",
            sql,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.fixture
def fresh_db(odoo_cmd):
    name = f"aftersales_test_nodemo_{uuid.uuid4().hex[:8]}"
    yield name
    psql("postgres", f'DROP DATABASE IF EXISTS "{name}"')


def test_installs_without_demo_data(odoo_cmd, fresh_db):
    result = subprocess.run(
        [
            *odoo_cmd,
            "-d",
            fresh_db,
            "-i",
            "aftersales_service",
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    assert " ERROR " not in log, log[-3000:]
    state = psql(fresh_db, "SELECT state FROM ir_module_module WHERE name = 'aftersales_service'")
    assert state == "installed"
    assert psql(fresh_db, "SELECT count(*) FROM res_users WHERE login = 'clerk'") == "0"
    assert (
        psql(
            fresh_db,
            "SELECT count(*) FROM ir_ui_menu WHERE parent_id IN "
            "(SELECT res_id FROM ir_model_data WHERE module = 'aftersales_service' "
            "AND name = 'aftersales_menu_root')",
        )
        == "7"
    )
