#!/bin/sh
# Compresses each man page under DIR (man1/*.1, man5/*.5) beside itself as
# Debian installs them: gzip -9n, with no file name or time inside, so the
# same page gives the same bytes.
#
#   tools/gzip-man.sh DIR
set -eu
cd "${1:?usage: gzip-man.sh DIR}"
for f in man1/*.1 man5/*.5; do
	gzip -9n -c "$f" >"$f.gz"
done
