#!/bin/sh
# The charts end to end (docs/charts.md). Builds every sample under
# samples/, then:
#
#   - each letter.pdf holds no image (every chart is vector graphics), and
#     its text (pdftotext) holds each chart's title and row labels (the
#     row headers of the data table in the chart's SVG);
#   - every charts/*.svg is well-formed XML (xmllint);
#   - jtai chart draws every chart NAME from each merged.yaml as SVG and as
#     PNG (--png --dpi 150: 945 pixels wide), twice, the same bytes each
#     time, the SVG the same bytes as the build's charts/NAME.svg; the
#     judgements chart of an ungraded framework is refused (exit 1, no
#     file); an unknown NAME or a bad --dpi is wrong usage (exit 2);
#   - every sample's SVGs inlined together in one XHTML page are well-formed
#     and define no id twice; when chromium is installed, the page is
#     opened in it and a script checks that every reference (href,
#     clip-path), if any, resolves inside its own <svg>, and that every
#     chart has a size and text, all of it inside the chart's box.
#
# Without pdfimages, pdftotext (poppler-utils) or xmllint (libxml2-utils)
# the test is skipped (exit 77).
#
#   tests/chart/run.sh JTAI
set -u
jtai=${1:?usage: run.sh path/to/jtai}
case $jtai in /*) ;; *) jtai=$(pwd)/$jtai ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JTAI_DATADIR="${JTAI_DATADIR:-$root}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
names="findings-by-agency case-audit judgements timeline"

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

for tool in pdfimages pdftotext xmllint; do
	command -v $tool >/dev/null 2>&1 || {
		echo "skip: $tool not found (tools/install-deps.sh installs it)"
		exit 77
	}
done

# The text of an SVG's data table's row headers, one a line, unescaped.
row_labels() {
	grep -o '<jtai:th scope="row">[^<]*' "$1" | sed \
		-e 's/^<jtai:th scope="row">//' -e 's/&lt;/</g' -e 's/&gt;/>/g' \
		-e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&#35;/#/g' -e 's/&amp;/\&/g'
}

# The chart's title: its <title> (the alt text) up to the first '.', ','
# or ' (' ("Timeline of the inspection in Riverford, in working days").
chart_title() {
	sed -n 's/^<title>\([^.,(]*\).*/\1/p' "$1" | sed 's/ *$//' | head -1
}

squeeze() { tr -d ' \t\n'; }

mkdir -p "$tmp/out"
for dir in "$root"/samples/*/; do
	[ -f "$dir/inspection.yaml" ] || continue
	"$jtai" build -q -o "$tmp/out" "${dir%/}" >"$tmp/log" 2>&1 ||
		{ bad "$(basename "$dir"): build failed"; cat "$tmp/log"; }
done

for out in "$tmp"/out/*/; do
	name=$(basename "$out")
	pdf="$out/letter.pdf"
	[ -f "$pdf" ] || { bad "$name: no letter.pdf"; continue; }
	images=$(pdfimages -list "$pdf" 2>/dev/null | tail -n +3)
	if [ -z "$images" ]; then ok "$name: no image in the PDF"
	else bad "$name: the PDF holds images:"; echo "$images"; fi
	pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | squeeze >"$tmp/text"
	for svg in "$out"/charts/*.svg; do
		chart=$(basename "$svg" .svg)
		if xmllint --noout "$svg" 2>"$tmp/xml"; then
			ok "$name: charts/$chart.svg is well-formed"
		else bad "$name: charts/$chart.svg"; cat "$tmp/xml"; fi
		missing=$({ chart_title "$svg"; row_labels "$svg"; } |
			while IFS= read -r label; do
				w=$(printf '%s' "$label" | squeeze)
				grep -qF -- "$w" "$tmp/text" || echo "$label"
			done)
		if [ -z "$missing" ]; then ok "$name: $chart's labels in the PDF text"
		else bad "$name: $chart's labels missing from the PDF text:"
			echo "$missing"; fi
	done
done

# jtai chart
run_chart() { # merged name file [options]
	m=$1 n=$2 f=$3
	shift 3
	"$jtai" chart "$m" "$n" -o "$f" "$@" 2>"$tmp/err"
}
for out in "$tmp"/out/*/; do
	name=$(basename "$out")
	merged="$out/merged.yaml"
	graded=$(sed -n '/^judgements:/,/^[a-z]/s/^  graded: //p' "$merged")
	for n in $names; do
		c="$tmp/c-$name-$n"
		if [ "$n" = judgements ] && [ "$graded" != true ]; then
			run_chart "$merged" $n "$c.svg"
			rc=$?
			if [ $rc -eq 1 ] && [ ! -e "$c.svg" ] &&
			   grep -q 'merged.yaml:[0-9]*:[0-9]*: error: the judgements chart needs a graded framework' "$tmp/err"
			then ok "$name: $n refused, located, no file"
			else bad "$name: $n of an ungraded framework: exit $rc"; cat "$tmp/err"; fi
			continue
		fi
		if run_chart "$merged" $n "$c.svg" && run_chart "$merged" $n "$c.2.svg" &&
		   run_chart "$merged" $n "$c.png" --png --dpi 150 &&
		   run_chart "$merged" $n "$c.2.png" --png --dpi 150
		then ok "$name: jtai chart $n (SVG, PNG)"
		else bad "$name: jtai chart $n failed"; cat "$tmp/err"; continue; fi
		if cmp -s "$c.svg" "$c.2.svg" && cmp -s "$c.png" "$c.2.png"
		then ok "$name: $n the same bytes twice"
		else bad "$name: $n differs between two runs"; fi
		if xmllint --noout "$c.svg" 2>"$tmp/xml"; then ok "$name: $n SVG is well-formed"
		else bad "$name: $n SVG"; cat "$tmp/xml"; fi
		if [ -f "$out/charts/$n.svg" ]; then
			if cmp -s "$c.svg" "$out/charts/$n.svg"
			then ok "$name: $n as jtai build wrote it"
			else bad "$name: $n differs from the build's charts/$n.svg"; fi
		fi
		# PNG signature, then IHDR's width (bytes 17 to 20)
		sig=$(od -An -tx1 -N8 "$c.png" | tr -d ' \n')
		width=$(od -An -tu1 -j16 -N4 "$c.png" |
			awk '{print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4}')
		if [ "$sig" = 89504e470d0a1a0a ] && [ "$width" = 945 ]
		then ok "$name: $n PNG, 945 pixels wide at 150 dpi"
		else bad "$name: $n PNG: signature $sig, width $width"; fi
	done
