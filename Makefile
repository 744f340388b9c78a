# Two set-up commands on a fresh machine:  `make serve`  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip

.PHONY: serve test test-fast lint format eval bench install install-test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip setuptools wheel

install: $(BIN)/python
	$(PIP) install --quiet -e .

install-test: $(BIN)/python
	$(PIP) install --quiet -e '.[test]'

# Debian's chromium drives the UI test through Playwright; Playwright's own browser download
# is never used (no network beyond the package registries).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

serve: install
	$(BIN)/actiewijzer serve

test: install-test browser
	$(BIN)/python -m pytest -q
	$(BIN)/actiewijzer eval --out eval-out

test-fast: install-test
	$(BIN)/python -m pytest -q -m "not slow"

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy actiewijzer ingest index assistant eval server

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

eval: install
	$(BIN)/actiewijzer eval --out eval-out

bench: install
	$(BIN)/python bench/bench_embeddings.py
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_answer.py
	$(BIN)/python bench/bench_load.py

clean:
	rm -rf $(VENV) build *.egg-info eval-out bench-out test-artifacts
