#!/bin/sh
# jtai build --watch (docs/build.md), end to end: a watcher left running on
# a folder of two inspections while the test edits them as a report writer
# would, and then Ctrl-C.
#   - the first build makes every target;
#   - an edited summary (saved by rename, as sed -i and many editors do)
#     remakes that inspection's targets only, each named on a line, and
#     the PDF changes; a comment remakes merged.yaml and letter.md only,
#     and the PDF keeps its bytes;
#   - a YAML error prints its located error (the same line as jtai check),
#     the watcher goes on, the previous PDF stays as it was; the fix
#     rebuilds;
#   - a findings file removed is an error; created anew (by rename) it is
#     picked up; an inspection folder copied in is built, and a file in it
#     edited is rebuilt (new folders are watched);
#   - editors' temporary files wake nothing;
#   - SIGINT: exit status 130, no temporary file, no build marked running;
#   - with no inotify watch left (a user namespace with a limit of 3), a
#     clear error and exit status 1.
# Every wait polls with a time limit: nothing sleeps for long.
#
#   tests/build/watch.sh JTAI
set -u
jtai=${1:?usage: watch.sh path/to/jtai}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# A data folder of our own, so that edits elsewhere in the tree's
# templates cannot wake the watcher.
mkdir -p "$tmp/data"
cp -R "$root/templates" "$root/fonts" "$tmp/data/"
export JTAI_DATADIR="$tmp/data"
unset JTAI_TEMPLATES
mkdir -p "$tmp/w"
cp -R "$root/samples/riverford-front-door" "$tmp/w/r"
cp -R "$root/samples/hollinsby-sif" "$tmp/w/h"
cd "$tmp/w" || exit 1
cqc=r/findings/cqc.yaml
out=$tmp/log
err=$tmp/err

# within SECONDS CMD...: runs CMD every 50 ms until it succeeds; fails after
# SECONDS, or at once when the watcher is gone.
within() {
	limit=$(($1 * 20))
	shift
	n=0
	until "$@"; do
		n=$((n + 1))
		if [ $n -gt $limit ] || ! kill -0 "$pid" 2>/dev/null; then
			return 1
		fi
		sleep 0.05
	done
}
# Lines of the log since mark (a line count), without the [k/N] counter.
since() { tail -n +$((mark + 1)) "$out" | sed 's/^\[[0-9]*\/[0-9]*\] //'; }
# idle TEXT: the log has TEXT since mark and no build is running.
idle() { since | grep -qx "$1" && [ ! -e out/.jtai/running ]; }
# idle_err PATTERN: stderr has PATTERN since emark, no build running.
idle_err() {
	tail -n +$((emark + 1)) "$err" | grep -q "$1" && [ ! -e out/.jtai/running ]
}
marks() {
	mark=$(wc -l <"$out")
	emark=$(wc -l <"$err")
}

"$jtai" build --watch -j2 -o out . >"$out" 2>"$err" &
pid=$!
mark=0
emark=0
if within 30 idle "render r/letter.html" && within 30 idle "render h/letter.html"
then ok "the first build makes every target"
else bad "the first build"; cat "$out" "$err"; exit 1; fi
since | grep '^[a-z]* r/' >"$tmp/r.targets"
cp out/r/letter.pdf "$tmp/pdf.0"

# A summary reworded, saved by rename.
marks
sed -i 's/refer promptly/refer at once/' "$cqc"
if within 15 idle "render r/letter.html"; then
	since >"$tmp/got"
	if cmp -s "$tmp/got" "$tmp/r.targets"
	then ok "an edited summary: r's targets remade, one line each, no other"
	else bad "an edited summary: the lines"; diff "$tmp/r.targets" "$tmp/got"; fi
	if ! cmp -s out/r/letter.pdf "$tmp/pdf.0"
	then ok "an edited summary: the PDF changed"
	else bad "an edited summary: the PDF is as it was"; fi
else
	bad "an edited summary: no rebuild"; cat "$out" "$err"
fi
cp out/r/letter.pdf "$tmp/pdf.1"

# A comment, written in place: merged.yaml comes out the same, letter.md is
# drafted again (the checks read the findings), nothing else is made.
marks
printf '# reviewed\n' >>"$cqc"
if within 15 idle "draft r/letter.md" && sleep 0.3 &&
	[ "$(since | tr '\n' ' ')" = "merge r/merged.yaml draft r/letter.md " ] &&
	cmp -s out/r/letter.pdf "$tmp/pdf.1"
then ok "a comment: merge and draft only, the PDF keeps its bytes"
else bad "a comment"; since; fi

# Editors' temporary files (vim's swap file and write probe, a backup, an
# Emacs lock) wake nothing.
marks
: >r/findings/.cqc.yaml.swp
: >r/findings/4913
rm r/findings/4913
cp "$cqc" "$cqc~"
ln -s nowhere "r/findings/.#cqc.yaml"
sleep 0.5
if [ "$(wc -l <"$out")" -eq "$mark" ] && [ "$(wc -l <"$err")" -eq "$emark" ] &&
	[ ! -e out/.jtai/running ]
then ok "editors' temporary files wake nothing"
else bad "editors' temporary files"; since; fi
rm -f r/findings/.cqc.yaml.swp "$cqc~" "r/findings/.#cqc.yaml"

# A YAML error: located, the watcher goes on, the PDF stays.
marks
cp "$cqc" "$tmp/cqc.good"
sed -i '7s/.*/    kind: headline: x/' "$cqc"
want="./$cqc:7:19: error: malformed YAML: mapping values are not allowed in this context"
if within 15 idle_err "error:" &&
	tail -n +$((emark + 1)) "$err" | grep -qxF "$want" &&
	"$jtai" check . 2>&1 | grep -qxF "$want"
