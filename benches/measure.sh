#!/usr/bin/env bash
# Measures every path of BENCHMARKS.md and prints the figures it reports.
#
#   benches/measure.sh              everything: criterion suite, ratios, instruction
#                                   counts, peak memory, command line, lxml
#   QUALYS_SEM_BENCH_MB=1 ...       the criterion suite at 1 MB only (quick run)
#   SKIP_CRITERION=1 ...            no criterion run: the tables then show the results that
#                                   an earlier run left in target/criterion
#   SKIP_CALLGRIND=1 ...           no instruction counts
#   SKIP_GIB=1 ...                  no 1 GiB export (the command line runs at 100 MiB only)
#   SKIP_PAIRED=1 ...               no paired rounds
#   SKIP_LXML=1 ...                 no lxml reference run (which otherwise installs lxml with
#                                   pip into $WORK/venv when Python lacks it)
#
# Generated exports go to $WORK (default /tmp/qualys-sem-bench), never into the repository.
# Output: the figures on standard output, and raw tool output under $WORK/out.
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/qualys-sem-bench}
OUT=$WORK/out
mkdir -p "$OUT"

# The seed of the criterion suite, so that every figure is about the same kind of export.
SEED=5
# Instruction counts per byte do not depend on the size; a small file keeps valgrind short.
CALLGRIND_SIZE=10MB
PATHS="events assets_borrowed assets_owned reader_events reader_assets check ndjson quick_xml_raw quick_xml_serde roxmltree"

section() { printf '\n## %s\n\n' "$1"; }

# Prints "wall_seconds max_rss_kib" of a `/usr/bin/time -v` report.
time_figures() {
	awk -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
		/Maximum resident set size/ { rss = $2 }
		END { printf "%.2f %d\n", wall, rss }' "$1"
}

section "Machine"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rustc: $(rustc --version)"

section "Build"
cargo build --release --features cli 2>&1 | tail -1
CLI=target/release/qualys-sem
ONE_PASS=$(cargo bench --no-run --bench one_pass 2>&1 | sed -n 's/.*Executable .*(\(.*\))$/\1/p' | tail -1)
echo "one_pass: $ONE_PASS"
PAIRED=$(cargo bench --no-run --bench paired 2>&1 | sed -n 's/.*Executable .*(\(.*\))$/\1/p' | tail -1)
echo "paired: $PAIRED"

