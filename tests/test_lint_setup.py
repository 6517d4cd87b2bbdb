"""The JS/XML lint tools come pinned, and a clone gets them by itself.

eslint and prettier are pinned in package.json + package-lock.json and
installed into node_modules/ by `npm ci` (scripts/lint.sh ensure_node_tools):
once there, `make lint` needs no network.
"""

import json
import os
import shutil
import subprocess

from helpers import REPO_ROOT

NODE_TOOLS = {"eslint", "prettier", "@prettier/plugin-xml"}


def test_node_tools_are_pinned_exactly_and_locked():
    package = json.loads((REPO_ROOT / "package.json").read_text())
    lock = json.loads((REPO_ROOT / "package-lock.json").read_text())
    pins = package["devDependencies"]
    assert set(pins) == NODE_TOOLS
    for name, version in pins.items():
        # An exact version: the same tools on every machine.
        assert version[0].isdigit(), (name, version)
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name
    assert lock["packages"][""]["devDependencies"] == pins


def test_node_modules_is_git_ignored():
    assert "node_modules/" in (REPO_ROOT / ".gitignore").read_text().split()


def _fake_repo(tmp_path):
    """The scripts and lock of the repository, with a fake npm on PATH that
    records its arguments (no network, no real install)."""
    repo = tmp_path / "repo"
    shutil.copytree(REPO_ROOT / "scripts", repo / "scripts")
    shutil.copy(REPO_ROOT / "package-lock.json", repo)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    npm = bin_dir / "npm"
    npm.write_text(
        '#!/bin/sh\necho "$@" >> "$NPM_CALLS"\n'
        "mkdir -p node_modules/.bin\n"
        "for t in eslint prettier; do printf '#!/bin/sh\\n' > node_modules/.bin/$t; "
        "chmod +x node_modules/.bin/$t; done\n"
    )
    npm.chmod(0o755)
    env = dict(
        os.environ,
        PATH=f"{bin_dir}:{os.environ['PATH']}",
        NPM_CALLS=str(tmp_path / "npm_calls"),
    )
    return repo, env


def _ensure_node_tools(repo, env):
    script = (
        f". {repo}/scripts/common.sh && . {repo}/scripts/lint.sh && ensure_node_tools"
    )
    return subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, check=False
    )


def test_a_clone_installs_the_node_tools_once(tmp_path):
    repo, env = _fake_repo(tmp_path)
    calls = tmp_path / "npm_calls"

    first = _ensure_node_tools(repo, env)
    assert first.returncode == 0, first.stderr
    assert calls.read_text().split("\n")[0].startswith("ci "), calls.read_text()

    # Installed for this lock: the next runs do not call npm (no network).
    second = _ensure_node_tools(repo, env)
    assert second.returncode == 0, second.stderr
    assert len(calls.read_text().splitlines()) == 1

    # A new lock (a bumped tool): installed again.
    with (repo / "package-lock.json").open("a") as lock:
        lock.write("\n")
    third = _ensure_node_tools(repo, env)
    assert third.returncode == 0, third.stderr
    assert len(calls.read_text().splitlines()) == 2


def test_debian_packages_include_node_when_it_is_missing(tmp_path):
    """Where neither node nor npm is installed, the harness asks for Debian's
    nodejs and npm packages (with the others)."""
    fake_dpkg = tmp_path / "dpkg-query"
    fake_dpkg.write_text("#!/bin/sh\nexit 1\n")
    fake_dpkg.chmod(0o755)
    env = dict(os.environ, PATH=f"{tmp_path}:{os.environ['PATH']}")
    script = (
        f". {REPO_ROOT}/scripts/common.sh && "
        "SYSTEM_PACKAGE_COMMANDS=([nodejs]=no-such-node [npm]=no-such-npm) && "
        "missing_system_packages"
    )
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    missing = result.stdout.split()
    assert missing[-2:] == ["nodejs", "npm"], missing
    # Where node and npm are on PATH (NodeSource's nodejs ships npm), they
    # are not asked for again.
    script = f". {REPO_ROOT}/scripts/common.sh && missing_system_packages"
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, check=False
    )
    if shutil.which("node") and shutil.which("npm"):
        assert "nodejs" not in result.stdout.split()
        assert "npm" not in result.stdout.split()
