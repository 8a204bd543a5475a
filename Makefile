# Thin on purpose: the work is in scripts/ and CMake.
.PHONY: run build test bench fuzz fmt lint clean

run: build
	build/atrium serve

build:
	scripts/bootstrap
	scripts/build release

test:
	scripts/bootstrap test
	scripts/test

bench:
	scripts/bootstrap bench
	scripts/build release --benchmarks
	ATRIUM_BIN=build/atrium MICROBENCH_BIN=build/server/bench/atrium_microbench bench/run
	ATRIUM_BIN=build/atrium bench/records
	ATRIUM_BIN=build/atrium bench/jobs
	ATRIUM_BIN=build/atrium bench/reminders
	ATRIUM_BIN=build/atrium node bench/quotations.mjs

fuzz:
	scripts/bootstrap test
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} scripts/fuzz

fmt:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
	cd web && npx eslint --fix .

lint:
	scripts/lint

clean:
	rm -rf build build-test web/dist
