#!/usr/bin/env bash
# The assignment figures of SPEC §7 (docs/benchmarks.md, "Plans with a proven bound"), in one run on a quiet
# machine: kam and HiGHS (through OR-Tools, cold, one thread, the same limit) on the GAP instances, the demo's
# and a generated 1,000-account scenario's proven gap, the 5,000 × 300 × 30 scale run with a 2 GB heap, the
# array-search comparison, the jar's size and the natives' load time. Writes OUT/summary.md and keeps every
# run's files under OUT.
#
#   scripts/bench-assign.sh [GAP_DIR] [OUT]
#   GAP_DIR  default ../shared/benchmarks/gap beside the checkout (yagiura2004/ and best-known.csv)
#   OUT      default /tmp/kam-assign-bench (must not exist yet: nothing is overwritten)
#   LIMIT    environment, default 60s (GAP); DEMO_LIMIT 30s; SAMPLE_LIMIT 20s (array-search comparison);
#            BIG_LIMIT 60s (the 1,000- and 5,000-account scenarios)
#            SMALL, LARGE, SAMPLE: space-separated instance names replacing the lists below (a shorter run);
#            MODES: the solver modes of the array-search comparison, default "heuristic auto"
#
# Takes about 80 minutes at the default limits (33 GAP instances × 2 × 60 s, plus the scenarios).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gap="${1:-$home/../shared/benchmarks/gap}"
out="${2:-/tmp/kam-assign-bench}"
limit="${LIMIT:-60s}"
demo_limit="${DEMO_LIMIT:-30s}"
sample_limit="${SAMPLE_LIMIT:-20s}"
big_limit="${BIG_LIMIT:-60s}"
[ -d "$gap/yagiura2004" ] || { echo "bench-assign: no $gap/yagiura2004 (give the GAP folder as the first argument)" >&2; exit 2; }
[ ! -e "$out" ] || { echo "bench-assign: $out exists; give a new folder" >&2; exit 2; }
mkdir -p "$out"
jar="$home/target/kam-app.jar"
"$home/kam" --version >/dev/null          # builds the jar when sources changed
cp "$jar" "$out/kam-app.jar"               # a rebuild during the run cannot disturb it
kam() { java -Xmx2g -Djava.awt.headless=true -jar "$out/kam-app.jar" "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

default_small=(c10400 c15900 c20400 c30900 c40400 c60900 d10400 d15900 d20400 d30900 d40400 d60900
       e05100 e05200 e10100 e10200 e10400 e15900 e20100 e20200 e20400 e30900 e40400 e60900)
default_large=(c201600 c401600 c801600 d201600 d401600 d801600 e201600 e401600 e801600)
default_sample=(c10400 d10400 e10400 d20400 d201600 e401600)
read -r -a small <<< "${SMALL:-${default_small[*]}}"
read -r -a large <<< "${LARGE:-${default_large[*]}}"
read -r -a sample <<< "${SAMPLE:-${default_sample[*]}}"
read -r -a modes <<< "${MODES:-heuristic auto}"
files() { for f in "$@"; do echo "$gap/yagiura2004/$f"; done; }

{
  echo "# kam assignment benchmarks"
  echo
  echo "- started $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(load), $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
  echo "- $(java -version 2>&1 | head -1); commit $(git -C "$home" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- jar: $(du -h "$out/kam-app.jar" | cut -f1) ($(stat -c %s "$out/kam-app.jar") bytes)"
} > "$out/summary.md"

echo "== GAP, 24 instances up to 900 jobs, $limit each, HiGHS beside" >&2
kam bench gap --time-limit "$limit" --peer highs --out "$out/gap24" $(files "${small[@]}") | tee "$out/gap24.txt"
echo "== GAP, 9 instances with 1,600 jobs, $limit each, HiGHS beside" >&2
kam bench gap --time-limit "$limit" --peer highs --out "$out/gap1600" $(files "${large[@]}") | tee "$out/gap1600.txt"

echo "== array search vs OptaPlanner's construction heuristic (heuristic alone and auto), $sample_limit" >&2
for mode in "${modes[@]}"; do
  for share in 0.95 0; do
    kam bench gap --time-limit "$sample_limit" --solver "$mode" --search-share "$share" \
      --out "$out/array-$mode-$share" $(files "${sample[@]}") > "$out/array-$mode-$share.txt"
  done
done

echo "== demo, $demo_limit" >&2
/usr/bin/time -f "%e s wall, %M KB max RSS" -o "$out/demo.time" \
  java -Xmx2g -jar "$out/kam-app.jar" assign "$home/scenarios/demo/scenario.yaml" --time-limit "$demo_limit" --out "$out/demo" > "$out/demo.txt"
for share in 0.8 0; do
  kam assign "$home/scenarios/demo/scenario.yaml" --time-limit "$sample_limit" --solver heuristic --no-what-if \
    --set assignment.solver.searchShare=$share --out "$out/demo-heuristic-$share" > /dev/null
done

echo "== generated 1,000 accounts × 60 soldiers × 12 products, 60 s" >&2
kam generate --accounts 1000 --soldiers 60 --products 12 --seed 3 --out "$out/g1000-scenario" > /dev/null
/usr/bin/time -f "%e s wall, %M KB max RSS" -o "$out/g1000.time" \
  java -Xmx2g -jar "$out/kam-app.jar" assign "$out/g1000-scenario/scenario.yaml" --time-limit "$big_limit" --out "$out/g1000" > "$out/g1000.txt"

echo "== scale: 5,000 accounts × 300 soldiers × 30 products, 60 s, 2 GB heap" >&2
kam generate --accounts 5000 --soldiers 300 --products 30 --seed 1 --out "$out/g5000-scenario" > /dev/null
/usr/bin/time -f "%e s wall, %M KB max RSS" -o "$out/g5000.time" \
  java -Xmx2g -jar "$out/kam-app.jar" assign "$out/g5000-scenario/scenario.yaml" --time-limit "$big_limit" --out "$out/g5000" > "$out/g5000.txt"

python3 - "$out" >> "$out/summary.md" <<'PY'
import csv, json, sys, os
out = sys.argv[1]
def rows(d):
    with open(os.path.join(out, d, "bench", "gap.csv"), encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))
