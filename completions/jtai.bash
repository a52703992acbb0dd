# Bash completion for jtai (installed as share/bash-completion/completions/jtai).
#
# Everything is read from jtai itself when Tab is pressed, so it never falls
# out of step: the commands from 'jtai --help', each command's options from
# 'jtai CMD --help', the rules from 'jtai check --explain all', and the
# frameworks from the folders 'jtai --templates-path' prints (with any
# --templates DIR already on the line). Folders are offered to build, check
# and merge only when they hold an inspection (inspection.yaml) at most
# three levels down.

# The options a command's help lists: "  -o, --output FILE  where..." gives
# -o and --output.
_jtai_options()
{
	"$1" "$2" --help 2>/dev/null |
		sed -n 's/^ *\(-[^ ].*\)$/\1/p' |
		sed 's/   *.*//' |
		grep -oE '(^|[ ,])-{1,2}[a-zA-Z][-a-zA-Z0-9]*' |
		tr -d ' ,'
	echo --templates
}

# The frameworks on the search path, with the --templates DIRs of the line.
_jtai_frameworks()
{
	local jtai=$1 dir f
	shift
	"$jtai" "$@" --templates-path 2>/dev/null | while IFS= read -r dir; do
		for f in "$dir"/*/framework.yaml; do
			[ -f "$f" ] || continue
			f=${f%/framework.yaml}
			printf '%s\n' "${f##*/}"
		done
	done | sort -u
}

# Folders under the word being completed that are, or lead to, inspection
# folders.
_jtai_inspections()
{
	local d
	while IFS= read -r d; do
		if [ -f "$d/inspection.yaml" ] ||
			compgen -G "$d/*/inspection.yaml" >/dev/null ||
			compgen -G "$d/*/*/inspection.yaml" >/dev/null ||
			compgen -G "$d/*/*/*/inspection.yaml" >/dev/null; then
			printf '%s\n' "$d"
		fi
	done < <(compgen -d -- "$1")
}

# The commands 'jtai --help' lists.
_jtai_commands() {
	"$1" --help 2>/dev/null |
		sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/\1/p'
}

_jtai()
{
	local cur prev jtai cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	jtai=${COMP_WORDS[0]}
	COMPREPLY=()

	# the command (the first word after any global options) and the
	# --templates folders given so far
	local templates=() cmd_at=0
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--templates)
			templates+=(--templates "${COMP_WORDS[i + 1]}")
			((i++))
			;;
		--templates=*) templates+=("${COMP_WORDS[i]}") ;;
		-*) ;;
		*) [ $cmd_at -eq 0 ] && cmd_at=$i ;;
		esac
	done
	cmd=
	[ $cmd_at -gt 0 ] && cmd=${COMP_WORDS[cmd_at]}

	case $prev in
	--templates)
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		compopt -o filenames 2>/dev/null
		return
		;;
	--format)
		if [ "$cmd" = diff ]; then
			mapfile -t COMPREPLY < <(compgen -W "text markdown json github" \
				-- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W "text json github" -- "$cur")
		fi
		return
		;;
	-f | --framework)
		if [ "$cmd" = diff ]; then # diff's -f is --format
			mapfile -t COMPREPLY < <(compgen -W "text markdown json github" \
				-- "$cur")
			return
		fi
		mapfile -t COMPREPLY < <(compgen -W "$(_jtai_frameworks "$jtai" \
			"${templates[@]}")" -- "$cur")
		return
		;;
	--explain)
		mapfile -t COMPREPLY < <(compgen -W "all $("$jtai" check --explain all \
			2>/dev/null | cut -d' ' -f1)" -- "$cur")
		return
		;;
	--area | --notified | --dpi)
		return
		;;
	-o | --output | -m | --model)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		compopt -o filenames 2>/dev/null
		return
		;;
	esac

	if [ -z "$cmd" ]; then
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W "--help --version --templates \
				--templates-path" -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W "help $(_jtai_commands "$jtai")" \
				-- "$cur")
		fi
		return
	fi
	if [ "$cmd" = help ]; then
		# a page: a command's or the input files' (schema)
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W "--man" -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W "$(_jtai_commands "$jtai") \
				schema" -- "$cur")
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$(_jtai_options "$jtai" "$cmd" |
			sort -u)" -- "$cur")
		return
	fi
	case $cmd in
	build | check | merge)
		mapfile -t COMPREPLY < <(_jtai_inspections "$cur")
		compopt -o filenames 2>/dev/null
		;;
	dates)
		if [ "$COMP_CWORD" -eq $((cmd_at + 1)) ]; then
			mapfile -t COMPREPLY < <(compgen -W "$("$jtai" dates --help 2>/dev/null |
				sed -n 's/^.*jtai dates \([a-z-]*\).*/\1/p' | sort -u)" \
				-- "$cur")
		fi
		;;
	new)
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		compopt -o filenames 2>/dev/null
		;;
	*)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		compopt -o filenames 2>/dev/null
		;;
	esac
}
complete -F _jtai jtai
