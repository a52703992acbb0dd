#!/bin/sh
# A short run of each libFuzzer target (tests/fuzz/README.md), built with
# clang: SECONDS each (default 60), seeded from tests/fuzz/corpus/. A crash,
# a leak or a timeout fails the run; the input that found it is kept in
# BUILD/fuzz-artifacts/: add it to tests/fuzz/corpus/TARGET/ with the fix,
# where ctest replays it from then on.
#
#   tests/ci/fuzz.sh [SECONDS] [BUILD]    (default: 60 build-fuzz)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
build=${2:-build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac
command -v clang >/dev/null 2>&1 || {
	echo "FAIL clang not found: run tools/install-deps.sh"; exit 1; }
mkdir -p "$build"
CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DJTAI_FUZZ=ON -DJTAI_TESTS=OFF -DJTAI_WERROR=OFF >"$build/cmake.log" 2>&1 &&
	cmake --build "$build" -j2 >>"$build/cmake.log" 2>&1 || {
	tail -30 "$build/cmake.log"
	echo "FAIL the fuzz build"
	exit 1
}
export JTAI_FONTS="$root/fonts/fonts.yaml"
mkdir -p "$build/fuzz-artifacts"
pass=0
fail=0
for t in findings mustache render; do
	corpus=$build/fuzz-corpus/$t
	mkdir -p "$corpus"
	cp "$root/tests/fuzz/corpus/$t"/* "$corpus/"
	log=$build/fuzz-$t.log
	"$build/fuzz_$t" -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 \
		-max_len=8192 -print_final_stats=1 \
		-artifact_prefix="$build/fuzz-artifacts/$t-" "$corpus" >"$log" 2>&1
	status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $status -eq 0 ]; then
		pass=$((pass + 1))
		echo "ok   fuzz_$t: ${runs:-?} runs in $secs s, no crash"
	else
		fail=$((fail + 1))
		echo "FAIL fuzz_$t (exit status $status) after ${runs:-?} runs:"
		grep -A30 "==ERROR\|SUMMARY\|Test unit written" "$log" | head -40 |
			sed 's/^/     /'
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
