"""Fixtures for the top-level tests: a real Odoo server, started as an external program.

make test exports AFTERSALES_ODOO_CONF, AFTERSALES_TEST_DB, AFTERSALES_VENV and ODOO_SRC.
"""

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest


def _env(name):
    value = os.environ.get(name)
    if not value:
        pytest.skip(f"{name} is not set: run these tests through 'make test'")
    return value


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def odoo_cmd():
    python = Path(_env("AFTERSALES_VENV")) / "bin" / "python"
    odoo_bin = Path(_env("ODOO_SRC")) / "odoo-bin"
    return [str(python), str(odoo_bin), "-c", _env("AFTERSALES_ODOO_CONF")]


@pytest.fixture(scope="session")
def server(odoo_cmd, tmp_path_factory):
    """Serve the test database on a free local port; yield its base URL and database."""
    db = _env("AFTERSALES_TEST_DB")
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "odoo.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [
                *odoo_cmd,
                "-d",
                db,
                f"--db-filter=^{db}$",
                "--http-port",
                str(port),
                "--http-interface",
                "127.0.0.1",
                "--max-cron-threads=0",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the Odoo server exited early:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/web/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the Odoo server did not answer in 120 s:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        yield {"url": url, "db": db}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