generate() { # SIZE FILE
	[ -s "$2" ] || "$CLI" generate --seed "$SEED" --size "$1" -o "$2"
}
generate "$CALLGRIND_SIZE" "$WORK/small.xml"
generate 100MiB "$WORK/100MiB.xml"
[ -n "${SKIP_GIB:-}" ] || generate 1GiB "$WORK/1GiB.xml"
ls -l "$WORK"/*.xml

if [ -z "${SKIP_CRITERION:-}" ]; then
	section "Criterion suite"
	echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	cargo bench --bench throughput 2>&1 | tee "$OUT/criterion.txt" | grep -E '^[0-9]+MB/|thrpt:  \[' || true
	echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

section "Throughput (median of the criterion samples) and ratios"
python3 - target/criterion <<'PY'
import json, pathlib, sys

root = pathlib.Path(sys.argv[1])
for group in sorted(p for p in root.iterdir() if (p / "events").is_dir()):
    speed = {}
    for bench in sorted(group.iterdir()):
        new = bench / "new"
        if not (new / "estimates.json").exists():
            continue
        nanos = json.loads((new / "estimates.json").read_text())["median"]["point_estimate"]
        size = json.loads((new / "benchmark.json").read_text())["throughput"]["Bytes"]
        speed[bench.name] = size / nanos * 1e9 / 2**20
    print(f"### {group.name} ({size} bytes)\n")
    print("| path | MiB/s |")
    print("|---|---:|")
    for name, value in sorted(speed.items(), key=lambda item: -item[1]):
        print(f"| {name} | {value:.0f} |")
    print()
    targets = [
        ("events", "quick_xml_raw", 1),
        ("assets_owned", "quick_xml_raw", 0.8),
        ("assets_owned", "quick_xml_serde", 3),
        ("assets_owned", "roxmltree", 3),
        ("reader_assets", "assets_owned", 0.9),
    ]
    for path, baseline, target in targets:
        # roxmltree is measured at small sizes only.
        if path in speed and baseline in speed:
            ratio = speed[path] / speed[baseline]
            print(f"- {path} / {baseline} = {ratio:.2f} (target >= {target})")
    print()
PY

if [ -z "${SKIP_PAIRED:-}" ]; then
	section "Paired rounds (fastest round of each path)"
	generate 1MB "$WORK/1MB.xml"
	PAIRED_PATHS="assets_owned reader_assets reader_events events quick_xml_raw quick_xml_serde"
	echo "### 1 MB, 300 rounds"
	echo
	"$PAIRED" "$WORK/1MB.xml" 300 $PAIRED_PATHS
	echo
	echo "### 100 MiB, 20 rounds"
	echo
	"$PAIRED" "$WORK/100MiB.xml" 20 $PAIRED_PATHS
fi

if [ -z "${SKIP_CALLGRIND:-}" ]; then
section "Instructions per byte (callgrind)"
generate 1MB "$WORK/1MB.xml"
instructions() { # PATH FILE -> total Ir of one pass
	local tag=$1.$(basename "$2" .xml)
	valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$tag" "$ONE_PASS" "$1" "$2" \
		>"$OUT/counts.$tag" 2>"$OUT/valgrind.$tag"
	sed -n 's/^totals: \([0-9]*\).*/\1/p' "$OUT/callgrind.$tag"
}
echo "Reading the file alone is subtracted. roxmltree is left out at $CALLGRIND_SIZE: it takes"
echo "11 s there natively, far longer under callgrind (see the peak memory table)."
echo
echo "| path | per byte, 1 MB | per byte, $CALLGRIND_SIZE | assets detections RESULTS bytes ($CALLGRIND_SIZE) |"
echo "|---|---:|---:|---|"
small_floor=$(instructions none "$WORK/1MB.xml")
floor=$(instructions none "$WORK/small.xml")
small_bytes=$(stat -c %s "$WORK/1MB.xml")
bytes=$(stat -c %s "$WORK/small.xml")
for path in $PATHS; do
	small=$(instructions "$path" "$WORK/1MB.xml")
	if [ "$path" = roxmltree ]; then
		large=skipped counts=skipped
	else
		total=$(instructions "$path" "$WORK/small.xml")
		large=$(awk -v t="$total" -v f="$floor" -v b="$bytes" 'BEGIN { printf "%.1f", (t - f) / b }')
		counts=$(cut -d' ' -f2- "$OUT/counts.$path.small")
	fi
	awk -v p="$path" -v s="$small" -v f="$small_floor" -v b="$small_bytes" -v l="$large" -v c="$counts" \
		'BEGIN { printf "| %s | %.1f | %s | %s |\n", p, (s - f) / b, l, c }'
done
echo
echo "Where the events path spends its instructions (self cost, top 25):"
echo
callgrind_annotate --inclusive=no "$OUT/callgrind.events.small" >"$OUT/annotate.full" 2>/dev/null
sed -n '/^Ir/,$p' "$OUT/annotate.full" | sed -n 1,32p | cut -c1-160 >"$OUT/annotate.events"
sed 's/^/    /' "$OUT/annotate.events"
fi

