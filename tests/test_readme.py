"""Each addon's README.rst is generated from its readme/ fragments."""

import subprocess
import sys

from helpers import REPO_ROOT, addon_names


def test_every_addon_has_readme_fragments():
    for addon in addon_names():
        readme = REPO_ROOT / addon / "readme"
        assert (readme / "DESCRIPTION.md").is_file(), addon
        assert (readme / "USAGE.md").is_file(), addon
        assert (readme / "CONFIGURE.md").is_file(), addon


def test_readme_rst_matches_the_fragments():
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "gen_readme.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
