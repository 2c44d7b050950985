# Every target goes through the one CLI (`specpipe`); the virtual environment is made from
# pyproject.toml on first use, so a fresh clone needs nothing but Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: all setup validate bundle generate test lint clean

## all: the main job: validate, bundle and generate everything
all: generate

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## setup: create the virtual environment and install the pipeline
setup: $(STAMP)

## validate: check every spec (openapi-spec-validator + the project's lint rules)
validate: $(STAMP)
	$(BIN)/specpipe validate

## bundle: write one self-contained document per API to generated/bundled/
bundle: $(STAMP)
	$(BIN)/specpipe bundle

## generate: validate, bundle, and generate the models under generated/
generate: $(STAMP)
	$(BIN)/specpipe generate

## lint: ruff and mypy --strict on the pipeline's own code
lint: $(STAMP)
	$(BIN)/ruff check tools tests
	$(BIN)/ruff format --check tools tests
	$(BIN)/mypy

## test: the whole test suite (lint, then pytest)
test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .schemathesis
