#!/bin/sh
# Installing jtai (docs/install.md). From the build folder BUILD:
#   - `cmake --install` into a temporary root puts jtai, the frameworks, the
#     font manifest, the JSON Schemas, bash completion, the docs and the
#     samples (as examples) in their places;
#   - the installed jtai, with no JTAI_DATADIR, finds its data beside itself
#     (bin/../share/jtai), builds a copied sample from a temporary folder,
#     byte for byte as the build tree's jtai does, and takes user
#     frameworks from --templates and JTAI_TEMPLATES, before its own;
#   - the man pages made from the help are installed, and man renders
#     them there (MANPATH=.../share/man man jtai);
#   - jtai --version names jtai's version and each library's;
#   - when cpack and dpkg-deb are there, `cpack -G DEB` makes a package
#     holding the same files (the man pages among them, which man
#     renders from the unpacked package), with its dependencies declared.
#
#   tests/install/run.sh BUILD
set -u
build=${1:?usage: run.sh path/to/build-folder}
build=$(cd "$build" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { # description, command...
	what=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then ok "$what"; else bad "$what"; sed 's/^/     /' "$tmp/out" | head -20; fi
}

dest="$tmp/root"
if ! DESTDIR="$dest" cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1; then
	bad "cmake --install"; cat "$tmp/install.log"
	echo "$pass passed, $fail failed"; exit 1
fi
ok "cmake --install"
usr="$dest/usr"
jtai="$usr/bin/jtai"
for f in bin/jtai share/jtai/fonts/fonts.yaml share/jtai/templates/inspectorates.yaml \
	share/jtai/schema/inspection.schema.json share/jtai/schema/findings.schema.json \
	share/jtai/schema/cases.schema.json share/bash-completion/completions/jtai \
	share/doc/jtai/README.md share/doc/jtai/install.md; do
	check "installs $f" test -s "$usr/$f"
done
for fw in "$root"/templates/*/framework.yaml; do
	fw=$(basename "$(dirname "$fw")")
	check "installs the framework $fw" \
		diff -r "$root/templates/$fw" "$usr/share/jtai/templates/$fw"
done
# The man pages, made from the help at build time (BUILD/man/): one for
# jtai, one for each command jtai --help lists and jtai-schema(5), each
# installed, and man finds and renders them in the installed tree.
pages=
for cmd in '' $("$build/jtai" --help | sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/-\1/p'); do
	pages="$pages man1/jtai$cmd.1"
done
for page in $pages man5/jtai-schema.5; do
	# compressed as Debian installs them (gzip -9n), the page made by jtai
	check "installs the man page $page.gz" sh -c \
		"gzip -dc '$usr/share/man/$page.gz' | cmp -s - '$build/man/$page'"
	check "$page.gz holds no name or time" sh -c \
		"gzip -lv '$usr/share/man/$page.gz' >/dev/null &&
		 [ \"\$(od -An -tx1 -j4 -N4 '$usr/share/man/$page.gz' | tr -d ' ')\" = 00000000 ]"
done
if command -v man >/dev/null 2>&1; then
	# man_renders ROOT NAME...: man finds each page under ROOT/usr/share/man
	man_renders() {
		r=$1
		shift
		env -u MANWIDTH MANPATH="$r/usr/share/man" MANPAGER=cat PAGER=cat \
			LC_ALL=C.UTF-8 man "$@" >"$tmp/man.txt" 2>"$tmp/man.err" &&
			grep -q "^NAME" "$tmp/man.txt" &&
			grep -q "^SYNOPSIS" "$tmp/man.txt" &&
			grep -q "^       jtai.* - " "$tmp/man.txt"
	}
	check "man -l renders the installed jtai.1.gz" sh -c \
		"MANPAGER=cat man -l '$usr/share/man/man1/jtai.1.gz' | grep -q '^SEE ALSO'"
	check "MANPATH=... man jtai" man_renders "$dest" jtai
	check "MANPATH=... man jtai-build" man_renders "$dest" jtai-build
	check "MANPATH=... man 5 jtai-schema" man_renders "$dest" 5 jtai-schema
else
	bad "man not found: tools/install-deps.sh installs man-db"
fi
for s in "$root"/samples/*/inspection.yaml; do
	s=$(basename "$(dirname "$s")")
	check "installs the sample $s as an example" \
		test -s "$usr/share/doc/jtai/examples/$s/inspection.yaml"
done

# The installed jtai, told nothing, from a folder away from the sources.
unset JTAI_DATADIR JTAI_TEMPLATES
work="$tmp/work"
mkdir -p "$work"
cd "$work" || exit 1
cp -R "$usr/share/doc/jtai/examples/riverford-front-door" riverford
check "finds its frameworks beside itself" \
	sh -c "[ \"\$('$jtai' --templates-path)\" = '$usr/share/jtai/templates' ]"
check "jtai build on a copied sample" "$jtai" build -q -o out riverford
JTAI_DATADIR=$root "$build/jtai" build -q -o ref riverford >"$tmp/out" 2>&1
check "the same bytes as the build tree's jtai" diff -r -x .jtai ref out

# User frameworks: a copy of jtai-2022 under another name, and one that
# shadows jtai-2022 itself with a different letter.
mkdir -p mine/westmoor-2030 shadow
cp -R "$usr/share/jtai/templates/jtai-2022/." mine/westmoor-2030/
sed -i 's/^framework: jtai-2022/framework: westmoor-2030/' \
	mine/westmoor-2030/framework.yaml
cp -R "$usr/share/jtai/templates/jtai-2022" shadow/
printf '\nShadowed by the user framework.\n' >>shadow/jtai-2022/letter.md
cp -R riverford westmoor
sed -i 's/^framework: jtai-2022/framework: westmoor-2030/' westmoor/inspection.yaml
if "$jtai" check westmoor >"$tmp/out" 2>&1; then
	bad "a user framework is unknown without --templates"
else
	grep -q "unknown framework 'westmoor-2030'" "$tmp/out" &&
		ok "a user framework is unknown without --templates" ||
		{ bad "a user framework is unknown without --templates"; cat "$tmp/out"; }
fi
cp -R westmoor typo
sed -i 's/^framework: westmoor-2030/framework: westmoor-2031/' typo/inspection.yaml
"$jtai" --templates mine check typo >typo.log 2>&1
check "an unknown framework's hint names user frameworks" \
	grep -q "unknown framework 'westmoor-2031' (did you mean 'westmoor-2030'?)" typo.log
check "--templates DIR before the command" "$jtai" --templates mine check westmoor
check "--templates DIR after the command" "$jtai" build -q --templates mine -o out westmoor
check "JTAI_TEMPLATES" env JTAI_TEMPLATES="$work/nowhere:$work/mine" \
	"$jtai" check westmoor
check "a user framework comes before the built-in one" sh -c \
	"'$jtai' --templates shadow merge riverford -o m.yaml &&
	 '$jtai' --templates shadow draft m.yaml | grep -q 'Shadowed by the user'"
check "--templates-path lists --templates, JTAI_TEMPLATES, then the built-in" \
	sh -c "[ \"\$(JTAI_TEMPLATES=/a::/b '$jtai' --templates shadow --templates-path |
	tr '\n' ' ')\" = 'shadow /a /b $usr/share/jtai/templates ' ]"
