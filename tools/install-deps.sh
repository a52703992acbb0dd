#!/bin/sh
# Installs what jtai needs to build and test, from Debian 12's packages.
# Run as root, or as a user who may use sudo.
set -eu
pkgs="build-essential cmake pkg-config libyaml-dev libcmark-dev libcairo2-dev
libfreetype-dev libhpdf-dev libcriterion-dev fonts-liberation2 qpdf
poppler-utils"
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
