#!/usr/bin/env bash
# make test: lint, pure tests, then the Odoo suite, one summary line each.
#
#   1. lint         ruff, pylint-odoo, OCA XML checks, eslint, prettier --check
#                   (scripts/lint.sh)
#   2. pure tests   pytest tests/ (no Odoo needed)
#   3. Odoo suite   fresh databases in the private cluster: install every vrac
#                   addon without demo (vrac_test_nodemo) and with demo
#                   (vrac_test), upgrade them on vrac_test, fail on any ERROR or
#                   CRITICAL log line; then pytest-odoo --odoo-http on each
#                   vrac_*/tests (HttpCase tours in headless Chromium).
# Exits non-zero when any suite fails. When no Odoo 18.0 can be found or
# installed, 1 and 2 still run and the last line says why 3 did not.
set -euo pipefail

# shellcheck source=scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# Debian packages first (when run, not sourced): as another user than root,
# print the apt-get line and stop before doing anything else.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    ensure_system_packages
fi
# shellcheck source=scripts/venv.sh
. "${REPO_ROOT}/scripts/venv.sh"
# shellcheck source=scripts/lint.sh
. "${REPO_ROOT}/scripts/lint.sh"

TEST_DB=vrac_test
TEST_DB_NODEMO=vrac_test_nodemo
WORK_TMP=""
PURE_SUMMARY=""
ODOO_SUMMARY=""
TOURS_NOTE=""
# pytest ini-style warning filters (regex on the module the warning points at).
ODOO_WARNING_FILTERS='ignore::DeprecationWarning:odoo\.(?!addons\.vrac_)
ignore::PendingDeprecationWarning:odoo\.(?!addons\.vrac_)'

cleanup() {
    # pg_stop_if_started_here exists once pg.sh has been sourced.
    if declare -F pg_stop_if_started_here >/dev/null; then
        pg_stop_if_started_here
    fi
    [ -n "${WORK_TMP}" ] && rm -rf "${WORK_TMP}"
    return 0
}

# Run pytest with a JUnit report; sets REPLY to the summary phrase and returns
# pytest's exit code (exit code 5, "no tests collected", counts as a failure).
run_pytest() {
    local junit="$1" rc=0 counts
    shift
    "${VENV_PY}" -m pytest -rs --junitxml="${junit}" "$@" || rc=$?
    if [ -f "${junit}" ]; then
        counts="$("${VENV_PY}" "${REPO_ROOT}/scripts/junit_summary.py" "${junit}")"
        REPLY="$(sed -n 2p <<<"${counts}")"
    else
        REPLY="no report (pytest exit code ${rc})"
    fi
    [ "${rc}" -eq 5 ] && REPLY="no tests collected"
    return "${rc}"
}

# --- 2. pure tests ----------------------------------------------------------
run_pure_tests() {
    local rc=0
    info "pure tests: pytest tests/"
    # Run as a developer types it: tests/conftest.py keeps pytest-odoo's
    # database fixtures out of these tests.
    run_pytest "${WORK_TMP}/pure.xml" -p no:cacheprovider \
        "${REPO_ROOT}/tests" || rc=$?
    PURE_SUMMARY="pure tests ${REPLY}"
    if [ "${rc}" -eq 0 ]; then
        echo "pure tests: OK (${REPLY})"
    else
        echo "pure tests: FAILED (${REPLY})"
        PURE_SUMMARY="pure tests FAILED (${REPLY})"
    fi
    return "${rc}"
}

# --- 3. Odoo suite ----------------------------------------------------------

# Print the ERROR/CRITICAL records of an Odoo log (with their tracebacks);
# return 1 when there is any. (No {4} regex intervals: mawk lacks them.)
check_odoo_log() {
    local log="$1"
    awk '
        /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:,]+ [0-9]+ / {
            keep = ($4 == "ERROR" || $4 == "CRITICAL")
            if (keep) found = 1
        }
        keep && printed < 200 { print "    " $0; printed++ }
        END { exit found ? 1 : 0 }
    ' "${log}"
}

# odoo_run LABEL LOGNAME ARGS...: one --stop-after-init run, log checked.
odoo_run() {
    local label="$1" log="${LOG_DIR}/$2.log" rc=0
    shift 2
    rm -f "${log}"
    info "odoo install: ${label} (log: ${log})"
    odoo_cli -c "${ODOO_CONF}" --stop-after-init --no-http --logfile "${log}" "$@" || rc=$?
    if [ "${rc}" -ne 0 ]; then
        echo "odoo install: ${label}: Odoo exited with code ${rc}, see ${log}" >&2
        check_odoo_log "${log}" >&2 || true
        return 1
    fi
    if ! check_odoo_log "${log}" >&2; then
        echo "odoo install: ${label}: ERROR/CRITICAL lines above, see ${log}" >&2
        return 1
    fi
}

