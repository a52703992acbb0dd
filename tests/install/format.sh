#!/bin/sh
# Diagnostics for machines (docs/cli.md, jtai check): --format json and
# --format github.
#   - for every malformed case (tests/malformed/cases), the JSON document,
#     written back as text, is exactly the case's expected.txt, and the
#     GitHub annotations are one a diagnostic, with the same places;
#   - the fields of one diagnostic, an empty document for a clean sample,
#     nothing on stderr, the exit statuses, and wrong usage.
# node (Debian's nodejs) reads the JSON.
#
#   tests/install/format.sh JTAI
set -u
jtai=${1:?usage: format.sh path/to/jtai}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
malformed="$root/tests/malformed"
export JTAI_DATADIR="$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
command -v node >/dev/null 2>&1 || {
	echo "FAIL node not found: install Debian's nodejs (tools/install-deps.sh)"
	echo "0 passed, 1 failed"
	exit 1
}

# The JSON document on stdin as the text form, the data folder written
# $JTAI_DATADIR as in expected.txt.
as_text() {
	node -e '
	const doc = JSON.parse(require("fs").readFileSync(0, "utf8"));
	const root = process.argv[1];
	for (const d of doc.diagnostics) {
		let s = d.file === null ? "" : d.line === null ? `${d.file}: `
			: `${d.file}:${d.line}:${d.column}: `;
		s += `${d.severity}: ${d.message}`;
		if (d.rule !== null) s += ` [${d.rule}]`;
		if (d.hint !== null) s += ` (${d.hint})`;
		console.log(s.split(root).join("$JTAI_DATADIR"));
	}
	const n = (l) => doc.diagnostics.filter((d) => d.severity === l).length;
	if (n("error") !== doc.errors || n("warning") !== doc.warnings)
		console.log("errors or warnings miscounted");' "$root"
}

# assemble CASE: the case over its base in $tmp/w/CASE (as
# tests/malformed/run.sh does); sets args.
assemble() {
	name=$(basename "$1")
	rm -rf "$tmp/w" && mkdir -p "$tmp/w/$name"
	cp -R "$malformed/base/$(sed -n 1p "$1/base")/." "$tmp/w/$name/"
	if [ -f "$1/delete" ]; then
		while IFS= read -r p || [ -n "$p" ]; do
			[ -n "$p" ] && rm -rf "${tmp:?}/w/$name/$p"
		done <"$1/delete"
	fi
	cp -R "$1/." "$tmp/w/$name/"
	rm -f "$tmp/w/$name/base" "$tmp/w/$name/delete" "$tmp/w/$name/args" \
		"$tmp/w/$name/expected.txt"
	args=
	[ -f "$1/args" ] && args=$(sed -n 1p "$1/args")
}

n=0
for case in "$malformed"/cases/*/; do
	case=${case%/}
	name=$(basename "$case")
	assemble "$case"
	n=$((n + 1))
	# shellcheck disable=SC2086 # args is a list of options
	(cd "$tmp/w" && "$jtai" check $args --format json "$name" >json 2>err)
	status=$?
	why=
	if [ $status -ne 1 ]; then why="json: exit status $status, not 1"
	elif [ -s "$tmp/w/err" ]; then why="json: wrote to stderr"
	elif ! as_text <"$tmp/w/json" >"$tmp/w/text" 2>&1; then
		why="json: not a JSON document"
	elif ! diff -u "$case/expected.txt" "$tmp/w/text" >"$tmp/diff"; then
		why="json, as text, differs from expected.txt"
	fi
	# shellcheck disable=SC2086
	(cd "$tmp/w" && "$jtai" check $args --format=github "$name" >gh 2>err)
	status=$?
	# the places, as they read in expected.txt
	sed -n 's/^::[a-z]* file=\([^,:]*\),line=\([0-9]*\),col=\([0-9]*\)::.*/\1:\2:\3/p; s/^::[a-z]* file=\([^,:]*\)::.*/\1/p' \
		"$tmp/w/gh" | sed 's/%2C/,/g; s/%3A/:/g' >"$tmp/w/gh.places"
	sed -n 's/^\([^: ]*\(:[0-9]*:[0-9]*\)\{0,1\}\): [a-z]*: .*/\1/p' \
		"$case/expected.txt" >"$tmp/w/places"
	if [ $status -ne 1 ]; then why="${why:+$why; }github: exit status $status"
	elif [ "$(wc -l <"$tmp/w/gh")" -ne "$(wc -l <"$case/expected.txt")" ]; then
		why="${why:+$why; }github: not one annotation a diagnostic"
	elif ! cmp -s "$tmp/w/places" "$tmp/w/gh.places"; then
		why="${why:+$why; }github: places differ from expected.txt"
	fi
	if [ -n "$why" ]; then bad "$name: $why"; head -20 "$tmp/diff"
	else pass=$((pass + 1)); fi
