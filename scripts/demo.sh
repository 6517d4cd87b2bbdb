#!/usr/bin/env bash
# make demo: serve Odoo 18.0 with every vrac_* addon and demo data.
#
# Bootstraps .venv and the private cluster (see venv.sh and pg.sh), creates
# the database vrac_demo on first run (later runs reuse it and only install
# vrac addons added since), sets admin's password to "admin" and serves Odoo
# in the foreground. Ctrl-C stops Odoo and the PostgreSQL cluster.
#
# Environment: VRAC_HTTP_PORT (8069), VRAC_HTTP_INTERFACE (127.0.0.1),
# VRAC_PG_PORT, ODOO_SRC, ODOO_ARCHIVE_URL, VRAC_PYTHON.
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

DEMO_DB=vrac_demo
HTTP_PORT="${VRAC_HTTP_PORT:-8069}"

# Install the vrac addons that are not installed yet in the demo database.
install_missing_addons() {
    local wanted missing
    wanted="$(vrac_addons | sed "s/.*/'&'/" | paste -sd, -)"
    missing="$(pg_client psql -d "${DEMO_DB}" -tAc \
        "SELECT name FROM ir_module_module WHERE state != 'installed' AND name IN (${wanted})" |
        paste -sd, -)"
    if [ -n "${missing}" ]; then
        info "Installing new addons in ${DEMO_DB}: ${missing}"
        odoo_cli -c "${ODOO_CONF}" -d "${DEMO_DB}" -i "${missing}" --stop-after-init \
            --no-http --logfile "${LOG_DIR}/demo-install.log" ||
            die "installing ${missing} failed, see ${LOG_DIR}/demo-install.log"
    fi
    # The code may have changed since the database was made: update the addons
    # so that tables and views match it (demo records are created only once;
    # `make clean` starts a fresh demo).
    info "Updating the vrac addons in ${DEMO_DB}"
    odoo_cli -c "${ODOO_CONF}" -d "${DEMO_DB}" -u "$(vrac_addons_csv)" --stop-after-init \
        --no-http --logfile "${LOG_DIR}/demo-install.log" ||
        die "updating the addons failed, see ${LOG_DIR}/demo-install.log"
}

create_demo_db() {
    local addons
    addons="$(vrac_addons_csv)"
    [ -n "${addons}" ] || die "no vrac_* addon found in ${REPO_ROOT}"
    info "Creating database ${DEMO_DB} with ${addons} and demo data (a few minutes)"
    # A fresh log: the errors reported below are this run's, not an older one's.
    : >"${LOG_DIR}/demo-install.log"
    # Like Odoo's database manager: French, a company in France (Odoo then
    # installs the French chart of accounts, in EUR), demo data, admin/admin.
    if ! "${VENV_PY}" - "${ODOO_CONF}" "${DEMO_DB}" "${LOG_DIR}/demo-install.log" <<'EOF'
import sys

import odoo
from odoo.service import db

conf, name, logfile = sys.argv[1:4]
odoo.tools.config.parse_config(["-c", conf, "--logfile", logfile])
# What the database manager does (it is disabled in the generated config).
db._create_empty_database(name)
db._initialize_db(
    None, name, True, "fr_FR", "admin", login="admin", country_code="FR"
)
EOF
    then
        pg_dropdb "${DEMO_DB}" || true
        die "creating ${DEMO_DB} failed, see ${LOG_DIR}/demo-install.log"
    fi
    # Accounting first: it brings the French chart of accounts (taxes,
    # journals) that the point of sale's demo data and cash methods need.
    local step
    for step in account "${addons}"; do
        if ! odoo_cli -c "${ODOO_CONF}" -d "${DEMO_DB}" -i "${step}" --stop-after-init \
            --no-http --logfile "${LOG_DIR}/demo-install.log"; then
            pg_dropdb "${DEMO_DB}" || true
            die "creating ${DEMO_DB} failed, see ${LOG_DIR}/demo-install.log"
        fi
    done
    if grep -E " (ERROR|CRITICAL) " "${LOG_DIR}/demo-install.log" >&2; then
        warn "the demo was created with the errors above (${LOG_DIR}/demo-install.log)"
    fi
}

# Odoo's demo login is admin/admin; make sure nobody changed it.
reset_admin_password() {
    odoo_cli shell -c "${ODOO_CONF}" -d "${DEMO_DB}" --no-http --log-level=warn \
        >/dev/null <<'EOF'
env.ref("base.user_admin").password = "admin"
env.cr.commit()
EOF
}

main() {
    bootstrap_venv
    [ -z "${ODOO_MISSING_REASON}" ] || die "cannot serve the demo: ${ODOO_MISSING_REASON}"
    if port_is_busy "${HTTP_PORT}"; then
        die "port ${HTTP_PORT} is in use (another Odoo?): stop it or set VRAC_HTTP_PORT"
    fi
    pg_start
    # Ctrl-C (or any exit) stops Odoo, then the cluster.
    trap 'pg_stop' EXIT
    trap 'exit 130' INT TERM
    write_odoo_conf "${HTTP_PORT}"
    mkdir -p "${LOG_DIR}"
    if pg_db_exists "${DEMO_DB}"; then
        info "Reusing database ${DEMO_DB}"
        install_missing_addons
    else
        create_demo_db
    fi
    reset_admin_password || die "could not set admin's password"
    echo "Odoo is serving the demo on http://localhost:${HTTP_PORT} (login admin / password admin)"
    local rc=0
    odoo_cli -c "${ODOO_CONF}" -d "${DEMO_DB}" --db-filter="^${DEMO_DB}\$" || rc=$?
    return "${rc}"
}

main "$@"
