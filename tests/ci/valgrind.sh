#!/bin/sh
# The unit tests and the fuzz corpora under valgrind (memcheck): any error
# fails the run, and so does any block definitely lost. Criterion runs each
# test in a forked worker: valgrind follows them (--trace-children=yes),
# errors end a worker with status 99 (--error-exitcode), and since a leak
# never fails a Criterion test by itself, every log is searched for
# "definitely lost" afterwards.
#
# Tests that time themselves (they catch quadratic work) are skipped: under
# valgrind everything is 20 to 50 times slower. The time limits of
# test_limits are scaled instead (JTAI_TEST_TIME_SCALE).
#
#   tests/ci/valgrind.sh [BUILD [TEST...]]
#
# BUILD: default build, the Release build of the README's test command.
# TEST: the test executables to run (test_core, replay_render...); default
# every test_* and replay_* of BUILD/tests.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
command -v valgrind >/dev/null 2>&1 || {
	echo "FAIL valgrind not found: run tools/install-deps.sh"; exit 1; }
logs=$build/valgrind
rm -rf "$logs"
mkdir -p "$logs"
export JTAI_SOURCE_DIR="$root" JTAI_DATADIR="$root" JTAI_BINARY="$build/jtai"
export JTAI_FONTS="$root/fonts/fonts.yaml" JTAI_TEST_TIME_SCALE=100
[ $# -gt 0 ] && shift
# name:filter of the tests that time themselves
timed="test_diff:seq/long_inputs_are_bounded
test_linebreak:linebreak/text_of_no_width_is_broken_quickly
test_qa:qa/hostile_text_is_linted_in_linear_time"
vg() { # name command...
	name=$1
	shift
	valgrind --quiet --trace-children=yes --error-exitcode=99 \
		--leak-check=full --show-leak-kinds=definite \
		--errors-for-leak-kinds=definite --num-callers=30 \
		--suppressions="$root/tests/ci/valgrind.supp" \
		--log-file="$logs/$name.%p.log" "$@" >"$logs/$name.out" 2>&1
}
pass=0
fail=0
run() { # name command...
	if vg "$@"; then
		pass=$((pass + 1))
		echo "ok   $1"
	else
		fail=$((fail + 1))
		echo "FAIL $1"
		tail -5 "$logs/$1.out" | sed 's/^/     /'
	fi
}
start=$(date +%s)
if [ $# -eq 0 ]; then
	set -- $(cd "$build/tests" && ls -d test_* replay_* 2>/dev/null)
fi
for name in "$@"; do
	t=$build/tests/$name
	[ -x "$t" ] || { fail=$((fail + 1)); echo "FAIL $name: not built"; continue; }
	case $name in
	replay_*)
		run "$name" "$t" "$root/tests/fuzz/corpus/${name#replay_}"
		;;
	*)
		skip=$(echo "$timed" | sed -n "s/^$name://p" | paste -sd'|' -)
		if [ -n "$skip" ]; then
			run "$name" "$t" --jobs 2 --short-filename --filter "!($skip)"
		else
			run "$name" "$t" --jobs 2 --short-filename
		fi
		;;
	esac
done
# Errors and definite leaks in any process, the forked workers included:
# with --quiet a log holds nothing else.
errors=0
lost=0
for log in "$logs"/*.log; do
	[ -s "$log" ] || continue
	e=$(grep -c "^==[0-9]*== \(Invalid\|Conditional\|Use of uninit\|Syscall param\|Mismatched\|Source and destination\|Argument\)" "$log")
	l=$(grep -c "are definitely lost in" "$log")
	errors=$((errors + e))
	lost=$((lost + l))
	if [ $((e + l)) -gt 0 ]; then
		fail=$((fail + 1))
		echo "FAIL $(basename "$log"): $e errors, $l definite leaks"
		head -40 "$log" | sed 's/^/     /'
	fi
done
echo "valgrind: $(ls "$logs"/*.log 2>/dev/null | wc -l) processes, $errors errors," \
	"$lost definite leaks, $(($(date +%s) - start)) s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