then ok "a YAML error: $want"
else bad "a YAML error"; tail -n +$((emark + 1)) "$err"; fi
sleep 0.3
if kill -0 "$pid" 2>/dev/null && cmp -s out/r/letter.pdf "$tmp/pdf.1" &&
	[ "$(wc -l <"$out")" -eq "$mark" ]
then ok "a YAML error: still watching, the PDF intact, no target made"
else bad "a YAML error: the watcher or the PDF"; since; fi

# The fix (reworded again, so that the letter differs): rebuilt.
marks
sed 's/refer at once/refer the same day/' "$tmp/cqc.good" >"$cqc"
if within 15 idle "render r/letter.html" &&
	! cmp -s out/r/letter.pdf "$tmp/pdf.1" &&
	[ "$(tail -n +$((emark + 1)) "$err" | wc -l)" -eq 0 ]
then ok "fixed: rebuilt, no diagnostic"
else bad "fixed"; since; tail -n +$((emark + 1)) "$err"; fi
cp out/r/letter.pdf "$tmp/pdf.2"

# A findings file removed, then created anew by rename.
marks
mv r/findings/hmicfrs.yaml "$tmp/hmicfrs.yaml"
if within 15 idle_err "no findings file for inspectorate 'hmicfrs'" &&
	cmp -s out/r/letter.pdf "$tmp/pdf.2"
then ok "a findings file removed: an error, the PDF intact"
else bad "a findings file removed"; tail -n +$((emark + 1)) "$err"; fi
marks
sed 's/^\(    summary: \)/\1Newly, /' "$tmp/hmicfrs.yaml" >r/findings/.hmicfrs.yaml.new
mv r/findings/.hmicfrs.yaml.new r/findings/hmicfrs.yaml
if within 15 idle "render r/letter.html" &&
	! cmp -s out/r/letter.pdf "$tmp/pdf.2" &&
	[ "$(tail -n +$((emark + 1)) "$err" | wc -l)" -eq 0 ] &&
	! since | grep -q ' h/'
then ok "a new findings file (made by rename) is picked up"
else bad "a new findings file"; since; tail -n +$((emark + 1)) "$err"; fi

# A new inspection folder copied in, then a file in it edited.
marks
mkdir -p more
cp -R "$root/samples/riverford-front-door" more/r2
if within 30 idle "render r2/letter.html" && ! since | grep -q ' [rh]/'
then ok "a new inspection folder is built"
else bad "a new inspection folder"; since; cat "$err"; fi
cp out/r2/letter.pdf "$tmp/pdf.r2"
marks
sed -i 's/refer promptly/refer within the hour/' more/r2/findings/cqc.yaml
if within 15 idle "render r2/letter.html" &&
	! cmp -s out/r2/letter.pdf "$tmp/pdf.r2"
then ok "a file in a new folder: rebuilt (new folders are watched)"
else bad "a file in a new folder"; since; fi

# SIGINT: 130, nothing temporary left, no build marked running.
kill -INT "$pid"
wait "$pid"
status=$?
pid=
left=$(find out -name '.*tmp*' -o -name '*.tmp' | head -3)
if [ $status -eq 130 ] && [ -z "$left" ] && [ ! -e out/.jtai/running ]
then ok "SIGINT: exit status 130, no temporary file"
else bad "SIGINT: exit status $status, left: $left"; fi

# SIGTERM while a build runs: it finishes, then 130.
rm -rf out
"$jtai" build --watch -j1 -o out . >"$out" 2>"$err" &
pid=$!
within 15 test -e out/.jtai/running
kill -TERM "$pid"
wait "$pid"
status=$?
pid=
left=$(find out -name '.*tmp*' -o -name '*.tmp' | head -3)
if [ $status -eq 130 ] && [ -z "$left" ] && [ ! -e out/.jtai/running ]
then ok "SIGTERM during a build: exit status 130, no temporary file"
else bad "SIGTERM during a build: exit status $status, left: $left"; fi

# Wrong usage.
"$jtai" build --watch -n . >"$tmp/o" 2>"$tmp/e"
if [ $? -eq 2 ] && grep -q -- "--watch" "$tmp/e"
then ok "--watch with -n: wrong usage"
else bad "--watch with -n"; cat "$tmp/o" "$tmp/e"; fi
"$jtai" build --watch nowhere >"$tmp/o" 2>"$tmp/e"
if [ $? -eq 1 ] && grep -qx "nowhere: error: not a folder" "$tmp/e"
then ok "--watch on a missing folder: an error"
else bad "--watch on a missing folder"; cat "$tmp/o" "$tmp/e"; fi

# No inotify watch left: a user namespace of our own with a limit of 3.
if unshare -Ur sh -c 'echo 3 >/proc/sys/user/max_inotify_watches' 2>/dev/null
then
	unshare -Ur sh -c 'echo 3 >/proc/sys/user/max_inotify_watches &&
		exec "$0" build --watch -o out .' "$jtai" >"$tmp/o" 2>"$tmp/e"
	status=$?
	if [ $status -eq 1 ] &&
		grep -q "error: cannot watch this folder for changes: the system's limit of inotify watches is reached" "$tmp/e"
	then ok "no inotify watch left: a clear error, exit status 1"
	else bad "no inotify watch left: exit status $status"; cat "$tmp/e"; fi
else
	echo "skip no inotify watch left: no user namespace here"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
