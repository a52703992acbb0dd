#!/bin/sh
# Reproducible outputs, for review (docs/qa.md): every sample built twice,
# from copies in two different folders into two different output folders,
# under different time zones, locales, users' environments and numbers of
# jobs, gives byte-identical outputs (merged.yaml, letter.md, letter.pdf,
# letter.html, charts/*.svg; the build's own state under OUTDIR/.jtai is
# not an output). So does jtai diff of the test pair, its JSON and its
# redline. And nothing of the machine reaches an output: no absolute path
# (of either copy, either output folder, the source tree or the home
# folder), no user name, no host name, no date of today (in the forms
# 2026-11-22, 20261122 as PDF dates have it, and 22 November 2026). PDFs
# are searched with their streams uncompressed (qpdf), when qpdf is there.
# A name that the inputs themselves contain (a user called like a word of
# a letter) is not searched for, nor one shorter than four characters
# (it would match by chance in compressed data).
#
#   tests/diff/repro.sh JTAI
set -u
jtai=${1:?usage: repro.sh path/to/jtai}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JTAI_DATADIR="$root"
unset SOURCE_DATE_EPOCH NO_COLOR
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

jobs=
"$jtai" build --help | grep -q -- '--jobs' && jobs=yes

# Two copies: one deep under a long path, one shallow.
a=$tmp/first/deeply/nested/checkout
b=$tmp/second
mkdir -p "$a" "$b"
for d in "$a" "$b"; do
	cp -R "$root/samples" "$d/samples"
	cp -R "$here/old" "$here/new" "$d/"
done

# build WHERE OUT TZ LOCALE JOBS USER
build() {
	(cd "$1" && env TZ="$3" LC_ALL="$4" LANG="$4" USER="$6" LOGNAME="$6" \
		HOME="$1" "$jtai" build -q ${jobs:+-j "$5"} samples -o "$2") \
		>"$tmp/build.log" 2>&1
}
diffs() { # WHERE TZ LOCALE
	(cd "$1" && env TZ="$2" LC_ALL="$3" "$jtai" diff --format json \
		--redline "$1/redline.pdf" old/kestrelmoor-child-protection \
		new/kestrelmoor-child-protection >"$1/diff.json" 2>/dev/null
	 cd "$1" && env TZ="$2" LC_ALL="$3" "$jtai" diff \
		--redline "$1/redline.html" old/kestrelmoor-child-protection \
		new/kestrelmoor-child-protection >/dev/null 2>&1)
}

if build "$a" "$a/out" UTC C 1 reviewer-one; then
	ok "first build (TZ=UTC, LC_ALL=C${jobs:+, -j 1})"
else
	bad "first build"
	cat "$tmp/build.log"
fi
if build "$b" "$tmp/elsewhere/out2" Pacific/Chatham C.UTF-8 2 reviewer-two; then
	ok "second build (TZ=Pacific/Chatham, LC_ALL=C.UTF-8${jobs:+, -j 2})"
else
	bad "second build"
	cat "$tmp/build.log"
fi
diffs "$a" UTC C
diffs "$b" America/St_Johns C.UTF-8

# Byte for byte: the same files, the same bytes.
(cd "$a/out" && find . -path ./.jtai -prune -o -type f -print | sort) >"$tmp/la"
(cd "$tmp/elsewhere/out2" && find . -path ./.jtai -prune -o -type f -print | sort) >"$tmp/lb"
if [ -s "$tmp/la" ] && cmp -s "$tmp/la" "$tmp/lb"; then
	ok "the same $(wc -l <"$tmp/la") output files"
else
	bad "the same output files"
	diff "$tmp/la" "$tmp/lb" | head
fi
same=0
while read -r f; do
	if cmp -s "$a/out/$f" "$tmp/elsewhere/out2/$f"; then
		same=$((same + 1))
	else
		bad "byte-identical: $f"
	fi
done <"$tmp/la"
[ "$same" -gt 0 ] && ok "$same output files byte-identical"
for f in diff.json redline.pdf redline.html; do
	if [ -s "$a/$f" ] && cmp -s "$a/$f" "$b/$f"; then
		ok "jtai diff: $f byte-identical"
	else
		bad "jtai diff: $f byte-identical"
	fi
done

# Nothing of the machine in any output.
mkdir "$tmp/plain"
i=0
for f in $(cat "$tmp/la"); do
	i=$((i + 1))
	case $f in
	*.pdf) if command -v qpdf >/dev/null 2>&1; then
		qpdf --qdf --object-streams=disable "$a/out/$f" "$tmp/plain/$i" \
			2>/dev/null || cp "$a/out/$f" "$tmp/plain/$i"
	else
		cp "$a/out/$f" "$tmp/plain/$i"
	fi ;;
	*) cp "$a/out/$f" "$tmp/plain/$i" ;;
	esac
done
for f in diff.json redline.html redline.pdf; do
	i=$((i + 1))
	case $f in
	*.pdf) qpdf --qdf --object-streams=disable "$a/$f" "$tmp/plain/$i" \
		2>/dev/null || cp "$a/$f" "$tmp/plain/$i" ;;
	*) cp "$a/$f" "$tmp/plain/$i" ;;
	esac
done
inputs="$root/samples $root/templates $here/old $here/new"
leak() { # what string
	if [ "${#2}" -lt 4 ]; then
		echo "skip $1 '$2': too short to search for"
		return
	fi
	if grep -rqF -- "$2" $inputs 2>/dev/null; then
		echo "skip $1 '$2': the inputs hold it"
		return
	fi
	if grep -rlF -- "$2" "$tmp/plain" >"$tmp/hits" 2>/dev/null; then
		bad "no $1 in any output ('$2' found)"
	else
		ok "no $1 in any output"
	fi
}
leak "path of the first copy" "$a"
leak "path of the second copy" "$b"
leak "temporary folder" "$tmp"
leak "source tree" "$root"
leak "home folder" "${HOME:-}"
leak "user name" "reviewer-one"
leak "user name" "$(id -un 2>/dev/null)"
leak "host name" "$(uname -n 2>/dev/null)"
leak "date of today" "$(date -u +%Y-%m-%d)"
leak "date of today" "$(date +%Y-%m-%d)"
leak "date of today, as a PDF date" "D:$(date -u +%Y%m%d)"
leak "date of today, as a PDF date" "D:$(date +%Y%m%d)"
leak "date of today, as the letter writes it" "$(date -u '+%-d %B %Y')"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
