#!/bin/sh
# Installs what jtai needs to build and test, from Debian 12's packages.
# The Java packages run PDFBox Preflight (PDF/A-1b), chromium and npm check
# the HTML letter; clang (with libclang-rt for libFuzzer) builds the fuzz
# targets and valgrind checks the unit tests (tests/ci/); man-db and
# groff-base render the man pages and git gives jtai diff --rev its
# revisions (tests/help/): only the tests use them.
# Run as root, or as a user who may use sudo.
set -eu
pkgs="build-essential cmake pkg-config libyaml-dev libxxhash-dev libcmark-dev libcairo2-dev
libfreetype-dev libhpdf-dev libharfbuzz-dev zlib1g-dev libdeflate-dev
libcriterion-dev
fonts-liberation2 icc-profiles-free qpdf poppler-utils libxml2-utils
default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
chromium clang libclang-rt-14-dev valgrind man-db groff-base git"
# Node from Debian, unless a node with npm is installed already (a
# NodeSource nodejs bundles npm and conflicts with Debian's npm package).
if ! command -v npm >/dev/null 2>&1; then pkgs="$pkgs nodejs npm"; fi
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
