"""Fixtures of the repository-level tests (they need no Odoo).

``pytest tests/`` works as typed: pytest-odoo, when installed, loads itself
into every pytest run and its session fixtures open an Odoo database. The
fixtures below, of the same names, replace them for this folder only, so
these tests need no database and no ``-p no:odoo`` flag.
"""

import pytest
from helpers import build_wheel, copy_project


@pytest.fixture(scope="session", autouse=True)
def load_registry():
    """pytest-odoo's fixture opens an Odoo registry: not here."""
    yield


@pytest.fixture(scope="session", autouse=True)
def load_http():
    """pytest-odoo's fixture starts Odoo's HTTP server: not here."""
    yield


@pytest.fixture(scope="module", autouse=True)
def enable_odoo_test_flag():
    """pytest-odoo's fixture sets Odoo's test flag: nothing to set here."""
    yield


@pytest.fixture(scope="session")
def project_wheel(tmp_path_factory):
    """The wheel of the current working tree (built once per session)."""
    src = copy_project(tmp_path_factory.mktemp("src"))
    return build_wheel(src, tmp_path_factory.mktemp("wheel"))
