# bindtrail — see README.md
SHELL := /bin/bash
BIN := node dist/src/cli/main.js
BENCH_REPORT_EVENTS ?= 2000000
UVU := node_modules/.bin/uvu
CORPUS ?= ../shared/corpus
FUZZ_ITERATIONS ?= 200000
BENCH_MB ?= 100
BENCH_REPORT_EVENTS ?= 2000000
BENCH_QUERY_EVENTS ?= 0

.PHONY: install build test demo bench bench-report fuzz fuzz-ci samples lint format clean

install: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build: install
	node_modules/.bin/tsc -p tsconfig.json

test: build
	$(UVU) dist/test '\.test\.js$$'

demo: build
	$(BIN) analyze samples -o demo-report.html

bench: build
	node dist/bench/run.js --mb $(BENCH_MB) --query-events $(BENCH_QUERY_EVENTS)
	node dist/bench/report-case.js --events $(BENCH_REPORT_EVENTS)

# The report's size bound on a 2 M-event synth log (synth, ingest, report html/json/json --all).
bench-report: build
	node dist/bench/report-size.js --events $(BENCH_REPORT_EVENTS)

fuzz: build
	node dist/test/fuzz/run.js --iterations $(FUZZ_ITERATIONS)

fuzz-ci: build
	node dist/test/fuzz/run.js --iterations 20000

samples: build
	node dist/src/samples/cli.js samples

lint: build
	node_modules/.bin/biome check .
	node dist/test/lint/check-rooms.js .
	$(BIN) queries lint

format: install
	node_modules/.bin/biome format --write .

clean:
	rm -rf dist
