#!/bin/sh
# The help and the man pages made from it (docs/cli.md, "How the help is
# written"). For every page (jtai, each command jtai --help lists, and
# schema):
#   - jtai help PAGE prints what jtai PAGE --help (and -h) prints;
#   - its man page in MANDIR is what jtai help --man PAGE makes, groff
#     finds nothing wrong in it, and rendered by man -l it says what --help
#     says, section by section, word for word: every option, example and
#     exit status in one is in the other (pages.js compare);
#   - every example runs, as typed, in a copy of samples/ built into out/
#     and held in a git repository whose last commit changed
#     hollinsby-sif: it exits 0, or the status its comment names ("exit
#     status 1"), prints what its comment says it prints ("(prints no)"),
#     and writes the file it names with -o; one whose comment says Ctrl-C
#     ends it gets SIGINT after 3 seconds;
# and the commands that read frameworks list --templates DIR and
# JTAI_TEMPLATES; jtai help schema has the keys of docs/schema.md (each
# required or not alike) and of docs/schema/*.schema.json.
# node (Debian's nodejs) reads the texts; man and groff render the pages.
#
#   tests/help/run.sh JTAI MANDIR     (MANDIR: the build folder's man/)
set -u
jtai=${1:?usage: run.sh path/to/jtai path/to/man-folder}
mandir=${2:?usage: run.sh path/to/jtai path/to/man-folder}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JTAI_DATADIR="$root" LC_ALL=C.UTF-8 MANPAGER=cat PAGER=cat
unset JTAI_TEMPLATES MANPATH MANWIDTH NO_COLOR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
indent() { sed 's/^/     /' "$@" | head -20; }
for tool in node man groff; do
	command -v $tool >/dev/null 2>&1 || {
		echo "FAIL $tool not found: tools/install-deps.sh installs it"
		echo "0 passed, 1 failed"
		exit 1
	}
done

commands=$("$jtai" --help | sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
summary() { # the summary jtai --help gives of command $1
	"$jtai" --help | sed -n "s/^  $1  *//p"
}
[ -n "$commands" ] && ok "jtai --help lists the commands" ||
	bad "jtai --help lists no commands"

# help_of PAGE FILE: the page's help text, and its man page's file.
help_of() {
	case $1 in
	jtai) "$jtai" --help >"$2"; man=$mandir/man1/jtai.1 ;;
	schema) "$jtai" help schema >"$2"; man=$mandir/man5/jtai-schema.5 ;;
	*) "$jtai" "$1" --help >"$2"; man=$mandir/man1/jtai-$1.1 ;;
	esac
}

# The texts and the man pages.
for page in jtai $commands schema; do
	help_of "$page" "$tmp/help"
	case $page in
	jtai) "$jtai" help >"$tmp/other"; what="jtai help" ;;
	schema) cp "$tmp/help" "$tmp/other"; what="jtai help schema" ;;
	*) "$jtai" help "$page" >"$tmp/other"; what="jtai help $page" ;;
	esac
	if [ -s "$tmp/help" ] && cmp -s "$tmp/help" "$tmp/other"; then
		ok "$page: $what prints the --help"
	else bad "$page: $what differs from the --help"; fi
	if [ "$page" != schema ] && [ "$page" != jtai ]; then
		"$jtai" "$page" -h >"$tmp/other"
		cmp -s "$tmp/help" "$tmp/other" && ok "$page: -h prints the --help" ||
			bad "$page: -h differs from --help"
	fi
	if [ ! -s "$man" ]; then
		bad "$page: no man page $man"
		continue
	fi
	"$jtai" help --man "$page" >"$tmp/roff" 2>&1
	cmp -s "$tmp/roff" "$man" && ok "$page: $(basename "$man") is jtai help --man's" ||
		{ bad "$page: $(basename "$man") differs from jtai help --man's"; indent "$tmp/roff"; }
	groff -man -ww -z -Tutf8 "$man" >"$tmp/groff" 2>&1
	[ ! -s "$tmp/groff" ] && ok "$page: groff finds nothing wrong" ||
		{ bad "$page: groff warns"; indent "$tmp/groff"; }
	MANWIDTH=1000 man -l "$man" >"$tmp/man" 2>"$tmp/err"
	# NAME: a command's summary as jtai --help lists it
	case $page in jtai | schema) sum=- ;; *) sum=$(summary "$page") ;; esac
	if node "$here/pages.js" compare "$tmp/help" "$tmp/man" "$page" "$sum" \
		>"$tmp/diff" 2>&1; then
		ok "$page: the man page says what --help says"
	else bad "$page: the man page and --help disagree"; indent "$tmp/diff"; fi
	# lines of 79 columns at most, printable ASCII
	if LC_ALL=C grep -n '[^ -~]' "$tmp/help" >"$tmp/odd" ||
		awk 'length > 79 { print NR": "$0 }' "$tmp/help" | grep . >"$tmp/odd"
	then bad "$page: a line too long or not ASCII"; indent "$tmp/odd"
	else ok "$page: 79 columns, ASCII"; fi
done