done
echo "ok   $pass of $n malformed cases: json and github agree with expected.txt"

# One diagnostic, field by field.
assemble "$malformed/cases/pd-postcode-in-summary"
cd "$tmp/w" || exit 1
"$jtai" check --format json "$name" >json 2>err
status=$?
if [ $status -eq 1 ] && [ ! -s err ] && node -e '
	const doc = JSON.parse(require("fs").readFileSync("json", "utf8"));
	const d = doc.diagnostics[0];
	const want = {file: "pd-postcode-in-summary/findings/cqc.yaml", line: 20,
		column: 20, severity: "error", rule: "pd-postcode",
		message: "a postcode in print could locate a child'"'"'s home or school"};
	for (const k in want) if (d[k] !== want[k]) process.exit(1);
	if (!d.hint.startsWith("remove it") || doc.errors !== 1 ||
	    doc.warnings !== 0 || Object.keys(d).join() !==
	    "file,line,column,severity,message,hint,rule") process.exit(1);'
then ok "json: the fields of a diagnostic"
else bad "json: the fields of a diagnostic"; cat json err; fi
"$jtai" check --format github "$name" >gh 2>err
if [ "$(sed -n 1p gh)" = "::error file=pd-postcode-in-summary/findings/cqc.yaml,line=20,col=20::a postcode in print could locate a child's home or school [pd-postcode] (remove it; if it is not personal data, waive this match with a reason (docs/checks.md))" ] &&
	[ ! -s err ]
then ok "github: an annotation"
else bad "github: an annotation"; cat gh err; fi

# A clean sample: an empty document, exit 0, nothing on stderr.
"$jtai" check --format json "$root/samples/riverford-front-door" >json 2>err
status=$?
if [ $status -eq 0 ] && [ ! -s err ] && [ "$(tr -d ' \n' <json)" = \
	'{"diagnostics":[],"errors":0,"warnings":0}' ]
then ok "json: a clean sample gives an empty document"
else bad "json: a clean sample gives an empty document"; cat json err; fi
"$jtai" check --format github "$root/samples/riverford-front-door" >gh 2>err
status=$?
if [ $status -eq 0 ] && [ ! -s gh ] && [ ! -s err ]
then ok "github: a clean sample gives nothing"
else bad "github: a clean sample gives nothing"; cat gh err; fi

# Wrong usage, and --help and --explain untouched by --format.
for bad_args in "--format xml" "--format" "--format="; do
	# shellcheck disable=SC2086
	"$jtai" check $bad_args "$name" >out 2>err
	status=$?
	if [ $status -eq 2 ] && grep -q "format" err && [ ! -s out ]
	then ok "check $bad_args: wrong usage"
	else bad "check $bad_args: exit status $status"; cat out err; fi
done
"$jtai" check --format json --help >out 2>&1
if head -1 out | grep -q '^usage: jtai check' &&
	tail -1 out | grep -q '^exit status:' && ! grep -q '^[{}]' out
then ok "--help with --format json prints the help only"
else bad "--help with --format json prints the help only"; cat out; fi
"$jtai" check --format json --explain pd-postcode >out 2>&1
if head -1 out | grep -q '^pd-postcode' && ! grep -q diagnostics out
then ok "--explain with --format json prints the rule only"
else bad "--explain with --format json"; cat out; fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
