# shellcheck shell=bash
# Virtualenv bootstrap: .venv with Odoo 17.0 and this project (editable).
# Sourced after common.sh. Entry point: bootstrap_venv.
#
# Where Odoo comes from, in order of preference:
#   1. $ODOO_SRC (an Odoo 17.0 source tree): its requirements.txt, then an
#      editable "compat" install of it;
#   2. the machine's python3 when it already imports Odoo 17.0: the venv is
#      then created with --system-site-packages;
#   3. the official 17.0 source archive ($ODOO_ARCHIVE_URL), downloaded into
#      .odoo-src/ and installed like 1.
# When none works, ODOO_MISSING_REASON says why (lint and pure tests still run).

ODOO_MISSING_REASON=""

pip_install() {
    "${VENV_PY}" -m pip install --disable-pip-version-check --progress-bar off -q "$@"
}

# Which Odoo this run wants: "src:<dir>", "system" or "archive".
odoo_mode() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "${ODOO_SRC}/odoo/release.py" ] || die "ODOO_SRC=${ODOO_SRC} is not an Odoo source tree"
        printf 'src:%s\n' "$(cd "${ODOO_SRC}" && pwd)"
    elif "${BASE_PYTHON}" -c \
        'import odoo.release as r, sys; sys.exit(r.version_info[:2] != (17, 0))' \
        >/dev/null 2>&1; then
        echo system
    else
        echo archive
    fi
}

# Create .venv (again, if it was made for another Odoo source).
create_venv() {
    local mode="$1" stamp="${VENV_DIR}/.vrac-odoo-mode"
    if [ -d "${VENV_DIR}" ] && [ "$(cat "${stamp}" 2>/dev/null)" != "${mode}" ]; then
        info "Odoo source changed (now: ${mode}): recreating ${VENV_DIR}"
        rm -rf "${VENV_DIR}"
    fi
    if [ ! -x "${VENV_PY}" ]; then
        local args=()
        [ "${mode}" = system ] && args=(--system-site-packages)
        info "Creating virtualenv ${VENV_DIR} (${mode})"
        command -v "${BASE_PYTHON}" >/dev/null || die "${BASE_PYTHON} not found (set VRAC_PYTHON)"
        "${BASE_PYTHON}" -m venv "${args[@]}" "${VENV_DIR}" ||
            die "cannot create a virtualenv with ${BASE_PYTHON} (on Debian: apt-get install python3-venv)"
        printf '%s\n' "${mode}" >"${stamp}"
    fi
    # To build this project without build isolation: setuptools >= 64 for PEP
    # 660 editables, plus wheel; < 82 because Odoo 17 imports pkg_resources,
    # which setuptools 82 removed.
    pip_install "setuptools>=64,<82" wheel || die "pip could not install setuptools and wheel"
}

# Install Odoo from a source tree into the venv (requirements, then editable).
install_odoo_from_src() {
    local src="$1"
    info "Installing Odoo from ${src} (requirements.txt, then editable)"
    pip_install -r "${src}/requirements.txt" || return 1
    pip_install -e "${src}" --config-settings editable_mode=compat || return 1
}

# Download and unpack the official archive into .odoo-src/odoo-17.0.
download_odoo_archive() {
    local dest="${ODOO_SRC_DIR}/odoo-17.0" part="${ODOO_SRC_DIR}/odoo-17.0.tar.gz.part"
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
                ODOO_MISSING_REASON="no Odoo 17.0 found (no ODOO_SRC, ${BASE_PYTHON} cannot import odoo) and the download of ${ODOO_ARCHIVE_URL} failed"
            elif ! install_odoo_from_src "${ODOO_SRC_DIR}/odoo-17.0"; then
                ODOO_MISSING_REASON="installing the downloaded Odoo 17.0 source (.odoo-src/) failed"
            fi
            ;;
        esac
    fi
    install_project
    if [ -z "${ODOO_MISSING_REASON}" ] && ! venv_has_odoo; then
        ODOO_MISSING_REASON="${VENV_PY} cannot import Odoo 17.0"
    fi
    if [ -n "${ODOO_MISSING_REASON}" ]; then
        warn "${ODOO_MISSING_REASON}"
    fi
    return 0
}
