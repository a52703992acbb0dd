#!/bin/sh
# The HTML letter, checked by an HTML validator and a browser. Builds every
# sample under samples/ (and every case under tests/golden/inputs/) into a
# temporary folder, renders tests/html/hostile.md (raw HTML and dangerous
# links that would write to the console if they ran), then:
#
#   - html-validate (npm, version pinned below; installed on first use
#     into CACHE) checks every letter.html with tests/html/htmlvalidate.json
#     (its "recommended" rules);
#   - headless Chromium opens each page: it must log no console message of
#     any kind, its DOM must hold the <main> landmark and no <script>, and
#     printed it must give A4 pages.
#
# A missing tool fails the test with what to install. Before trusting
# Chromium's silence, the script checks that it does report a console
# message from a page that logs one.
#
#   tests/html/run.sh JTAI [CACHE]    (CACHE: default JTAI's folder/html-tools)
set -u
jtai=${1:?usage: run.sh path/to/jtai [cache-dir]}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
cache=${2:-$(dirname "$jtai")/html-tools}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# 9.x is the last series that runs on Debian 12's nodejs (18.19 or later).
validator_version=9.7.1
export JTAI_DATADIR="${JTAI_DATADIR:-$root}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
missing() {
	echo "FAIL $1" >&2
	echo "     $2" >&2
	echo "0 passed, 1 failed"
	exit 1
}

# Tools.
[ -x "$jtai" ] || missing "$jtai not found" "build jtai first (cmake --build build)"
for tool in node npm; do
	command -v $tool >/dev/null 2>&1 ||
		missing "$tool not found" "install Debian's nodejs and npm (tools/install-deps.sh)"
done
node -e 'const [a, b] = process.versions.node.split(".").map(Number);
         process.exit(a > 18 || (a == 18 && b >= 19) ? 0 : 1)' ||
	missing "node $(node --version) is too old for html-validate $validator_version" \
		"it needs node 18.19 or later (Debian 12 has 18.20)"
chromium=
for c in chromium chromium-browser google-chrome; do
	command -v $c >/dev/null 2>&1 && { chromium=$c; break; }
done
[ -n "$chromium" ] ||
	missing "chromium not found" "install Debian's chromium (tools/install-deps.sh)"
validate="$cache/node_modules/.bin/html-validate"
if ! "$validate" --version 2>/dev/null | grep -q "$validator_version"; then
	echo "installing html-validate $validator_version into $cache"
	mkdir -p "$cache" &&
	npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
		"html-validate@$validator_version" >"$tmp/npm.log" 2>&1 ||
		{ cat "$tmp/npm.log" >&2
		  missing "cannot install html-validate $validator_version with npm" \
			"is the npm registry reachable? see the log above"; }
fi

# Chromium: load a page, dump its DOM, print it to PDF; stderr keeps the
# console messages ("INFO:CONSOLE:1] "text", source: ..." in Chromium 156;
# "CONSOLE(1)" in older ones).
browse() { # page.html -> page.dom, page.log, page.print.pdf
	timeout 60 "$chromium" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$tmp/profile" --no-first-run \
		--enable-logging=stderr --v=0 --no-pdf-header-footer \
		--print-to-pdf="${1%.html}.print.pdf" --dump-dom \
		"file://$1" >"${1%.html}.dom" 2>"${1%.html}.log"
}
console_lines() {
	grep -E 'CONSOLE[(:]' "$1" || true
}

printf '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">%s\n' \
	'<title>probe</title></head><body><script>console.error("probe")</script></body></html>' \
	>"$tmp/probe.html"
browse "$tmp/probe.html"
if console_lines "$tmp/probe.log" | grep -q probe; then
	ok "chromium reports console messages"
else
	bad "chromium reports no console message from a page that logs one: this check cannot work"
	cat "$tmp/probe.log"
	echo "$pass passed, $fail failed"
	exit 1
fi

# The letters.
mkdir -p "$tmp/out"
for dir in "$root"/samples/*/ "$root"/tests/golden/inputs/*/; do
	[ -f "$dir/inspection.yaml" ] || continue
	if "$jtai" build -q -o "$tmp/out" "${dir%/}" >"$tmp/log" 2>&1; then :
	else bad "$(basename "$dir"): build failed"; cat "$tmp/log"; fi
done
mkdir -p "$tmp/out/hostile"
if "$jtai" render --html -o "$tmp/out/hostile/letter.html" "$here/hostile.md" \
	>"$tmp/log" 2>&1; then :
else bad "hostile.md: render --html failed"; cat "$tmp/log"; fi

pages=$(ls "$tmp"/out/*/letter.html 2>/dev/null)
[ -n "$pages" ] || { bad "no letter.html was written"; pages=; }
# one validator run for every page (node starts in about a second)
if [ -n "$pages" ] && "$validate" --config "$here/htmlvalidate.json" \
	--formatter text $pages >"$tmp/v.log" 2>&1; then
	for page in $pages; do
		ok "$(basename "$(dirname "$page")"): html-validate"
	done
elif [ -n "$pages" ]; then
	for page in $pages; do
		name=$(basename "$(dirname "$page")")
		if grep -q "^$page:" "$tmp/v.log"; then
			bad "$name: html-validate"; grep "^$page:" "$tmp/v.log" | head -20
		else ok "$name: html-validate"; fi
	done
	grep -q "^/" "$tmp/v.log" || { bad "html-validate failed"; cat "$tmp/v.log"; }
fi
for page in $pages; do
	name=$(basename "$(dirname "$page")")
	browse "$page"
	base=${page%.html}
	msgs=$(console_lines "$base.log")
	if [ -z "$msgs" ]; then ok "$name: no console message in chromium"
	else bad "$name: chromium logged to the console:"; echo "$msgs"; fi
	if grep -q '<main id="main">' "$base.dom" && ! grep -qi '<script' "$base.dom"
	then ok "$name: chromium's DOM has <main> and no <script>"
	else bad "$name: chromium's DOM lacks <main> or holds a <script>"; fi
	if pdfinfo "$base.print.pdf" 2>/dev/null | grep -q '^Page size:.*(A4)'
	then ok "$name: prints on A4"
	else bad "$name: printing gave no A4 PDF"; fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
