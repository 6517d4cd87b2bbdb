"""Packaging of the VRAC Odoo 18.0 addons, all three in one distribution.

Two ways to install the addons, never both in one environment (they ship the
same files under odoo/addons/):

- per addon, the OCA way: each addon directory has a pyproject.toml for whool
  and builds the wheel ``odoo-addon-<addon>`` (version and dependencies taken
  from its manifest), e.g. ``pip wheel --no-deps -w dist vrac_tarifs/``;
- all at once from a clone: ``pip install .`` at the root (this file), a
  single distribution ``vrac-odoo``. It builds with setuptools alone (offline
  with ``--no-build-isolation``) and installs in editable mode, which the
  test harness uses (scripts/venv.sh).

Every directory at the repository root whose name starts with ``vrac_`` and
that holds a ``__manifest__.py`` is installed as the Python package
``odoo.addons.<name>``. In Odoo 18 ``odoo.addons`` is a pkgutil namespace, so a
plain ``pip install .`` lets Odoo find the addons without editing addons_path.

All files of an addon are shipped (XML, CSV, PO/POT, static/**, readme/,
description images, migration scripts...), not only its Python packages: a
file that is not inside a Python package is attached, as package data, to the
closest enclosing package. Only byte-code caches are left out.

``odoo`` itself is deliberately NOT listed in install_requires: Odoo 18.0 is
not published on PyPI. Install it first (from its source tree, or let
``make demo`` / ``make test`` do it, see scripts/venv.sh).
"""

import ast
import glob
import os

from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))
ADDON_PREFIX = "vrac_"
IGNORED_DIRS = {"__pycache__", ".git", "node_modules"}
IGNORED_SUFFIXES = (".pyc", ".pyo", ".orig", ".rej", ".swp", "~")


def addon_names():
    """Root directories that are Odoo addons of this project, sorted."""
    return sorted(
        name
        for name in os.listdir(HERE)
        if name.startswith(ADDON_PREFIX)
        and os.path.isfile(os.path.join(HERE, name, "__manifest__.py"))
    )


def is_package_dir(path):
    """A directory that setuptools can install as a regular package."""
    name = os.path.basename(path)
    return name.isidentifier() and os.path.isfile(os.path.join(path, "__init__.py"))


def addon_packages(addon):
    """Return {package name: (directory, [data files relative to it])}.

    The addon directory is always a package; its sub-directories are packages
    when they hold an ``__init__.py`` and are reachable through packages only.
    Every other file goes to the package data of the closest package above it.
    """
    packages = {}

    def walk(package, pkg_dir):
        data = []
        packages[package] = (pkg_dir, data)
        # Iterative walk of the non-package sub-tree owned by this package.
        stack = [""]
        while stack:
            rel = stack.pop()
            abs_dir = os.path.join(HERE, pkg_dir, rel)
            for entry in sorted(os.listdir(abs_dir)):
                rel_entry = os.path.join(rel, entry) if rel else entry
                abs_entry = os.path.join(abs_dir, entry)
                if os.path.isdir(abs_entry):
                    if entry in IGNORED_DIRS:
                        continue
                    if not rel and is_package_dir(abs_entry):
                        walk(f"{package}.{entry}", os.path.join(pkg_dir, entry))
                    else:
                        stack.append(rel_entry)
                elif entry.endswith(IGNORED_SUFFIXES):
                    continue
                elif rel or not entry.endswith(".py"):
                    # Python modules directly in a package are installed as
                    # modules; anything else (including .py files in plain
                    # directories such as migrations/18.0.x.y.z/) is data.
                    # package_data entries are glob patterns: escape [ ] * ?
                    data.append(glob.escape(rel_entry.replace(os.sep, "/")))

    walk(f"odoo.addons.{addon}", addon)
    return packages


def external_python_dependencies():
    """The union of the addons' manifest ``external_dependencies["python"]``.

    The manifests are the single source (whool reads them for the per-addon
    wheels too): an addon's Python requirement is declared once, where an
    addons-path deployment also sees it (Odoo refuses to install the addon
    when it is missing).
    """
    requirements = set()
    for addon in addon_names():
        with open(os.path.join(HERE, addon, "__manifest__.py"), encoding="utf-8") as f:
            manifest = ast.literal_eval(f.read())
        requirements.update(manifest.get("external_dependencies", {}).get("python", []))
    return sorted(requirements, key=str.lower)


def packaging_kwargs():
    packages, package_dir, package_data = [], {}, {}
    for addon in addon_names():
        for package, (pkg_dir, data) in addon_packages(addon).items():
            packages.append(package)
            package_dir[package] = pkg_dir
            if data:
                package_data[package] = data
    return {
        "packages": packages,
        "package_dir": package_dir,
        "package_data": package_data,
    }


setup(
    name="vrac-odoo",
    version="18.0.1.0.0",
    description="VRAC: Odoo 18.0 addons for food-buying groups",
    license="AGPL-3.0-or-later",
    author="VRAC for Odoo contributors",
    url="https://github.com/vrac-odoo/vrac-odoo",
    python_requires=">=3.10",
    # "odoo" is intentionally absent: Odoo 18.0 is not on PyPI (see docstring).
    install_requires=external_python_dependencies(),
    extras_require={
        "test": [
            "pytest-odoo",
            "websocket-client",
            "ruff",
            # 9.3.x is the line of OCA's 18.0 template (10.x needs pylint 4)
            "pylint-odoo>=9.3,<10",
            # the XML/CSV checks that pylint-odoo 9+ moved out (oca-checks-odoo-module)
            "oca-odoo-pre-commit-hooks",
            "freezegun",
            "hypothesis",
            # builds the per-addon wheels the packaging tests check (OCA's builder)
            "whool",
        ],
    },
    include_package_data=False,
    zip_safe=False,
    classifiers=[
        "Framework :: Odoo",
        "Framework :: Odoo :: 18.0",
        "License :: OSI Approved :: GNU Affero General Public License v3",
        "Programming Language :: Python :: 3",
    ],
    **packaging_kwargs(),
)