done
some=$(ls "$tmp"/out/*/merged.yaml | head -1)
"$jtai" chart "$some" findings-by-agenc -o "$tmp/x.svg" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ ! -e "$tmp/x.svg" ] && grep -q "unknown chart 'findings-by-agenc'" "$tmp/err"
then ok "an unknown chart is wrong usage"
else bad "an unknown chart: exit $rc"; cat "$tmp/err"; fi
"$jtai" chart "$some" timeline --png --dpi 5 -o "$tmp/x.png" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ ! -e "$tmp/x.png" ]; then ok "--dpi 5 is wrong usage"
else bad "--dpi 5: exit $rc"; cat "$tmp/err"; fi

# Every sample's SVGs in one page.
page="$tmp/charts.xhtml"
{
	echo '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/><title>charts</title></head><body>'
	for svg in "$tmp"/out/*/charts/*.svg; do sed 1d "$svg"; done
	cat <<'EOF'
<p id="result">not run</p>
<script>
//<![CDATA[
(function () {
	var bad = [], svgs = document.querySelectorAll("body > svg");
	var seen = {};
	document.querySelectorAll("[id]").forEach(function (e) {
		if (seen[e.id]) bad.push("id twice: " + e.id);
		seen[e.id] = true;
	});
	var xlink = "http://www.w3.org/1999/xlink", n = 0;
	document.querySelectorAll("body > svg *").forEach(function (e) {
		var refs = [];
		[e.getAttribute("href"), e.getAttributeNS(xlink, "href")]
			.forEach(function (r) {
				var m = r && /^#(.+)$/.exec(r);
				if (m) refs.push(m[1]);
			});
		["clip-path", "mask", "fill", "stroke", "filter"]
			.forEach(function (a) {
				var m = /^url\(#(.+)\)$/.exec(e.getAttribute(a) || "");
				if (m) refs.push(m[1]);
			});
		refs.forEach(function (id) {
			var t = document.getElementById(id);
			n++;
			if (!t || t.closest("svg") !== e.closest("svg"))
				bad.push("unresolved in its own svg: " + id);
		});
	});
	svgs.forEach(function (s, i) {
		var b = s.getBBox(), v = s.viewBox.baseVal, texts = s.querySelectorAll("text");
		if (!(b.width > 100 && b.height > 10)) bad.push("svg " + i + " has no size");
		if (texts.length === 0) bad.push("svg " + i + " has no text");
		texts.forEach(function (t) {
			var tb = t.getBBox();
			/* a glyph's ink may reach a point past its origin */
			if (tb.x < v.x - 1 || tb.y < v.y - 1 ||
			    tb.x + tb.width > v.x + v.width + 1 ||
			    tb.y + tb.height > v.y + v.height + 1)
				bad.push("svg " + i + ": text outside the chart: " + t.textContent + " " + [tb.x, tb.y, tb.width, tb.height].join(","));
		});
	});
	document.getElementById("result").textContent = bad.length
		? "charts-bad " + bad.slice(0, 5).join("; ")
		: "charts-ok " + svgs.length;
})();
//]]>
</script></body></html>
EOF
} >"$page"
nsvg=$(ls "$tmp"/out/*/charts/*.svg | wc -l)
if xmllint --noout "$page" 2>"$tmp/xml"; then ok "$nsvg SVGs in one page: well-formed"
else bad "$nsvg SVGs in one page"; head -20 "$tmp/xml"; fi
dup=$(grep -o ' id="[^"]*"' "$page" | sort | uniq -d | head -5)
if [ -z "$dup" ]; then ok "$nsvg SVGs in one page: no id twice"
else bad "ids defined twice in one page:"; echo "$dup"; fi
chromium=
for c in chromium chromium-browser google-chrome; do
	command -v $c >/dev/null 2>&1 && { chromium=$c; break; }
done
if [ -n "$chromium" ]; then
	timeout 60 "$chromium" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$tmp/profile" --no-first-run --dump-dom \
		"file://$page" >"$tmp/dom" 2>/dev/null
	result=$(grep -o '<p id="result">[^<]*' "$tmp/dom" | sed 's/.*>//')
	if [ "$result" = "charts-ok $nsvg" ]; then ok "chromium: $result"
	else bad "chromium: ${result:-no result}"; fi
else
	echo "skip chromium: not found (tools/install-deps.sh installs it)"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