def num(x):
    try: return float(x)
    except (TypeError, ValueError): return float("nan")
def table(title, rs):
    print(f"\n## {title}\n")
    print("| instance | best known | kam | kam gap % | proven gap % | HiGHS | HiGHS gap % | kam ahead |")
    print("|---|---|---|---|---|---|---|---|")
    ahead = 0
    for r in rs:
        k, h = num(r["found"]), num(r["peerFound"])
        win = h != h or k < h
        ahead += win
        print(f"| {r['instance']} | {r['bestKnown']} | {r['found']} | {r['gapPercent']} | {r['provenGapPercent']} | "
              f"{r['peerFound'] or 'none'} | {r['peerGapPercent'] or '-'} | {'yes' if win else ('tie' if k == h else 'no')} |")
    gaps = [num(r["gapPercent"]) for r in rs]
    hg = [num(r["peerGapPercent"]) for r in rs if r["peerGapPercent"]]
    feas = all(r["feasible"] == "true" for r in rs)
    print(f"\nkam: mean gap {sum(gaps)/len(gaps):.3f}%, max {max(gaps):.3f}%, all feasible: {feas}; "
          f"HiGHS: mean gap {sum(hg)/len(hg) if hg else float('nan'):.3f}% over {len(hg)} with a plan; "
          f"kam strictly ahead on {sum(1 for r in rs if num(r['peerFound']) != num(r['peerFound']) or num(r['found']) < num(r['peerFound']))} of {len(rs)}")
table(f"GAP, {len(rows('gap24'))} instances up to 900 jobs", rows("gap24"))
table(f"GAP, {len(rows('gap1600'))} instances with 1,600 jobs", rows("gap1600"))
print("\n## Array search vs OptaPlanner's construction heuristic (mean gap %, same instances)\n")
print("| mode | array search (0.95) | construction heuristic (0) |")
print("|---|---|---|")
for mode in ("heuristic", "auto"):
    if not os.path.exists(os.path.join(out, f"array-{mode}-0")): continue
    vals = []
    for share in ("0.95", "0"):
        g = [num(r["gapPercent"]) for r in rows(f"array-{mode}-{share}")]
        vals.append(f"{sum(g)/len(g):.3f}")
    print(f"| {mode} | {vals[0]} | {vals[1]} |")
print("\n## Scenarios\n")
print("| run | objective | bound | gap % | bound method | heuristic s | exact s | natives load s | wall, RSS |")
print("|---|---|---|---|---|---|---|---|---|")
for name in ("demo", "g1000", "g5000", "demo-heuristic-0.8", "demo-heuristic-0"):
    p = os.path.join(out, name, "plan", "plan.json")
    if not os.path.exists(p): continue
    j = json.load(open(p, encoding="utf-8"))
    q = j["quality"]
    t = os.path.join(out, name + ".time")
    wall = open(t).read().strip() if os.path.exists(t) else ""
    print(f"| {name} | {j['objective']:,.2f} | {j['bound']:,.2f} | {j['gapPercent']} | {q['boundMethod']} | "
          f"{q['heuristicSeconds']} | {q['exactSeconds']} | {q['nativeLoadSeconds']} | {wall} |")
PY
echo "- finished $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(load)" >> "$out/summary.md"
echo "wrote $out/summary.md" >&2
