"""Fixtures of the repository-level tests (they need no Odoo)."""

import pytest
from helpers import build_wheel, copy_project


@pytest.fixture(scope="session")
def project_wheel(tmp_path_factory):
    """The wheel of the current working tree (built once per session)."""
    src = copy_project(tmp_path_factory.mktemp("src"))
    return build_wheel(src, tmp_path_factory.mktemp("wheel"))
