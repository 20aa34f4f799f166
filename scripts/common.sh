# Shared by scripts/run, scripts/test, scripts/fuzz, scripts/tsan, scripts/bench, scripts/package and
# scripts/check-install-list: install what a fresh Debian 12 machine lacks (quietly when everything
# is present), then configure and build with CMake. Sourced, not run.

VERMILION_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages the build, the tests and the sandbox need. Only what is named here, and what it
# pulls in through Depends, is on a fresh machine: Recommends are not installed. Qt Charts needs the
# OpenGL module's CMake files, which qt6-charts-dev only recommends. scripts/check-install-list
# proves this list against every file the build and the tests read.
VERMILION_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6 qt6-svg-dev qt6-charts-dev
    libqt6opengl6-dev libgl-dev libhiredis-dev qtkeychain-qt6-dev zlib1g-dev liblz4-dev libzstd-dev libsnappy-dev
    liblua5.1-0-dev libqscintilla2-qt6-dev libssh-dev
    redis-server redis-tools openssl openssh-server openssh-client
    desktop-file-utils appstream
)
# Programs the suites, the sandbox and the benchmarks start by name from PATH (the build's own tools
# are found in build.ninja and the CTest files).
VERMILION_TOOLS=(redis-server redis-cli redis-benchmark openssl sshd ssh ssh-keygen ssh-agent ssh-add useradd userdel chpasswd)

# The libFuzzer build (scripts/fuzz, which the test command runs too).
VERMILION_FUZZ_PACKAGES=(clang libclang-rt-dev)
VERMILION_FUZZ_TOOLS=(clang clang++)

# The ThreadSanitizer build of the core suites (scripts/tsan, which the test command runs too): clang
# and its runtimes, and llvm-symbolizer, without which a report has no function names and the
# suppressions in tests/tsan.supp match nothing.
VERMILION_TSAN_PACKAGES=(clang libclang-rt-dev llvm)
VERMILION_TSAN_TOOLS=(clang clang++ llvm-symbolizer)

# The Debian package (scripts/package): CPack's dpkg-shlibdeps and strip come with build-essential.
VERMILION_PACKAGE_PACKAGES=(lintian file)
VERMILION_PACKAGE_TOOLS=(lintian dpkg-deb dpkg-shlibdeps strip objcopy file)

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