run_odoo_install() {
    local addons
    addons="$(vrac_addons_csv)"
    if [ -z "${addons}" ]; then
        echo "odoo install: FAILED: no vrac_* addon with a __manifest__.py"
        return 1
    fi
    # The French chart of accounts too: the month test runs a branch in
    # France with it, as the associations do (on 18.0 the chart is in
    # l10n_fr_account; l10n_fr is only the country's base).
    addons="${addons},l10n_fr_account"
    local done_steps=()
    if ! { pg_dropdb "${TEST_DB_NODEMO}" && pg_dropdb "${TEST_DB}"; }; then
        echo "odoo install: FAILED: cannot drop the test databases"
        return 1
    fi
    if odoo_run "install without demo on ${TEST_DB_NODEMO}" install-nodemo \
        -d "${TEST_DB_NODEMO}" -i "${addons}" --without-demo=all; then
        done_steps+=("installed without demo")
        # The no-demo database is not used further: free the disk.
        pg_dropdb "${TEST_DB_NODEMO}" || true
    else
        echo "odoo install: FAILED: ${addons} installation without demo"
        return 1
    fi
    if odoo_run "install with demo on ${TEST_DB}" install-demo \
        -d "${TEST_DB}" -i "${addons}"; then
        done_steps+=("with demo")
    else
        echo "odoo install: FAILED: ${addons} installation with demo"
        return 1
    fi
    if odoo_run "upgrade on ${TEST_DB}" upgrade -d "${TEST_DB}" -u "${addons}"; then
        done_steps+=("upgraded")
    else
        echo "odoo install: FAILED: ${addons} upgrade"
        return 1
    fi
    echo "odoo install: ${addons} $(join_by ", " "${done_steps[@]}"): OK"
}

# Chromium (a system package, see ensure_system_packages) and websocket-client
# are needed by HttpCase tours.
ensure_tour_tools() {
    local missing=()
    if ! command -v chromium >/dev/null && ! command -v google-chrome >/dev/null &&
        ! command -v chromium-browser >/dev/null; then
        missing+=("Chromium missing")
    fi
    "${VENV_PY}" -c 'import websocket' >/dev/null 2>&1 ||
        missing+=("python websocket-client missing")
    if [ "${#missing[@]}" -gt 0 ]; then
        TOURS_NOTE="tours skipped: $(join_by ", " "${missing[@]}")"
        warn "${TOURS_NOTE}"
    fi
    return 0
}

run_odoo_tests() {
    local addon dirs=() no_tests=() rc=0 note=""
    while read -r addon; do
        if compgen -G "${REPO_ROOT}/${addon}/tests/test_*.py" >/dev/null; then
            dirs+=("${REPO_ROOT}/${addon}/tests")
        else
            no_tests+=("${addon}")
        fi
    done < <(vrac_addons)
    [ "${#no_tests[@]}" -gt 0 ] && note="; no tests/test_*.py in: ${no_tests[*]}"
    [ -n "${TOURS_NOTE}" ] && note="${note}; ${TOURS_NOTE}"
    if [ "${#dirs[@]}" -eq 0 ]; then
        ODOO_SUMMARY="odoo suite installed, no tests to run"
        echo "odoo tests: none to run${note}"
        return 0
    fi
    info "odoo tests: pytest-odoo --odoo-http ${dirs[*]#"${REPO_ROOT}"/}"
    # Deprecation warnings raised by Odoo's own code (e.g. account's tests
    # importing odoo.tests.common.Form) are not ours: only show the project's.
    run_pytest "${WORK_TMP}/odoo.xml" -p no:cacheprovider \
        -o "filterwarnings=${ODOO_WARNING_FILTERS}" \
        --odoo-config="${ODOO_CONF}" --odoo-database="${TEST_DB}" --odoo-http \
        "${dirs[@]}" || rc=$?
    if [ "${rc}" -eq 0 ]; then
        ODOO_SUMMARY="odoo suite ${REPLY}"
        echo "odoo tests: OK (${REPLY})${note}"
    else
        ODOO_SUMMARY="odoo suite FAILED (${REPLY})"
        echo "odoo tests: FAILED (${REPLY})${note}"
    fi
    # Say it in the final line too: nothing is skipped silently.
    [ -z "${TOURS_NOTE}" ] || ODOO_SUMMARY="${ODOO_SUMMARY} (${TOURS_NOTE})"
    return "${rc}"
}

main() {
    local status=0
    cd "${REPO_ROOT}"
    WORK_TMP="$(mktemp -d)"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    bootstrap_venv

    run_lint || status=1
    run_pure_tests || status=1

    if [ -n "${ODOO_MISSING_REASON}" ]; then
        echo "make test: ${LINT_SUMMARY}, ${PURE_SUMMARY}"
        echo "Odoo suite did not run: ${ODOO_MISSING_REASON}"
        return "${status}"
    fi

    # shellcheck source=scripts/pg.sh
    . "${REPO_ROOT}/scripts/pg.sh"
    pg_start
    mkdir -p "${LOG_DIR}"
    write_odoo_conf 8069
    ensure_tour_tools
    if run_odoo_install; then
        run_odoo_tests || status=1
    else
        status=1
        ODOO_SUMMARY="odoo suite FAILED (install)"
    fi
    # Stop the cluster now so that the summary below is the last line printed.
    pg_stop_if_started_here
    PG_STARTED_HERE=0
    echo "make test: ${LINT_SUMMARY}, ${PURE_SUMMARY}, ${ODOO_SUMMARY}"
    return "${status}"
}

# Sourcing this file (e.g. to try one function) does not run the suites.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
