#!/bin/sh
# The malformed-input corpus (see README.md). Each case under cases/ is a
# valid base inspection (base/<name>/) with one fault put in. For each case:
# assembles it in a temporary folder named after the case (the base copied,
# the paths in `delete` removed, the case's files laid over it), then
#   - `jtai check ARGS <case>` must exit 1 and print exactly expected.txt on
#     stderr (paths read <case>/inspection.yaml:line:col);
#   - `jtai build -q ARGS -o out <case>` must exit 1, leave an earlier
#     out/<case>/letter.pdf as it was and write no out/<case>/merged.yaml.
# A timeout (20 s) or a crash is a failure named as such. The bases
# themselves must pass `jtai check --werror` with no diagnostic, and build.
#
#   tests/malformed/run.sh JTAI                   run the corpus
#   tests/malformed/run.sh JTAI CASE...           run only these cases
#   tests/malformed/run.sh JTAI --update [CASE...]
#       rewrite the expected.txt of every case (or of these) that jtai
#       refuses; then READ each one before committing (see README.md)
set -u
usage="usage: run.sh path/to/jtai [--update] [CASE...]"
update=0
jtai=
only=
for arg in "$@"; do
	case $arg in
	--update) update=1 ;;
	-*) echo "$usage" >&2; exit 2 ;;
	*) if [ -z "$jtai" ]; then jtai=$arg; else only="$only $arg"; fi ;;
	esac
done
if [ -z "$jtai" ]; then
	echo "$usage" >&2
	exit 2
fi
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export JTAI_DATADIR="$root"
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }

# The data folder's path, as it appears in a few hints, is written
# $JTAI_DATADIR in expected.txt so that the corpus runs from any checkout.
normalise() {
	awk -v r="$root" '{
		while (r != "" && (i = index($0, r)) > 0)
			$0 = substr($0, 1, i - 1) "$JTAI_DATADIR" substr($0, i + length(r))
		print
	}' "$1" >"$1.n" && mv "$1.n" "$1"
}

# Names an exit status that is neither 0 nor 1.
status_text() {
	if [ "$1" -eq 124 ]; then echo "timed out after 20 s"
	elif [ "$1" -ge 128 ]; then echo "crashed (signal $(($1 - 128)))"
	else echo "exit status $1"; fi
}

# check_base NAME: the base passes check --werror silently, and builds.
check_base() {
	name=$1
	work="$tmp/work"
	rm -rf "$work" && mkdir -p "$work/$name"
	cp -R "$here/base/$name/." "$work/$name/"
	(cd "$work" && timeout 20 "$jtai" check --werror "$name" \
		>stdout 2>stderr)
	status=$?
	if [ $status -ne 0 ]; then
		bad "base $name" "check --werror: $(status_text $status)"
		cat "$work/stderr"
	elif [ -s "$work/stdout" ] ||
	     [ "$(cat "$work/stderr")" != "jtai check: 1 inspection, no error" ]
	then
		bad "base $name" "check --werror printed a diagnostic"
		cat "$work/stdout" "$work/stderr"
	else
		(cd "$work" && timeout 60 "$jtai" build -q -o out "$name" \
			>stdout 2>stderr)
		status=$?
		if [ $status -ne 0 ]; then
			bad "base $name" "build: $(status_text $status)"
			cat "$work/stderr"
		elif [ ! -s "$work/out/$name/letter.pdf" ]; then
			bad "base $name" "build wrote no letter.pdf"
		else ok "base $name"; fi
	fi
	rm -rf "$work"
}

# check_case DIR: assemble the case, then check and build it. Every
# problem with the case is named on its one FAIL line.
check_case() {
	case=$1
	name=$(basename "$case")
	if [ ! -f "$case/base" ]; then
		bad "$name" "no file 'base'"; return
	fi
	base=$(sed -n 1p "$case/base")
	if [ -z "$base" ] || [ ! -d "$here/base/$base" ]; then
		bad "$name" "unknown base '$base'"; return
	fi
	if [ $update = 0 ] && [ ! -f "$case/expected.txt" ]; then
		bad "$name" "no expected.txt (run with --update, then read it)"
		return
	fi
	args=
	[ -f "$case/args" ] && args=$(sed -n 1p "$case/args")
	work="$tmp/work"
	rm -rf "$work" && mkdir -p "$work/$name"
	cp -R "$here/base/$base/." "$work/$name/"
	# deleted before the overlay, so that a case may put a folder where
	# the base has a file
	if [ -f "$case/delete" ]; then
		while IFS= read -r p || [ -n "$p" ]; do
			case $p in
			'') continue ;;
			/* | ..* | */..*) bad "$name" "bad path in delete: $p"
			                  return ;;
			esac
			rm -rf "${work:?}/$name/$p"
		done <"$case/delete"
	fi
	if ! cp -R "$case/." "$work/$name/"; then
		bad "$name" "cannot lay the case over its base"; return
	fi
	rm -f "$work/$name/base" "$work/$name/delete" "$work/$name/args" \
	      "$work/$name/expected.txt"
	why=
	: >"$tmp/details"

	# shellcheck disable=SC2086 # args is a list of options
	(cd "$work" && timeout 20 "$jtai" check $args "$name" \
		>stdout 2>stderr)
	status=$?
	normalise "$work/stderr"
	# only a refused input gives an expected.txt: a fault jtai does not
	# catch keeps the message written by hand
	if [ $update = 1 ] && [ $status -eq 1 ]; then
		cp "$work/stderr" "$case/expected.txt"
	fi
	if [ $status -ne 1 ]; then
		why="check: $(status_text $status), not 1"
		cat "$work/stderr" >>"$tmp/details"
	elif ! diff -u "$case/expected.txt" "$work/stderr" >"$tmp/diff"; then
		why="check: stderr differs from expected.txt"
		cat "$tmp/diff" >>"$tmp/details"
	fi

	# an earlier good output must survive the failed build
	mkdir -p "$work/out/$name"
	echo previous >"$work/out/$name/letter.pdf"
	# shellcheck disable=SC2086
	(cd "$work" && timeout 20 "$jtai" build -q $args -o out "$name" \
		>stdout 2>stderr)
	status=$?
	b=
	if [ $status -ne 1 ]; then
		b="build: $(status_text $status), not 1"
		cat "$work/stderr" >>"$tmp/details"
	elif [ "$(cat "$work/out/$name/letter.pdf")" != previous ]; then
		b="build replaced the earlier letter.pdf"
	elif [ -e "$work/out/$name/merged.yaml" ]; then
		b="build wrote merged.yaml"
	fi
	[ -n "$b" ] && why="${why:+$why; }$b"
	if [ -n "$why" ]; then
		bad "$name" "$why"
		sed 's/^/    /' "$tmp/details"
	else ok "$name"; fi
	rm -rf "$work"
}

nb=0
for base in "$here"/base/*/; do
	[ -f "$base/inspection.yaml" ] || continue
	nb=$((nb + 1))
	check_base "$(basename "$base")"
done
n=0
for case in "$here"/cases/*/; do
	[ -d "$case" ] || continue
	if [ -n "$only" ]; then
		case " $only " in *" $(basename "$case") "*) ;; *) continue ;; esac
	fi
	n=$((n + 1))
	check_case "${case%/}"
done
echo "$n cases and $nb bases: $pass passed, $fail failed"
[ $fail -eq 0 ]
