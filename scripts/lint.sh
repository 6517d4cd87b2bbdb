#!/usr/bin/env bash
# Lint suite: ruff check, ruff format --check, pylint-odoo (mandatory checks).
#
# Sourced by test.sh (function run_lint), or run directly after a bootstrap:
#   scripts/lint.sh            (uses .venv/bin/python, else python3)
# Prints one summary line "lint: ..." and returns non-zero on any finding.
# shellcheck disable=SC2034  # LINT_SUMMARY is read by test.sh

if [ -z "${REPO_ROOT:-}" ]; then
    # shellcheck source=scripts/common.sh
    . "$(dirname "${BASH_SOURCE[0]}")/common.sh"
fi

LINT_SUMMARY="" # read by test.sh for its final line

# Python that has the lint tools: the venv's when it exists.
lint_python() {
    if [ -x "${VENV_PY}" ]; then
        echo "${VENV_PY}"
    else
        echo "${BASE_PYTHON}"
    fi
}

run_lint() {
    local py status=0 parts=() failed=() addons=()
    py="$(lint_python)"
    cd "${REPO_ROOT}" || return 1

    info "lint: ruff check"
    if "${py}" -m ruff check --no-fix --output-format=concise .; then
        parts+=("ruff check")
    else
        failed+=("ruff check")
    fi

    info "lint: ruff format --check"
    if "${py}" -m ruff format --check .; then
        parts+=("ruff format")
    else
        failed+=("ruff format (run: ruff format .)")
    fi

    mapfile -t addons < <(vrac_addons)
    if [ "${#addons[@]}" -eq 0 ]; then
        parts+=("pylint-odoo: no vrac addon")
    elif "${py}" -c 'import pylint_odoo' >/dev/null 2>&1; then
        info "lint: pylint --rcfile=.pylintrc-mandatory ${addons[*]}"
        if "${py}" -m pylint --rcfile=.pylintrc-mandatory "${addons[@]}"; then
            parts+=("pylint-odoo on ${#addons[@]} addon(s)")
        else
            failed+=("pylint-odoo")
        fi
    else
        parts+=("pylint-odoo SKIPPED (pylint_odoo not importable)")
    fi

    if [ "${#failed[@]}" -eq 0 ]; then
        LINT_SUMMARY="lint OK"
        echo "lint: OK ($(join_by ", " "${parts[@]}"))"
    else
        status=1
        LINT_SUMMARY="lint FAILED"
        echo "lint: FAILED: $(join_by ", " "${failed[@]}")"
    fi
    return "${status}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    run_lint
fi
