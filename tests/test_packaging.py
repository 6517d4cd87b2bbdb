"""Packaging: one wheel per addon (whool, the OCA way) and the root setup.py.

- ``<addon>/pyproject.toml`` builds ``odoo-addon-<addon>`` with whool: name,
  version (the manifest's 18.0.x.y.z), ``Requires-Dist`` (Odoo 18.0, the
  manifest's external Python dependencies, the sibling vrac addons) and files.
- the root setup.py ships every file of every vrac_* addon as
  odoo.addons.<name> in one distribution (``pip install .``).

These tests build real wheels with pip, offline (no build isolation), and
need no Odoo. whool comes with the test extras (``pip install -e '.[test]'``,
as ``make test`` does); a python without it skips the whool tests, with the
reason.
"""

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser

import pytest
from helpers import (
    REPO_ROOT,
    addon_files,
    addon_names,
    build_wheel,
    copy_project,
    read_manifest,
    wheel_names,
)

THE_THREE = {"vrac_groupement", "vrac_tarifs", "vrac_distribution"}


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


def wheel_metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        meta_name = next(n for n in archive.namelist() if n.endswith("/METADATA"))
        return Parser().parsestr(archive.read(meta_name).decode())


def manifest_python_dependencies(addon):
    return read_manifest(addon).get("external_dependencies", {}).get("python", [])


def test_wheel_metadata(project_wheel):
    metadata = wheel_metadata(project_wheel)
    requires = metadata.get_all("Requires-Dist") or []
    base = [r for r in requires if "extra ==" not in r]
    test_extra = {
        re.split(r"[<>=!~ ]", r.split(";")[0].strip())[0]: r.split(";")[0].strip()
        for r in requires
        if "extra == " in r
    }
    # The union of the manifests' external_dependencies, nothing else.
    assert sorted(r.split(";")[0].strip() for r in base) == sorted(
        {dep for addon in addon_names() for dep in manifest_python_dependencies(addon)}
    )
    assert {"openupgradelib", "xlsxwriter"} <= {r.split(";")[0].strip() for r in base}
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


# ---------------------------------------------------------------------------
# The root install gives the three addons.


def test_root_install_gives_the_three_addons(project_wheel, tmp_path):
    """``pip install`` of the root wheel puts the three addons in odoo/addons."""
    target = tmp_path / "site"
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-index",
        "--disable-pip-version-check",
        "--target",
        str(target),
        str(project_wheel),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    installed = {
        path.parent.name
        for path in (target / "odoo" / "addons").glob("*/__manifest__.py")
    }
    assert installed >= THE_THREE
    assert installed == set(addon_names())
    assert not (target / "odoo" / "__init__.py").exists()
    assert not (target / "odoo" / "addons" / "__init__.py").exists()


# ---------------------------------------------------------------------------
# One wheel per addon, built with whool (OCA's 18.0 packaging).


def _missing_for_whool():
    """What this python lacks to build with whool without isolation (offline)."""
    return [m for m in ("whool", "wheel") if importlib.util.find_spec(m) is None]


needs_whool = pytest.mark.skipif(
    bool(_missing_for_whool()),
    reason=f"{' and '.join(_missing_for_whool())} not installed in {sys.executable}: "
    "the per-addon wheels are built offline with whool (no build isolation); "
    "run with /opt/venv18/bin/python or `pip install whool`",
)


@pytest.fixture(scope="session")
def addon_wheels(tmp_path_factory):
    """{addon: wheel} built with whool from a copy of the working tree.

    Outside git, whool ships every file of the copy: the copy holds what a
    clone would (tracked plus untracked-not-ignored files), as addon_files().
    """
    src = copy_project(tmp_path_factory.mktemp("addons_src"))
    wheels = {}
    for addon in addon_names():
        wheels[addon] = build_wheel(
            src / addon, tmp_path_factory.mktemp(f"wheel_{addon}")
        )
    return wheels


def test_every_addon_has_a_whool_pyproject():
    tomllib = pytest.importorskip("tomllib")
    for addon in addon_names():
        path = REPO_ROOT / addon / "pyproject.toml"
        assert path.is_file(), f"{addon}: no pyproject.toml (run `whool init`)"
        build = tomllib.loads(path.read_text())["build-system"]
        assert build["requires"] == ["whool"]
        assert build["build-backend"] == "whool.buildapi"


@needs_whool
def test_addon_wheel_name_and_version(addon_wheels):
    assert set(addon_wheels) >= THE_THREE
    for addon, wheel in addon_wheels.items():
        metadata = wheel_metadata(wheel)
        assert metadata["Name"] == f"odoo-addon-{addon}"
        version = read_manifest(addon)["version"]
        assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", version), version
        assert metadata["Version"] == version
        assert wheel.name == f"odoo_addon_{addon}-{version}-py3-none-any.whl"


