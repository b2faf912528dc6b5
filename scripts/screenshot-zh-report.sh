#!/usr/bin/env bash
# Screenshots a Chinese report in headless Chromium with NO CJK font visible to the browser, to check that
# the report shows Chinese from the font it embeds (not from a system font).
#
# Usage: scripts/screenshot-zh-report.sh [REPORT_HTML] [OUT_PNG] [WIDTHxHEIGHT]
#   REPORT_HTML  a report made with --lang zh; default: one made now from scenarios/tiny into a temp folder
#   OUT_PNG      default: <report folder>/report-zh.png
#   WIDTHxHEIGHT default: 1280x2400
# Environment: KAM_CONTROL=1 also writes <OUT_PNG minus .png>-nofont.png from a copy of the page without its
#   embedded font, which must show boxes (tofu) where the first shows Chinese.
#
# How the system fonts are hidden: Chromium on Linux finds fonts through fontconfig, so the script points
# FONTCONFIG_FILE at a configuration that lists only the DejaVu or Liberation folder (Latin fonts) with its
# own cache, checks with fc-list that no font of it covers Chinese, and fails otherwise. CI installs
# fonts-wqy-microhei system-wide; this keeps it out of the browser's sight.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
report="${1:-}"
size="${3:-1280x2400}"

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "screenshot-zh-report: chromium not found; install it: apt-get install -y chromium" >&2; exit 2; }
command -v fc-list >/dev/null || { echo "screenshot-zh-report: fc-list not found (apt-get install -y fontconfig)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "$report" ]; then
  "$home/kam" plan "$home/scenarios/tiny/scenario.yaml" --lang zh --out "$work/out" \
    --set simulation.paths=500 --set assignment.timeLimit=3s >"$work/plan.log" 2>&1 \
    || { cat "$work/plan.log" >&2; exit 1; }
  report="$work/out/report.html"
  png="${2:-$home/target/report-zh.png}"
else
  [ -f "$report" ] || { echo "screenshot-zh-report: no such file: $report" >&2; exit 2; }
  report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
  png="${2:-$(dirname "$report")/report-zh.png}"
fi
mkdir -p "$(dirname "$png")"
grep -q '@font-face{font-family:kam-cjk' "$report" \
  || { echo "screenshot-zh-report: $report embeds no font (@font-face kam-cjk missing)" >&2; exit 1; }

# a fontconfig that knows only Latin fonts
latin=""
for d in /usr/share/fonts/truetype/dejavu /usr/share/fonts/truetype/liberation /usr/share/fonts/dejavu; do
  [ -d "$d" ] && { latin="$d"; break; }
done
[ -n "$latin" ] || { echo "screenshot-zh-report: no DejaVu or Liberation font folder (apt-get install -y fonts-dejavu-core)" >&2; exit 2; }
mkdir -p "$work/fc-cache"
cat >"$work/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$latin</dir>
  <cachedir>$work/fc-cache</cachedir>
</fontconfig>
EOF
export FONTCONFIG_FILE="$work/fonts.conf"
cjk="$(fc-list :lang=zh family 2>/dev/null || true)"
[ -z "$cjk" ] || { echo "screenshot-zh-report: a CJK font is still visible: $cjk" >&2; exit 1; }
[ -n "$(fc-list 2>/dev/null)" ] || { echo "screenshot-zh-report: the Latin-only font configuration lists no font" >&2; exit 1; }

shot() {
  local page="$1" out="$2" profile
  profile="$(mktemp -d -p "$work")"
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" --window-size="${size/x/,}" \
    --screenshot="$out" "file://$page" >/dev/null 2>&1
  [ -s "$out" ] || { echo "screenshot-zh-report: chromium wrote no screenshot of $page" >&2; exit 1; }
}

shot "$report" "$png"
echo "$png"
if [ "${KAM_CONTROL:-0}" = "1" ]; then
  control="$work/report-nofont.html"
  sed 's/@font-face{font-family:kam-cjk;[^}]*}//' "$report" >"$control"
  shot "$control" "${png%.png}-nofont.png"
  echo "${png%.png}-nofont.png"
fi
