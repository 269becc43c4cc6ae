# The README's two commands: `make run` (the API with demo data on an embedded PostgreSQL) and
# `make test` (the whole suite). Each creates its own virtual environment in .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test lint lint-contract client client-check bench clean test-tools

# Redocly CLI runs without telemetry or update checks.
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

$(BIN)/asb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/asb

install: $(BIN)/asb

# Tools from npm, pinned by package-lock.json: axe-core for the browser tests' accessibility
# checks, Redocly CLI to lint the contract. `npm ci` installs exactly the locked versions (never
# a global or unpinned copy); nothing is served.
NODE_TOOLS := node_modules/.package-lock.json
AXE := node_modules/axe-core/axe.min.js
REDOCLY := node_modules/.bin/redocly
$(NODE_TOOLS): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_TOOLS)
$(AXE) $(REDOCLY): $(NODE_TOOLS)

test-tools: $(AXE) $(REDOCLY)

run: install
	ASB_LOG_FORMAT=console $(BIN)/asb serve --demo

lint: install lint-contract
	$(BIN)/ruff check .

# The contract read by two toolchains: openapi-spec-validator, and Redocly CLI under redocly.yaml
# with no error and no warning (its exit status counts only errors, so the totals are read).
lint-contract: install $(REDOCLY)
	$(BIN)/openapi-spec-validator openapi.yaml
	$(REDOCLY) lint openapi.yaml --format=json | $(BIN)/python scripts/redocly_gate.py

# The typed Python client in clients/python/, generated from openapi.yaml by the pinned
# openapi-python-client with clients/openapi-python-client.yaml. `make client` regenerates it
# (commit the result); `client-check` fails when the committed copy is not what openapi.yaml
# generates now, or when the generator warns.
client: install
	scripts/generate_client.sh clients/python

client-check: install
	rm -rf .client-check && mkdir -p .client-check
	scripts/generate_client.sh .client-check/python > /dev/null
	diff -r -x .ruff_cache -x __pycache__ clients/python .client-check/python || \
	  (echo "clients/python is not what openapi.yaml generates: run make client" >&2; exit 1)
	rm -rf .client-check

test: install $(AXE) lint-contract client-check
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .asb node_modules
