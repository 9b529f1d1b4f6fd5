# The two commands of the README:  make build  (set up, then build exports/ from seeds/)
#                                  make test   (set up, then run the test suite)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# torch as pinned in pyproject.toml's dependencies
TORCH := $(shell grep -o 'torch==[0-9.]*' pyproject.toml)

.PHONY: build test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# CPU build of PyTorch from the pinned release (an unpinned torch pulls a multi-GB CUDA build)
	$(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

build: $(VENV)/.installed
	$(BIN)/kg build seeds/ --out exports/

test: $(VENV)/.installed
	$(BIN)/pytest -q

lint: $(VENV)/.installed
	$(BIN)/ruff check kg tests bench scripts

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .kg-cache build
