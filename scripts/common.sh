# Shared by scripts/run, scripts/test, scripts/fuzz and scripts/bench: install what a fresh Debian 12
# machine lacks (quietly when everything is present), then configure and build with CMake.
# Sourced, not run.

VERMILION_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages the build, the tests and the sandbox need.
VERMILION_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6 qt6-svg-dev qt6-charts-dev
    libgl-dev libhiredis-dev qtkeychain-qt6-dev zlib1g-dev liblz4-dev libzstd-dev libsnappy-dev
    liblua5.1-0-dev libqscintilla2-qt6-dev
    redis-server redis-tools openssl
    desktop-file-utils appstream
)

vermilion_install_packages() {
    local missing=()
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# vermilion_build BUILD_DIR [cmake options...]
vermilion_build() {
    local dir="$1"
    shift
    cmake -S "$VERMILION_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$dir" --parallel "$(nproc)"
}
