#!/bin/bash
# Bash completion (completions/jtai.bash): runs its completion function on
# command lines, as bash would on Tab, and checks what it offers: the
# commands (each cmd_<name> of pipeline/cli/commands.h), each command's options, the
# values of --format, --explain and --framework (with user frameworks from
# JTAI_TEMPLATES and --templates), the dates subcommands, and only folders
# that are or lead to inspections.
#
#   tests/install/completion.sh JTAI
set -u
jtai=${1:?usage: completion.sh path/to/jtai}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JTAI_DATADIR="${JTAI_DATADIR:-$root}"
unset JTAI_TEMPLATES
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# shellcheck source=../../completions/jtai.bash
. "$root/completions/jtai.bash"

# offers WORD...: what Tab offers for the last word (sorted, one line).
offers() {
	COMP_WORDS=("$jtai" "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_jtai 2>/dev/null
	printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ' |
		sed 's/ $//'
}

expect() { # description, expected, actual
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1)); echo "ok   $1"
	else
		fail=$((fail + 1)); echo "FAIL $1"
		echo "     expected: $2"
		echo "     offered:  $3"
	fi
}

commands=$( (sed -n 's/^int cmd_\([a-z]*\)(.*/\1/p' \
	"$root/pipeline/cli/commands.h"; echo help) | sort | tr '\n' ' ' |
	sed 's/ $//')
expect "the commands (each cmd_<name> of cli/commands.h, and help)" \
	"$commands" "$(offers '')"
expect "help: the pages" "schema" "$(offers help sch)"
expect "help: the commands' pages" "build" "$(offers help bu)"
expect "help: --man" "--man" "$(offers help --m)"
expect "commands by prefix" "chart check" "$(offers ch)"
expect "global options" "--templates --templates-path" "$(offers --templ)"
expect "check's options" "--explain --format --help --templates --werror" \
	"$(offers check --)"
expect "options after other arguments" "--werror" \
	"$(offers check --format json samples --we)"

# every option of every command's --help is offered (help: tested above)
for cmd in $commands; do
	[ "$cmd" = help ] && continue
	want=$("$jtai" "$cmd" --help | sed -n 's/^ *\(-[^ ].*\)$/\1/p' |
		sed 's/   *.*//' | grep -oE -- '-{1,2}[a-zA-Z][-a-zA-Z0-9]*' | sort -u)
	got=$(offers "$cmd" -)
	missing=
	for o in $want; do
		case " $got " in *" $o "*) ;; *) missing="$missing $o" ;; esac
	done
	expect "$cmd: every option of its --help" "" "${missing# }"
done

expect "--format values" "github json text" "$(offers check --format '')"
expect "build --format values" "github json text" "$(offers build --format '')"
expect "diff --format values" "github json markdown text" \
	"$(offers diff --format '')"
expect "diff -f values (diff's -f is --format)" "github json markdown text" \
	"$(offers diff -f '')"
expect "build --watch" "--watch" "$(offers build --wat)"
expect "--explain rules" "pd-phone pd-postcode" "$(offers check --explain pd-p)"
expect "--explain all" "all" "$(offers check --explain al)"
expect "dates subcommands" "add between is-working" "$(offers dates '')"

builtin=$(cd "$root/templates" && ls -d */ | tr -d / | sort | tr '\n' ' ' |
	sed 's/ $//')
expect "frameworks" "$builtin" "$(offers new --framework '')"
mkdir -p "$tmp/mine/westmoor-2030" "$tmp/other/pilot"
touch "$tmp/mine/westmoor-2030/framework.yaml" "$tmp/other/pilot/framework.yaml"
expect "frameworks from JTAI_TEMPLATES" "westmoor-2030" \
	"$(JTAI_TEMPLATES=$tmp/mine offers new -f west)"
expect "frameworks from --templates on the line" "pilot" \
	"$(offers --templates "$tmp/other" new --framework pi)"
expect "frameworks from --templates after the command" "pilot westmoor-2030" \
	"$(JTAI_TEMPLATES=$tmp/mine offers new --templates="$tmp/other" \
		--framework '' | tr ' ' '\n' | grep -v -e '^jtai' -e '^multi' \
		-e '^sif' | tr '\n' ' ' | sed 's/ $//')"

# folders: a/ is an inspection, b/ holds one, deep/ holds one four levels
# down (too deep), empty/ none
mkdir -p "$tmp/tree/a" "$tmp/tree/b/x" "$tmp/tree/deep/1/2/3/4" \
	"$tmp/tree/empty"
touch "$tmp/tree/a/inspection.yaml" "$tmp/tree/b/x/inspection.yaml" \
	"$tmp/tree/deep/1/2/3/4/inspection.yaml"
cd "$tmp/tree" || exit 1
expect "inspection folders for check" "a b" "$(offers check '')"
expect "inspection folders for build" "a b" "$(offers build -o out '')"
expect "inside a folder" "b/x" "$(offers merge b/)"
expect "no inspection folder under the prefix" "" "$(offers build e)"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
