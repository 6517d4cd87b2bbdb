"""Write each addon's README.rst from its readme/ fragments (OCA layout).

    python scripts/gen_readme.py           # write them
    python scripts/gen_readme.py --check   # exit 1 when one is out of date

OCA's own generator (oca-gen-addon-readme) is not on the package registries
these machines reach; this one covers the fragments the addons use:
DESCRIPTION, CONFIGURE, USAGE and CONTRIBUTORS, in Markdown, turned into
reStructuredText (inline code, links and headings; the rest is common).
"""

import ast
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def markdown_to_rst(text):
    """The Markdown of the fragments in reStructuredText."""
    text = re.sub(r"(?<!`)`([^`\n]+)`(?!`)", r"``\1``", text)
    text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"`\1 <\2>`_", text)
    return text.strip() + "\n"


def title(text, char):
    return f"{text}\n{char * len(text)}\n"


def render(addon_dir):
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text())
    name = manifest["name"]
    parts = [
        "=" * len(name) + "\n" + name + "\n" + "=" * len(name) + "\n",
        f"{manifest['summary']}\n",
        ".. contents::\n   :local:\n",
    ]
    for filename, heading in SECTIONS:
        fragment = addon_dir / "readme" / filename
        if not fragment.is_file():
            continue
        if heading:
            parts.append(title(heading, "="))
        parts.append(markdown_to_rst(fragment.read_text()))
    parts.append(title("License", "="))
    parts.append(f"{manifest['license']}, by {manifest['author']}.\n")
    return "\n".join(parts)


def addons():
    return sorted(
        path
        for path in REPO_ROOT.glob("vrac_*")
        if (path / "__manifest__.py").is_file() and (path / "readme").is_dir()
    )


def main(argv):
    stale = []
    for addon_dir in addons():
        readme = addon_dir / "README.rst"
        text = render(addon_dir)
        if "--check" in argv:
            if not readme.is_file() or readme.read_text() != text:
                stale.append(addon_dir.name)
        else:
            readme.write_text(text)
            print(readme.relative_to(REPO_ROOT))
    if stale:
        print(
            "README.rst out of date (run python scripts/gen_readme.py): "
            + ", ".join(stale)
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
