"""The commands a developer types work as typed."""

import os
import subprocess
import sys

from helpers import REPO_ROOT


def run(*args, env=None):
    return subprocess.run(
        args,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def test_plain_pytest_on_tests_passes():
    """`pytest tests/...` from the repository root, without any flag, passes
    even where pytest-odoo is installed (its fixtures want a database)."""
    result = run(sys.executable, "-m", "pytest", "-q", "tests/test_geo.py")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
    assert " error" not in result.stdout


def test_system_packages_as_non_root_prints_the_apt_line(tmp_path):
    """Run as another user with packages missing, the harness prints the exact
    apt-get line and stops before doing anything else."""
    fake_dpkg = tmp_path / "dpkg-query"
    # A dpkg-query that knows no package: every needed package is missing.
    fake_dpkg.write_text("#!/bin/sh\nexit 1\n")
    fake_dpkg.chmod(0o755)
    fake_id = tmp_path / "id"
    fake_id.write_text("#!/bin/sh\necho 1000\n")
    fake_id.chmod(0o755)
    env = dict(os.environ, PATH=f"{tmp_path}:{os.environ['PATH']}")
    script = (
        f". {REPO_ROOT}/scripts/common.sh && ensure_system_packages && echo CONTINUED"
    )
    result = run("bash", "-c", script, env=env)
    assert result.returncode != 0
    assert "CONTINUED" not in result.stdout
    assert (
        "sudo apt-get install -y libpq-dev libldap2-dev libsasl2-dev postgresql "
        "chromium wkhtmltopdf poppler-utils" in result.stderr
    ), result.stderr
