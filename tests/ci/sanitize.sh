#!/bin/sh
# The whole test suite built with AddressSanitizer and UndefinedBehavior-
# Sanitizer (CMake's JTAI_SANITIZE). An error aborts the process that met
# it (abort_on_error), a leak ends it with status 23 (LeakSanitizer), so
# every test sees a failure; and the output of every test, kept by ctest,
# is searched for a sanitizer's report besides, for a report in a process
# whose exit status a test does not look at.
#
#   tests/ci/sanitize.sh [BUILD]    (default: build-asan)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build-asan}
case $build in /*) ;; *) build=$root/$build ;; esac
start=$(date +%s)
mkdir -p "$build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DJTAI_SANITIZE=ON >"$build/cmake.log" 2>&1 &&
	cmake --build "$build" -j2 >>"$build/cmake.log" 2>&1 || {
	tail -30 "$build/cmake.log"
	echo "FAIL the sanitizer build"
	exit 1
}
built=$(date +%s)
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=exitcode=23:suppressions=$root/tests/ci/lsan.supp
# the sanitizers slow jtai down: tests that time themselves allow for it
export JTAI_TEST_TIME_SCALE=4
rc=0
ctest --test-dir "$build" --output-on-failure -j2 || rc=1
# ctest keeps the output of every test, passed or not, in LastTest.log
if grep -n "ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:" \
	"$build/Testing/Temporary/LastTest.log" >"$build/sanitizer-reports.txt"; then
	echo "FAIL sanitizer reports in the test output:"
	head -40 "$build/sanitizer-reports.txt"
	rc=1
fi
echo "sanitize: build $((built - start)) s, tests $(($(date +%s) - built)) s," \
	"$(grep -c . "$build/sanitizer-reports.txt") sanitizer reports"
exit $rc
