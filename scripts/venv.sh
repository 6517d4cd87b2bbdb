# shellcheck shell=bash
# Virtualenv bootstrap: .venv with Odoo 18.0 and this project (editable).
# Sourced after common.sh. Entry point: bootstrap_venv.
#
# Where Odoo comes from, in order of preference:
#   1. $ODOO_SRC (an Odoo 18.0 source tree): its requirements.txt, then an
#      editable "compat" install of it; when $VRAC_PYTHON (else python3)
#      already imports Odoo 18.0 from that very tree, it is used as in 2;
#   2. the machine's python3 (or $VRAC_PYTHON) when it already imports Odoo
#      18.0: the venv then sees its packages (--system-site-packages; or,
#      when that python is a virtualenv's, e.g.
#      VRAC_PYTHON=/opt/venv18/bin/python, that virtualenv's site-packages);
#   3. the official 18.0 source archive ($ODOO_ARCHIVE_URL), downloaded into
#      .odoo-src/ and installed like 1.
# When none works, ODOO_MISSING_REASON says why (lint and pure tests still run).
# Every pip run takes the constraints of scripts/pip-constraints.txt
# (PIP_CONSTRAINT, which reaches pip's isolated build environments too).

ODOO_MISSING_REASON=""

pip_install() {
    PIP_CONSTRAINT="${PIP_CONSTRAINTS_FILE}" \
        "${VENV_PY}" -m pip install --disable-pip-version-check --progress-bar off -q "$@"
}

# Directory of the odoo package that PYTHON imports (empty when none).
odoo_package_dir() {
    "$1" -c 'import os, odoo; print(os.path.dirname(os.path.abspath(odoo.__file__)))' \
        2>/dev/null || true
}

# Which Odoo this run wants: "src:<dir>", "system" or "archive".
odoo_mode() {
    local src
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "${ODOO_SRC}/odoo/release.py" ] || die "ODOO_SRC=${ODOO_SRC} is not an Odoo source tree"
        src="$(cd "${ODOO_SRC}" && pwd)"
        if "${BASE_PYTHON}" -c "${ODOO_SERIES_CHECK}" >/dev/null 2>&1 &&
            [ "$(odoo_package_dir "${BASE_PYTHON}")" = "${src}/odoo" ]; then
            echo system
        else
            printf 'src:%s\n' "${src}"
        fi
    elif "${BASE_PYTHON}" -c "${ODOO_SERIES_CHECK}" >/dev/null 2>&1; then
        echo system
    else
        echo archive
    fi
}

# Create .venv (again, if it was made for another Odoo source).
create_venv() {
    local mode="$1" stamp="${VENV_DIR}/.vrac-odoo-mode" base_site
    if [ -d "${VENV_DIR}" ] && [ "$(cat "${stamp}" 2>/dev/null)" != "${mode}" ]; then
        info "Odoo source changed (now: ${mode}): recreating ${VENV_DIR}"
        rm -rf "${VENV_DIR}"
    fi
    if [ ! -x "${VENV_PY}" ]; then
        local args=()
        command -v "${BASE_PYTHON}" >/dev/null || die "${BASE_PYTHON} not found (set VRAC_PYTHON)"
        base_site="$(base_venv_site)"
        [ "${mode}" = system ] && [ -z "${base_site}" ] && args=(--system-site-packages)
        info "Creating virtualenv ${VENV_DIR} (${mode})"
        "${BASE_PYTHON}" -m venv "${args[@]}" "${VENV_DIR}" ||
            die "cannot create a virtualenv with ${BASE_PYTHON} (on Debian: apt-get install python3-venv)"
        if [ "${mode}" = system ] && [ -n "${base_site}" ]; then
            inherit_base_venv "${base_site}"
        fi
        printf '%s\n' "${mode}" >"${stamp}"
    fi
    # To build this project without build isolation: setuptools >= 64 for PEP
    # 660 editables, plus wheel; < 82 because Odoo 18 still imports
    # pkg_resources in places, which setuptools 82 removed (the constraints
    # file narrows this further).
    pip_install "setuptools>=64,<82" wheel || die "pip could not install setuptools and wheel"
}

# The site-packages of BASE_PYTHON's virtualenv, when BASE_PYTHON is a
# virtualenv's python (empty otherwise).
base_venv_site() {
    "${BASE_PYTHON}" -c 'import sys, sysconfig
if sys.prefix != sys.base_prefix:
    print(sysconfig.get_paths()["purelib"])' 2>/dev/null || true
}

