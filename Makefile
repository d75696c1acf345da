# The two set-up commands (README): `make run` and `make test`, on a fresh
# Debian 12 machine as root. Both install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: deps build run test test-asan test-tsan conformance deb format-check bench bench-smoke bench-build clean

deps:
	./tools/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/host_exporter $(ARGS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# CI: the suite under AddressSanitizer + UBSan, warnings as errors.
test-asan: deps
	cmake -S . -B build-asan -G Ninja -DHOST_EXPORTER_WERROR=ON -DHOST_EXPORTER_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=quarantine_size_mb=16:detect_leaks=1 ctest --output-on-failure -j $(JOBS)

test-tsan: deps
	cmake -S . -B build-tsan -G Ninja -DHOST_EXPORTER_WERROR=ON -DHOST_EXPORTER_SANITIZE=thread -DCMAKE_BUILD_TYPE=Debug
	cmake --build build-tsan -j $(JOBS) --target host_exporter_tests
	cd build-tsan && timeout 900 ./tests/host_exporter_tests --gtest_filter='Scraper*:FamilyPool*:ScrapeMemo*:SingleFlight*:WorkerPool*:Server*:RequestGate*:BcryptVerifier*:ReloadingTls*:Pusher*:StatFs*:Filesystem*'

# The Debian package (CPack): $(BUILD)/host-exporter_<version>_<arch>.deb
deb: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target host_exporter
	cd $(BUILD) && cpack -G DEB

# Benchmarks (docs/benchmarks.md): Google Benchmark micro-benchmarks, then
# bench/run.py against Debian's prometheus-node-exporter, which rewrites
# bench/results/ and the README's table. Root for the network namespace case.
bench-build: deps
	cmake -S . -B $(BUILD) -G Ninja -DHOST_EXPORTER_BENCHMARKS=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS) --target host_exporter host_exporter_benchmarks

bench: bench-build
	$(BUILD)/benchmarks/host_exporter_benchmarks --benchmark_min_time=0.2 \
	  --benchmark_out=$(BUILD)/micro-benchmarks.json --benchmark_out_format=json
	/usr/bin/python3 bench/run.py --host-exporter $(BUILD)/host_exporter --update-readme $(BENCH_ARGS)

# The same, briefly (under a minute once built): keeps the harness working in CI.
# Asserts nothing about times; writes to $(BUILD)/bench-smoke, not bench/results.
bench-smoke: bench-build
	$(BUILD)/benchmarks/host_exporter_benchmarks --benchmark_min_time=0.002 >/dev/null
	/usr/bin/python3 bench/run.py --quick --host-exporter $(BUILD)/host_exporter --out $(BUILD)/bench-smoke

conformance: build
	../shared/conformance/run.sh $(BUILD)/host_exporter

# .clang-format on the files listed in tools/format-files.txt (not yet the whole
# tree: it is brought over file by file as files are touched).
format-check: deps
	clang-format --dry-run --Werror $$(grep -v '^#' tools/format-files.txt)

clean:
	rm -rf $(BUILD) build-asan build-tsan
