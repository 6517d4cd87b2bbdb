#!/usr/bin/env bash
# Private PostgreSQL cluster in .pg/ (no system service, no root needed).
#
# Sourced by demo.sh and test.sh, or run directly:
#   scripts/pg.sh start|stop|status
#
# Layout: .pg/pgdata (cluster, trust auth, superuser "odoo"), .pg/run (unix
# socket), .pg/logs (postgresql.log and Odoo logs), .pg/odoo-data (Odoo
# data_dir), .pg/odoo.conf. It listens on the socket and on 127.0.0.1, port
# $VRAC_PG_PORT or 55432; when 55432 is taken (e.g. by the cluster of another
# checkout) a free port derived from this checkout's path is used instead.
# Run as root, the cluster belongs to the "postgres" OS user (initdb and
# postgres refuse to run as root). Reset everything with: rm -rf .pg

if [ -z "${REPO_ROOT:-}" ]; then
    # shellcheck source=scripts/common.sh
    . "$(dirname "${BASH_SOURCE[0]}")/common.sh"
fi

PG_DATA="${PG_DIR}/pgdata"
PG_SOCKET_DIR="${PG_DIR}/run"
PG_DEFAULT_PORT=55432
PG_USER=odoo
PG_PORT=""
PG_HOST=""
PG_STARTED_HERE=0

# Directory of initdb/pg_ctl/postgres: $VRAC_PG_BIN, pg_config, or the newest
# /usr/lib/postgresql/*/bin.
pg_bindir() {
    local dir
    if [ -n "${VRAC_PG_BIN:-}" ]; then
        echo "${VRAC_PG_BIN}"
        return
    fi
    if command -v pg_config >/dev/null && dir="$(pg_config --bindir)" && [ -x "${dir}/initdb" ]; then
        echo "${dir}"
        return
    fi
    dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    [ -n "${dir}" ] && [ -x "${dir}/initdb" ] && echo "${dir}" && return
    if command -v initdb >/dev/null; then
        dirname "$(command -v initdb)"
        return
    fi
    die "PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql or set VRAC_PG_BIN"
}
PG_BIN="$(pg_bindir)"

