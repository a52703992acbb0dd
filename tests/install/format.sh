#!/bin/sh
# Diagnostics for machines (docs/cli.md): --format json and --format github.
#   - jtai check: for every malformed case (tests/malformed/cases), the JSON
#     document, written back as text, is exactly the case's expected.txt,
#     and the GitHub annotations are one a diagnostic, with the same places;
#     the fields of one diagnostic, an empty document for a clean sample,
#     nothing on stderr, the exit statuses, and wrong usage;
#   - jtai build: for every malformed case, the same document as check's;
#     a batch built by forked workers (-j2) gives every inspection's
#     diagnostics, in the inspections' order, the same bytes as -j1, and
#     the annotations at their exact places; progress, -n and --explain
#     lines go to stderr, so stdout is the document alone;
#   - jtai diff: a side that cannot be read gives check's document or its
#     annotation (exit status 2, nothing on stderr); the diff of the test
#     pair gives one ::notice a changed finding, at the finding; the JSON
#     report itself is unchanged.
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
	# the diagnostics of expected.txt, without the text's closing count
	grep -v '^jtai check: ' "$case/expected.txt" >"$tmp/w/want"
	why=
	if [ $status -ne 1 ]; then why="json: exit status $status, not 1"
	elif [ -s "$tmp/w/err" ]; then why="json: wrote to stderr"
	elif ! as_text <"$tmp/w/json" >"$tmp/w/text" 2>&1; then
		why="json: not a JSON document"
	elif ! diff -u "$tmp/w/want" "$tmp/w/text" >"$tmp/diff"; then
		why="json, as text, differs from expected.txt"
	fi
	# shellcheck disable=SC2086
	(cd "$tmp/w" && "$jtai" check $args --format=github "$name" >gh 2>err)
	status=$?
	# the places, as they read in expected.txt
	sed -n 's/^::[a-z]* file=\([^,:]*\),line=\([0-9]*\),col=\([0-9]*\)::.*/\1:\2:\3/p; s/^::[a-z]* file=\([^,:]*\)::.*/\1/p' \
		"$tmp/w/gh" | sed 's/%2C/,/g; s/%3A/:/g' >"$tmp/w/gh.places"
	sed -n 's/^\([^: ]*\(:[0-9]*:[0-9]*\)\{0,1\}\): [a-z]*: .*/\1/p' \
		"$tmp/w/want" >"$tmp/w/places"
	if [ $status -ne 1 ]; then why="${why:+$why; }github: exit status $status"
	elif [ "$(wc -l <"$tmp/w/gh")" -ne "$(wc -l <"$tmp/w/want")" ]; then
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
	grep -q '^exit status:' out && ! grep -q '^[{}]' out
then ok "--help with --format json prints the help only"
else bad "--help with --format json prints the help only"; cat out; fi
"$jtai" check --format json --explain pd-postcode >out 2>&1
if head -1 out | grep -q '^pd-postcode' && ! grep -q diagnostics out
then ok "--explain with --format json prints the rule only"
else bad "--explain with --format json"; cat out; fi

# ---- jtai build ----

