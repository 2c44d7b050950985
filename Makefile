# Every target goes through the one CLI (`specpipe`). What the targets need is installed on
# first use: the virtual environment from pyproject.toml, node_modules from package-lock.json,
# Debian's Chromium when missing; a fresh clone needs only Python 3.11, Node 20 and npm.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: all setup validate bundle generate test lint clean serve contract node chromium docs review \
	corpus interop interop-fast

## all: the main job: validate, bundle and generate everything, then the contract suite
all: generate contract

$(STAMP): pyproject.toml
	@echo "setup: creating $(VENV)/ and installing the pipeline with its tools (pip; about a minute)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --progress-bar off -e '.[dev]'
	@# byte-code for the pipeline's own modules, as pip writes it for installed packages (an
	@# editable install gets none, and with PYTHONDONTWRITEBYTECODE every command recompiles them)
	$(BIN)/python -m compileall -q tools/specpipe
	@echo "setup: done ($$($(BIN)/python -m pip list --format freeze | wc -l) packages in $(VENV)/)"
	touch $(STAMP)

## setup: create the virtual environment and install the pipeline
setup: $(STAMP)

## validate: check every spec (openapi-spec-validator + the project's lint rules)
validate: $(STAMP)
	$(BIN)/specpipe validate

## bundle: write one self-contained document per API to generated/bundled/
bundle: $(STAMP)
	$(BIN)/specpipe bundle

## generate: validate, bundle, and generate the Markdown docs, models and clients under generated/
generate: $(STAMP) $(NODE_STAMP)
	$(BIN)/specpipe generate

## serve: run the sandbox (every API on http://127.0.0.1:8080/<api>) until Ctrl-C
serve: $(STAMP)
	$(BIN)/specpipe serve

## contract: start the sandbox on a free loopback port, run the contract suite for every API
## against it, stop it. CONTRACT_MAX_EXAMPLES=N bounds the examples per operation.
CONTRACT_MAX_EXAMPLES ?=
contract: $(STAMP)
	$(BIN)/specpipe contract --sandbox $(if $(CONTRACT_MAX_EXAMPLES),--max-examples $(CONTRACT_MAX_EXAMPLES))

## lint: ruff and mypy --strict on the pipeline's own code
lint: $(STAMP)
	$(BIN)/ruff check tools tests
	$(BIN)/ruff format --check tools tests
	$(BIN)/mypy

## node: the Node tools of package.json (TypeScript for the generated clients' checks, Redocly)
$(NODE_STAMP): package.json package-lock.json
	@echo "setup: installing the Node tools of package.json into node_modules/ (npm ci)"
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

node: $(NODE_STAMP)

## chromium: Debian's Chromium for the rendered-docs test (installed only when missing; root)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "setup: installing Debian's chromium for the rendered-docs test (apt-get, about 110 MB)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }

## docs: the Markdown and the self-contained HTML reference of each API under generated/docs/
docs: $(STAMP) $(NODE_STAMP)
	$(BIN)/specpipe docs

## review: the clients and docs regenerated, then the breaking-change report (Markdown) of the
## working tree against the merge base with main. REVIEW_BASE=REF compares with another ref.
## Fails (make exits 2) while a breaking change is unacknowledged (specpipe diff exits 1).
REVIEW_BASE ?= $(shell git merge-base HEAD origin/main 2>/dev/null || git merge-base HEAD main 2>/dev/null)
review: generate docs
	@test -n "$(REVIEW_BASE)" || { echo "review: no merge base with origin/main or main (set REVIEW_BASE=REF)" >&2; exit 2; }
	$(BIN)/specpipe diff --base $(REVIEW_BASE) --format markdown

## corpus: generate every spec of ../shared/corpus and run the strict checks of the three
## languages on the result (a table; CORPUS_ARGS="--fast --only NAME..." for a subset)
CORPUS_ARGS ?=
corpus: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tools/corpus.py $(CORPUS_ARGS)

## interop: every bundle (3.1 and its 3.0 rendering) through third-party tools: OpenAPI
## Generator python and java (built with Maven), openapi-python-client, openapi-typescript with
## tsc --strict, Spectral and Redocly lint, and round trips through OpenAPI Generator's python
## client against the sandbox; prints a table. The tools are installed into .cache/interop/.
interop: $(STAMP)
	$(BIN)/python tools/interop.py

## interop-fast: the part CI runs (Spectral, Redocly, openapi-typescript + tsc)
interop-fast: $(STAMP)
	$(BIN)/python tools/interop.py --fast

## test: the whole test suite (lint, then pytest), with a throwaway PostgreSQL cluster on a
## loopback port for the sandbox's PostgreSQL store (.ci/postgres; Debian's postgresql is
## installed when missing); the tests then fail, not skip, when it cannot be reached
test: lint $(NODE_STAMP) chromium
	@cluster=$$(bash .ci/postgres start) || exit 1; \
	trap 'bash .ci/postgres stop "$$cluster"' EXIT; \
	SANDBOX_TEST_POSTGRES_URL="$$(cat "$$cluster/url")" $(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .schemathesis
