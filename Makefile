# The handful of verbs a newcomer needs. Everything installs itself on first use.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench clean browser

demo: $(STAMP)  ## set up and run the main job
	$(BIN)/mittelpunkt demo --no-serve

test: $(STAMP) browser lint typecheck unit  ## set up and run the whole test suite

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

browser:  ## Debian's Chromium, for the report's browser test (apt, as root)
	@command -v chromium >/dev/null || (command -v apt-get >/dev/null \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| { echo "error: the browser test needs Debian's chromium: apt-get install chromium" >&2; exit 1; }

bench: $(STAMP)
	$(BIN)/python bench/replay.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
