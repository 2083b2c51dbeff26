# The handful of verbs a newcomer needs. Everything installs itself on first use.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test build lint typecheck unit bench clean browser

# The hot path is compiled with mypyc (setup.py); a changed source is compiled again.
COMPILED := $(wildcard src/mittelpunkt/core/*.py src/mittelpunkt/guards/*.py \
	src/mittelpunkt/language/*.py) src/mittelpunkt/adapters/jsonl.py src/mittelpunkt/adapters/buckets.py
BUILT    := build/.compiled

demo: $(BUILT)  ## set up and run the main job
	$(BIN)/mittelpunkt demo --no-serve

test: $(BUILT) browser lint typecheck unit  ## set up and run the whole test suite

build: $(BUILT)  ## compile the hot path again after editing it

$(BUILT): $(STAMP) setup.py $(COMPILED)
	$(BIN)/python setup.py --quiet build_ext --inplace
	touch $(BUILT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(BUILT)
	$(BIN)/pytest

browser:  ## Debian's Chromium, for the report's browser test (apt, as root)
	@command -v chromium >/dev/null || (command -v apt-get >/dev/null \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| { echo "error: the browser test needs Debian's chromium: apt-get install chromium" >&2; exit 1; }

bench: $(BUILT)
	$(BIN)/python bench/replay.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)
	mkdir -p build && touch $(BUILT)  # the install compiled the hot path already

clean:
	rm -rf $(VENV) build .mypy_cache .pytest_cache .ruff_cache
	find src -name '*.so' -delete
