"""The addon, built as the OCA builds its wheels (``whool``) and installed from that wheel
into a fresh virtualenv, installs in a fresh database without demo data (the way a customer
installs it), every string it shows there has its Chinese translation, and its README.rst is
what OCA's generator makes of its readme/ fragments."""

import os
import shutil
import subprocess
import sys
import uuid
import venv
import zipfile
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
def addon_wheel(tmp_path_factory):
    """The addon's wheel, built from the checkout by pip with OCA's ``whool`` backend."""
    dist = tmp_path_factory.mktemp("dist")
    python = Path(os.environ["AFTERSALES_VENV"]) / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ADDON),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = dist.glob("odoo_addon_aftersales_service-18.0.*-py3-none-any.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel_venv(addon_wheel, tmp_path_factory):
    """A fresh virtualenv with the addon installed from its wheel; Odoo's own Python
    libraries and the peers' wheels come from the project's virtualenv (a .pth file)."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    project_site = subprocess.run(
        [
            str(Path(os.environ["AFTERSALES_VENV"]) / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "aftersales_project.pth").write_text(project_site + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(addon_wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return python, Path(site)


@pytest.fixture(scope="module")
def installed_without_demo(wheel_venv, tmp_path_factory):
    """A new database with the addon, from its wheel, installed without demo data;
    dropped afterwards. The checkout is not on the addons path."""
    python, _site = wheel_venv
    conf = tmp_path_factory.mktemp("conf") / "odoo.conf"
    odoo_src = Path(os.environ["ODOO_SRC"])
    with open(os.environ["AFTERSALES_ODOO_CONF"]) as source, open(conf, "w") as target:
        for line in source:
            if line.split("=", 1)[0].strip() == "addons_path":
                line = f"addons_path = {odoo_src / 'odoo' / 'addons'}\n"
            target.write(line)
    name = f"aftersales_test_nodemo_{uuid.uuid4().hex[:8]}"
    result = subprocess.run(
        [
            str(python),
            str(odoo_src / "odoo-bin"),
            "-c",
            str(conf),
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


def test_the_wheel_declares_its_odoo_dependencies(addon_wheel):
    with zipfile.ZipFile(addon_wheel) as wheel:
        [metadata] = [name for name in wheel.namelist() if name.endswith("/METADATA")]
        requires = {
            line.split(":", 1)[1].strip()
            for line in wheel.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:")
        }
    assert requires == {
        "odoo==18.0.*",
        "odoo-addon-helpdesk_mgmt==18.0.*",
        "odoo-addon-report_xlsx==18.0.*",
    }


def test_the_addon_is_loaded_from_its_wheel(wheel_venv, installed_without_demo):
    python, site = wheel_venv
    path = subprocess.run(
        [
            str(python),
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); import odoo.addons; "
            "import odoo.addons.aftersales_service as m; print(m.__file__)",
            os.environ["ODOO_SRC"],
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(path).is_relative_to(site / "odoo" / "addons" / "aftersales_service"), path


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


def test_readme_is_generated_from_its_fragments(tmp_path):
    """README.rst and static/description/index.html are what OCA's oca-gen-addon-readme makes
    of readme/*.md and the manifest as they are now: generated again in a copy of the addon."""
    home = os.environ.get("AFTERSALES_VENV") or sys.prefix
    if not (Path(home) / "bin" / "oca-gen-addon-readme").exists():
        pytest.skip(
            f"OCA's oca-gen-addon-readme is not installed in {home}: scripts/venv.sh installs "
            "it where a package index has oca-maintainers-tools (requirements-readme.txt); "
            "PyPI has not"
        )
    copy = tmp_path / ADDON.name
    copy.mkdir()
    shutil.copy(ADDON / "__manifest__.py", copy)
    shutil.copytree(ADDON / "readme", copy / "readme")
    shutil.copytree(ADDON / "static" / "description", copy / "static" / "description")
    result = subprocess.run(
        ["bash", str(ADDON.parent / "scripts" / "readme.sh"), str(copy)],
        env={**os.environ, "VENV": home},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    stale = [
        name
        for name in ("README.rst", "static/description/index.html")
        if (copy / name).read_bytes() != (ADDON / name).read_bytes()
    ]
    assert not stale, f"{', '.join(stale)}: not generated from readme/ as it is; run make readme"
