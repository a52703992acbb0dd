#!/bin/bash
# The incremental build engine, end to end (docs/build.md): staleness for
# each kind of input, -n, --explain, -k, -j, jtai clean, Ctrl-C, and a kill
# test: a batch killed with SIGKILL at 20 random moments, each followed by a
# build that must end byte-identical to a clean build.
#
# usage: tests/build/run.sh JTAI [KILLS]
set -u
jtai=$(realpath "$1")
kills=${2:-20}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
checks=0

ok() { checks=$((checks + 1)); }
fail() {
	checks=$((checks + 1))
	fails=$((fails + 1))
	echo "FAIL: $*"
}
expect() { # expect DESCRIPTION COMMAND... : the command succeeds
	local what=$1
	shift
	if "$@"; then ok; else fail "$what"; fi
}

# A data folder of our own (templates and fonts) that the tests may edit.
data=$tmp/data
mkdir -p "$data/fonts/files"
cp -r "$src/templates" "$data/templates"
for f in $(sed -n 's/^  [a-z]*: //p' "$src/fonts/fonts.yaml"); do
	for d in /usr/share/fonts/truetype/liberation2 \
	         /usr/share/fonts/truetype/liberation; do
		if [ -f "$d/$f" ]; then cp "$d/$f" "$data/fonts/files/"; break; fi
	done
done
sed -e "/^search:/,/^faces:/{/^  - /d}" \
    -e "s|^search:|search:\n  - $data/fonts/files|" \
    "$src/fonts/fonts.yaml" >"$data/fonts/fonts.yaml"
export JTAI_DATADIR=$data
unset SOURCE_DATE_EPOCH JTAI_ICC_PROFILE

areas=$tmp/areas
mkdir -p "$areas"
cp -r "$src/samples/riverford-front-door" "$src/samples/hollinsby-sif" \
      "$src/samples/kelsworth-domestic-abuse" "$areas/"
out=$tmp/out
rv=$areas/riverford-front-door

# the targets a build made, from its progress lines
made() { sed -n 's/^\[[0-9]*\/[0-9]*\] [a-z]* //p' | sort | tr '\n' ' '; }
build() { "$jtai" build -j2 "$areas" -o "$out" "$@"; }
plan() { "$jtai" build -n "$areas" -o "$out" | sort | tr '\n' ' '; }

# ---- a cold build, then nothing to do ----
cold=$(build | made)
expect "cold build makes every target" \
	test "$(echo "$cold" | wc -w)" -eq 19
expect "progress lines name targets" \
	grep -q "riverford-front-door/letter.pdf" <<<"$cold"
stamp_before=$(stat -c %Y.%y "$out/riverford-front-door/letter.pdf")
expect "nothing to do: -n prints nothing" test -z "$(plan)"
expect "nothing to do: build makes nothing" test -z "$(build | made)"
expect "nothing to do: build says so" \
	grep -qx "jtai build: nothing to do (3 inspections up to date)" <<<"$(build)"
expect "an unchanged output is not rewritten" \
	test "$stamp_before" = "$(stat -c %Y.%y "$out/riverford-front-door/letter.pdf")"
