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


def fake_odoo(root, version_info):
    """A tree with an importable `odoo` package of the given version."""
    package = root / "odoo"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "release.py").write_text(f"version_info = {version_info!r}\n")
    return root


def fake_python(tmp_path, name, path):
    """A python executable that imports from ``path`` (as if installed there)."""
    wrapper = tmp_path / name
    wrapper.write_text(f'#!/bin/sh\nPYTHONPATH="{path}" exec {sys.executable} "$@"\n')
    wrapper.chmod(0o755)
    return wrapper


def odoo_mode(env):
    script = (
        f". {REPO_ROOT}/scripts/common.sh && . {REPO_ROOT}/scripts/venv.sh && odoo_mode"
    )
    result = run("bash", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_odoo_18_is_taken_from_odoo_src_or_from_the_python(tmp_path):
    """ODOO_SRC is installed into the venv, unless the python (python3 or
    VRAC_PYTHON) already imports Odoo 18.0 from that very tree; a python
    with Odoo 17.0 is never used as it is."""
    src18 = fake_odoo(tmp_path / "odoo18", (18, 0, 0, "final", 0, ""))
    src17 = fake_odoo(tmp_path / "odoo17", (17, 0, 0, "final", 0, ""))
    py18 = fake_python(tmp_path, "py18", src18)
    py17 = fake_python(tmp_path, "py17", src17)
    base = {k: v for k, v in os.environ.items() if k not in ("ODOO_SRC", "VRAC_PYTHON")}
    assert odoo_mode(dict(base, VRAC_PYTHON=str(py18))) == "system"
    assert odoo_mode(dict(base, VRAC_PYTHON=str(py17))) == "archive"
    assert odoo_mode(dict(base, VRAC_PYTHON=str(py18), ODOO_SRC=str(src18))) == "system"
    assert (
        odoo_mode(dict(base, VRAC_PYTHON=str(py17), ODOO_SRC=str(src18)))
        == f"src:{src18}"
    )


def addons_path(tmp_path, odoo_root):
    python = fake_python(tmp_path, "py_addons", odoo_root)
    pg_dir = tmp_path / "pg"
    pg_dir.mkdir(exist_ok=True)
    script = (
        f". {REPO_ROOT}/scripts/common.sh && . {REPO_ROOT}/scripts/pg.sh && "
        f"VENV_PY={python} && PG_DIR={pg_dir} && ODOO_CONF={pg_dir}/odoo.conf && "
        "write_odoo_conf 8069 && sed -n 's/^addons_path = //p' \"${ODOO_CONF}\""
    )
    result = run("bash", "-c", script)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split(",")


def test_addons_path_of_both_odoo_layouts(tmp_path):
    """The official layout (addons/ beside odoo/, only base in odoo/addons)
    and a tree with every addon in odoo/addons (a stale addons/ beside it is
    left out)."""
    official = fake_odoo(tmp_path / "official", (18, 0, 0, "final", 0, ""))
    (official / "addons" / "web").mkdir(parents=True)
    (official / "odoo" / "addons" / "base").mkdir(parents=True)
    assert addons_path(tmp_path, official) == [
        str(REPO_ROOT),
        str(official / "addons"),
        str(official / "odoo" / "addons"),
    ]
    inner = fake_odoo(tmp_path / "inner", (18, 0, 0, "final", 0, ""))
    (inner / "addons" / "web").mkdir(parents=True)  # the stale copy
    for name in ("base", "web"):
        (inner / "odoo" / "addons" / name).mkdir(parents=True)
    assert addons_path(tmp_path, inner) == [
        str(REPO_ROOT),
        str(inner / "odoo" / "addons"),
    ]
