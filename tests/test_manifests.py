"""Every vrac_* addon manifest follows the project's rules (no Odoo needed)."""

import re

import pytest
from helpers import REPO_ROOT, addon_names, read_manifest

AUTHOR = "VRAC for Odoo contributors"
VERSION_RE = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
ADDONS = addon_names()


def test_there_are_addons():
    assert ADDONS, "no vrac_* directory with a __manifest__.py at the repo root"


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_metadata(addon):
    manifest = read_manifest(addon)
    assert VERSION_RE.match(manifest.get("version", "")), (
        f"{addon}: version {manifest.get('version')!r} is not 18.0.x.y.z"
    )
    assert manifest.get("license") == "AGPL-3"
    assert manifest.get("author") == AUTHOR
    assert manifest.get("name")
    assert (REPO_ROOT / addon / "__init__.py").is_file()


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_files_exist(addon):
    manifest = read_manifest(addon)
    missing = [
        f"{key}: {path}"
        for key in ("data", "demo")
        for path in manifest.get(key, [])
        if not (REPO_ROOT / addon / path).is_file()
    ]
    assert not missing, f"{addon}: files listed in the manifest do not exist"