touch "$rv"/findings/*.yaml "$rv/inspection.yaml"
expect "touching the inputs makes nothing stale" test -z "$(plan)"

# ---- each kind of input ----
# a finding's text: the whole letter, and --explain names the file
sed -i '0,/summary: /s/summary: /summary: Newly /' "$rv/findings/ofsted.yaml"
why=$("$jtai" build -n --explain "$areas" -o "$out")
expect "--explain names the changed findings file" \
	grep -q "^riverford-front-door/merged.yaml: .*findings/ofsted.yaml changed" <<<"$why"
expect "-n lists the letter of the edited inspection only" \
	test "$(plan)" = "$(printf '%s\n' riverford-front-door/{merged.yaml,letter.md,charts/case-audit.svg,charts/findings-by-agency.svg,charts/timeline.svg,letter.pdf,letter.html} | sort | tr '\n' ' ')"
got=$(build | made)
expect "an edited finding rebuilds its letter" grep -q "riverford-front-door/letter.pdf" <<<"$got"
expect "an edited finding leaves other inspections alone" \
	test "$(grep -c hollinsby <<<"$got")" -eq 0
expect "after the rebuild nothing is stale" test -z "$(plan)"

# a comment: merged.yaml comes out the same, so no chart, PDF or HTML
echo "# a comment" >>"$rv/findings/ofsted.yaml"
got=$(build | made)
expect "a comment redrafts but does not re-render" \
	test "$got" = "riverford-front-door/letter.md riverford-front-door/merged.yaml "

# cases.yaml feeds the case-audit chart
sed -i '0,/tracked: true/s/tracked: true/tracked: false/' "$rv/cases.yaml"
expect "cases.yaml is an input" grep -q "merged.yaml" <<<"$(plan)"
build >/dev/null

# a new findings file is seen (and refused: its inspectorate is not listed)
printf 'inspectorate: hmi-probation\nfindings: []\n' >"$rv/findings/hmi-probation.yaml"
expect "a new findings file makes the inspection stale" \
	grep -q "riverford-front-door/merged.yaml" <<<"$(plan)"
build -q 2>/dev/null
expect "a refused inspection fails the build" test $? -eq 1
rm "$rv/findings/hmi-probation.yaml"
expect "removing it again leaves nothing stale" test -z "$(plan)"

# a template partial: letter.md and what follows, not merged.yaml
fw=$(sed -n 's/^framework: //p' "$rv/inspection.yaml")
part=$(ls "$data/templates/$fw/partials/"*.md | head -1)
echo "" >>"$part"
why=$("$jtai" build -n --explain "$areas" -o "$out")
expect "an edited partial makes letter.md stale" \
	grep -q "^riverford-front-door/letter.md: .*partials/.* changed" <<<"$why"
expect "an edited partial leaves merged.yaml alone" \
	test "$(grep -c 'riverford-front-door/merged.yaml' <<<"$why")" -eq 0
build >/dev/null

# framework.yaml: from merged.yaml on
echo "# edited" >>"$data/templates/$fw/framework.yaml"
expect "framework.yaml is an input of merged.yaml" \
	grep -q "riverford-front-door/merged.yaml" <<<"$(plan)"
build >/dev/null

# a font file: charts, PDF and HTML, not the text
printf '\0' >>"$data/fonts/files/LiberationSans-Regular.ttf"
got=$(plan)
expect "a font makes the PDF stale" grep -q "riverford-front-door/letter.pdf" <<<"$got"
expect "a font makes the charts stale" grep -q "charts/timeline.svg" <<<"$got"
expect "a font leaves letter.md alone" test "$(grep -c 'letter.md' <<<"$got")" -eq 0
build >/dev/null
expect "the build still works with the edited font" test -z "$(plan)"

# options: SOURCE_DATE_EPOCH is the PDF's only; --werror is letter.md's
got=$(SOURCE_DATE_EPOCH=1700000000 "$jtai" build -n "$areas" -o "$out" | sort | tr '\n' ' ')
expect "SOURCE_DATE_EPOCH makes only PDFs stale" \
	test "$got" = "hollinsby-sif/letter.pdf kelsworth-domestic-abuse/letter.pdf riverford-front-door/letter.pdf "
got=$("$jtai" build -n --werror "$areas" -o "$out" | sort | tr '\n' ' ')
expect "--werror makes letter.md stale" grep -q "riverford-front-door/letter.md" <<<"$got"
# another data folder with the same files: the same names, maybe other
# contents, so every target is made again
cp -r "$data" "$tmp/data2"
got=$(JTAI_DATADIR=$tmp/data2 "$jtai" build -n "$areas" -o "$out" | wc -l)
expect "another JTAI_DATADIR makes every target stale" test "$got" -eq 19
got=$(JTAI_TEMPLATES=$tmp/data2/templates "$jtai" build -n "$areas" -o "$out" | wc -l)
expect "another JTAI_TEMPLATES makes every target stale" test "$got" -eq 19
rm -rf "$tmp/data2"

# jtai itself: another executable rebuilds everything
cp "$jtai" "$tmp/jtai2"
printf 'x' >>"$tmp/jtai2"
why=$("$tmp/jtai2" build -n --explain "$areas" -o "$out")
expect "another jtai makes every target stale" test "$(wc -l <<<"$why")" -eq 19
expect "--explain says jtai changed" grep -q "jtai or its options changed" <<<"$why"

# outputs: deleted or edited by hand, each rebuilt alone
rm "$out/hollinsby-sif/letter.html"
echo "edited" >>"$out/kelsworth-domestic-abuse/letter.md"
why=$("$jtai" build -n --explain "$areas" -o "$out")
expect "a deleted output is rebuilt" \
	grep -q "^hollinsby-sif/letter.html: its output is missing" <<<"$why"
expect "an edited output is rebuilt" \
	grep -q "^kelsworth-domestic-abuse/letter.md: its output was changed" <<<"$why"
got=$(build | made)
expect "only those two are rebuilt" \
	test "$got" = "hollinsby-sif/letter.html kelsworth-domestic-abuse/letter.md "

# ---- -k and failures ----
broken=$areas/zz-broken
cp -r "$src/samples/riverford-front-door" "$broken"
sed -i 's/^jtai: 1/jtai: 1\nbogus: 2/' "$broken/inspection.yaml"
cp -r "$src/samples/northshire-exploitation" "$areas/"
"$jtai" build -k -j2 "$areas" -o "$out" >"$tmp/k.out" 2>"$tmp/k.err"
expect "-k exits 1 when an inspection failed" test $? -eq 1
expect "-k builds the others" test -f "$out/northshire-exploitation/letter.pdf"
expect "-k lists the failures at the end" \
	grep -q "1 of 5 inspections failed: zz-broken" "$tmp/k.err"
expect "the failure is located" grep -q "zz-broken/inspection.yaml:[0-9]*:[0-9]*: error" "$tmp/k.err"
expect "a failed inspection writes nothing" test ! -e "$out/zz-broken"
rm -rf "$broken"

# ---- parallel and serial builds agree, under any TZ and locale ----
TZ=Pacific/Kiritimati LC_ALL=C "$jtai" build -q -j1 "$areas" -o "$tmp/serial"
TZ=America/Anchorage LC_ALL=C.UTF-8 "$jtai" build -q -j2 "$areas" -o "$tmp/parallel"
expect "-j1 and -j2 give the same bytes" \
	diff -r -x .jtai "$tmp/serial" "$tmp/parallel"
expect "an incremental build equals a clean one" \
	diff -r -x .jtai "$tmp/serial" "$out"

# ---- the stage commands driven by make (samples/Makefile) ----
mk=$tmp/make-out
make -s -C "$src/samples" JTAI="$jtai" OUT="$mk" JTAI_DATADIR="$src" -j2 >/dev/null 2>&1
expect "make -C samples builds every sample" \
	test "$(ls "$mk"/*/letter.pdf | wc -l)" -eq "$(ls -d "$src"/samples/*/ | wc -l)"
expect "a second make does nothing" \
	grep -q "Nothing to be done" <<<"$(make -C "$src/samples" JTAI="$jtai" OUT="$mk" JTAI_DATADIR="$src" 2>&1)"
JTAI_DATADIR=$src "$jtai" build -q "$src/samples" -o "$tmp/samples-built"
expect "make and jtai build give the same bytes" \
	diff -r -x .jtai -x '*.d' "$mk" "$tmp/samples-built"
expect "the depfile of letter.md names the template" \
	grep -q "templates/.*partials/" "$mk/riverford-front-door/letter.md.d"

# ---- run inside an inspection's folder: named after the folder ----
(cd "$rv" && "$jtai" build -q -o "$tmp/inside" && cd findings &&
	"$jtai" build -q .. -o "$tmp/above")
expect "'jtai build' in an inspection's folder names it after the folder" \
	test -f "$tmp/inside/riverford-front-door/letter.pdf"
expect "'jtai build ..' names it after the folder too" \
	test -f "$tmp/above/riverford-front-door/letter.pdf"
expect "nothing is written as the inspection '.'" \
	test ! -e "$tmp/inside/letter.pdf" -a ! -e "$tmp/above/letter.pdf"

# ---- jtai clean ----
echo keep >"$out/notes.txt"
"$jtai" clean -q -o "$out"
expect "clean removes the outputs" test ! -e "$out/riverford-front-door/letter.pdf"
expect "clean removes the state" test ! -e "$out/.jtai"
expect "clean leaves other files" test -f "$out/notes.txt"

# ---- Ctrl-C and kill -9 ----
# more inspections, so that a batch lasts long enough to interrupt
for i in 1 2 3; do
	for s in "$src"/samples/*/; do
		cp -r "$s" "$areas/$(basename "$s")-$i"
	done
done
ref=$tmp/ref
"$jtai" build -q -j2 "$areas" -o "$ref"
start=$(date +%s%N)
"$jtai" build -q -j2 "$areas" -o "$tmp/timing"
cold_ms=$((($(date +%s%N) - start) / 1000000))

leftovers() { find "$1" -name '.*.tmp*' | wc -l; }

kb=$tmp/killed
"$jtai" build -q -j2 "$areas" -o "$kb" &
pid=$!
sleep "$(awk -v ms="$cold_ms" 'BEGIN { printf "%.3f", ms / 3000 }')"
kill -INT $pid
wait $pid
expect "Ctrl-C exits 130" test $? -eq 130
expect "Ctrl-C leaves no temporary file" test "$(leftovers "$kb")" -eq 0
expect "Ctrl-C leaves no running marker" test ! -e "$kb/.jtai/running"
"$jtai" build -q -j2 "$areas" -o "$kb"
expect "the build after Ctrl-C equals a clean build" \
	diff -r -x .jtai -q "$ref" "$kb"

RANDOM=2026
bad=0
for k in $(seq 1 "$kills"); do
	kb=$tmp/kill-$k
	if [ $((k % 3)) -eq 0 ]; then
		# kill a rebuild after an edit, not only a cold build
		cp -r "$ref" "$kb"
	fi
	delay_ms=$((RANDOM % (cold_ms + 1)))
	"$jtai" build -q -j2 "$areas" -o "$kb" 2>/dev/null &
	pid=$!
	sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	"$jtai" build -q -j2 "$areas" -o "$kb"
	if ! diff -r -x .jtai -q "$ref" "$kb" >/dev/null ||
	   [ "$(leftovers "$kb")" -ne 0 ]; then
		bad=$((bad + 1))
		echo "kill at ${delay_ms} ms: the next build differs from a clean one"
		diff -r -x .jtai -q "$ref" "$kb" | head -5
	fi
	rm -rf "$kb"
done
expect "every build after a kill equals a clean build ($kills kills)" test $bad -eq 0

echo "build engine: $((checks - fails)) of $checks checks passed (cold batch of $(ls "$areas" | wc -l) inspections: ${cold_ms} ms)"
[ $fails -eq 0 ]
