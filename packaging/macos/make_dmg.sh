#!/usr/bin/env bash
# Sign, package and notarise dist/CancelApp.app as dist/CancelApp-<version>-<arch>.dmg.
# Signing and notarisation run only when their secrets are set, and are skipped with a warning
# otherwise (the unsigned .dmg still opens with right-click > Open):
#   MACOS_SIGNING_IDENTITY   "Developer ID Application: Name (TEAMID)" in the login keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for notarytool
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(python3 -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
app=dist/CancelApp.app
dmg="dist/CancelApp-${version}-$(uname -m).dmg"

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  codesign --force --deep --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist \
    --sign "$MACOS_SIGNING_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
else
  echo "warning: MACOS_SIGNING_IDENTITY not set; the app is not signed" >&2
fi

staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname CancelApp -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  codesign --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_SIGNING_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] \
   && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
else
  echo "warning: notarisation secrets not set; the disk image is not notarised" >&2
fi
echo "$dmg"
