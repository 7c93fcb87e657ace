#!/usr/bin/env bash
# Quick start on Debian/Ubuntu: install what is missing, configure, build, then launch the app
# ("app", the default) or run every test ("test"). Usable on a fresh machine and in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-app}
case "$mode" in app|test) ;; *) echo "usage: $0 [app|test]" >&2; exit 64 ;; esac

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools
  libboost-graph-dev libgtest-dev libgmock-dev libbenchmark-dev
  libgif-dev
  fonts-dejavu-core
)
# The tests also run the libFuzzer targets for a bounded number of inputs (clang only), build
# and check the .deb (cpack needs dpkg-shlibdeps and file) and validate the desktop entry,
# AppStream metadata, MIME type and manual pages.
[ "$mode" = test ] && packages+=(clang libfuzzer-14-dev
  dpkg-dev file desktop-file-utils appstream shared-mime-info groff-base)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake --preset release
cmake --build --preset release --parallel

if [ "$mode" = test ]; then
  ctest --preset release --parallel 2
  cmake --preset fuzz
  cmake --build --preset fuzz --parallel
  ctest --preset fuzz
  # The core suite (Theory included) and the UI tests again under AddressSanitizer +
  # UndefinedBehaviorSanitizer; any report fails. (Everything: `ctest --preset debug-asan`.)
  cmake --preset debug-asan
  cmake --build --preset debug-asan --parallel --target core_tests save_loop ui_tests
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  build-asan/tests/core_tests
  QT_QPA_PLATFORM=offscreen build-asan/tests/ui_tests
else
  exec ./build/app/clustersim "${@:2}"
fi
