# `make` sets everything up and builds the specs; `make test` runs every check CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CORPUS ?= $(or $(DOC2OPENAPI_CORPUS),../shared/corpus)
MODELARTS_HTML := $(CORPUS)/otc-html/modelarts

.PHONY: all install spec test lint-code lock clean

all: spec

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(STAMP)

# The main job: docs -> spec/<service>.yaml + reports, one per service folder of the corpus
# (HTML in spec/, the RST tree in spec/rst/); without the corpus, our own fixture pages.
spec: $(STAMP)
	@if [ -d "$(CORPUS)/otc-html" ]; then \
		$(BIN)/doc2openapi scrape "$(CORPUS)/otc-html" --out-dir spec && \
		$(BIN)/doc2openapi scrape "$(CORPUS)/otc-rst" --out-dir spec/rst; \
	else \
		echo "no corpus at $(CORPUS): building the fixture pages"; \
		$(BIN)/doc2openapi scrape tests/fixtures/pages --service widget -o spec/widget.yaml; \
	fi

lint-code: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint-code
	$(BIN)/pytest

# Refresh the lock file after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .cache
