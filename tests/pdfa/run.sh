#!/bin/sh
# PDF/A tests. Builds every sample under samples/ and every case under
# tests/golden/inputs/ with jtai, and renders an undated letter with and
# without SOURCE_DATE_EPOCH. Each PDF must pass Apache PDFBox Preflight
# (PDF/A-1b) with no error and qpdf --check with no warning; rebuilding must
# give the same bytes (in another time zone and locale, and twice under
# SOURCE_DATE_EPOCH); riverford-front-door must stay within its size budget.
# Prints each PDF's size. Preflight runs once, in one JVM, over all files.
#
#   tests/pdfa/run.sh JTAI
#
# PDFBOX_JARS names the folder holding preflight.jar and the jars it needs
# (default /usr/share/java: Debian's libpdfbox2-java, libactivation-java,
# libjaxb-api-java). Without java or those jars the other checks still run,
# then the test exits 77 (skipped).
set -u
jtai=${1:?usage: run.sh path/to/jtai}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jars=${PDFBOX_JARS:-/usr/share/java}
budget=90000 # bytes, riverford-front-door's letter.pdf (issue "A PDF fit to publish")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JTAI_DATADIR="$root"
unset SOURCE_DATE_EPOCH
epoch=1700000000
mkdir "$tmp/pdf"
: >"$tmp/list"
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

same() { # what a b
	if cmp -s "$2" "$3"; then ok "$1"; else bad "$1"; fi
}

# Checks pdf with qpdf and queues it for Preflight as NAME.pdf.
queue() { # name pdf
	cp "$2" "$tmp/pdf/$1.pdf"
	printf 'size %7d  %s\n' "$(wc -c <"$2")" "$1"
	if qpdf --check "$2" >"$tmp/qpdf" 2>&1; then ok "$1: qpdf --check"
	else bad "$1: qpdf --check (exit $?)"; cat "$tmp/qpdf"; fi
	echo "$tmp/pdf/$1.pdf" >>"$tmp/list"
}

build_sample() { # dir
	dir=$1
	name=$(basename "$dir")
	for run in a b c d; do
		case $run in
		a) env=;;
		b) env="TZ=Pacific/Kiritimati LC_ALL=C.UTF-8";;
		c) env="SOURCE_DATE_EPOCH=$epoch";;
		d) env="SOURCE_DATE_EPOCH=$epoch TZ=America/Anchorage";;
		esac
		if ! env $env "$jtai" build -q -o "$tmp/$run" "$dir" >"$tmp/log" 2>&1
		then bad "$name: build ($env) failed"; cat "$tmp/log"; return; fi
	done
	pdf=$tmp/a/$name/letter.pdf
	same "$name: byte-identical rebuild" "$pdf" "$tmp/b/$name/letter.pdf"
	same "$name: byte-identical under SOURCE_DATE_EPOCH" \
		"$tmp/c/$name/letter.pdf" "$tmp/d/$name/letter.pdf"
	queue "$name" "$pdf"
	if [ "$name" = riverford-front-door ]; then
		size=$(wc -c <"$pdf")
		if [ "$size" -le $budget ]; then ok "$name: $size bytes <= $budget"
		else bad "$name: $size bytes, over the budget of $budget"; fi
	fi
	rm -rf "$tmp/a" "$tmp/b" "$tmp/c" "$tmp/d"
}

# A letter with no date: no date at all, or SOURCE_DATE_EPOCH's.
undated() {
	mkdir -p "$tmp/u"
	cat >"$tmp/u/letter.md" <<-'EOF'
	# An undated letter

	Text with a [link](https://example.org/café), **bold** and `code`.

	- a list
	- of two items
	EOF
	u=$tmp/u/letter.md
	"$jtai" render -o "$tmp/u/plain.pdf" "$u" &&
	SOURCE_DATE_EPOCH=$epoch "$jtai" render -o "$tmp/u/sde.pdf" "$u" &&
	SOURCE_DATE_EPOCH=$epoch TZ=Asia/Tokyo "$jtai" render -o "$tmp/u/sde2.pdf" "$u" ||
		{ bad "undated letter: render failed"; return; }
	same "undated letter: byte-identical under SOURCE_DATE_EPOCH" \
		"$tmp/u/sde.pdf" "$tmp/u/sde2.pdf"
	queue undated "$tmp/u/plain.pdf"
	queue undated-sde "$tmp/u/sde.pdf"
}

# Runs Preflight over the list and prints one line per file: "valid NAME"
# or "error NAME: CODE DETAILS (page N)".
preflight() {
	cp=
	for j in preflight pdfbox2 fontbox2 xmpbox javax.activation jaxb-api \
	         commons-logging; do
		[ -f "$jars/$j.jar" ] || return 77
		cp=$cp${cp:+:}$jars/$j.jar
	done
	command -v java >/dev/null 2>&1 || return 77
	java -cp "$cp" org.apache.pdfbox.preflight.Validator_A1b xml group \
		"$tmp/list" >"$tmp/preflight.log" 2>&1
	[ -f "$tmp/list.preflight.xml" ] || { cat "$tmp/preflight.log"; return 1; }
	awk '
	function text(s) {
		sub(/^[^>]*>/, "", s); sub(/<.*/, "", s)
		gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'\''", s)
		gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&amp;/, "\\&", s)
		return s
	}
	/<preflight name=/ { name = $0; sub(/.*name="/, "", name); sub(/".*/, "", name)
	                     sub(/\.pdf$/, "", name); code = details = page = "" }
	/<isValid/ && />true</ { print "valid " name }
	/<code>/ { code = text($0) }
	/<details>/ { details = text($0) }
	/<page>/ { page = " (page " text($0) ")" }
	/<\/error>/ { print "error " name ": " code " " details page }
	' "$tmp/list.preflight.xml"
}

for dir in "$root"/samples/*/ "$root"/tests/golden/inputs/*/; do
	[ -f "$dir/inspection.yaml" ] && build_sample "${dir%/}"
done
undated

preflight >"$tmp/results"
status=$?
if [ $status = 77 ]; then
	echo "skip Preflight: needs java and, in $jars, the jars of" \
	     "libpdfbox2-java, libactivation-java and libjaxb-api-java"
else
	while read -r pdf; do
		name=$(basename "$pdf" .pdf)
		if grep -Fqx "valid $name" "$tmp/results"; then
			ok "$name: PDFBox Preflight PDF/A-1b"
		else
			bad "$name: PDFBox Preflight PDF/A-1b"
			grep "^error $name: " "$tmp/results" | sed 's/^error /     /'
			grep -Fq " $name" "$tmp/results" || cat "$tmp/preflight.log"
		fi
	done <"$tmp/list"
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] || exit 1
[ $status = 77 ] && exit 77
exit 0
