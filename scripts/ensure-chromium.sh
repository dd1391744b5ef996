#!/usr/bin/env bash
# Makes sure a system Chromium is there for the Playwright tests (no browser download: Debian's package).
# Uses $CHROME_PATH when set; otherwise /usr/bin/chromium, installing it with apt-get when we are root.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  exit 0
fi
echo "The browser tests need Chromium: install it (sudo apt-get install chromium) or set CHROME_PATH." >&2
exit 1