if "$jtai" --templates nowhere check riverford >"$tmp/out" 2>&1; then
	bad "--templates with a missing folder is wrong usage"
else
	[ $? -eq 2 ] && ok "--templates with a missing folder is wrong usage" ||
		bad "--templates with a missing folder is wrong usage"
fi

# jtai --version: jtai's and every library's versions, twice the same.
"$jtai" --version >v1 && "$jtai" --version >v2
check "--version is stable" cmp v1 v2
check "--version names jtai's version" grep -qx "jtai $(sed -n \
	's/^project(jtai VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")" v1
for lib in libyaml cmark cairo libharu freetype harfbuzz; do
	check "--version names $lib's versions" \
		grep -qE "^$lib +[0-9]+\.[0-9]+(\.[0-9]+)? +[0-9]+\.[0-9]+(\.[0-9]+)?$" v1
done

# The Debian package.
if command -v cpack >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 &&
	command -v dpkg-shlibdeps >/dev/null 2>&1; then
	if cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" \
		>"$tmp/cpack.log" 2>&1; then
		ok "cpack -G DEB"
		deb=$(ls "$tmp"/pkg/jtai_*.deb)
		dpkg-deb -f "$deb" Depends >depends
		for dep in libyaml-0-2 libcmark0.30.2 libcairo2 libhpdf-2.3.0 \
			libfreetype6 libharfbuzz-subset0 icc-profiles-free \
			'fonts-liberation2 | fonts-liberation'; do
			check "the package depends on $dep" grep -qF "$dep" depends
		done
		dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' |
			sed 's|^\./||' | sort >deb.list
		(cd "$dest" && find . -type f -o -type l) | sed 's|^\./||' |
			sort >install.list
		check "the package holds what cmake --install installs" \
			diff install.list deb.list
		for page in $pages man5/jtai-schema.5; do
			check "the package holds the man page $page.gz" \
				grep -qx "usr/share/man/$page.gz" deb.list
		done
		if command -v man >/dev/null 2>&1 &&
			dpkg-deb -x "$deb" "$tmp/deb" >"$tmp/out" 2>&1; then
			check "man jtai from the package" man_renders "$tmp/deb" jtai
			check "man 5 jtai-schema from the package" \
				man_renders "$tmp/deb" 5 jtai-schema
		fi
	else
		bad "cpack -G DEB"; tail -20 "$tmp/cpack.log"
	fi
else
	echo "skip the Debian package: no cpack, dpkg-deb or dpkg-shlibdeps"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
