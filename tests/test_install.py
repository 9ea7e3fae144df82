"""The addon installs in a fresh database without demo data (the way a customer installs it),
and every string it shows there has its Chinese translation."""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import polib
import pytest

ADDON = Path(__file__).resolve().parent.parent / "aftersales_service"


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


@pytest.fixture(scope="module")
def installed_without_demo(odoo_cmd):
    """A new database with the addon installed without demo data; dropped afterwards."""
    name = f"aftersales_test_nodemo_{uuid.uuid4().hex[:8]}"
    result = subprocess.run(
        [
            *odoo_cmd,
            "-d",
            name,
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
    try:
        yield name, result.returncode, result.stdout + result.stderr
    finally:
        psql("postgres", f'DROP DATABASE IF EXISTS "{name}"')
        shutil.rmtree(Path(_conf("data_dir")) / "filestore" / name, ignore_errors=True)


def test_installs_without_demo_data(installed_without_demo):
    db, returncode, log = installed_without_demo
    assert returncode == 0, log[-3000:]
    assert " ERROR " not in log, log[-3000:]
    state = psql(db, "SELECT state FROM ir_module_module WHERE name = 'aftersales_service'")
    assert state == "installed"
    assert psql(db, "SELECT count(*) FROM res_users WHERE login = 'clerk'") == "0"
    assert (
        psql(
            db,
            "SELECT count(*) FROM ir_ui_menu WHERE parent_id IN "
            "(SELECT res_id FROM ir_model_data WHERE module = 'aftersales_service' "
            "AND name = 'aftersales_menu_root')",
        )
        == "8"
    )


def test_every_string_a_user_sees_has_its_chinese_translation(
    odoo_cmd, installed_without_demo, tmp_path
):
    """Export the addon's terms as `make i18n` does: each one must have a zh_CN
    translation, so nothing shows up in English to a Chinese user."""
    db, returncode, log = installed_without_demo
    assert returncode == 0, log[-3000:]
    pot_path = tmp_path / "aftersales_service.pot"
    export = subprocess.run(
        [
            *odoo_cmd,
            "-d",
            db,
            "--modules=aftersales_service",
            f"--i18n-export={pot_path}",
            "--stop-after-init",
            "--log-level=warn",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert export.returncode == 0, (export.stdout + export.stderr)[-3000:]
    translated = {
        entry.msgid for entry in polib.pofile(str(ADDON / "i18n" / "zh_CN.po")) if entry.msgstr
    }
    missing = sorted(
        entry.msgid for entry in polib.pofile(str(pot_path)) if entry.msgid not in translated
    )
    assert not missing, "no zh_CN translation (run make i18n, then translate):\n" + "\n".join(
        missing
    )


GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "GLOSSARY.md"


def _glossary():
    """[(english, chinese, [avoided words])] from the table of docs/GLOSSARY.md."""
    rows = []
    for line in GLOSSARY.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("English", "---") or set(cells[0]) <= {"-"}:
            continue
        avoid = [word.strip() for word in cells[2].split(",") if word.strip()]
        rows.append((cells[0], cells[1], avoid))
    return rows


def test_translations_use_the_glossary():
    """One word for one thing: the glossary's terms are translated as it says, and no
    translation uses a word it rules out (outside one of its own Chinese terms)."""
    rows = _glossary()
    assert len(rows) > 30, "the glossary table was not read"
    terms = {chinese for _english, chinese, _avoid in rows}
    problems = []
    for path in (ADDON / "i18n" / "zh_CN.po", ADDON / "i18n_extra" / "zh_CN.po"):
        entries = [entry for entry in polib.pofile(str(path)) if entry.msgstr]
        by_msgid = {entry.msgid: entry.msgstr for entry in entries}
        for english, chinese, _avoid in rows:
            if english in by_msgid and by_msgid[english] != chinese:
                problems.append(
                    f"{path.parent.name}: {english!r} is {by_msgid[english]!r}, not {chinese!r}"
                )
        for english, _chinese, avoid in rows:
            for word in avoid:
                for entry in entries:
                    text = entry.msgstr
                    for term in terms:
                        if word in term and word != term:
                            text = text.replace(term, "")
                    if word in text:
                        problems.append(
                            f"{path.parent.name}: {entry.msgid!r} says {word!r} "
                            f"(the glossary says {english} = {_chinese})"
                        )
    assert not problems, "\n".join(problems)
