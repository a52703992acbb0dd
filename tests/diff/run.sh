#!/bin/sh
# jtai diff (docs/qa.md) over a pair of inspection folders with known
# changes: old/ is the kestrelmoor-child-protection sample, new/ the same
# with one finding reworded (hmic-4), one removed (cqc-3), one added
# (ofsted-14), one moved from strength to area for improvement (ofsted-8)
# and a judgement changed (practice: adequate to inadequate, and with it
# the overall). Checks that
#   - every format reports exactly those (expected.txt, expected.md and
#     expected.json, byte for byte; the JSON again entry by entry), with
#     exit status 1;
#   - an inspection compared with itself prints nothing and exits 0, in
#     every format; an unreadable side exits 2;
#   - --rev A B gives the same diff from two commits of a git repository,
#     and --rev A alone compares A with the folder as it is now
#     and leaves no temporary folder behind;
#   - the redline PDF passes qpdf --check (and PDFBox Preflight, when
#     java is there), its first page lists every change by finding, and
#     it rebuilds byte for byte; the HTML redline marks the words with
#     <ins> and <del>.
#
#   tests/diff/run.sh JTAI [--update]
#
# --update rewrites the expected files from what jtai prints.
set -u
jtai=${1:?usage: run.sh path/to/jtai [--update]}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JTAI_DATADIR="$root" NO_COLOR=1
unset SOURCE_DATE_EPOCH
cd "$here" || exit 1
pair="old/kestrelmoor-child-protection new/kestrelmoor-child-protection"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { # what condition...
	what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}

