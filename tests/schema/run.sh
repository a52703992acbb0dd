#!/bin/sh
# The JSON Schemas of docs/schema/ against jtai's own validator: every
# sample, every golden input, both malformed bases and every malformed case
# (tests/malformed/cases) is judged by the schemas (the YAML parsed as an
# editor does, by the npm package yaml; validated by ajv) and by `jtai check
# --format json`, file by file, and the verdicts compared (see README.md).
# ajv, ajv-formats and yaml (versions pinned below) are installed with npm
# on first use into CACHE.
#
#   tests/schema/run.sh JTAI [CACHE]    (CACHE: default JTAI's folder/schema-tools)
set -u
jtai=${1:?usage: run.sh path/to/jtai [cache-dir]}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
cache=${2:-$(dirname "$jtai")/schema-tools}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
packages="ajv@8.17.1 ajv-formats@3.0.1 yaml@2.6.1"
export JTAI_DATADIR="${JTAI_DATADIR:-$root}"

missing() {
	echo "FAIL $1" >&2
	echo "     $2" >&2
	echo "0 passed, 1 failed"
	exit 1
}

[ -x "$jtai" ] || missing "$jtai not found" "build jtai first (cmake --build build)"
for tool in node npm; do
	command -v $tool >/dev/null 2>&1 ||
		missing "$tool not found" "install Debian's nodejs and npm (tools/install-deps.sh)"
done
if [ "$(cat "$cache/versions" 2>/dev/null)" != "$packages" ]; then
	echo "installing $packages into $cache"
	log=$(mktemp)
	# shellcheck disable=SC2086 # packages is a list
	if mkdir -p "$cache" &&
		npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
			$packages >"$log" 2>&1; then
		echo "$packages" >"$cache/versions"
		rm -f "$log"
	else
		cat "$log" >&2
		rm -f "$log"
		missing "cannot install $packages with npm" \
			"is the npm registry reachable? see the log above"
	fi
fi
NODE_PATH="$cache/node_modules" exec node "$here/compare.js" "$jtai" "$root"