# Every malformed case: the document jtai check gives (--werror in args:
# warnings as errors alike), exit status 1, nothing else on stdout.
n=0
same=0
for case in "$malformed"/cases/*/; do
	case=${case%/}
	assemble "$case"
	n=$((n + 1))
	# shellcheck disable=SC2086 # args is a list of options
	(cd "$tmp/w" && "$jtai" check $args --format json "$name" >cj 2>/dev/null
	 "$jtai" build $args -o "$tmp/o" --format json "$name" >bj 2>/dev/null)
	status=$?
	if [ $status -eq 1 ] && cmp -s "$tmp/w/cj" "$tmp/w/bj"; then
		same=$((same + 1))
	else
		bad "build $name: exit status $status, or not check's document"
		diff "$tmp/w/cj" "$tmp/w/bj" | head -6
	fi
done
[ $same -eq $n ] &&
	ok "build --format json: check's document for all $n malformed cases"

# A batch: three failing inspections and a good one, built by forked
# workers (-j2 -k) and in this process (-j1).
mkdir -p "$tmp/batch"
for c in kind-unknown pd-postcode-in-summary yaml-tab-indent; do
	assemble "$malformed/cases/$c"
	cp -R "$tmp/w/$c" "$tmp/batch/"
done
cp -R "$root/samples/riverford-front-door" "$tmp/batch/"
cd "$tmp/batch" || exit 1
batch="kind-unknown pd-postcode-in-summary riverford-front-door yaml-tab-indent"
# shellcheck disable=SC2086 # batch is a list of folders
"$jtai" build -j2 -k --format json -o "$tmp/o2" $batch >j2 2>e2
s2=$?
# shellcheck disable=SC2086
"$jtai" build -j1 -k --format json -o "$tmp/o1" $batch >j1 2>e1
s1=$?
if [ $s2 -eq 1 ] && [ $s1 -eq 1 ] && node -e '
	const doc = JSON.parse(require("fs").readFileSync("j2", "utf8"));
	const got = doc.diagnostics.map((d) =>
		`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
	const q = String.fromCharCode(39);
	const want = [
		`kind-unknown/findings/ofsted.yaml:7:11: error: unknown kind ${q}strenght${q} for framework ${q}jtai-2022${q}`,
		`pd-postcode-in-summary/findings/cqc.yaml:20:20: error: a postcode in print could locate a child${q}s home or school`,
		"yaml-tab-indent/findings/cqc.yaml:10:1: error: malformed YAML: a tab is used for indentation"];
	if (got.join("\n") !== want.join("\n") || doc.errors !== 3 ||
	    doc.warnings !== 0) { console.log(got.join("\n")); process.exit(1); }'
then ok "build -j2 --format json: the workers' diagnostics, in order"
else bad "build -j2 --format json: exit status $s2"; cat j2 e2; fi
if cmp -s j1 j2
then ok "build --format json: -j1 and -j2 give the same document"
else bad "build --format json: -j1 and -j2 differ"; diff j1 j2; fi
if grep -q '^\[[0-9]*/[0-9]*\] render riverford-front-door/letter.pdf$' e2 &&
	[ -f "$tmp/o2/riverford-front-door/letter.pdf" ] &&
	[ ! -e "$tmp/o2/kind-unknown/letter.pdf" ]
then ok "build --format json: progress on stderr, the good letter built"
else bad "build --format json: progress or letters"; cat e2; fi
# shellcheck disable=SC2086
"$jtai" build -j2 -k --format github -o "$tmp/og" $batch >gh 2>err
status=$?
cat >want <<'EOF'
::error file=kind-unknown/findings/ofsted.yaml,line=7,col=11::unknown kind 'strenght' for framework 'jtai-2022' (did you mean 'strength'?)
::error file=pd-postcode-in-summary/findings/cqc.yaml,line=20,col=20::a postcode in print could locate a child's home or school [pd-postcode] (remove it; if it is not personal data, waive this match with a reason (docs/checks.md))
::error file=yaml-tab-indent/findings/cqc.yaml,line=10,col=1::malformed YAML: a tab is used for indentation (YAML indents with spaces)
EOF
if [ $status -eq 1 ] && cmp -s want gh
then ok "build -j2 --format github: one annotation a diagnostic, in place"
else bad "build --format github: exit status $status"; diff want gh; cat err; fi

# A good build: an empty document; -n and --explain on stderr too.
"$jtai" build -n --explain --format json -o "$tmp/on" riverford-front-door \
	>out 2>err
status=$?
if [ $status -eq 0 ] && [ "$(tr -d ' \n' <out)" = \
	'{"diagnostics":[],"errors":0,"warnings":0}' ] &&
	grep -qx 'riverford-front-door/letter.pdf: never built' err
then ok "build -n --explain --format json: the plan on stderr, a document"
else bad "build -n --explain --format json: exit status $status"; cat out err; fi
"$jtai" build --format github -o "$tmp/og" riverford-front-door >out 2>err
status=$?
if [ $status -eq 0 ] && [ ! -s out ]
then ok "build --format github: a good build prints no annotation"
else bad "build --format github, good build: exit status $status"; cat out err; fi
"$jtai" build --format yaml riverford-front-door >out 2>err
status=$?
if [ $status -eq 2 ] && grep -q "unknown format 'yaml'" err && [ ! -s out ]
then ok "build --format yaml: wrong usage"
else bad "build --format yaml: exit status $status"; cat out err; fi