@needs_whool
def test_addon_wheel_requirements(addon_wheels):
    requires = {
        addon: set(wheel_metadata(wheel).get_all("Requires-Dist") or [])
        for addon, wheel in addon_wheels.items()
    }
    # Derived from each manifest: Odoo 18.0, its external Python
    # dependencies, its vrac_* dependencies (Odoo's own addons add nothing).
    for addon, reqs in requires.items():
        manifest = read_manifest(addon)
        siblings = {
            f"odoo-addon-{dep}==18.0.*"
            for dep in manifest["depends"]
            if dep.startswith("vrac_")
        }
        expected = {"odoo==18.0.*"} | set(manifest_python_dependencies(addon))
        assert reqs == expected | siblings, addon
    # And spelled out for the three.
    assert {"odoo==18.0.*", "openupgradelib", "xlsxwriter"} <= requires[
        "vrac_groupement"
    ]
    assert {
        "odoo==18.0.*",
        "openupgradelib",
        "odoo-addon-vrac_groupement==18.0.*",
    } <= requires["vrac_tarifs"]
    # vrac_distribution imports no openupgradelib itself: it comes with
    # vrac_tarifs' and vrac_groupement's wheels, both required through them.
    assert {"odoo==18.0.*", "odoo-addon-vrac_groupement==18.0.*"} <= requires[
        "vrac_distribution"
    ]


@needs_whool
def test_addon_wheel_ships_the_addon_files(addon_wheels):
    for addon, wheel in addon_wheels.items():
        names = wheel_names(wheel)
        top = {name.split("/")[0] for name in names}
        assert {t for t in top if not t.endswith(".dist-info")} == {"odoo"}
        assert "odoo/__init__.py" not in names
        assert "odoo/addons/__init__.py" not in names
        assert {
            name.split("/")[2] for name in names if name.startswith("odoo/addons/")
        } == {addon}
        # whool leaves the build file (pyproject.toml) out of the wheel.
        assert wheel_addon_files(names, addon) == addon_files(addon) - {
            "pyproject.toml"
        }


# ---------------------------------------------------------------------------
# external_dependencies: every third-party import of an addon is declared.

# Libraries that Odoo 18.0 itself requires (its setup.py install_requires):
# an addon may import them without declaring them.
ODOO_REQUIRES = {
    "babel",
    "chardet",
    "cryptography",
    "dateutil",
    "decorator",
    "docutils",
    "idna",
    "jinja2",
    "lxml",
    "markupsafe",
    "num2words",
    "OpenSSL",
    "passlib",
    "PIL",
    "polib",
    "psutil",
    "psycopg2",
    "pytz",
    "qrcode",
    "reportlab",
    "requests",
    "urllib3",
    "werkzeug",
    "zeep",
}
# import name -> distribution name, where they differ (none of ours today)
DISTRIBUTION_OF = {}


def third_party_imports(addon):
    """Top-level modules an addon imports outside its tests/ (stdlib, odoo and
    the addon's own relative imports left out), with the first file of each."""
    found = {}
    root = REPO_ROOT / addon
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] == "tests" or "__pycache__" in rel.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top == "odoo":
                    continue
                found.setdefault(top, rel.as_posix())
    return found


def test_external_dependencies_declare_every_third_party_import():
    for addon in addon_names():
        declared = set(manifest_python_dependencies(addon))
        for module, where in third_party_imports(addon).items():
            if module in ODOO_REQUIRES:
                continue
            assert DISTRIBUTION_OF.get(module, module) in declared, (
                f"{addon}/{where} imports {module}: declare it in the manifest's "
                "external_dependencies['python']"
            )
        # and nothing declared that the addon does not import
        imported = {DISTRIBUTION_OF.get(m, m) for m in third_party_imports(addon)}
        assert declared <= imported, f"{addon}: {declared - imported} never imported"


def test_migrations_import_openupgradelib_declared():
    """The reason of the check above: openupgradelib, imported by migrations/
    only, was declared nowhere an addons-path deployment would see it."""
    for addon in addon_names():
        migrations = REPO_ROOT / addon / "migrations"
        uses = any(
            "openupgradelib" in path.read_text() for path in migrations.rglob("*.py")
        )
        if uses:
            assert "openupgradelib" in manifest_python_dependencies(addon), addon
    assert "openupgradelib" in manifest_python_dependencies("vrac_groupement")
    assert "openupgradelib" in manifest_python_dependencies("vrac_tarifs")
