#!/bin/sh
# Golden end-to-end tests. For every sample under samples/ (and every case
# under tests/golden/inputs/), builds the letter and compares merged.yaml,
# letter.md, the PDF's text (pdftotext), its structure tree with the text
# of each element (pdfinfo -struct-text) and letter.html with
# tests/golden/<name>/.
# Also checks each PDF with qpdf and pdffonts, that it is tagged and shows
# its title, and that two builds under other TZ and LC_ALL give the same
# bytes. Bad inputs are tested by
# tests/malformed/run.sh.
#
#   tests/golden/run.sh JTAI             run the tests
#   tests/golden/run.sh --update JTAI    regenerate the expected files
set -u
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
jtai=${1:?usage: run.sh [--update] path/to/jtai}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JTAI_DATADIR="$root"
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

pdftext() {
	# poppler warns about libharu's ToUnicode CMap: drop that noise
	pdftotext -enc UTF-8 "$1" - 2>/dev/null
}

check_sample() {
	dir=$1
	name=$(basename "$dir")
	out="$tmp/a"
	if ! "$jtai" build -q -o "$out" "$dir" >"$tmp/log" 2>&1; then
		bad "$name: build failed"; cat "$tmp/log"; return
	fi
	pdftext "$out/$name/letter.pdf" >"$out/$name/letter.txt"
	pdfinfo -struct-text "$out/$name/letter.pdf" >"$out/$name/struct.txt" \
		2>/dev/null
	exp="$here/$name"
	if [ $update = 1 ]; then
		mkdir -p "$exp"
		cp "$out/$name/merged.yaml" "$out/$name/letter.md" \
		   "$out/$name/letter.txt" "$out/$name/struct.txt" \
		   "$out/$name/letter.html" "$exp/"
	fi
	for f in merged.yaml letter.md letter.txt struct.txt letter.html; do
		if diff -u "$exp/$f" "$out/$name/$f" >"$tmp/diff"; then
			ok "$name: $f"
		else
			bad "$name: $f differs from tests/golden/$name/$f"
			head -40 "$tmp/diff"
		fi
	done
	pdf="$out/$name/letter.pdf"
	if qpdf --check "$pdf" >"$tmp/qpdf" 2>&1; then ok "$name: qpdf --check"
	else bad "$name: qpdf --check"; cat "$tmp/qpdf"; fi
	info=$(pdfinfo "$pdf" 2>/dev/null)
	if printf '%s\n' "$info" | grep -q '^Tagged: *yes' &&
	   printf '%s\n' "$info" | grep -q '^Title: *[^ ]'
	then ok "$name: tagged, with a title"
	else bad "$name: not tagged or no title"; printf '%s\n' "$info"; fi
	if pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" {bad=1} END {exit bad}'
	then ok "$name: every font embedded"
	else bad "$name: a font is not embedded"; pdffonts "$pdf"; fi
	# every finding's summary comes back out of the PDF (whitespace folded)
	missing=$(awk '/^ *summary: /{sub(/^ *summary: /, ""); gsub(/^"|"$/, ""); print}' \
	          "$out/$name/merged.yaml" | head -c 100000 | while IFS= read -r s; do
		w=$(printf '%s' "$s" | tr -s ' \n' ' ' | cut -c1-40 | sed 's/[*_`\\]//g')
		tr -s ' \n' ' ' <"$out/$name/letter.txt" | grep -qF -- "$w" || echo "$w"
	done)
	if [ -z "$missing" ]; then ok "$name: every summary in the PDF text"
	else bad "$name: summaries missing from the PDF text:"; echo "$missing"; fi
	# determinism: another time zone and locale give the same bytes
	TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 "$jtai" build -q -o "$tmp/b" "$dir" \
		>/dev/null 2>&1
	if cmp -s "$pdf" "$tmp/b/$name/letter.pdf" &&
	   cmp -s "$out/$name/letter.html" "$tmp/b/$name/letter.html" &&
	   cmp -s "$out/$name/merged.yaml" "$tmp/b/$name/merged.yaml"; then
		ok "$name: byte-identical rebuild"
	else bad "$name: a rebuild differs"; fi
	rm -rf "$tmp/a" "$tmp/b"
}

for dir in "$root"/samples/*/ "$here"/inputs/*/; do
	[ -f "$dir/inspection.yaml" ] && check_sample "${dir%/}"
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
