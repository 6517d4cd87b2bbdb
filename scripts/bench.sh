#!/usr/bin/env bash
# make bench: the performance figures the issues ask for, as markdown tables
# (figure, reference, ratio or target, verdict). Times depend on the
# machine's load; query counts do not. Tests never assert timings: this does
# not fail on a slow figure, it states it.
#
# Each bench/bench_*.py creates its own fresh databases in the private
# cluster (see its --help) and keeps them for inspection.
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
# shellcheck source=scripts/pg.sh
. "${REPO_ROOT}/scripts/pg.sh"

main() {
    bootstrap_venv
    [ -z "${ODOO_MISSING_REASON}" ] || die "cannot run the benchmarks: ${ODOO_MISSING_REASON}"
    pg_start
    trap 'pg_stop_if_started_here' EXIT
    trap 'exit 130' INT TERM
    write_odoo_conf 8069
    local bench
    for bench in "${REPO_ROOT}"/bench/bench_*.py; do
        [ -f "${bench}" ] || continue
        echo "## $(basename "${bench}" .py)"
        "${VENV_PY}" "${bench}" --config "${ODOO_CONF}" "$@"
        echo
    done
}

main "$@"
