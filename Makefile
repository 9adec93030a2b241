# shiftlab: one entry point for the site and the checks.
# `make serve` to write, `make test` before you push; `make help` lists the rest.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Notebooks run on the venv's python3 kernel, not one a developer registered in ~/.local.
export JUPYTER_PREFER_ENV_PATH := 1
# Executed notebooks are cached per digest of everything their output depends on: the
# library's source and the pinned versions (the notebook itself is in mkdocs-jupyter's key).
LIBRARY_DIGEST := $(shell cat constraints.txt $$(find src/shiftlab -name '*.py' | LC_ALL=C sort) \
	| sha256sum | cut -c1-16)
export SHIFTLAB_NOTEBOOK_CACHE := true
export SHIFTLAB_NOTEBOOK_CACHE_DIR := .cache/mkdocs-jupyter/$(LIBRARY_DIGEST)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITE := site
FIGURES := docs/figures
ADDR := 127.0.0.1:8000
# `make audit` only: Lighthouse from the npm registry, run on the local Chromium.
AUDIT_DIR := .cache/audit
LIGHTHOUSE := 13.5.0
AUDIT_STAMP := $(AUDIT_DIR)/.lighthouse-$(LIGHTHOUSE)

.PHONY: help setup serve test docs experiments figures snippets lint format format-check \
	typecheck pytest bench audit clean distclean

help: ## List the targets
	@echo "shiftlab: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "}; {printf "  %-13s %s\n", $$1, $$2}'

# The venv is rebuilt only when the declared dependencies change: a second run is instant.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -c constraints.txt -e ".[dev]"
	touch $@

setup: $(STAMP) ## Create .venv and install shiftlab[dev] (pinned by constraints.txt)

serve: setup figures ## Live preview on http://127.0.0.1:8000 (notebook output cached)
	$(BIN)/mkdocs serve -a $(ADDR)

test: setup lint format-check typecheck docs pytest ## Every check CI runs: lint, types, strict build, pytest

docs: setup figures ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

pytest: setup ## Run pytest alone, reusing site/ if `make docs` built it
	SHIFTLAB_SITE_DIR=$(SITE) $(BIN)/pytest

experiments: setup ## Run the experiments the pages quote (cached by code and parameters)
	$(BIN)/python -m shiftlab.experiments

figures: setup experiments ## Regenerate the figures into docs/figures (unchanged ones are skipped)
	$(BIN)/python -m shiftlab.figures $(FIGURES)

snippets: setup ## Rewrite every snippet's `#>` lines from a real run
	$(BIN)/python -m tests.snippet_runner --update

lint: setup ## ruff check
	$(BIN)/ruff check .

format: setup ## ruff format + ruff's import sorting, in place
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

format-check: setup ## ruff format --check
	$(BIN)/ruff format --check .

typecheck: setup ## mypy --strict on src, tests, tools and benchmarks
	$(BIN)/mypy

bench: setup ## Time the reference code against its targets (benchmarks/, not part of test)
	$(BIN)/python benchmarks/bench_reference.py

$(AUDIT_STAMP):
	@command -v npm >/dev/null || { echo "make audit needs Node and npm (apt-get install nodejs npm)"; exit 1; }
	npm install --prefix $(AUDIT_DIR) --no-audit --no-fund --loglevel=error lighthouse@$(LIGHTHOUSE)
	touch $@

audit: docs $(AUDIT_STAMP) ## Lighthouse (mobile) on 4 pages served with gzip; scores in .cache/audit.json (needs Node; not part of test)
	@command -v chromium >/dev/null || { echo "make audit needs Chromium (apt-get install chromium)"; exit 1; }
	CHROME_PATH=$$(command -v chromium) $(BIN)/python tools/audit.py --site $(SITE) \
		--lighthouse $(AUDIT_DIR)/node_modules/.bin/lighthouse --out .cache/audit.json

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf $(SITE) $(FIGURES) .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -path ./$(VENV) -prune -o -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +

distclean: clean ## Also remove .venv and the egg-info
	rm -rf $(VENV) src/*.egg-info