# ---- jtai diff ----
mkdir -p "$tmp/d"
cp -R "$root/tests/diff/old" "$root/tests/diff/new" "$tmp/d/"
cd "$tmp/d" || exit 1
pair="old/kestrelmoor-child-protection new/kestrelmoor-child-protection"
# shellcheck disable=SC2086 # pair is two folders
"$jtai" diff --format github $pair >gh 2>err
status=$?
# shellcheck disable=SC2086
"$jtai" diff --format json $pair >json 2>/dev/null
# each notice's place, id and change
sed -n 's/^\(::notice file=[^:]*::[^ ]* [^ :(]*\).*/\1/p' gh >places
cat >want <<'EOF'
::notice file=new/kestrelmoor-child-protection/findings/ofsted.yaml,line=94,col=5::ofsted-8 kind
::notice file=old/kestrelmoor-child-protection/findings/cqc.yaml,line=35,col=5::cqc-3 removed
::notice file=new/kestrelmoor-child-protection/findings/ofsted.yaml,line=182,col=5::ofsted-14 added
::notice file=new/kestrelmoor-child-protection/findings/hmicfrs.yaml,line=48,col=5::hmic-4 summary
EOF
if [ $status -eq 1 ] && [ ! -s err ] && cmp -s want places &&
	[ "$(sed -n 1p gh)" = "::notice file=new/kestrelmoor-child-protection/findings/ofsted.yaml,line=94,col=5::ofsted-8 kind: strength -> improvement: good practice is now poor practice" ] &&
	[ "$(wc -l <gh)" -eq "$(grep -c '^      "change": ' json)" ]
then ok "diff --format github: one notice a changed finding, at the finding"
else bad "diff --format github: exit status $status"; cat gh err; diff want places; fi
if cmp -s json "$root/tests/diff/expected.json"
then ok "diff --format json: the report as before"
else bad "diff --format json: the report changed"; fi
# NEW cannot be read: a YAML error at a known place.
printf 'inspectorate: cqc\nfindings:\n  - id: cqc-1\n    kind: headline: x\n' \
	>new/kestrelmoor-child-protection/findings/cqc.yaml
# shellcheck disable=SC2086
"$jtai" diff --format json $pair >json 2>err
status=$?
if [ $status -eq 2 ] && [ ! -s err ] && node -e '
	const doc = JSON.parse(require("fs").readFileSync("json", "utf8"));
	const d = doc.diagnostics;
	if (d.length !== 1 || doc.errors !== 1 || doc.warnings !== 0 ||
	    d[0].file !== "new/kestrelmoor-child-protection/findings/cqc.yaml" ||
	    d[0].line !== 4 || d[0].column !== 19 || d[0].severity !== "error" ||
	    d[0].message !== "malformed YAML: mapping values are not allowed in this context")
		process.exit(1);'
then ok "diff --format json, NEW unreadable: check's document, 4:19, exit 2"
else bad "diff --format json, NEW unreadable: exit status $status"; cat json err; fi
# shellcheck disable=SC2086
"$jtai" diff --format github $pair >gh 2>err
status=$?
if [ $status -eq 2 ] && [ ! -s err ] && [ "$(cat gh)" = \
	"::error file=new/kestrelmoor-child-protection/findings/cqc.yaml,line=4,col=19::malformed YAML: mapping values are not allowed in this context" ]
then ok "diff --format github, NEW unreadable: the annotation, exit 2"
else bad "diff --format github, NEW unreadable: exit status $status"; cat gh err; fi
# shellcheck disable=SC2086
"$jtai" diff --format yaml $pair >out 2>err
status=$?
if [ $status -eq 2 ] && grep -q "unknown format 'yaml'" err && [ ! -s out ]
then ok "diff --format yaml: wrong usage"
else bad "diff --format yaml: exit status $status"; cat out err; fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
