#!/bin/sh
# Hostile inputs and faults through `jtai build` (docs/limits.md): every
# limit, the confinement of templates and outputs, a full disk, an
# unwritable output folder and a file vanishing mid-build. Each case checks
# the exit status, the error that names the problem, and that the outputs
# of the build before it are byte for byte intact, with no temporary file
# left behind.
#
#   tests/hostile/run.sh JTAI FAULT_SO
#
# FAULT_SO is tests/hostile/fault.c built as a shared object (CMake's
# jtai_fault): it injects ENOSPC, EACCES and vanishing files through
# LD_PRELOAD. When run as root where mount(8) works, the full disk is also
# a real tmpfs of 1 MiB, and the unwritable folder is tried as the user
# nobody (root writes through any permission).
set -u
jtai=${1:?usage: run.sh JTAI FAULT_SO}
fault=${2:?usage: run.sh JTAI FAULT_SO}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
case $fault in /*) ;; *) fault=$(pwd)/$fault ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JTAI_DATADIR="${JTAI_DATADIR:-$root}"
# the injector is not built with the sanitizers: let ASan start all the same
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
tmp=$(mktemp -d)
mounted=
cleanup() {
	[ -n "$mounted" ] && umount "$mounted" 2>/dev/null
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/     /' "$2" | head -20; }

ins=$tmp/in/riverford
out=$tmp/out
mkdir -p "$tmp/in"
cp -R "$root/samples/riverford-front-door" "$ins"
cp -R "$ins" "$tmp/pristine"

# What `jtai build` made, as checksums: every file under the output folder
# but the build state (.jtai/).
sums() {
	(cd "$1" && find . -path ./.jtai -prune -o -type f -print | LC_ALL=C sort |
		xargs sha256sum)
}
restore() {
	rm -rf "$ins"
	cp -R "$tmp/pristine" "$ins"
}
build() { # [env...] -> $tmp/err, status in $rc
	env "$@" "$jtai" build -q "$ins" -o "$out" >"$tmp/stdout" 2>"$tmp/err"
	rc=$?
}
# expect NAME WANT: the last build failed with WANT in its errors, and
# left the outputs as they were and no temporary file.
expect() {
	if [ "$rc" -ne 1 ]; then
		bad "$1: exit status $rc, not 1" "$tmp/err"
	elif ! grep -qF -- "$2" "$tmp/err"; then
		bad "$1: no '$2' in the errors" "$tmp/err"
	elif ! grep -qE '^[^: ]+:[0-9]+:[0-9]+: error: |^[^: ]+: error: ' "$tmp/err"; then
		bad "$1: no 'path:line:col: error:' line" "$tmp/err"
	elif ! sums "$out" | cmp -s - "$tmp/before"; then
		bad "$1: the previous outputs changed"
		sums "$out" | diff "$tmp/before" - | head -5
	elif find "$out" -name '.*.tmp*' | grep -q .; then
		bad "$1: a temporary file was left" 
	else
		ok "$1"
	fi
}
# a finding of kind 'finding' whose detail is the file $1, in cqc's file
add_detail() {
	{
		echo "  - id: cqc-hostile"
		echo "    kind: finding"
		echo "    theme: front-door"
		echo "    agencies: [health]"
		echo "    summary: A finding with a hostile detail."
		echo "    detail: |"
		sed 's/^/      /' "$1"
	} >>"$ins/findings/cqc.yaml"
}
# rep C N: the character C, N times
rep() { head -c "$2" /dev/zero | tr '\0' "$1"; }

# The build all the cases start from.
build
if [ "$rc" -ne 0 ]; then
	bad "the sample builds" "$tmp/err"
	echo "$pass passed, $fail failed"
	exit 1
fi
sums "$out" >"$tmp/before"
ok "the sample builds ($(wc -l <"$tmp/before") outputs)"

# --- limits ---------------------------------------------------------------

{ printf '# '; rep x 1023; echo; } >"$tmp/line"
i=0
while [ $i -lt 17000 ]; do cat "$tmp/line"; i=$((i + 1)); done >>"$ins/findings/ofsted.yaml"
build
expect "an input file over 16 MiB" "the file is larger than 16 MiB, the limit of an input file"
restore

{ printf 'inspectorate: ofsted\nfindings: '; rep '[' 200000; rep ']' 200000; echo; } \
	>"$ins/findings/ofsted.yaml"
t0=$(date +%s)
build
t1=$(date +%s)
expect "YAML nested 200,000 deep" "ofsted.yaml:2:74: error: nesting deeper than 64 levels"
[ $((t1 - t0)) -le 2 ] && ok "YAML nested 200,000 deep: refused in $((t1 - t0)) s" ||
	bad "YAML nested 200,000 deep took $((t1 - t0)) s"
restore

{
	echo "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"
	for c in b c d e f g h i j k l m n o p q r s t u v w x y z; do
		echo "$c: &$c [*a, *a, *a, *a, *a, *a, *a, *a, *a]"
	done
} >>"$ins/findings/hmicfrs.yaml"
build
expect "a billion laughs" "error: anchors ('&a') are not allowed"
restore

awk 'BEGIN { print "inspectorate: ofsted\nfindings:"
	for (i = 0; i < 2001; i++)
		printf "  - {id: ofsted-x%d, kind: strength, theme: front-door, agencies: [csc], summary: S.}\n", i }' \
	>"$ins/findings/ofsted.yaml"
build
expect "more than 2000 findings" "error: more than 2000 findings in the inspection, the limit of one letter"
restore

awk 'BEGIN { for (i = 0; i < 40; i++) printf "> "; print "deep" }' >"$tmp/md"
add_detail "$tmp/md"
build
expect "Markdown nested 40 deep" "error: Markdown nested deeper than 32 levels"
restore

{ rep a 1048576; echo; } >"$tmp/md"
add_detail "$tmp/md"
build
expect "a word of 1 MB" "error: a word longer than 1000 characters (the limit of one word)"
restore

awk 'BEGIN { for (i = 0; i < 25000; i++) printf "word "; print "" }' >"$tmp/md"
add_detail "$tmp/md"
build
expect "a line of 125,000 characters" "error: a paragraph longer than 100000 bytes (the limit of one paragraph)"
restore

# A framework of our own: a copy of the data folder's templates and fonts.
data=$tmp/data
mkdir -p "$data"
cp -R "$JTAI_DATADIR/templates" "$data/templates"
ln -s "$JTAI_DATADIR/fonts" "$data/fonts"
fw=$data/templates/jtai-2022
cp "$fw/letter.md" "$tmp/letter.md"
# the build engine keys targets by the template files, not by the data
# folder: change a finding so that the letter is drafted again
n_data=0
data_build() {
	n_data=$((n_data + 1))
	sed "s/Health practitioners make a strong/Health practitioners make a strong ($n_data)/" \
		"$tmp/pristine/findings/cqc.yaml" >"$ins/findings/cqc.yaml"
	build JTAI_DATADIR="$data"
}

echo 'x{{> loop}}' >"$fw/partials/loop.md"
echo '{{> loop}}' >>"$fw/letter.md"
data_build
expect "a partial that includes itself" "error: partials nested deeper than 64 levels 'loop'"
cp "$tmp/letter.md" "$fw/letter.md"

# --- confinement -----------------------------------------------------------

echo "SECRET-OUTSIDE-THE-FRAMEWORK" >"$tmp/secret.md"
ln -s "$tmp/secret.md" "$fw/partials/outside.md"
echo '{{> outside}}' >>"$fw/letter.md"
data_build
expect "a partial linked out of the framework" "partials/outside.md: error: cannot read: 'outside.md' is a symbolic link"
grep -rq SECRET-OUTSIDE "$out" && bad "the secret reached an output"
cp "$tmp/letter.md" "$fw/letter.md"
rm "$fw/partials/outside.md"

cp "$fw/framework.yaml" "$tmp/framework.yaml"
echo "letter: ../../../secret.md" >"$tmp/fw2"
grep -v '^letter:' "$tmp/framework.yaml" >>"$tmp/fw2"
cp "$tmp/fw2" "$fw/framework.yaml"
data_build
expect "a letter template outside the framework" "error: cannot read: '..' is not allowed here"
echo "letter: $tmp/secret.md" >"$tmp/fw2"
grep -v '^letter:' "$tmp/framework.yaml" >>"$tmp/fw2"
cp "$tmp/fw2" "$fw/framework.yaml"
data_build
expect "a letter template at an absolute path" "error: cannot read: an absolute path is not allowed here"
cp "$tmp/framework.yaml" "$fw/framework.yaml"

printf '![the password file](/etc/passwd)\n' >"$tmp/md"
add_detail "$tmp/md"
build
expect "an image that is a file" "error: image '/etc/passwd' is not a chart"
restore

printf '![a chart](chart:../../../etc/passwd)\n' >"$tmp/md"
add_detail "$tmp/md"
build
expect "a chart name that is a path" "error: unknown chart '../../../etc/passwd'"
restore

# A link planted at an output: replaced, never written through.
echo "precious" >"$tmp/victim"
rm "$out/riverford/letter.pdf"
ln -s "$tmp/victim" "$out/riverford/letter.pdf"
sed 's/Health practitioners make a strong/Health practitioners make a very strong/' \
	"$tmp/pristine/findings/cqc.yaml" >"$ins/findings/cqc.yaml"
build
if [ "$rc" -ne 0 ]; then
	bad "a link planted at letter.pdf: the build failed" "$tmp/err"
elif [ "$(cat "$tmp/victim")" != precious ]; then
	bad "a link planted at letter.pdf: written through"
elif [ -L "$out/riverford/letter.pdf" ] || ! head -c 5 "$out/riverford/letter.pdf" | grep -q '%PDF-'; then
	bad "a link planted at letter.pdf: not replaced by the letter"
else
	ok "a link planted at letter.pdf is replaced, its target untouched"
fi
restore
build
sums "$out" >"$tmp/before"

# A link planted at the inspection's output folder: refused.
mkdir "$tmp/elsewhere"
mv "$out/riverford" "$tmp/real-riverford"
ln -s "$tmp/elsewhere" "$out/riverford"
sed 's/Health practitioners make a strong/Health practitioners make a firm/' \
	"$tmp/pristine/findings/cqc.yaml" >"$ins/findings/cqc.yaml"
build
if [ "$rc" -ne 1 ]; then
	bad "a link planted at the output folder: exit status $rc" "$tmp/err"
elif ! grep -q "riverford: error: cannot write: the folder is a symbolic link" "$tmp/err"; then
	bad "a link planted at the output folder: no error naming it" "$tmp/err"
elif [ -n "$(ls -A "$tmp/elsewhere")" ]; then
	bad "a link planted at the output folder: written through ($(ls "$tmp/elsewhere"))"
else
	ok "a link planted at the output folder is refused, nothing written through it"
fi
rm "$out/riverford"
mv "$tmp/real-riverford" "$out/riverford"
restore

# --- faults -----------------------------------------------------------------

# Each fault case changes a finding so that the build has something to write.
touch_input() {
	sed "s/Health practitioners make a strong/Health practitioners make a $1/" \
		"$tmp/pristine/findings/cqc.yaml" >"$ins/findings/cqc.yaml"
}

touch_input "good"
build LD_PRELOAD="$fault" JTAI_FAULT_ENOSPC=0
expect "a full disk (injected ENOSPC)" "No space left on device"
build LD_PRELOAD="$fault" JTAI_FAULT_ENOSPC=60000
# every new file is written aside before any is renamed into place: a
# disk that fills up between them leaves the previous outputs as they were
expect "a disk that fills up mid-build (injected ENOSPC)" "No space left on device"

touch_input "keen"
build LD_PRELOAD="$fault" JTAI_FAULT_EACCES="$out/riverford"
expect "an unwritable output folder (injected EACCES)" "Permission denied"

touch_input "fine"
build LD_PRELOAD="$fault" JTAI_FAULT_VANISH=findings/hmicfrs.yaml
expect "a findings file that vanishes mid-build" "hmicfrs.yaml: error: cannot read: No such file or directory"
build LD_PRELOAD="$fault" JTAI_FAULT_VANISH=signatures.md
expect "a partial that vanishes mid-build" "signatures.md: error: cannot read: No such file or directory"
restore

# A real full disk: a tmpfs of 1 MiB (root only).
if [ "$(id -u)" -eq 0 ] && mkdir -p "$tmp/disk" &&
	mount -t tmpfs -o size=1m jtai-test "$tmp/disk" 2>/dev/null; then
	mounted=$tmp/disk
	out_real=$out
	out=$tmp/disk/out
	build
	if [ "$rc" -ne 0 ]; then
		bad "a build onto a 1 MiB tmpfs" "$tmp/err"
	else
		sums "$out" >"$tmp/before"
		dd if=/dev/zero of="$tmp/disk/filler" bs=4k 2>/dev/null
		touch_input "true"
		build
		expect "a full disk (a real tmpfs)" "No space left on device"
		rm -f "$tmp/disk/filler"
		build
		[ "$rc" -eq 0 ] && ok "the same build once there is room again" ||
			bad "the build once there is room again" "$tmp/err"
	fi
	umount "$tmp/disk" && mounted=
	out=$out_real
	restore
	build
	sums "$out" >"$tmp/before"
else
	echo "skip a real full disk: needs root and mount"
fi

# A real unwritable folder: as nobody, when root; else as ourselves.
touch_input "bold"
chmod -R a+rX "$tmp"
chmod a-w "$out/riverford"
if [ "$(id -u)" -eq 0 ]; then
	nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	# nobody must reach jtai, the data folder and the inspection (a
	# checkout under a private home folder is out of its reach)
	if command -v setpriv >/dev/null 2>&1 &&
		nobody "$jtai" --version >/dev/null 2>&1 &&
		nobody test -r "$JTAI_DATADIR/fonts/fonts.yaml" &&
		nobody test -r "$ins/inspection.yaml"; then
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			env JTAI_DATADIR="$JTAI_DATADIR" "$jtai" build -q "$ins" -o "$out" \
			>"$tmp/stdout" 2>"$tmp/err"
		rc=$?
		expect "an unwritable output folder (as nobody)" "Permission denied"
	else
		echo "skip a real unwritable folder: the user nobody cannot run jtai here"
	fi
else
	build
	expect "an unwritable output folder" "Permission denied"
fi
chmod u+w "$out/riverford"
restore

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
