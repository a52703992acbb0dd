#!/bin/sh
# The checks before publication (README.md beside this file):
#   - the corpus: qa_corpus must pass (every structured personal-data
#     sentence caught, 90% of the names, 95% of the rest, at most 2% of the
#     clean sentences flagged);
#   - the seeded inspection: jtai check prints exactly seeded/expected.txt
#     (every hit placed) and exits 1; jtai build refuses it and writes
#     nothing; merged.yaml shows its waiver;
#   - every sample: jtai check --werror prints no diagnostic;
#   - jtai check --explain.
#
#   tests/qa/run.sh JTAI QA_CORPUS [--update]
#       --update rewrites seeded/expected.txt: then READ it before committing
set -u
jtai=${1:?usage: run.sh path/to/jtai path/to/qa_corpus [--update]}
corpus=${2:?usage: run.sh path/to/jtai path/to/qa_corpus [--update]}
update=${3:-}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
case $corpus in /*) ;; *) corpus=$(pwd)/$corpus ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JTAI_DATADIR="$root"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

if "$corpus" "$here" >"$tmp/corpus" 2>&1; then
	ok "corpus: $(grep -c '' "$here/flagged.txt") + $(grep -c '' "$here/clean.txt") lines"
else
	bad "corpus"
	"$corpus" "$here" -v
fi
sed -n '/structured/,/clean sentences/p' "$tmp/corpus"

seeded=brackenfold-seeded
(cd "$here/seeded" && timeout 20 "$jtai" check "$seeded" >"$tmp/out" 2>"$tmp/err")
status=$?
if [ "$update" = --update ] && [ $status -eq 1 ]; then
	cp "$tmp/err" "$here/seeded/expected.txt"
fi
if [ $status -ne 1 ]; then
	bad "seeded: check exit status $status, not 1"
	cat "$tmp/err"
elif ! diff -u "$here/seeded/expected.txt" "$tmp/err"; then
	bad "seeded: check's diagnostics differ from seeded/expected.txt"
else
	ok "seeded: check places every hit"
fi

mkdir -p "$tmp/work"
cp -R "$here/seeded/$seeded" "$tmp/work/"
(cd "$tmp/work" && timeout 20 "$jtai" build -q -o out "$seeded" >/dev/null 2>"$tmp/err")
status=$?
if [ $status -ne 1 ]; then
	bad "seeded: build exit status $status, not 1"
elif [ -e "$tmp/work/out/$seeded" ]; then
	bad "seeded: build wrote outputs"
elif ! grep -q "error: an NHS number" "$tmp/err"; then
	bad "seeded: build did not report the NHS number"
else
	ok "seeded: build refuses it and writes nothing"
fi

if "$jtai" merge "$here/seeded/$seeded" 2>/dev/null |
	grep -A3 '^ *waivers:' | grep -q 'rule: pd-postcode'; then
	ok "seeded: merged.yaml shows the waiver"
else
	bad "seeded: merged.yaml does not show the waiver"
fi

(cd "$root" && "$jtai" check --werror samples >"$tmp/out" 2>"$tmp/err")
status=$?
n=$(ls -d "$root"/samples/*/ | wc -l | tr -d ' ')
if [ $status -eq 0 ] && [ ! -s "$tmp/out" ] &&
   [ "$(cat "$tmp/err")" = "jtai check: $n inspections, no error" ]; then
	ok "samples: no personal data, no house-style warning"
else
	bad "samples: check --werror"
	cat "$tmp/err"
fi

if "$jtai" check --explain pd-postcode | grep -q '^pd-postcode (personal data' &&
   [ "$("$jtai" check --explain all | wc -l)" -eq 21 ]; then
	"$jtai" check --explain pd-postcod >/dev/null 2>"$tmp/err"
	if [ $? -eq 2 ] && grep -q "did you mean 'pd-postcode'" "$tmp/err"; then
		ok "check --explain"
	else
		bad "check --explain of an unknown rule"
	fi
else
	bad "check --explain"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
