# Two commands from a clean clone: `make serve` (build the seeds, browse them) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test db eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

serve: $(VENV)/.installed
	$(BIN)/quotes build seeds
	$(BIN)/quotes serve

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# The one way to rebuild the committed quotes.db (a test fails when it is stale).
db: $(VENV)/.installed
	rm -f quotes.db quotes.db-wal quotes.db-shm
	$(BIN)/quotes build seeds --db quotes.db

eval: $(VENV)/.installed
	$(BIN)/quotes eval tests/gold/seeds_gold.jsonl
	$(BIN)/quotes eval tests/gold/styles_gold.jsonl --docs tests/styles
	$(BIN)/quotes eval tests/gold/blind_gold.jsonl --docs tests/blind

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
