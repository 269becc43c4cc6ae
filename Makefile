# The README's two commands: `make run` (the API with demo data on an embedded PostgreSQL) and
# `make test` (the whole suite). Each creates its own virtual environment in .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test lint bench clean test-tools

$(BIN)/asb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $(BIN)/asb

install: $(BIN)/asb

# Test-only tools from npm, pinned by package-lock.json (axe-core for the browser tests'
# accessibility checks). `npm ci` installs exactly the locked versions; nothing is served.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(AXE)

test-tools: $(AXE)

run: install
	$(BIN)/asb serve --demo

lint: install
	$(BIN)/ruff check .

test: install $(AXE)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .asb node_modules
