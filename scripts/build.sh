#!/usr/bin/env bash
# Build the onedir bundle with build.spec and smoke-test the frozen binary.
# Usage: scripts/build.sh            (bundle in dist/CancelApp)
# Prints the build time, the bundle size and the frozen app's self-check time.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# Seconds with a fraction on every CI machine: macOS's date has no %N and Windows has no python3.
now() { uv run --no-sync python -c "import time; print(f'{time.time():.3f}')"; }

t0=$(now)
uv run --locked pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller build.spec
t1=$(now)

case "$(uname -s)" in
  Darwin) binary="dist/CancelApp.app/Contents/MacOS/CancelApp"; bundle="dist/CancelApp.app" ;;
  MINGW*|MSYS*|CYGWIN*) binary="dist/CancelApp/CancelApp.exe"; bundle="dist/CancelApp" ;;
  *) binary="dist/CancelApp/cancelapp"; bundle="dist/CancelApp" ;;
esac

smoke_home=$(mktemp -d)
stderr_file=$(mktemp)
t2=$(now)
"$binary" --self-check --data-dir "$smoke_home" 2>"$stderr_file"
t3=$(now)
if [ -s "$stderr_file" ]; then
  echo "unexpected output on stderr from the frozen app:" >&2
  cat "$stderr_file" >&2
  exit 1
fi
rm -rf "$smoke_home" "$stderr_file"

size_mb=$(du -sm "$bundle" | cut -f1)
awk -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" \
  'BEGIN { printf "build: %.1f s\nfrozen self-check: %.2f s\n", t1 - t0, t3 - t2 }'
echo "bundle: $size_mb MB ($bundle)"
