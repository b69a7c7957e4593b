# Passerelle — `make run` serves the API on the embedded SQLite default; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_PG_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/postgres

.PHONY: run install migrate test lint typecheck openapi openapi-check migrations-check test-sqlite test-postgres bench lock clean

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/passerelle migrate

run: migrate
	$(BIN)/passerelle serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

openapi: install
	$(BIN)/python -m api.openapi_export openapi/openapi.json

openapi-check: install
	$(BIN)/python -m api.openapi_export --check openapi/openapi.json

test-sqlite: install
	$(BIN)/pytest -p no:cacheprovider

test-postgres: install
	PASSERELLE_TEST_DATABASE=$(TEST_PG_URL) $(BIN)/pytest -p no:cacheprovider

migrations-check: install
	@tmp=$$(mktemp -d) && PASSERELLE_DATA_DIR=$$tmp $(BIN)/passerelle migrate >/dev/null \
	  && PASSERELLE_DATA_DIR=$$tmp $(BIN)/alembic check; status=$$?; rm -rf $$tmp; exit $$status

test: lint typecheck openapi-check migrations-check test-sqlite test-postgres

bench: install
	$(BIN)/python -m bench.credential_read

lock:
	$(BIN)/python -m pip install --quiet uv && $(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
