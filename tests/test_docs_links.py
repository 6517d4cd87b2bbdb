"""Every link and file name in the documentation leads somewhere in a clone.

The markdown links (``[text](target)``, images included) and the backticked
repository paths (`scripts/lint.sh`, `bench/bench_*.py`, `i18n/fr.po`...) of
README.md and of the addons' readme/*.md fragments must name files or folders
of this repository: nothing outside it (no ``../shared/...``), no script that
does not exist.
"""

import re
from pathlib import Path

import pytest
from helpers import REPO_ROOT, addon_names

DOCS = sorted(
    [REPO_ROOT / "README.md", *REPO_ROOT.glob("vrac_*/readme/*.md")],
    key=str,
)
# Folders the harness creates in a clone (git-ignored): named by the docs,
# present once `make demo` / `make test` has run.
LOCAL_ENV = {".venv", ".pg", ".odoo-src", "node_modules"}
# Top-level folders of the repository: in a backticked command, a word that
# starts with one of them is a path to check (`python scripts/gen_readme.py`).
TOP_DIRS = ("scripts/", "tests/", "bench/", "docs/", ".ci/")

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
PATH_SUFFIX = re.compile(
    r"\.(py|sh|md|rst|xml|csv|po|pot|toml|json|ya?ml|cfg|txt|js|scss|png|svg)$"
)


def _is_external(target):
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target)) or target.startswith("#")


def _looks_like_path(word):
    if any(char in word for char in " ()=@,;'\"<>{}") or "://" in word:
        return False
    if word.startswith(("/", "-", "$", "~")) or word in {".", ".."}:
        return False  # URL paths (/web/content), options, variables
    return "/" in word or bool(PATH_SUFFIX.search(word))


def _references(doc):
    """(kind, target) pairs of one markdown file, code fences left out."""
    text = FENCE.sub("", doc.read_text(encoding="utf-8"))
    for target in LINK.findall(text):
        if not _is_external(target):
            yield "link", target.split("#", 1)[0]
    for span in CODE_SPAN.findall(text):
        span = span.strip()
        if " " not in span:
            if _looks_like_path(span):
                yield "path", span
            continue
        # A command: check the words that name the repository's own files.
        for word in span.split():
            if word.startswith(TOP_DIRS) and _looks_like_path(word):
                yield "path", word


def _candidates(doc, target):
    """Where a relative target may live: beside the document, at the root,
    or in an addon (`i18n/fr.po`, `readme/` name a file of each addon)."""
    bases = [doc.parent, REPO_ROOT]
    bases += [REPO_ROOT / addon for addon in addon_names()]
    return [(base / target) for base in bases]


def _resolves(doc, target):
    target = target.rstrip("/") or target
    if target.split("/", 1)[0] in LOCAL_ENV:
        return True  # checked by test_local_env_folders_are_git_ignored
    for candidate in _candidates(doc, target):
        resolved = candidate.resolve()
        if resolved != REPO_ROOT and REPO_ROOT not in resolved.parents:
            continue  # outside the clone (../shared/...): never acceptable
        base, pattern = Path(candidate.anchor), candidate.relative_to(candidate.anchor)
        if "*" in target:
            if any(base.glob(str(pattern))):
                return True
        elif candidate.exists():
            return True
    return False


def _all_references():
    return [
        pytest.param(doc, kind, target, id=f"{doc.relative_to(REPO_ROOT)}:{target}")
        for doc in DOCS
        for kind, target in _references(doc)
    ]


def test_docs_are_found():
    assert REPO_ROOT / "README.md" in DOCS
    assert len(DOCS) > 3, DOCS
    # The parser sees what the docs hold (a parser that finds nothing would
    # make the test below pass on any README).
    targets = {target for _doc, _kind, target in (p.values for p in _all_references())}
    assert "docs/screenshots/groupements_kanban.png" in targets
    assert "scripts/gen_readme.py" in targets
    assert "bench/bench_*.py" in targets


@pytest.mark.parametrize(("doc", "kind", "target"), _all_references())
def test_reference_resolves_in_the_repository(doc, kind, target):
    assert _resolves(doc, target), (
        f"{doc.relative_to(REPO_ROOT)}: {kind} {target!r} names nothing in the "
        "repository (fix the name, or drop it)"
    )


def test_local_env_folders_are_git_ignored():
    ignored = (REPO_ROOT / ".gitignore").read_text(encoding="utf-8").split()
    for folder in LOCAL_ENV:
        assert f"/{folder}/" in ignored or f"{folder}/" in ignored, folder


@pytest.mark.parametrize(
    ("text", "good"),
    [
        ("see [the notes](../shared/NOTES.md)", False),
        ("run `scripts/bootstrap.sh` first", False),
        ("run `bash scripts/nothing_here.sh --all`", False),
        ("![a screen](docs/screenshots/nothing.png)", False),
        ("see [the harness](scripts/lint.sh) and `scripts/format.sh`", True),
        ("`i18n/fr.po`, `/web/content`, `res.partner`, [OCA](https://x.org)", True),
    ],
)
def test_the_check_catches_broken_names(tmp_path, text, good):
    """The check itself: a made-up document at the root of the repository."""
    doc = REPO_ROOT / "README.md"
    fake = tmp_path / "doc.md"
    fake.write_text(text, encoding="utf-8")
    refs = list(_references(fake))
    assert refs, text
    assert all(_resolves(doc, target) for _kind, target in refs) is good