section "Peak memory of one pass over the 100 MiB export (/usr/bin/time -v)"
echo "| path | wall s | max RSS MiB |"
echo "|---|---:|---:|"
for path in none $PATHS reader_file; do
	# roxmltree can take minutes here; a pass cut short is reported as such.
	if ! timeout "${PASS_TIMEOUT:-600}" /usr/bin/time -v "$ONE_PASS" "$path" "$WORK/100MiB.xml" \
		>/dev/null 2>"$OUT/time.$path"; then
		echo "| $path | over ${PASS_TIMEOUT:-600} s, stopped | - |"
		continue
	fi
	read -r wall rss < <(time_figures "$OUT/time.$path")
	awk -v p="$path" -v w="$wall" -v r="$rss" 'BEGIN { printf "| %s | %.2f | %.0f |\n", p, w, r / 1024 }'
done

section "qualys-sem assets, whole process (/usr/bin/time -v, output to /dev/null)"
echo "| input | size | wall s | MiB/s | max RSS MiB |"
echo "|---|---:|---:|---:|---:|"
for name in 100MiB 1GiB; do
	file=$WORK/$name.xml
	[ -s "$file" ] || continue
	size=$(stat -c %s "$file")
	/usr/bin/time -v "$CLI" assets "$file" >/dev/null 2>"$OUT/cli.file.$name"
	# A pipe, not a redirect, so that the tool sees a stream it cannot seek or map.
	cat "$file" | /usr/bin/time -v "$CLI" assets - >/dev/null 2>"$OUT/cli.stdin.$name"
	for how in file stdin; do
		read -r wall rss < <(time_figures "$OUT/cli.$how.$name")
		awk -v h="$how" -v n="$name" -v s="$size" -v w="$wall" -v r="$rss" \
			'BEGIN { printf "| %s | %s | %.2f | %.0f | %.1f |\n", h, n, w, s / w / 1048576, r / 1024 }'
	done
done

section "Python lxml iterparse on the 100 MiB export (reference)"
PYTHON=python3
if [ -n "${SKIP_LXML:-}" ]; then
	PYTHON=
	echo "skipped (SKIP_LXML)"
elif ! "$PYTHON" -c 'import lxml' 2>/dev/null; then
	# A private environment, so that the system's Python is left as it was. pip downloads
	# lxml from the package index it is configured with.
	echo "installing lxml with pip into $WORK/venv"
	if python3 -m venv "$WORK/venv" >/dev/null 2>&1 &&
		"$WORK/venv/bin/pip" install --quiet lxml >"$OUT/pip.txt" 2>&1; then
		PYTHON=$WORK/venv/bin/python
	else
		PYTHON=
		echo "lxml could not be installed (see $OUT/pip.txt); skipped"
	fi
fi
if [ -n "$PYTHON" ]; then
	cat >"$WORK/iterparse.py" <<'PY'
import sys
from lxml import etree

assets = detections = results = 0
# The usual streaming pattern: handle each ASSET when it ends, then free it.
for _, element in etree.iterparse(sys.argv[1], events=("end",), tag=("ASSET", "DETECTION", "RESULTS")):
    if element.tag == "RESULTS":
        results += len((element.text or "").encode())
    elif element.tag == "DETECTION":
        detections += 1
    else:
        assets += 1
        element.clear(keep_tail=True)
        while element.getprevious() is not None:
            del element.getparent()[0]
print("lxml", assets, detections, results)
PY
	/usr/bin/time -v "$PYTHON" "$WORK/iterparse.py" "$WORK/100MiB.xml" >"$OUT/lxml.counts" 2>"$OUT/time.lxml"
	read -r wall rss < <(time_figures "$OUT/time.lxml")
	size=$(stat -c %s "$WORK/100MiB.xml")
	echo "lxml $("$PYTHON" -c 'import lxml; print(lxml.__version__)'): $(cut -d' ' -f2- "$OUT/lxml.counts") (assets detections RESULTS bytes)"
	awk -v s="$size" -v w="$wall" -v r="$rss" 'BEGIN { printf "wall %.2f s, %.0f MiB/s, max RSS %.1f MiB\n", w, s / w / 1048576, r / 1024 }'
fi

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
