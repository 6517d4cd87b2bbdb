"""Helpers of the repository-level tests (standard library only, no Odoo)."""

import ast
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ADDON_PREFIX = "vrac_"
# Never part of a package: byte-code and editor/patch leftovers (git-ignored).
IGNORED_PARTS = {"__pycache__", ".git", "node_modules"}
IGNORED_SUFFIXES = (".pyc", ".pyo", ".orig", ".rej", ".swp", "~")


def addon_names(root=REPO_ROOT):
    return sorted(
        path.name
        for path in Path(root).iterdir()
        if path.name.startswith(ADDON_PREFIX) and (path / "__manifest__.py").is_file()
    )


def read_manifest(addon, root=REPO_ROOT):
    return ast.literal_eval((Path(root) / addon / "__manifest__.py").read_text())


def _is_ignored(relpath):
    parts = Path(relpath).parts
    return bool(IGNORED_PARTS.intersection(parts)) or relpath.endswith(IGNORED_SUFFIXES)


def project_files(root=REPO_ROOT):
    """Files of the working tree (relative posix paths) that a clone would have.

    git-tracked plus untracked-but-not-ignored files when git is usable, else
    every file but the ignored ones; byte-code caches are always left out.
    """
    root = Path(root)
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            check=True,
            capture_output=True,
        ).stdout.decode()
        files = [name for name in out.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        files = []
        skip_dirs = IGNORED_PARTS | {".venv", ".pg", ".odoo-src", "build", "dist"}
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in skip_dirs]
            for name in filenames:
                files.append(
                    (Path(dirpath) / name).relative_to(root).as_posix(),
                )
    return sorted(
        name
        for name in files
        if not _is_ignored(name) and (root / name).is_file()  # deleted, not staged
    )


def addon_files(addon, root=REPO_ROOT):
    """Files of one addon, relative to the addon directory."""
    prefix = f"{addon}/"
    return {
        name[len(prefix) :] for name in project_files(root) if name.startswith(prefix)
    }


def _can_build_without_isolation():
    """setuptools >= 64 (PEP 660) plus a bdist_wheel (wheel, or setuptools >= 70.1)."""
    try:
        import setuptools
    except ImportError:
        return False
    version = tuple(
        int(x) for x in setuptools.__version__.split(".")[:2] if x.isdigit()
    )
    return version >= (70, 1) or (
        version >= (64, 0) and importlib.util.find_spec("wheel") is not None
    )


def build_wheel(project_dir, out_dir):
    """Build the project's wheel with pip and return its path."""
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        str(project_dir),
        "--no-deps",
        "--disable-pip-version-check",
        "-w",
        str(out_dir),
    ]
    if _can_build_without_isolation():
        cmd.append("--no-build-isolation")
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}"
    )
    wheels = list(Path(out_dir).glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def copy_project(dest, root=REPO_ROOT):
    """Copy what packaging needs (setup.py, pyproject.toml, vrac_* files).

    Building from a copy keeps build/ and *.egg-info out of the working tree,
    and stale files in an old build/ out of the wheel.
    """
    dest = Path(dest)
    for name in project_files(root):
        if name in ("setup.py", "pyproject.toml") or name.startswith(ADDON_PREFIX):
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(root) / name, target)
    return dest


def wheel_names(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())