# A virtualenv made from a virtualenv's python does not see that
# virtualenv's packages (--system-site-packages would reach the interpreter
# behind it, whose Odoo may be another series): add them (SITE, with its .pth
# files, hence site.addsitedir) after the venv's own.
inherit_base_venv() {
    local own_site
    own_site="$("${VENV_PY}" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    printf 'import site; site.addsitedir(%s)\n' "'$1'" >"${own_site}/vrac_base_venv.pth"
    info "The venv also sees $1"
}

# Install Odoo from a source tree into the venv (requirements, then editable).
install_odoo_from_src() {
    local src="$1"
    info "Installing Odoo from ${src} (requirements.txt, then editable)"
    pip_install -r "${src}/requirements.txt" || return 1
    pip_install -e "${src}" --config-settings editable_mode=compat || return 1
}

# Download and unpack the official archive into .odoo-src/odoo-18.0.
download_odoo_archive() {
    local dest="${ODOO_SRC_DIR}/odoo-${ODOO_SERIES}" part="${ODOO_SRC_DIR}/odoo-${ODOO_SERIES}.tar.gz.part"
    [ -f "${dest}/odoo/release.py" ] && return 0
    mkdir -p "${ODOO_SRC_DIR}"
    info "Downloading ${ODOO_ARCHIVE_URL}"
    if command -v curl >/dev/null; then
        curl -fsSL --retry 2 --connect-timeout 20 -o "${part}" "${ODOO_ARCHIVE_URL}" || return 1
    else
        "${BASE_PYTHON}" -c 'import sys, urllib.request as u; u.urlretrieve(sys.argv[1], sys.argv[2])' \
            "${ODOO_ARCHIVE_URL}" "${part}" || return 1
    fi
    rm -rf "${dest}.tmp" && mkdir -p "${dest}.tmp"
    tar -xzf "${part}" -C "${dest}.tmp" --strip-components=1 || return 1
    mv "${dest}.tmp" "${dest}" && rm -f "${part}"
}

# Libraries that Odoo 18.0's requirements.txt leaves out (Debian's package
# recommends them) but that modules Odoo installs by itself need: with a
# company in France, installing the accounting brings account_peppol, whose
# manifest requires phonenumbers (make demo would stop on it).
ODOO_OPTIONAL_REQUIREMENTS=(phonenumbers)

install_odoo_optional() {
    local name missing=()
    for name in "${ODOO_OPTIONAL_REQUIREMENTS[@]}"; do
        "${VENV_PY}" -c "import ${name}" >/dev/null 2>&1 || missing+=("${name}")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    info "Installing what Odoo's own modules need beyond requirements.txt: ${missing[*]}"
    pip_install "${missing[@]}" || warn "pip could not install ${missing[*]}"
}

# Editable install of this project with its test tools; skipped when
# setup.py, pyproject.toml and the Odoo source did not change since last time.
install_project() {
    local stamp="${VENV_DIR}/.vrac-project" sum
    sum="$(cat "${REPO_ROOT}/setup.py" "${REPO_ROOT}/pyproject.toml" "${VENV_DIR}/.vrac-odoo-mode" |
        cksum)"
    [ "$(cat "${stamp}" 2>/dev/null)" = "${sum}" ] && return 0
    info "Installing this project into the venv (pip install -e '.[test]', compat mode)"
    (cd "${REPO_ROOT}" && pip_install --no-build-isolation -e '.[test]' \
        --config-settings editable_mode=compat) || die "pip install -e '.[test]' failed"
    printf '%s\n' "${sum}" >"${stamp}"
}

bootstrap_venv() {
    local mode
    mode="$(odoo_mode)"
    create_venv "${mode}"
    if ! venv_has_odoo; then
        case "${mode}" in
        src:*)
            install_odoo_from_src "${mode#src:}" ||
                die "installing Odoo from ${mode#src:} failed"
            ;;
        archive)
            if ! download_odoo_archive; then
                ODOO_MISSING_REASON="no Odoo ${ODOO_SERIES} found (no ODOO_SRC, ${BASE_PYTHON} cannot import it) and the download of ${ODOO_ARCHIVE_URL} failed"
            elif ! install_odoo_from_src "${ODOO_SRC_DIR}/odoo-${ODOO_SERIES}"; then
                ODOO_MISSING_REASON="installing the downloaded Odoo ${ODOO_SERIES} source (.odoo-src/) failed"
            fi
            ;;
        esac
    fi
    install_project
    install_odoo_optional
    if [ -z "${ODOO_MISSING_REASON}" ] && ! venv_has_odoo; then
        ODOO_MISSING_REASON="${VENV_PY} cannot import Odoo ${ODOO_SERIES}"
    fi
    if [ -n "${ODOO_MISSING_REASON}" ]; then
        warn "${ODOO_MISSING_REASON}"
    fi
    return 0
}
