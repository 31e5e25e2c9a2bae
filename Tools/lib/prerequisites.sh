# Installs with apt-get what the ledger's tools need when it is missing. Sourced by Tools/*.
# Usage: require_packages PACKAGE:CHECK ... where CHECK is a command that succeeds when the
# package is already there.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

require_packages() {
    local missing=()
    for spec in "$@"; do
        local package=${spec%%:*} check=${spec#*:}
        if ! eval "$check" >/dev/null 2>&1; then missing+=("$package"); fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing ${missing[*]} with apt-get" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

require_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "swift is not on PATH: install the Swift 6 toolchain (swift.org) and run this again" >&2
        exit 1
    fi
}

# What every build needs: pkg-config itself and the C libraries it finds, LMDB (lmdb.pc) and
# OpenSSL's libcrypto for SHA-256 (libcrypto.pc).
BUILD_PACKAGES=(
    "pkg-config:command -v pkg-config"
    "liblmdb-dev:pkg-config --exists lmdb"
    "libssl-dev:pkg-config --exists libcrypto"
)
