# Passerelle — `make run` serves the API on the embedded SQLite default; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
TEST_PG_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/postgres

LOCALES := core/locales

.PHONY: locales run install install-dev a11y-deps clients clients-deps migrate seed test lint typecheck openapi openapi-check migrations-check test-sqlite test-postgres bench bench-growth bench-credential-read bench-verification bench-recognition bench-sharing bench-offers lock clean

# requirements.lock: what the service runs with (and hatchling, to install it); requirements-dev.lock adds the
# test and lint tools. Both are hashed; `make lock` regenerates them from pyproject.toml.
$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

# Browser tests (tests/a11y, marker `a11y`, SQLite pass only): Debian's Chromium and ChromeDriver, installed when
# missing (apt-get needs root: without it CI fails and a developer's run skips them), and axe-core pinned by
# tests/a11y/package-lock.json.
A11Y := tests/a11y
A11Y_STAMP := $(A11Y)/node_modules/.installed
A11Y_APT := DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver

a11y-deps: $(A11Y_STAMP)
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "a11y-deps: /usr/bin/chromium or /usr/bin/chromedriver is missing and apt-get needs root:"; \
	  echo "  sudo apt-get install chromium chromium-driver"; \
	  if [ "$$CI" = true ]; then exit 1; fi; \
	  echo "a11y-deps: the browser tests (marker a11y) will be skipped"; exit 0; \
	fi; \
	echo "a11y-deps: installing Debian's chromium and chromium-driver"; \
	$(A11Y_APT) >/dev/null 2>&1 || { echo "a11y-deps: retrying after apt-get update"; \
	  apt-get update -q >/dev/null && $(A11Y_APT) >/dev/null; }

$(A11Y_STAMP): $(A11Y)/package.json $(A11Y)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "a11y-deps: npm is needed to install axe-core"; \
	  if [ "$$CI" = true ]; then exit 1; fi; echo "a11y-deps: the browser tests will be skipped"; exit 0; }; \
	npm ci --prefix $(A11Y) --ignore-scripts --no-audit --no-fund --no-update-notifier --loglevel=error && touch $@

# The generated clients (docs/clients.md): clients/python from openapi-python-client (a dev dependency) and
# clients/typescript/passerelle.d.ts from openapi-typescript, pinned by clients/typescript/package-lock.json.
# After an API change: `make openapi clients`; tests/test_clients.py fails on drift.
CLIENTS_TS := clients/typescript
CLIENTS_STAMP := $(CLIENTS_TS)/node_modules/.installed

clients-deps: $(CLIENTS_STAMP)

$(CLIENTS_STAMP): $(CLIENTS_TS)/package.json $(CLIENTS_TS)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "clients-deps: npm is needed for openapi-typescript"; \
	  if [ "$$CI" = true ]; then exit 1; fi; echo "clients-deps: the TypeScript client checks will be skipped"; exit 0; }; \
	npm ci --prefix $(CLIENTS_TS) --ignore-scripts --no-audit --no-fund --no-update-notifier --loglevel=error && touch $@

clients: install-dev clients-deps
	$(BIN)/python clients/generate.py

migrate: install
	$(BIN)/passerelle migrate

# The shipped recognition data (frameworks, levels, credit rules); idempotent, so every `make run` can load it.
seed: migrate
	$(BIN)/passerelle seed

run: seed
	$(BIN)/passerelle serve

# Message catalogs (docs/languages.md): extract the marked texts into the template and merge them into every
# language's .po (new texts arrive untranslated, and tests/test_i18n.py fails until they are translated). The
# service compiles the .po files in memory at first use: there is no .mo file to build.
locales: install-dev
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --omit-header -o $(LOCALES)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -D messages --no-fuzzy-matching --ignore-obsolete -w 120

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy

openapi: install-dev
	$(BIN)/python -m api.openapi_export openapi/openapi.json

openapi-check: install-dev
	$(BIN)/python -m api.openapi_export --check openapi/openapi.json

test-sqlite: install-dev a11y-deps clients-deps
	$(BIN)/pytest -p no:cacheprovider

# The PostgreSQL pass leaves out what does not depend on the database (markers `a11y`, `database_independent`).
test-postgres: install-dev
	PASSERELLE_TEST_DATABASE=$(TEST_PG_URL) $(BIN)/pytest -p no:cacheprovider -m "not a11y and not database_independent"

migrations-check: install-dev
	@tmp=$$(mktemp -d) && PASSERELLE_DATA_DIR=$$tmp $(BIN)/passerelle migrate >/dev/null \
	  && PASSERELLE_DATA_DIR=$$tmp $(BIN)/alembic check; status=$$?; rm -rf $$tmp; exit $$status

# The two database passes run side by side: each keeps about one core busy, so on two cores the run takes about as
# long as the slower pass. The SQLite pass prints as it goes; the PostgreSQL pass's output follows when both are done.
test: lint typecheck openapi-check migrations-check install-dev a11y-deps clients-deps
	@log=$$(mktemp); echo "test: the PostgreSQL pass runs alongside; its output follows the SQLite pass's"; \
	$(MAKE) --no-print-directory test-postgres >$$log 2>&1 & postgres=$$!; \
	$(MAKE) --no-print-directory test-sqlite; sqlite=$$?; \
	wait $$postgres; pg=$$?; cat $$log; rm -f $$log; \
	echo "test: SQLite pass exit $$sqlite, PostgreSQL pass exit $$pg"; [ $$sqlite -eq 0 ] && [ $$pg -eq 0 ]

# `make bench`: every throughput ratio in one table, SQLite and PostgreSQL (bench/all.py), then the growth check at
# 10,000 and 1,000,000 stored credentials on PostgreSQL (bench/growth.py); `make bench GROWTH=no` leaves it out.
# docs/performance.md has the last figures.
GROWTH ?= yes

bench: install-dev
	$(BIN)/python -m bench.all
	@if [ "$(GROWTH)" = no ]; then echo "growth check left out (GROWTH=no)"; else $(BIN)/python -m bench.growth; fi

bench-growth: install-dev
	$(BIN)/python -m bench.growth

bench-credential-read: install-dev
	$(BIN)/python -m bench.credential_read

bench-verification: install-dev
	$(BIN)/python -m bench.verification

bench-recognition: install-dev
	$(BIN)/python -m bench.recognition

bench-sharing: install-dev
	$(BIN)/python -m bench.sharing --database both

bench-offers: install-dev
	$(BIN)/python -m bench.offers --database both

lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra build --python-version 3.11 --generate-hashes -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra build --extra dev --python-version 3.11 --generate-hashes \
	  -o requirements-dev.lock

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
