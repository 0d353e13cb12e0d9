# The two quick-start commands. Each creates .venv with what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/kpiflow: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

demo: $(BIN)/kpiflow
	$(BIN)/kpiflow demo kpiflow-demo

test: $(BIN)/kpiflow
	$(BIN)/python -m pytest -q

lint: $(BIN)/kpiflow
	$(BIN)/ruff check src tests bench

bench: $(BIN)/kpiflow
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) kpiflow-demo .pytest_cache
