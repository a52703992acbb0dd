#!/bin/bash
# Makes N synthetic inspection areas under OUTDIR from the samples, the
# same for the same SEED: area i is sample (i mod 5) with its area's name
# replaced, everywhere it appears, by an invented one (syllables drawn with
# awk's srand(SEED)), and its folder named after it. Each area is the size
# of its sample: the same findings, cases and framework.
#
# usage: tests/bench/areas.sh N SEED OUTDIR
set -eu
n=$1
seed=$2
out=$3
src=$(cd "$(dirname "$0")/../.." && pwd)
samples=("$src"/samples/*/)
mkdir -p "$out"
awk -v n="$n" -v seed="$seed" 'BEGIN {
	srand(seed)
	split("Ash Bram Cal Dun Elm Fen Gar Hal Ick Kel Lin Mar Nor Ost Pel Ril Sal Tam Wex Yar", a, " ")
	split("bury brook combe dale field ford ham holt ley mere moor stow thorpe ton well wick", b, " ")
	for (i = 1; i <= n; i++) {
		do { name = a[int(rand() * 20) + 1] b[int(rand() * 16) + 1] } while (name in used)
		used[name] = 1
		print name
	}
}' | {
	i=0
	while read -r name; do
		s=${samples[$((i % ${#samples[@]}))]}
		old=$(awk '/^area:/ { inarea = 1; next } inarea && /^  name:/ { sub(/^  name: */, ""); print; exit } /^[^ ]/ { inarea = 0 }' "$s/inspection.yaml")
		dir=$out/$(printf '%03d' "$i")-$(echo "$name" | tr 'A-Z' 'a-z')
		rm -rf "$dir"
		cp -r "$s" "$dir"
		[ -n "$old" ] && grep -rl -- "$old" "$dir" | xargs -r sed -i "s/$old/$name/g"
		i=$((i + 1))
	done
}
