#!/usr/bin/env bash
# Build the onedir bundle with build.spec and smoke-test the frozen binary.
# Usage: scripts/build.sh            (bundle in dist/CancelApp)
# Prints the build time, the bundle size and the frozen app's self-check time.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

t0=$(date +%s.%N)
uv run --locked pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller build.spec
t1=$(date +%s.%N)

case "$(uname -s)" in
  Darwin) binary="dist/CancelApp.app/Contents/MacOS/CancelApp"; bundle="dist/CancelApp.app" ;;
  MINGW*|MSYS*|CYGWIN*) binary="dist/CancelApp/CancelApp.exe"; bundle="dist/CancelApp" ;;
  *) binary="dist/CancelApp/cancelapp"; bundle="dist/CancelApp" ;;
esac

smoke_home=$(mktemp -d)
stderr_file=$(mktemp)
t2=$(date +%s.%N)
"$binary" --self-check --data-dir "$smoke_home" 2>"$stderr_file"
t3=$(date +%s.%N)
if [ -s "$stderr_file" ]; then
  echo "unexpected output on stderr from the frozen app:" >&2
  cat "$stderr_file" >&2
  exit 1
fi
rm -rf "$smoke_home" "$stderr_file"

size_mb=$(du -sm "$bundle" | cut -f1)
python3 -c "print(f'build: {$t1 - $t0:.1f} s'); print(f'frozen self-check: {$t3 - $t2:.2f} s')"
echo "bundle: $size_mb MB ($bundle)"