# The commands that read frameworks show --templates DIR and JTAI_TEMPLATES.
for cmd in build check merge draft diff new; do
	"$jtai" "$cmd" --help >"$tmp/help"
	if grep -q '^ *--templates DIR  ' "$tmp/help" &&
		grep -q '^  JTAI_TEMPLATES  ' "$tmp/help"; then
		ok "$cmd: --templates DIR and JTAI_TEMPLATES"
	else bad "$cmd: no --templates DIR or JTAI_TEMPLATES in its --help"; fi
done

# The schema page against docs/schema.md and the JSON Schemas.
"$jtai" help schema >"$tmp/schema"
if node "$here/pages.js" schema "$tmp/schema" "$root/docs/schema.md" \
	"$root/docs/schema" >"$tmp/diff" 2>&1; then
	ok "schema: the keys of docs/schema.md and docs/schema/*.json"
else bad "schema: jtai help schema and docs/schema.md or the JSON Schemas disagree"
	indent "$tmp/diff"; fi

# Wrong usage.
for args in "nowhere" "--man build extra" "--frobnicate"; do
	# shellcheck disable=SC2086
	"$jtai" help $args >"$tmp/out" 2>"$tmp/err"
	status=$?
	[ $status -eq 2 ] && [ ! -s "$tmp/out" ] && ok "jtai help $args: wrong usage" ||
		{ bad "jtai help $args: exit status $status"; indent "$tmp/out" "$tmp/err"; }
done

# The examples, in a copy of the samples built into out/, under git.
fixture=$tmp/fixture
mkdir -p "$fixture" "$tmp/bin"
ln -s "$jtai" "$tmp/bin/jtai"
cp -R "$root/samples" "$fixture/"
(cd "$fixture" && "$jtai" build -q samples -o out) >"$tmp/out" 2>&1 ||
	{ bad "the examples' fixture: jtai build samples"; indent "$tmp/out"; }
git_ok=no
if command -v git >/dev/null 2>&1; then
	g() { git -C "$fixture" -c user.name=jtai -c user.email=jtai@example.invalid "$@"; }
	f=$fixture/samples/hollinsby-sif/findings/ofsted.yaml
	sed 's/prompt action in each case/prompt action in every case/' "$f" >"$tmp/f"
	if ! cmp -s "$f" "$tmp/f" && g init -q && g add -A samples &&
		g commit -qm samples && cp "$tmp/f" "$f" &&
		g commit -qam "hollinsby-sif: a word changed"; then
		git_ok=yes
	else bad "the examples' fixture: a git repository"; fi
fi
for page in jtai $commands schema; do
	help_of "$page" "$tmp/help"
	node "$here/pages.js" examples "$tmp/help" >"$tmp/examples" || {
		bad "$page: its examples cannot be read"; continue; }
	[ -s "$tmp/examples" ] || { bad "$page: no example"; continue; }
	work=$tmp/ex-$page
	cp -R "$fixture" "$work"
	tab=$(printf '\t')
	while IFS=$tab read -r status prints how command; do
		case $command in *--rev*) if [ $git_ok = no ]; then
			echo "skip $page: $command (no git)"; continue; fi ;;
		esac
		if [ "$how" = ctrl-c ]; then
			# runs until Ctrl-C: SIGINT after 3 seconds, and again each
			# second (one sent before jtai took the signal is lost)
			rm -f "$tmp/pid" "$tmp/status"
			(cd "$work" && PATH=$tmp/bin:$PATH \
				sh -c "echo \$\$ >'$tmp/pid'; exec $command" \
				</dev/null >"$tmp/stdout" 2>"$tmp/stderr"
			echo $? >"$tmp/status") &
			sleep 3
			n=0
			while [ ! -s "$tmp/status" ] && [ $n -lt 300 ]; do
				[ $((n % 10)) -eq 0 ] && kill -INT "$(cat "$tmp/pid")" 2>/dev/null
				sleep 0.1
				n=$((n + 1))
			done
			[ -s "$tmp/status" ] || kill -KILL "$(cat "$tmp/pid")" 2>/dev/null
			wait
			(exit "$(cat "$tmp/status")")
		else
			(cd "$work" && PATH=$tmp/bin:$PATH timeout 120 sh -c "$command" \
				</dev/null >"$tmp/stdout" 2>"$tmp/stderr")
		fi
		got=$?
		why=
		[ $got -eq "$status" ] || why="exit status $got, not $status"
		if [ "$prints" != - ] && [ "$(cat "$tmp/stdout")" != "$prints" ]; then
			why="${why:+$why; }prints '$(head -c 200 "$tmp/stdout")', not '$prints'"
		fi
		out=$(printf '%s\n' "$command" | sed -n 's/.* -o \([^ ]*\).*/\1/p')
		if [ -n "$out" ] && [ "${command#jtai clean}" = "$command" ] &&
			[ ! -s "$work/$out" ] && [ ! -d "$work/$out" ]; then
			why="${why:+$why; }wrote no $out"
		fi
		if [ -z "$why" ]; then ok "$page: $command"
		else bad "$page: $command: $why"; indent "$tmp/stderr"; fi
	done <"$tmp/examples"
	rm -rf "$work"
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
