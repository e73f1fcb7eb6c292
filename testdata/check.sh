#!/bin/sh
# make check: everything, then everything again under ASan + UBSan, then
# the golden cases and the hostile suite under valgrind.
# Prints one "N passed, N failed" line for the whole run last.
set -u
cd "$(dirname "$0")/.." || exit 2
total_pass=0 total_fail=0
tally() { # reads a run's output, adds its last "N passed, N failed" line
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1)
	p=${line%% passed*}; f=${line#*, }; f=${f%% failed*}
	[ -n "$line" ] || { p=0; f=1; echo "FAIL: $2 printed no result line"; }
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== build"
# warnings-clean (-Wall -Wextra and the rest of WARN): a warning fails the
# run (seen when a file is compiled, so always from a fresh clone)
make -s all units >"$log" 2>&1
rc=$?
cat "$log"
[ "$rc" = 0 ] || { echo "0 passed, 1 failed"; exit 1; }
if grep -q 'warning:' "$log"; then
	total_fail=$((total_fail + 1)); echo "FAIL: the build has warnings"
else
	total_pass=$((total_pass + 1))
fi
echo "== golden and unit tests"
sh testdata/run.sh build/backuplint build/unit | tee "$log"; tally "$log" tests
for extra in testdata/*/check-*.sh testdata/sarif/validate.sh; do
	[ -f "$extra" ] || continue
	echo "== $extra"
	sh "$extra" build/backuplint | tee "$log"; tally "$log" "$extra"
done

# valgrind on the golden cases is the slowest pass: it runs in the
# background, on the other core, while the sanitizer build and runs go on.
vglog=$(mktemp)
trap 'rm -f "$log" "$vglog"' EXIT
vgpid=""
if command -v valgrind >/dev/null; then
	VALGRIND=1 sh testdata/run.sh build/backuplint >"$vglog" 2>&1 &
	vgpid=$!
fi

echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
if make -s asan; then
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh testdata/run.sh build-asan/backuplint build-asan/unit | tee "$log"; tally "$log" asan
	echo "== hostile inputs under ASan + UBSan"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh testdata/hostile/check-hostile.sh build-asan/backuplint | tee "$log"; tally "$log" "asan hostile"
	echo "== language server under ASan + UBSan"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh testdata/lsp/check-lsp-protocol.sh build-asan/backuplint | tee "$log"; tally "$log" "asan lsp"
else
	total_fail=$((total_fail + 1)); echo "FAIL: asan build"
fi

# ThreadSanitizer: every input of the test suite and the examples linted
# with two threads (files in parallel, then Terraform modules in parallel
# at the run phase): no data race, and the output of one thread.
echo "== ThreadSanitizer, --jobs 2"
if make -s B=build-tsan CC=clang CFLAGS='-O1 -g -fsanitize=thread -fno-omit-frame-pointer' \
	build-tsan/backuplint; then
	tsan_err=$(mktemp)
	for args in "testdata examples" "testdata/terraform testdata/policy testdata/ok"; do
		# shellcheck disable=SC2086
		BACKUPLINT_NOW=2026-06-15 TSAN_OPTIONS=halt_on_error=1 build-tsan/backuplint \
			--no-config --jobs 2 --format gnu $args >"$log.2" 2>"$tsan_err"
		code=$?
		# shellcheck disable=SC2086
		BACKUPLINT_NOW=2026-06-15 build/backuplint --no-config --jobs 1 --format gnu \
			$args >"$log.1" 2>/dev/null
		if [ $code -gt 1 ] || grep -q "ThreadSanitizer" "$tsan_err" ||
		   ! cmp -s "$log.1" "$log.2"; then
			echo "FAIL: ThreadSanitizer on $args (exit $code)"; head -30 "$tsan_err"
			echo "0 passed, 1 failed" >"$log"
		else
			echo "ok: $args: no data race, output as with one thread"
			echo "1 passed, 0 failed" >"$log"
		fi
		tally "$log" "tsan $args"
	done
	rm -f "$tsan_err" "$log.1" "$log.2"
else
	total_fail=$((total_fail + 1)); echo "FAIL: tsan build"
fi

# valgrind: the golden cases (not the units, for time) and the hostile
# suite with its big inputs cut down; no leaks, no invalid reads.
echo "== valgrind"
if [ -n "$vgpid" ]; then
	wait "$vgpid"
	cat "$vglog"; tally "$vglog" valgrind
	VALGRIND=1 sh testdata/hostile/check-hostile.sh build/backuplint | tee "$log"; tally "$log" "valgrind hostile"
	# one process, many sessions and runs: no state leaks between them
	if valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect build/unit/test_session; then
		echo "1 passed, 0 failed" >"$log"
	else
		echo "FAIL: test_session under valgrind"; echo "0 passed, 1 failed" >"$log"
	fi
	tally "$log" "valgrind sessions"
else
	total_fail=$((total_fail + 1)); echo "FAIL: valgrind is not installed (make deps)"
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