# Every format, exactly; status 1.
for f in text:txt markdown:md json:json; do
	format=${f%%:*} ext=${f##*:}
	"$jtai" diff --format "$format" $pair >"$tmp/out.$ext" 2>"$tmp/err"
	rc=$?
	check "$format: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
	check "$format: nothing on standard error" [ ! -s "$tmp/err" ]
	if [ "${2:-}" = --update ]; then
		cp "$tmp/out.$ext" "expected.$ext"
	fi
	if cmp -s "expected.$ext" "$tmp/out.$ext"; then
		ok "$format: as expected.$ext"
	else
		bad "$format: as expected.$ext"
		diff -u "expected.$ext" "$tmp/out.$ext" | head -40
	fi
done

# The JSON's findings and judgements, entry by entry: exactly the changes
# made, and no other.
grep -E '^      "(change|id)": ' "$tmp/out.json" | paste -d ' ' - - |
	sed 's/  */ /g' >"$tmp/findings"
cat >"$tmp/want" <<'EOF'
 "change": "kind", "id": "ofsted-8",
 "change": "removed", "id": "cqc-3",
 "change": "added", "id": "ofsted-14",
 "change": "summary", "id": "hmic-4",
EOF
check "json: exactly the four finding changes" cmp -s "$tmp/want" "$tmp/findings"
check "json: the kind change is good to poor" \
	grep -q '"severity": "good-to-poor"' "$tmp/out.json"
check "json: the one judgement changed is practice" \
	sh -c "grep -c '\"id\": \"practice\"' '$tmp/out.json' | grep -qx 1"
check "json: the overall changed, limited" sh -c \
	"grep -q '\"changed\": true' '$tmp/out.json' &&
	 grep -q '\"limited_by\": \"The quality of practice\"' '$tmp/out.json'"
check "json: no dates, addressees, signatories or inspection fields" sh -c \
	"grep -q '\"dates\": \[\]' '$tmp/out.json' &&
	 grep -q '\"addressees\": \[\]' '$tmp/out.json' &&
	 grep -q '\"signatories\": \[\]' '$tmp/out.json' &&
	 grep -q '\"inspection\": \[\]' '$tmp/out.json'"
check "text: the strength that became an improvement comes first" sh -c \
	"sed -n 5p '$tmp/out.txt' | grep -q 'ofsted-8 kind: strength -> improvement'"

# Itself: nothing, status 0.
for format in text markdown json; do
	"$jtai" diff --format "$format" old/kestrelmoor-child-protection \
		old/kestrelmoor-child-protection >"$tmp/self" 2>&1
	rc=$?
	if [ "$format" = json ]; then
		check "$format: itself, exit status 0 (got $rc)" [ "$rc" -eq 0 ]
		check "$format: itself, differ false" \
			grep -q '"differ": false' "$tmp/self"
	else
		check "$format: itself, exit status 0 (got $rc)" [ "$rc" -eq 0 ]
		check "$format: itself, prints nothing" [ ! -s "$tmp/self" ]
	fi
done
"$jtai" diff old/kestrelmoor-child-protection no-such-folder >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a folder that is not there: exit status 2 (got $rc)" [ "$rc" -eq 2 ]
check "a folder that is not there: an error on standard error" \
	grep -q 'error:' "$tmp/err"
"$jtai" diff --format yaml $pair >/dev/null 2>&1
rc=$?
check "an unknown format: exit status 2 (got $rc)" [ "$rc" -eq 2 ]

# --rev: the pair as two commits.
if command -v git >/dev/null 2>&1; then
	repo=$tmp/repo
	git init -q "$repo"
	mkdir "$repo/inspections"
	cp -R old/kestrelmoor-child-protection "$repo/inspections/"
	git -C "$repo" add -A
	git -C "$repo" -c user.name=jtai -c user.email=jtai@example.invalid \
		commit -qm old
	rm -rf "$repo/inspections/kestrelmoor-child-protection"
	cp -R new/kestrelmoor-child-protection "$repo/inspections/"
	git -C "$repo" add -A
	git -C "$repo" -c user.name=jtai -c user.email=jtai@example.invalid \
		commit -qm new
	mkdir "$tmp/t"
	TMPDIR=$tmp/t "$jtai" diff --rev HEAD~1 HEAD --format json \
		"$repo/inspections/kestrelmoor-child-protection" >"$tmp/rev.json" 2>"$tmp/err"
	rc=$?
	check "--rev: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
	sed '3,4d' expected.json >"$tmp/a"
	sed '3,4d' "$tmp/rev.json" >"$tmp/b"
	check "--rev: the same diff as the folders give" cmp -s "$tmp/a" "$tmp/b"
	check "--rev: labelled by revision" \
		grep -q '"old": "HEAD~1:' "$tmp/rev.json"
	check "--rev: no temporary folder left" \
		sh -c "[ -z \"\$(ls -A '$tmp/t')\" ]"
	(cd "$repo/inspections/kestrelmoor-child-protection" &&
		"$jtai" diff --rev HEAD HEAD >"$tmp/out" 2>&1)
	rc=$?
	check "--rev HEAD HEAD: exit status 0 (got $rc)" [ "$rc" -eq 0 ]
	TMPDIR=$tmp/t "$jtai" diff --rev no-such-rev HEAD \
		"$repo/inspections/kestrelmoor-child-protection" >/dev/null 2>"$tmp/err"
	rc=$?
	check "--rev with an unknown revision: exit status 2 (got $rc)" [ "$rc" -eq 2 ]
	check "--rev with an unknown revision: git's reason as the hint" \
		grep -q 'git:' "$tmp/err"
	check "--rev failing: no temporary folder left" \
		sh -c "[ -z \"\$(ls -A '$tmp/t')\" ]"
	# --rev A alone: A against the folder as it is now
	ins=$repo/inspections/kestrelmoor-child-protection
	TMPDIR=$tmp/t "$jtai" diff --rev HEAD "$ins" >"$tmp/out" 2>&1
	rc=$?
	check "--rev HEAD, nothing edited: exit status 0 (got $rc)" [ "$rc" -eq 0 ]
	TMPDIR=$tmp/t "$jtai" diff --rev HEAD~1 --format json "$ins" \
		>"$tmp/wt.json" 2>"$tmp/err"
	rc=$?
	check "--rev HEAD~1 against the folder: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
	sed '3,4d' "$tmp/wt.json" >"$tmp/b"
	check "--rev HEAD~1 against the folder: the same diff as the folders give" \
		cmp -s "$tmp/a" "$tmp/b"
	check "--rev HEAD~1 against the folder: the new side is the folder" \
		grep -q "\"new\": \"$ins\"" "$tmp/wt.json"
	cp "$ins/findings/ofsted.yaml" "$tmp/keep.yaml"
	sed -i '0,/summary: /s/summary: \(.*\)$/summary: Freshly \1/' \
		"$ins/findings/ofsted.yaml"
	(cd "$ins" && TMPDIR=$tmp/t "$jtai" diff --rev HEAD >"$tmp/out" 2>&1)
	rc=$?
	check "--rev HEAD with an edit not committed: exit status 1 (got $rc)" \
		[ "$rc" -eq 1 ]
	check "--rev HEAD with an edit not committed: the edit shown" \
		grep -q "Freshly" "$tmp/out"
	cp "$tmp/keep.yaml" "$ins/findings/ofsted.yaml"
	check "--rev A alone: no temporary folder left" \
		sh -c "[ -z \"\$(ls -A '$tmp/t')\" ]"
else
	echo "skip --rev: no git"
fi

# The redline.
"$jtai" diff $pair --redline "$tmp/a.pdf" >/dev/null 2>"$tmp/err"
rc=$?
check "redline: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
TZ=Pacific/Auckland LC_ALL=C.UTF-8 "$jtai" diff $pair --redline "$tmp/b.pdf" >/dev/null 2>&1
check "redline: the same bytes again, in another time zone" cmp -s "$tmp/a.pdf" "$tmp/b.pdf"
if command -v qpdf >/dev/null 2>&1; then
	check "redline: qpdf --check" sh -c "qpdf --check '$tmp/a.pdf' >/dev/null 2>&1"
else
	echo "skip qpdf --check: no qpdf"
fi
# PDFBox Preflight, when java and Debian's jars are there (tests/pdfa).
jars=${PDFBOX_JARS:-/usr/share/java}
cp=
for j in preflight pdfbox2 fontbox2 xmpbox javax.activation jaxb-api \
	commons-logging; do
	[ -f "$jars/$j.jar" ] && cp=$cp${cp:+:}$jars/$j.jar || cp=
	[ -n "$cp" ] || break
done
if [ -n "$cp" ] && command -v java >/dev/null 2>&1; then
	echo "$tmp/a.pdf" >"$tmp/list"
	java -cp "$cp" org.apache.pdfbox.preflight.Validator_A1b xml group \
		"$tmp/list" >/dev/null 2>&1
	check "redline: PDF/A-1b (Preflight)" \
		grep -q '<isValid type="PDF/A1-b">true</isValid>' "$tmp/list.preflight.xml"
else
	echo "skip Preflight: no java or no PDFBox jars"
fi
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext -f 1 -l 1 "$tmp/a.pdf" "$tmp/page1.txt" 2>/dev/null
	for want in "ofsted-8 kind: strength to improvement" "cqc-3 removed" \
		"ofsted-14 added" "hmic-4 summary" \
		"The quality of practice: Adequate to Inadequate" \
		"Overall effectiveness of multi-agency work to protect children: Adequate to"; do
		check "redline: page 1 lists '$want'" \
			sh -c "tr '\n' ' ' <'$tmp/page1.txt' | grep -q '$want'"
	done
	pdftotext "$tmp/a.pdf" "$tmp/all.txt" 2>/dev/null
	check "redline: the letter keeps the deleted words" \
		grep -q "Staff in the emergency department" "$tmp/all.txt"
	check "redline: and has the inserted ones" grep -q "highly skilled" "$tmp/all.txt"
else
	echo "skip the redline's text: no pdftotext"
fi
"$jtai" diff $pair --redline "$tmp/r.html" >/dev/null 2>&1
check "redline html: the inserted word" grep -q '<ins>highly</ins>' "$tmp/r.html"
check "redline html: the deleted word" grep -q '<del>well</del>' "$tmp/r.html"
check "redline html: the summary opens the body" \
	grep -q '<section class="redline-summary">' "$tmp/r.html"
check "redline html: no mark character left" \
	sh -c "! grep -q \"\$(printf '\357\200')\" '$tmp/r.html'"
"$jtai" diff $pair --redline "$tmp/r.txt" >/dev/null 2>&1
rc=$?
check "redline of an unknown type: exit status 2 (got $rc)" [ "$rc" -eq 2 ]

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