# Run a command as the owner of the cluster (postgres when we are root).
as_pg_owner() {
    if is_root; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A unix socket path is limited to ~107 bytes: fall back to TCP if too long.
pg_socket_usable() {
    [ "$(printf '%s' "${PG_SOCKET_DIR}/.s.PGSQL.65535" | wc -c)" -lt 100 ]
}

pg_is_running() {
    [ -f "${PG_DATA}/postmaster.pid" ] &&
        as_pg_owner "${PG_BIN}/pg_ctl" -D "${PG_DATA}" status >/dev/null 2>&1
}

port_is_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Choose the port for a cluster that is not running yet.
pg_pick_port() {
    local base i port
    if [ -n "${VRAC_PG_PORT:-}" ]; then
        port_is_busy "${VRAC_PG_PORT}" &&
            die "VRAC_PG_PORT=${VRAC_PG_PORT} is already in use on 127.0.0.1: pick another port"
        echo "${VRAC_PG_PORT}"
        return
    fi
    if ! port_is_busy "${PG_DEFAULT_PORT}"; then
        echo "${PG_DEFAULT_PORT}"
        return
    fi
    base=$((PG_DEFAULT_PORT + 1 + $(printf '%s' "${REPO_ROOT}" | cksum | cut -d' ' -f1) % 500))
    for i in $(seq 0 49); do
        port=$((base + i))
        if ! port_is_busy "${port}"; then
            info "port ${PG_DEFAULT_PORT} is taken (another cluster?): using ${port}"
            echo "${port}"
            return
        fi
    done
    die "no free port found for PostgreSQL near ${base}: set VRAC_PG_PORT"
}

# First run: create .pg/ and the cluster.
pg_init() {
    [ -f "${PG_DATA}/PG_VERSION" ] && return 0
    info "Creating PostgreSQL cluster in ${PG_DATA}"
    mkdir -p "${PG_DIR}" "${PG_SOCKET_DIR}" "${LOG_DIR}"
    if is_root; then
        id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' OS user to own the cluster"
        chown postgres: "${PG_DIR}" "${PG_SOCKET_DIR}" "${LOG_DIR}"
        as_pg_owner test -w "${PG_DIR}" ||
            die "user postgres cannot reach ${PG_DIR}: make its parent directories world-traversable (chmod o+x)"
    fi
    as_pg_owner "${PG_BIN}/initdb" -D "${PG_DATA}" --auth=trust -U "${PG_USER}" \
        -E UTF8 --locale=C.UTF-8 >"${LOG_DIR}/initdb.log" 2>&1 ||
        die "initdb failed, see ${LOG_DIR}/initdb.log"
    local sockets="''"
    pg_socket_usable && sockets="'${PG_SOCKET_DIR}'"
    # A disposable development cluster: favour speed over crash safety.
    as_pg_owner tee -a "${PG_DATA}/postgresql.conf" >/dev/null <<EOF

# --- added by scripts/pg.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = ${sockets}
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
}

# Set PG_PORT and PG_HOST for the running cluster.
pg_read_address() {
    PG_PORT="$(sed -n 4p "${PG_DATA}/postmaster.pid")"
    if pg_socket_usable; then
        PG_HOST="${PG_SOCKET_DIR}"
    else
        PG_HOST=127.0.0.1
    fi
}

pg_start() {
    pg_init
    if pg_is_running; then
        pg_read_address
        info "PostgreSQL already running (port ${PG_PORT})"
        return 0
    fi
    local port
    port="$(pg_pick_port)"
    as_pg_owner "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -l "${LOG_DIR}/postgresql.log" \
        -o "-p ${port}" -w -t 60 start >/dev/null ||
        die "PostgreSQL did not start, see ${LOG_DIR}/postgresql.log"
    PG_STARTED_HERE=1
    pg_read_address
    info "PostgreSQL started (port ${PG_PORT}, host ${PG_HOST})"
}

pg_stop() {
    if pg_is_running; then
        as_pg_owner "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -m fast -w stop >/dev/null &&
            info "PostgreSQL stopped"
    fi
    return 0
}

# Stop the cluster only if this script started it (leave a demo's cluster).
pg_stop_if_started_here() {
    if [ "${PG_STARTED_HERE}" = 1 ]; then
        pg_stop
    fi
    return 0
}

# psql/dropdb against the private cluster, always as the "odoo" role.
pg_client() {
    local tool="$1"
    shift
    "${PG_BIN}/${tool}" -h "${PG_HOST}" -p "${PG_PORT}" -U "${PG_USER}" "$@"
}

pg_db_exists() {
    [ "$(pg_client psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

pg_dropdb() {
    PGOPTIONS="-c client_min_messages=warning" pg_client dropdb --if-exists --force "$1"
}

# Write .pg/odoo.conf (keeps the admin_passwd of a previous run).
write_odoo_conf() {
    local http_port="${1:-8069}" admin_passwd addons_path
    admin_passwd="$(sed -n 's/^admin_passwd *= *//p' "${ODOO_CONF}" 2>/dev/null || true)"
    if [ -z "${admin_passwd}" ]; then
        admin_passwd="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    fi
    # Repo root first so that the working tree is what runs, then Odoo's own
    # addons directories as found from the venv's odoo package: the official
    # layout has addons/ beside odoo/ (odoo/addons holds only base); a tree
    # with every addon in odoo/addons (web there) takes only that one, and
    # skips a stale addons/ copy beside it.
    addons_path="$("${VENV_PY}" - "${REPO_ROOT}" <<'EOF'
import os
import sys

import odoo

base = os.path.dirname(os.path.abspath(odoo.__file__))
inner = os.path.join(base, "addons")
outer = os.path.join(os.path.dirname(base), "addons")
paths = [sys.argv[1]]
if not os.path.isdir(os.path.join(inner, "web")) and os.path.isdir(os.path.join(outer, "web")):
    paths.append(outer)
if os.path.isdir(os.path.join(inner, "base")):
    paths.append(inner)
print(",".join(paths))
EOF
)" || die "cannot compute Odoo's addons path"
    mkdir -p "${PG_DIR}/odoo-data"
    cat >"${ODOO_CONF}" <<EOF
; Generated by scripts/pg.sh on each run: edits are overwritten.
[options]
db_host = ${PG_HOST}
db_port = ${PG_PORT}
db_user = ${PG_USER}
db_password = False
admin_passwd = ${admin_passwd}
addons_path = ${addons_path}
data_dir = ${PG_DIR}/odoo-data
http_port = ${http_port}
http_interface = ${VRAC_HTTP_INTERFACE:-127.0.0.1}
list_db = False
EOF
    chmod 600 "${ODOO_CONF}"
}

# Command-line use: scripts/pg.sh start|stop|status
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-status}" in
    start) pg_start ;;
    stop) pg_stop ;;
    status)
        if pg_is_running; then
            pg_read_address
            echo "PostgreSQL running: port ${PG_PORT}, host ${PG_HOST}, data ${PG_DATA}"
        else
            echo "PostgreSQL not running (data ${PG_DATA})"
        fi
        ;;
    *) die "usage: $0 start|stop|status" ;;
    esac
fi
