#!/usr/bin/env bash
# Compares the two .xlsx libraries kam could use (fastexcel 0.20.2 vs Apache POI 5.5.1 streaming) on one
# sheet of ROWS account-like rows: write and read time, peak heap, smallest -Xmx. See docs/benchmarks.md.
# Usage: scripts/bench-xlsx-libraries.sh [ROWS (default 50000)] [REPEATS (default 3)]
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
mvn -o -q -B test-compile
mvn -o -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-xlsx.cp >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-xlsx.cp)" dev.kam.xlsx.XlsxLibraryBench "$@"
