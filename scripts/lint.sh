#!/usr/bin/env bash
# Lint suite, as OCA's pre-commit for 18.0 (see .pre-commit-config.yaml):
#   Python  ruff check, ruff format --check, pylint-odoo (.pylintrc-mandatory)
#   XML     oca-checks-odoo-module (the xml-* checks pylint-odoo moved to
#           oca-odoo-pre-commit-hooks: duplicate ids, header, deprecated nodes...)
#   JS      eslint (.eslintrc.yml) on */static/{src,tests}/**/*.js
#   format  prettier --check (.prettierrc.yml, @prettier/plugin-xml) on the
#           JS, XML, SCSS, YAML, JSON and Markdown files; scripts/format.sh fixes
# eslint and prettier are pinned in package.json/package-lock.json and installed
# into node_modules/ by `npm ci` the first time (and when the lock changes);
# after that no network is needed.
#
# Sourced by test.sh (function run_lint) and format.sh, or run directly after a
# bootstrap:
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

# Install the pinned node tools into node_modules/ unless they are there for
# this package-lock.json already (a stamp holds the lock's checksum).
ensure_node_tools() {
    local stamp="${REPO_ROOT}/node_modules/.vrac-lock" sum
    sum="$(cksum <"${REPO_ROOT}/package-lock.json")"
    if [ "$(cat "${stamp}" 2>/dev/null)" = "${sum}" ] &&
        [ -x "${REPO_ROOT}/node_modules/.bin/eslint" ] &&
        [ -x "${REPO_ROOT}/node_modules/.bin/prettier" ]; then
        return 0
    fi
    command -v npm >/dev/null || {
        warn "npm not found: install Node.js and npm (on Debian: apt-get install nodejs npm)"
        return 1
    }
    info "Installing eslint and prettier into node_modules/ (npm ci)"
    (cd "${REPO_ROOT}" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    printf '%s\n' "${sum}" >"${stamp}"
}

# Files prettier checks (one a line): those git knows of, tracked or not but
# not ignored; .prettierignore then drops the generated and vendored ones.
prettier_files() {
    local pattern='\.(js|xml|scss|css|yml|yaml|json|md)$'
    if git -C "${REPO_ROOT}" rev-parse --git-dir >/dev/null 2>&1; then
        git -C "${REPO_ROOT}" ls-files -co --exclude-standard |
            grep -E "${pattern}" | while IFS= read -r f; do
            [ -f "${REPO_ROOT}/${f}" ] && printf '%s\n' "${f}"
        done
    else
        # Not a git checkout (an exported tree): every file but the local
        # environment's.
        (cd "${REPO_ROOT}" && find . \( -path ./.git -o -path ./node_modules -o \
            -path ./.venv -o -path ./.pg -o -path ./.odoo-src \) -prune -o -type f -print |
            sed 's|^\./||' | grep -E "${pattern}")
    fi
    return 0
}

# The oca-checks-odoo-module command (OCA's XML checks): the venv's, else
# the one on PATH.
oca_checks_cmd() {
    if [ -x "${VENV_DIR}/bin/oca-checks-odoo-module" ]; then
        echo "${VENV_DIR}/bin/oca-checks-odoo-module"
    else
        command -v oca-checks-odoo-module
    fi
}

# JavaScript files eslint checks: the addons' sources and tours.
eslint_globs() {
    printf '%s\n' '*/static/src/**/*.js' '*/static/tests/**/*.js'
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

    if [ "${#addons[@]}" -gt 0 ]; then
        local oca
        if oca="$(oca_checks_cmd)"; then
            info "lint: oca-checks-odoo-module (XML, CSV, manifest) ${addons[*]}"
            if "${oca}" "${addons[@]}"; then
                parts+=("XML checks")
            else
                failed+=("XML checks (oca-checks-odoo-module; scripts/format.sh fixes some)")
            fi
        else
            failed+=("XML checks: oca-checks-odoo-module missing (pip install oca-odoo-pre-commit-hooks)")
        fi
    fi

    if ensure_node_tools; then
        local files=() globs=()
        mapfile -t globs < <(eslint_globs)
        info "lint: eslint ${globs[*]}"
        # Errors fail; warnings (OCA's advisory rules) show with: npx eslint .
        if "${REPO_ROOT}/node_modules/.bin/eslint" --quiet "${globs[@]}"; then
            parts+=("eslint")
        else
            failed+=("eslint")
        fi
        mapfile -t files < <(prettier_files)
        info "lint: prettier --check (${#files[@]} JS/XML/SCSS/YAML/JSON/MD files)"
        if "${REPO_ROOT}/node_modules/.bin/prettier" --check --loglevel warn "${files[@]}"; then
            parts+=("prettier")
        else
            failed+=("prettier (run: scripts/format.sh)")
        fi
    else
        failed+=("eslint, prettier: node tools not installed (npm ci failed)")
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

# scripts/lint.sh --tool NAME ARGS...: run one tool of the suite as make lint
# has it (the venv's python, node_modules/): the hooks of .pre-commit-config.yaml.
run_tool() {
    local tool="$1"
    shift
    case "${tool}" in
    eslint | prettier)
        ensure_node_tools || die "cannot install eslint and prettier (npm ci)"
        exec "${REPO_ROOT}/node_modules/.bin/${tool}" "$@"
        ;;
    ruff | pylint) exec "$(lint_python)" -m "${tool}" "$@" ;;
    oca-checks-odoo-module)
        local oca addons=()
        oca="$(oca_checks_cmd)" || die "oca-checks-odoo-module missing (pip install oca-odoo-pre-commit-hooks)"
        mapfile -t addons < <(vrac_addons)
        [ "$#" -gt 0 ] || set -- "${addons[@]}"
        exec "${oca}" "$@"
        ;;
    *) die "unknown tool: ${tool} (eslint, prettier, ruff, pylint, oca-checks-odoo-module)" ;;
    esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    if [ "${1:-}" = "--tool" ]; then
        shift
        cd "${REPO_ROOT}"
        run_tool "$@"
    fi
    run_lint
fi
