#!/bin/sh
# Runs docs/tutorial.md: every command it shows, in order, in a fresh
# temporary folder, so that the tutorial never goes stale.
#
#   tests/tutorial/run.sh JTAI [TUTORIAL.md]
#
# The conventions of the page:
#   - A block fenced ```sh (at the start of a line) is run. Its info string
#     may add `exit=N`: the status it must end with (default 0); a block
#     expected to fail ends with the failing command.
#   - Each block runs as a script of its own, `bash -e -o pipefail`, in the
#     folder where the block before it ended (the first in an empty
#     folder): a `cd` carries over, nothing else does.
#   - A block fenced ```text that directly follows a ```sh block (nothing
#     but blank lines between them) shows what that block prints: each of
#     its lines must be a whole line of the output (standard output and
#     standard error together; trailing blanks ignored), in any order.
#     A line `...` stands for lines left out; blank lines are skipped.
#   - Every other block (```yaml, ```json, a ```text block after prose) is
#     only shown.
#
# The environment: jtai on PATH (the binary given, alone in a folder of
# its own), JTAI_DATADIR the source tree (unless set), a HOME of its own,
# git with no global or system configuration, its identity and dates from
# the environment, TZ=UTC, LC_ALL=C.UTF-8 and NO_COLOR. Afterwards every
# PDF the tutorial made must pass `qpdf --check` (when qpdf is installed),
# and the letter's PDF, HTML, Markdown, merged.yaml and charts must exist.
set -u
jtai=${1:?usage: run.sh path/to/jtai [TUTORIAL.md]}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
page=${2:-$root/docs/tutorial.md}
[ -x "$jtai" ] || { echo "run.sh: $jtai is not executable" >&2; exit 1; }
[ -r "$page" ] || { echo "run.sh: cannot read $page" >&2; exit 1; }
command -v bash >/dev/null 2>&1 || { echo "run.sh: needs bash" >&2; exit 1; }
command -v git >/dev/null 2>&1 || { echo "run.sh: needs git" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/home" "$tmp/work" "$tmp/blocks"
ln -s "$jtai" "$tmp/bin/jtai"

# The blocks: NNN.sh (the commands), NNN.exit (the status expected) and,
# when the page shows its output, NNN.expect.
awk -v dir="$tmp/blocks" '
	function name(ext) { return sprintf("%s/%03d.%s", dir, n, ext) }
	infence == "" && /^```sh([ \t]|$)/ {
		n++; infence = "sh"; status = 0
		if (match($0, /[ \t]exit=[0-9]+/))
			status = substr($0, RSTART + 6, RLENGTH - 6) + 0
		print status > name("exit"); close(name("exit"))
		printf "" > name("sh")
		next
	}
	infence == "" && /^```text[ \t]*$/ && after {
		infence = "expect"; printf "" > name("expect"); next
	}
	infence == "" && /^```/ { infence = "other"; after = 0; next }
	infence != "" && /^```[ \t]*$/ {
		if (infence == "sh") { close(name("sh")); after = 1 }
		else if (infence == "expect") { close(name("expect")); after = 0 }
		infence = ""; next
	}
	infence == "sh" { print > name("sh"); next }
	infence == "expect" { print > name("expect"); next }
	infence == "" && !/^[ \t]*$/ { after = 0 }
	END { if (infence != "") { print "unclosed fence" > "/dev/stderr"; exit 1 } }
' "$page" || exit 1

nblocks=$(find "$tmp/blocks" -name '*.sh' | wc -l)
nfences=$(grep -cE '^```sh([[:blank:]]|$)' "$page")
if [ "$nblocks" -eq 0 ] || [ "$nblocks" -ne "$nfences" ]; then
	echo "FAIL found $nblocks blocks to run, $nfences \`\`\`sh fences in $page"
	exit 1
fi

export PATH="$tmp/bin:$PATH" HOME="$tmp/home" TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
export JTAI_DATADIR="${JTAI_DATADIR:-$root}"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Tutorial Writer" GIT_AUTHOR_EMAIL=writer@example.invalid
export GIT_COMMITTER_NAME="Tutorial Writer" GIT_COMMITTER_EMAIL=writer@example.invalid
export GIT_AUTHOR_DATE="2026-03-20T12:00:00Z" GIT_COMMITTER_DATE="2026-03-20T12:00:00Z"
unset XDG_CONFIG_HOME GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE JTAI_TEMPLATES \
	SOURCE_DATE_EPOCH LANG LANGUAGE

pass=0
fail=0
cwd="$tmp/work"
echo "$cwd" >"$tmp/cwd"
for blk in "$tmp"/blocks/*.sh; do
	base=${blk%.sh}
	num=$(basename "$base")
	want=$(cat "$base.exit")
	title=$(grep -v '^[ 	]*$' "$blk" | head -n 1)
	# a script of its own, so that -e holds; it records where it ended
	{
		printf 'trap '\''pwd >"%s"'\'' EXIT\n' "$tmp/cwd"
		cat "$blk"
	} >"$base.run"
	(cd "$cwd" && exec bash -e -o pipefail "$base.run") \
		</dev/null >"$base.out" 2>&1
	got=$?
	cwd=$(cat "$tmp/cwd")
	problems=
	[ "$got" -eq "$want" ] ||
		problems="exit status $got, expected $want"
	if [ -f "$base.expect" ]; then
		sed 's/[ 	]*$//' "$base.out" >"$base.norm"
		while IFS= read -r line; do
			line=$(printf '%s' "$line" | sed 's/[ 	]*$//')
			case $line in '' | '...') continue ;; esac
			grep -qxF -e "$line" "$base.norm" ||
				problems="$problems${problems:+; }missing line: $line"
		done <"$base.expect"
	fi
	if [ -z "$problems" ]; then
		pass=$((pass + 1))
		echo "ok   block $num: $title"
	else
		fail=$((fail + 1))
		echo "FAIL block $num: $title"
		echo "     $problems"
		echo "---- commands"
		cat "$blk"
		echo "---- output"
		cat "$base.out"
		echo "----"
	fi
done

# The tutorial's outputs.
check_file() { # what file
	if [ -s "$2" ]; then
		pass=$((pass + 1)); echo "ok   $1"
	else
		fail=$((fail + 1)); echo "FAIL $1: ${2#"$tmp/work/"} missing or empty"
	fi
}
letters=$(find "$tmp/work" -path '*/out/*/letter.pdf' | sort)
if [ -z "$letters" ]; then
	fail=$((fail + 1)); echo "FAIL the tutorial built no letter.pdf"
fi
for pdf in $letters; do
	d=$(dirname "$pdf")
	n=${d#"$tmp/work/"}
	check_file "$n/letter.pdf" "$pdf"
	check_file "$n/letter.html" "$d/letter.html"
	check_file "$n/letter.md" "$d/letter.md"
	check_file "$n/merged.yaml" "$d/merged.yaml"
	for svg in findings-by-agency case-audit timeline; do
		check_file "$n/charts/$svg.svg" "$d/charts/$svg.svg"
	done
	if head -c 5 "$pdf" | grep -q '^%PDF-' && grep -q '<html' "$d/letter.html"; then
		pass=$((pass + 1)); echo "ok   $n: a PDF and an HTML page"
	else
		fail=$((fail + 1)); echo "FAIL $n: letter.pdf or letter.html is not what it says"
	fi
done
if command -v qpdf >/dev/null 2>&1; then
	for pdf in $(find "$tmp/work" -name '*.pdf' | sort); do
		n=${pdf#"$tmp/work/"}
		if qpdf --check "$pdf" >"$tmp/qpdf.out" 2>&1; then
			pass=$((pass + 1)); echo "ok   qpdf --check $n"
		else
			fail=$((fail + 1)); echo "FAIL qpdf --check $n"; cat "$tmp/qpdf.out"
		fi
	done
else
	echo "skip qpdf --check (qpdf is not installed)"
fi

echo "tutorial: $pass passed, $fail failed ($nblocks blocks of $(basename "$page"))"
[ "$fail" -eq 0 ]
