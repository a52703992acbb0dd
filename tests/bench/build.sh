#!/bin/bash
# The build benchmark (docs/build.md): whole processes, as a user runs them.
# Prints the median, min and max of RUNS runs of each:
#   - one five-page letter (riverford-front-door), YAML to PDF, cold;
#   - N synthetic areas (tests/bench/areas.sh, seed 1) cold with -j2;
#   - the same with nothing to do;
#   - the same after editing one finding;
# then the peak memory of one process of the batch, and the PDF sizes.
# With TYPST_NODE_MODULES set (../shared/anchors/README.md), also Typst 0.14
# through Node on the same letter's text, side by side.
# With BASELINE_JTAI set to another jtai executable (an earlier build, say),
# each figure is also measured with it, its runs interleaved with jtai's so
# that both see the same machine, and the ratio of the medians is printed.
#
# usage: tests/bench/build.sh JTAI [N] [RUNS]     (N = 153, RUNS = 7)
set -eu
jtai=$(realpath "$1")
n=${2:-153}
runs=${3:-7}
base=${BASELINE_JTAI:+$(realpath "$BASELINE_JTAI")}
src=$(cd "$(dirname "$0")/../.." && pwd)
export JTAI_DATADIR=${JTAI_DATADIR:-$src}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ms: runs "$@" once and prints its wall time in milliseconds
ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000)) | awk '{ printf "%.2f\n", $1 / 1000 }'
}
# median FILE: the median of the numbers in FILE
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# stats LABEL TARGET: median, min and max of the numbers on stdin
stats() {
	sort -n | awk -v label="$1" -v target="$2" '
		{ v[NR] = $1 }
		END {
			med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%-44s median %8.2f ms  min %8.2f  max %8.2f  (target %s)\n",
			       label, med, v[1], v[NR], target
		}'
}
# report LABEL TARGET: stats of $tmp/t.jtai, and with a baseline, of
# $tmp/t.base and the ratio of the medians
report() {
	stats "$1" "$2" <"$tmp/t.jtai"
	if [ -n "$base" ]; then
		stats "  baseline: $1" "-" <"$tmp/t.base"
		awk -v a="$(median "$tmp/t.base")" -v b="$(median "$tmp/t.jtai")" \
			'BEGIN { printf "  %-42s %.2f times as fast\n", "jtai against the baseline:", a / b }'
	fi
	rm -f "$tmp/t.jtai" "$tmp/t.base"
}

letter=$src/samples/riverford-front-door
for i in $(seq "$runs"); do
	rm -rf "$tmp/one"
	ms "$jtai" build -q -j1 "$letter" -o "$tmp/one" >>"$tmp/t.jtai"
	if [ -n "$base" ]; then
		rm -rf "$tmp/one-base"
		ms "$base" build -q -j1 "$letter" -o "$tmp/one-base" >>"$tmp/t.base"
	fi
done
report "one letter, whole process (5 pages)" "12 ms"

"$src/tests/bench/areas.sh" "$n" 1 "$tmp/areas"
for i in $(seq "$runs"); do
	rm -rf "$tmp/out"
	ms "$jtai" build -q -j2 "$tmp/areas" -o "$tmp/out" >>"$tmp/t.jtai"
	if [ -n "$base" ]; then
		rm -rf "$tmp/out-base"
		ms "$base" build -q -j2 "$tmp/areas" -o "$tmp/out-base" >>"$tmp/t.base"
	fi
done
report "$n areas cold, -j2" "1000 ms"

for i in $(seq "$runs"); do
	ms "$jtai" build -q -j2 "$tmp/areas" -o "$tmp/out" >>"$tmp/t.jtai"
	if [ -n "$base" ]; then
		ms "$base" build -q -j2 "$tmp/areas" -o "$tmp/out-base" >>"$tmp/t.base"
	fi
done
report "$n areas, nothing to do" "20 ms"

f=$(ls "$tmp"/areas/*/findings/ofsted.yaml | head -1)
for i in $(seq "$runs"); do
	w=$(echo abcdefghijklmnopqrstuvwxyz | cut -c"$i")
	sed -i "0,/summary: /s/summary: /summary: Edited $w /" "$f"
	ms "$jtai" build -q -j2 "$tmp/areas" -o "$tmp/out" >>"$tmp/t.jtai"
	if [ -n "$base" ]; then
		ms "$base" build -q -j2 "$tmp/areas" -o "$tmp/out-base" >>"$tmp/t.base"
	fi
done
report "$n areas, one finding edited" "15 ms"

rm -rf "$tmp/out"
/usr/bin/time -f "%M" -o "$tmp/rss" "$jtai" build -q -j2 "$tmp/areas" -o "$tmp/out"
printf "%-44s %8.1f MB  (target 32 MB)\n" "peak memory (largest process of the batch)" \
	"$(awk '{ print $1 / 1024 }' "$tmp/rss")"
printf "%-44s %8d bytes\n" "PDF size, riverford-front-door (5 pages)" \
	"$(stat -c %s "$tmp/one/riverford-front-door/letter.pdf")"
ls "$tmp"/out/*/letter.pdf | xargs stat -c %s | sort -n | awk '
	{ v[NR] = $1; s += $1 }
	END { printf "%-44s median %d bytes, min %d, max %d\n", "PDF size, batch", v[int((NR + 1) / 2)], v[1], v[NR] }'

if [ -n "${TYPST_NODE_MODULES:-}" ]; then
	# the same text as Typst markup: headings, bullets, bold
	sed -e 's/^#### /==== /; s/^### /=== /; s/^## /== /; s/^# /= /' \
	    -e 's/\*\*\([^*]*\)\*\*/*\1*/g' -e '/^```/d' -e '/^!\[/d' \
	    "$tmp/one/riverford-front-door/letter.md" >"$tmp/letter.typ"
	for i in $(seq "$runs"); do
		ms env NODE_PATH="$TYPST_NODE_MODULES" node "$src/../shared/anchors/typst-node.js" \
			"$tmp/letter.typ" "$tmp/letter-typst.pdf"
	done | stats "Typst 0.14 via Node, same letter (baseline)" "-"
fi
