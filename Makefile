# Passerelle — `make run` serves the API on the embedded SQLite default; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
TEST_PG_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/postgres

.PHONY: run install install-dev migrate test lint typecheck openapi openapi-check migrations-check test-sqlite test-postgres bench bench-verification lock clean

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

migrate: install
	$(BIN)/passerelle migrate

run: migrate
	$(BIN)/passerelle serve

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy

openapi: install-dev
	$(BIN)/python -m api.openapi_export openapi/openapi.json

openapi-check: install-dev
	$(BIN)/python -m api.openapi_export --check openapi/openapi.json

test-sqlite: install-dev
	$(BIN)/pytest -p no:cacheprovider

test-postgres: install-dev
	PASSERELLE_TEST_DATABASE=$(TEST_PG_URL) $(BIN)/pytest -p no:cacheprovider

migrations-check: install-dev
	@tmp=$$(mktemp -d) && PASSERELLE_DATA_DIR=$$tmp $(BIN)/passerelle migrate >/dev/null \
	  && PASSERELLE_DATA_DIR=$$tmp $(BIN)/alembic check; status=$$?; rm -rf $$tmp; exit $$status

test: lint typecheck openapi-check migrations-check test-sqlite test-postgres

bench: install-dev
	$(BIN)/python -m bench.credential_read

bench-verification: install-dev
	$(BIN)/python -m bench.verification

lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra build --python-version 3.11 --generate-hashes -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra build --extra dev --python-version 3.11 --generate-hashes \
	  -o requirements-dev.lock

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
