# The README's two commands: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export TXPLAN_HOME ?= $(CURDIR)/var

.PHONY: run test test-sqlite test-postgres check bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## make run: install, migrate the SQLite database under var/, load the demo when new, serve
## with gunicorn in development mode (the only mode that accepts the demo's published
## password). Another port: make run PORT=8001 (and HOST=…; the environment is not read).
HOST = 127.0.0.1
PORT = 8000
run: $(STAMP)
	TXPLAN_MODE=development $(BIN)/txplan demo --if-new
	TXPLAN_MODE=development $(BIN)/txplan serve --host $(HOST) --port $(PORT) --no-migrate

## make test: install and run the whole suite on SQLite, and on PostgreSQL when
## TXPLAN_TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/txplan).
test: $(STAMP) test-sqlite test-postgres

test-sqlite: $(STAMP)
	TXPLAN_HOME=$(CURDIR)/var/test $(BIN)/pytest

test-postgres: $(STAMP)
	@if [ -n "$$TXPLAN_TEST_DATABASE_URL" ]; then \
	  echo "== the database tests again, on $$TXPLAN_TEST_DATABASE_URL"; \
	  DATABASE_URL="$$TXPLAN_TEST_DATABASE_URL" TXPLAN_HOME=$(CURDIR)/var/test \
	    $(BIN)/pytest -m "not browser" tests/web; \
	else echo "== TXPLAN_TEST_DATABASE_URL unset: PostgreSQL run skipped"; fi

## make check: lint, format and type checks.
check: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

## make bench: benchmarks and evaluations; each script prints its figures.
bench: $(STAMP)
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
