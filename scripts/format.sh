#!/usr/bin/env bash
# Rewrite the files in the house format, so that `make lint` passes on them:
#   oca-checks-odoo-module --fix   what the XML checks can fix by themselves
#                      (XML header, numbers given with eval=, attribute order)
#   prettier --write   the JS, XML, SCSS, YAML, JSON and Markdown files that
#                      `make lint` checks (same list, same .prettierrc.yml)
#   ruff format        the Python files
# Then review `git diff` (layout only) and commit.
set -euo pipefail

# shellcheck source=scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=scripts/lint.sh
. "${REPO_ROOT}/scripts/lint.sh"
cd "${REPO_ROOT}"
mapfile -t addons < <(vrac_addons)
oca="$(oca_checks_cmd)" || die "oca-checks-odoo-module missing (pip install oca-odoo-pre-commit-hooks)"
# (exits non-zero while it finds something, fixed or not: the lint tells after)
"${oca}" --fix "${addons[@]}" >/dev/null || true
ensure_node_tools || die "cannot install eslint and prettier (npm ci)"
mapfile -t files < <(prettier_files)
node_modules/.bin/prettier --write --loglevel warn "${files[@]}"
"$(lint_python)" -m ruff format .
