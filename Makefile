# The README names these targets. `make demo` and `make test` set everything up themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= demo.db
SHARED ?= ../shared

.PHONY: install install-browser demo test test-postgres lint evaluate bench screenshots clean

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --editable ".[web,postgres,dask]" --group dev
	touch $(STAMP)

# Headless Chromium for the browser tests (Playwright's own browser download is not used);
# `make test` runs it first, so a fresh machine needs nothing installed by hand.
install-browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		{ $$SUDO apt-get update && $$SUDO apt-get install -y chromium chromium-driver; } || { \
			echo "Could not install Chromium for the browser tests. Install Debian's chromium" \
			     "package as an administrator (sudo apt-get install chromium), then run make test again." >&2; \
			exit 1; }; \
	fi

# The pictures under docs/screenshots/, taken by the browser tests from the example corpus.
screenshots: install install-browser
	NEWSPRISM_SCREENSHOTS=docs $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_browser.py -k screenshots

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsprism analyze examples/corpus --db $(DEMO_DB)
	$(BIN)/newsprism stats --db $(DEMO_DB)
	$(BIN)/newsprism quotes --db $(DEMO_DB) | head -n 24
	$(BIN)/newsprism stories --db $(DEMO_DB)
	$(BIN)/newsprism conflicts --db $(DEMO_DB)
	$(BIN)/newsprism speaker Varga --db $(DEMO_DB) --limit 3
	$(BIN)/newsprism report --db $(DEMO_DB) --format html -o briefing.html
	@echo "Briefing written to briefing.html: open it in a browser (file://$(CURDIR)/briefing.html)."
	@echo "To explore the stories in the web UI: $(BIN)/newsprism serve --db $(DEMO_DB)"

test: install install-browser
	$(BIN)/python -m pytest

# The test suite with its PostgreSQL runs, on a private server started for them and
# always stopped (scripts/pg-cluster); the exit status is pytest's.
test-postgres: install
	@dir=$$(mktemp -d); \
	trap 'scripts/pg-cluster stop "$$dir"; rm -rf "$$dir"' EXIT; trap 'exit 130' INT TERM; \
	url=$$(scripts/pg-cluster start "$$dir") || exit 1; \
	echo "PostgreSQL for the tests: $$url"; \
	NEWSPRISM_TEST_POSTGRES="$$url" $(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests

# Runs only where the shared evaluation data sits beside the repository.
evaluate: install
	$(BIN)/python -m pip install --quiet --editable ".[eval]"
	$(BIN)/newsprism evaluate seeds $(SHARED)/seeds
	$(BIN)/newsprism evaluate polnear $(SHARED)/datasets/polnear
	$(BIN)/newsprism evaluate quantities $(SHARED)/datasets/quantities --news $(SHARED)/datasets
	$(BIN)/newsprism evaluate tempeval $(SHARED)/datasets/tempeval3
	$(BIN)/newsprism evaluate stories $(SHARED)/datasets/clustering/ecbplus-dev.jsonl --split dev
	$(BIN)/newsprism evaluate stories $(SHARED)/datasets/clustering/newswcl50.jsonl --split all
	$(BIN)/newsprism evaluate conflicts --real $(SHARED)/datasets
	$(BIN)/newsprism evaluate entities $(SHARED)/datasets/entities

# Benchmarks (docs/performance.md): the pipeline against spaCy alone on generated articles and,
# where the shared data sits beside the repository, on PolNeAR; then analyse, link and page times
# at each of BENCH_SIZES (make bench BENCH_SIZES="1000 10000 100000" adds the 100k row: hours).
BENCH_SIZES ?= 1000 10000

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py --articles 300 --polnear $(SHARED)/datasets/polnear
	$(BIN)/python benchmarks/bench_scale.py --sizes $(BENCH_SIZES)

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
