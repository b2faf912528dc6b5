#!/usr/bin/env bash
# Renders a report.html to a PNG screenshot in headless Chromium, for people to look at.
# Usage: scripts/render-report.sh [REPORT_HTML] [OUT_PNG] [WIDTHxHEIGHT]
#   defaults: out/report.html, <report folder>/report.png, 1280x4000
# Needs Debian's chromium (apt-get install -y chromium). The page is opened from disk with network
# features off; the report fetches nothing, so the screenshot shows exactly what a reader sees offline.
set -euo pipefail
report="${1:-out/report.html}"
[ -f "$report" ] || { echo "render-report: no such file: $report (run ./kam plan first)" >&2; exit 2; }
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
png="${2:-$(dirname "$report")/report.png}"
size="${3:-1280x4000}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "render-report: chromium not found; install it: apt-get install -y chromium" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" --window-size="${size/x/,}" \
  --screenshot="$png" "file://$report" >/dev/null 2>&1
[ -s "$png" ] || { echo "render-report: chromium wrote no screenshot" >&2; exit 1; }
echo "$png"
