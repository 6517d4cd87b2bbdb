"""setup.py ships every file of every vrac_* addon as odoo.addons.<name>.

These tests build real wheels with pip and need no Odoo.
"""

import re
import shutil
import zipfile
from email.parser import Parser

import pytest
from helpers import (
    REPO_ROOT,
    addon_files,
    addon_names,
    build_wheel,
    wheel_names,
)


def wheel_addon_files(names, addon):
    prefix = f"odoo/addons/{addon}/"
    return {name[len(prefix) :] for name in names if name.startswith(prefix)}


def test_there_are_addons():
    assert addon_names(), "no vrac_* directory with a __manifest__.py at the repo root"


def test_wheel_ships_every_addon_file(project_wheel):
    names = wheel_names(project_wheel)
    for addon in addon_names():
        assert f"odoo/addons/{addon}/__manifest__.py" in names
        expected = addon_files(addon)
        shipped = wheel_addon_files(names, addon)
        assert expected - shipped == set(), f"{addon}: files missing from the wheel"
        assert shipped - expected == set(), f"{addon}: unexpected files in the wheel"


def test_wheel_does_not_shadow_odoo(project_wheel):
    names = wheel_names(project_wheel)
    # odoo and odoo.addons belong to Odoo (namespace via pkgutil): never ship them.
    assert "odoo/__init__.py" not in names
    assert "odoo/addons/__init__.py" not in names
    top = {name.split("/")[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"odoo"}


def test_wheel_metadata(project_wheel):
    with zipfile.ZipFile(project_wheel) as archive:
        meta_name = next(n for n in archive.namelist() if n.endswith("/METADATA"))
        metadata = Parser().parsestr(archive.read(meta_name).decode())
    requires = metadata.get_all("Requires-Dist") or []
    base = [r for r in requires if "extra ==" not in r]
    test_extra = {
        re.split(r"[<>=!~ ]", r.split(";")[0].strip())[0]: r.split(";")[0].strip()
        for r in requires
        if "extra == " in r
    }
    assert [r.split(";")[0].strip() for r in base] == ["openupgradelib"]
    # Odoo 18.0 is not on PyPI: it must never be a requirement.
    assert not any(r.lower().startswith("odoo") for r in requires)
    assert {
        "pytest-odoo",
        "websocket-client",
        "ruff",
        "pylint-odoo",
        "freezegun",
    } <= set(test_extra)
    # pylint-odoo 9.3.x is the 18.0 line (OCA's template); 10.x checks other things.
    assert test_extra["pylint-odoo"].replace(" ", "") in (
        "pylint-odoo<10,>=9.3",
        "pylint-odoo>=9.3,<10",
    )


# A synthetic addon with every kind of file an Odoo addon may hold: the test
# fails as soon as setup.py's package_data misses one of them.
FAKE_ADDON_FILES = {
    "__init__.py": "from . import models, wizards\n",
    "__manifest__.py": "{'name': 'Fake', 'version': '18.0.1.0.0'}\n",
    "README.rst": "Fake\n",
    "readme/DESCRIPTION.md": "Fake\n",
    "models/__init__.py": "from . import fake\n",
    "models/fake.py": "X = 1\n",
    "models/sub/__init__.py": "",
    "models/sub/deep.py": "",
    "wizards/__init__.py": "",
    "wizards/fake_wizard.py": "",
    "wizards/fake_wizard_views.xml": "<odoo/>\n",
    "views/fake_views.xml": "<odoo/>\n",
    "views/menus.xml": "<odoo/>\n",
    "security/ir.model.access.csv": "id,name\n",
    "security/fake_security.xml": "<odoo/>\n",
    "data/fake_data.xml": "<odoo/>\n",
    "data/fake_data.csv": "id\n",
    "demo/fake_demo.xml": "<odoo/>\n",
    "report/fake_report.xml": "<odoo/>\n",
    "i18n/fake.pot": "",
    "i18n/fr.po": "",
    "migrations/18.0.1.0.1/pre-migration.py": "def migrate(cr, version):\n    pass\n",
    "migrations/18.0.1.0.1/post-migration.py": "def migrate(cr, version):\n    pass\n",
    "static/description/icon.png": b"\x89PNG\r\n\x1a\n",
    "static/description/icon.svg": "<svg/>\n",
    "static/description/index.html": "<p/>\n",
    "static/src/js/fake.esm.js": "/** @odoo-module */\n",
    "static/src/xml/fake.xml": "<templates/>\n",
    "static/src/scss/fake.scss": "",
    "static/src/css/fake.css": "",
    "static/src/img/photo.jpg": b"\xff\xd8",
    "static/src/fonts/font.woff2": b"\x00",
    "static/tests/tours/fake_tour.esm.js": "",
    "static/lib/vendor/weird [1] name*.txt": "",
    "static/lib/pylib/__init__.py": "",
    "tests/__init__.py": "from . import test_fake\n",
    "tests/test_fake.py": "",
    "tests/data/sample.json": "{}\n",
    ".hidden_config": "",
}


def write_tree(root, files):
    for relpath, content in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)


@pytest.fixture(scope="module")
def fake_project_wheel(tmp_path_factory):
    root = tmp_path_factory.mktemp("fake_project")
    shutil.copy2(REPO_ROOT / "setup.py", root / "setup.py")
    write_tree(root / "vrac_fake", FAKE_ADDON_FILES)
    # Byte-code must not be shipped; non-addons must not be packaged.
    write_tree(root / "vrac_fake", {"models/__pycache__/fake.cpython-311.pyc": b"\0"})
    write_tree(root / "vrac_not_an_addon", {"__init__.py": "", "notes.txt": ""})
    write_tree(root / "other_addon", {"__init__.py": "", "__manifest__.py": "{}"})
    return build_wheel(root, tmp_path_factory.mktemp("fake_wheel"))


def test_package_data_covers_every_file_type(fake_project_wheel):
    names = wheel_names(fake_project_wheel)
    assert wheel_addon_files(names, "vrac_fake") == set(FAKE_ADDON_FILES)


def test_only_vrac_addons_are_packaged(fake_project_wheel):
    addons = {
        name.split("/")[2]
        for name in wheel_names(fake_project_wheel)
        if name.startswith("odoo/addons/")
    }
    assert addons == {"vrac_fake"}
