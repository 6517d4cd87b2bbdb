# shellcheck shell=bash
# Shared settings and helpers, sourced by the other scripts in scripts/.
#
# Everything the harness creates lives in git-ignored folders of the repo:
#   .venv/       virtualenv (Odoo + this project, editable)
#   .odoo-src/   Odoo source downloaded when no Odoo 18.0 is available
#   .pg/         private PostgreSQL cluster, Odoo config, data_dir and logs

# shellcheck disable=SC2034  # variables used by the scripts sourcing this file
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_DIR="${REPO_ROOT}/.venv"
VENV_PY="${VENV_DIR}/bin/python"
ODOO_SRC_DIR="${REPO_ROOT}/.odoo-src"
PG_DIR="${REPO_ROOT}/.pg"
LOG_DIR="${PG_DIR}/logs"
ODOO_CONF="${PG_DIR}/odoo.conf"

# Python used to create the virtualenv: python3, or $VRAC_PYTHON (e.g. the
# python of a virtualenv that already has Odoo 18.0, see scripts/venv.sh).
BASE_PYTHON="${VRAC_PYTHON:-python3}"
# The Odoo series this project targets, and the check that a python imports it.
ODOO_SERIES="18.0"
ODOO_SERIES_CHECK='import odoo.release as r, sys; sys.exit(r.version_info[:2] != (18, 0))'
# Official Odoo 18.0 source archive (also settable from the Makefile).
ODOO_ARCHIVE_URL="${ODOO_ARCHIVE_URL:-https://github.com/odoo/odoo/archive/refs/heads/18.0.tar.gz}"
# pip constraints for every install of the harness, build environments included
# (pip passes PIP_CONSTRAINT on to the isolated builds): Odoo 18.0 pins
# cbor2 5.4.2, whose sdist does not build with setuptools 81+.
PIP_CONSTRAINTS_FILE="${REPO_ROOT}/scripts/pip-constraints.txt"

info() { printf '[vrac] %s\n' "$*" >&2; }
warn() { printf '[vrac] WARNING: %s\n' "$*" >&2; }
die() {
    printf '[vrac] ERROR: %s\n' "$*" >&2
    exit 1
}

# join_by SEP ITEM...: print the items separated by SEP.
join_by() {
    local sep="$1" out="" item
    shift
    for item in "$@"; do
        out="${out:+${out}${sep}}${item}"
    done
    printf '%s' "${out}"
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Debian packages `make demo` and `make test` need: headers to build
# psycopg2 and python-ldap, the PostgreSQL server, Chromium for the tours,
# wkhtmltopdf for the PDF reports, poppler-utils (pdftotext, pdftoppm) for
# the report checks, and Node.js with npm for the JS/XML lint (eslint, prettier
# from package-lock.json, see scripts/lint.sh).
SYSTEM_PACKAGES=(libpq-dev libldap2-dev libsasl2-dev postgresql chromium wkhtmltopdf poppler-utils nodejs npm)

# Packages that count as present when their command is there, installed
# another way (NodeSource's nodejs package, for one, ships npm and conflicts
# with Debian's npm package).
declare -gA SYSTEM_PACKAGE_COMMANDS=([nodejs]=node [npm]=npm)

# Print the packages of SYSTEM_PACKAGES that are not installed.
missing_system_packages() {
    local pkg cmd
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        cmd="${SYSTEM_PACKAGE_COMMANDS[${pkg}]:-}"
        [ -n "${cmd}" ] && command -v "${cmd}" >/dev/null && continue
        dpkg-query -W -f='${Status}' "${pkg}" 2>/dev/null | grep -q "install ok installed" ||
            echo "${pkg}"
    done
    return 0
}

# Run an apt-get command, waiting up to 10 minutes in all for a package
# database that another apt or dpkg holds (instead of failing at once):
# apt-get waits for the dpkg lock itself; the lists' lock of `apt-get update`
# is waited for by trying again every 30 s.
apt_get_waiting() {
    local deadline=$((SECONDS + 600)) wait
    while true; do
        wait=$((deadline - SECONDS))
        [ "${wait}" -gt 0 ] || wait=1
        DEBIAN_FRONTEND=noninteractive apt-get -o "DPkg::Lock::Timeout=${wait}" -q "$@" &&
            return 0
        [ "${SECONDS}" -lt "${deadline}" ] || return 1
        warn "apt-get $1 failed (package database busy?): trying again in 30 s"
        sleep 30
    done
}

# Install the missing Debian packages when run as root; otherwise print the
# exact command to run and stop before doing anything else.
ensure_system_packages() {
    local missing=()
    command -v dpkg-query >/dev/null || command -v apt-get >/dev/null || {
        warn "not a Debian system: make sure these are installed: ${SYSTEM_PACKAGES[*]}"
        return 0
    }
    mapfile -t missing < <(missing_system_packages)
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! is_root; then
        die "missing Debian packages; install them first, then run this again:
    sudo apt-get install -y ${missing[*]}"
    fi
    info "Installing Debian packages: ${missing[*]}"
    apt_get_waiting update >/dev/null || die "apt-get update failed"
    apt_get_waiting install -y "${missing[@]}" >/dev/null ||
        die "apt-get install ${missing[*]} failed"
}

# Names of the project's addons: root directories vrac_* with a manifest.
vrac_addons() {
    local dir
    for dir in "${REPO_ROOT}"/vrac_*/; do
        [ -f "${dir}__manifest__.py" ] && basename "${dir}"
    done
    return 0
}

# The same, comma-separated (for odoo -i / -u).
vrac_addons_csv() {
    vrac_addons | paste -sd, -
}

# True when the virtualenv's python imports Odoo 18.0.
venv_has_odoo() {
    [ -x "${VENV_PY}" ] && "${VENV_PY}" -c "${ODOO_SERIES_CHECK}" >/dev/null 2>&1
}

# Run Odoo's command line with the virtualenv's python.
odoo_cli() {
    "${VENV_PY}" -m odoo "$@"
}
