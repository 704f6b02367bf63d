# chm-roadmap tasks. Every target sets itself up: on a fresh machine `make serve` and
# `make test` are the whole installation.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NPM_STAMP := node_modules/.installed-stamp
# ProperDocs, the second engine, in an environment of its own: mike switches to it when installed.
PD_VENV  := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed-stamp
PROPERDOCS_VERSION := 1.6.7
PORT   ?= 8000
PY_DIRS := roadmap macros quality bench tests

.DEFAULT_GOAL := help
.PHONY: help setup check build serve test test-fast lint format schemas bench clean distclean publish preview verify

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt --editable '.[test]'
	@touch $(STAMP)

$(PD_STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/pip install --quiet --upgrade pip
	$(PD_VENV)/bin/pip install --quiet --constraint constraints.txt properdocs==$(PROPERDOCS_VERSION) --editable .
	@touch $(PD_STAMP)

# The gates' npm tools (axe-core, Lighthouse, the Nu HTML Checker) at the versions of
# package-lock.json. --ignore-scripts: nothing may download a browser or a Java of its own.
$(NPM_STAMP): package.json package-lock.json
	bash .ci/system-deps.sh
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(NPM_STAMP)

setup: $(STAMP) $(NPM_STAMP) ## create .venv and node_modules with pinned versions

check: $(STAMP) ## validate data/ and every page without building (errors name file and line)
	$(BIN)/roadmap check

build: $(STAMP) ## check, then build all six languages into site/
	$(BIN)/roadmap build

serve: $(STAMP) ## build and serve the six-language site on 127.0.0.1:$(PORT), rebuilding on edits
	$(BIN)/roadmap serve --port $(PORT)

publish: $(STAMP) ## publish DRAFT=draft-N as a permanent version on gh-pages (SITE_URL=https://...)
	@test -n "$(DRAFT)" || { echo "usage: make publish DRAFT=draft-N [SITE_URL=https://...]"; exit 2; }
	$(BIN)/roadmap publish $(DRAFT) $(if $(SITE_URL),--site-url $(SITE_URL))

preview: $(STAMP) ## serve the published gh-pages branch on 127.0.0.1:$(PORT), as readers get it
	$(BIN)/roadmap serve --published --port $(PORT)

verify: $(STAMP) ## check every published file against its draft's SHA-256 manifest
	$(BIN)/roadmap verify

test: $(STAMP) $(NPM_STAMP) $(PD_STAMP) ## install Debian's Chromium, fonts, Java if missing, then run every test and gate
	bash .ci/system-deps.sh
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## the tests of the code in this process: no build, browser, publish, linter, command
	$(BIN)/python -m pytest -m "not build and not browser and not publish and not tools and not commands"

lint: $(STAMP) ## ruff (lint and format check), mypy, the import contracts, declared dependencies
	$(BIN)/ruff check $(PY_DIRS)
	$(BIN)/ruff format --check $(PY_DIRS)
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/deptry $(PY_DIRS)

format: $(STAMP) ## ruff format and ruff's safe fixes
	$(BIN)/ruff format $(PY_DIRS)
	$(BIN)/ruff check --fix $(PY_DIRS)

schemas: $(STAMP) ## regenerate schemas/*.schema.json from the data model
	$(BIN)/roadmap schemas

bench: $(STAMP) $(NPM_STAMP) ## build speed and page weight against baselines (same run), Lighthouse; SECTIONS="builds preview"
	bash .ci/system-deps.sh
	PYTHONPATH=. $(BIN)/python bench/run.py $(SECTIONS)  # quality/ is read from the checkout

clean: ## remove built output
	rm -rf site site.new build .pytest_cache

distclean: clean ## also remove .venv and node_modules
	rm -rf $(VENV) $(PD_VENV) node_modules
