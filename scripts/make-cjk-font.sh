#!/usr/bin/env bash
# Rebuilds the bundled chart font src/main/resources/dev/kam/report/fonts/kam-cjk.ttf: a subset of
# WenQuanYi Micro Hei (Apache-2.0) covering ASCII, Latin-1, punctuation, symbols, CJK punctuation,
# full-width forms and the 6,763 hanzi of GB 2312 (about 1.3 MB; 0.7 MB compressed in the jar).
# Needs Debian's fonts-wqy-microhei and python3-fonttools.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
[ -f "$src" ] || { echo "make-cjk-font: $src missing: apt-get install -y fonts-wqy-microhei python3-fonttools" >&2; exit 2; }
py="${PYTHON:-/usr/bin/python3}"  # Debian's python, which has python3-fonttools
chars="$(mktemp)"
trap 'rm -f "$chars"' EXIT
"$py" - "$chars" <<'PY'
import sys
cs = set()
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            cs.add(bytes([b1, b2]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
ranges = [(0x20, 0x7F), (0xA0, 0x180), (0x2000, 0x2070), (0x2190, 0x2300), (0x3000, 0x3040), (0xFF00, 0xFFF0)]
for lo, hi in ranges:
    cs.update(chr(c) for c in range(lo, hi))
cs.update(chr(c) for c in (0x20AC, 0x00A5, 0x2103, 0x2116, 0x2122))
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(cs)))
PY
"$py" -m fontTools.subset "$src" --font-number=0 --text-file="$chars" --no-hinting \
  --output-file="$home/src/main/resources/dev/kam/report/fonts/kam-cjk.ttf"
ls -l "$home/src/main/resources/dev/kam/report/fonts/kam-cjk.ttf"
