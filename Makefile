# `make` sets everything up and builds the specs; `make test` runs every check CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CORPUS ?= $(or $(DOC2OPENAPI_CORPUS),../shared/corpus)
MODELARTS_HTML := $(CORPUS)/otc-html/modelarts

NODE_STAMP := node_modules/.installed-stamp
REDOCLY := REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly

.PHONY: all install spec generate lint contract bench test lint-code lock clean

all: generate

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

# spec/<service>.yaml -> generated/otc_<service>/ (an installable package each).
generate: spec
	@for f in spec/*.yaml; do \
		name=$$(basename "$$f" .yaml); \
		$(BIN)/doc2openapi generate "$$f" -o "generated/otc_$$name" || exit 1; \
	done

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Redocly's recommended rules on every spec: errors fail, warnings are counted.
lint: spec $(NODE_STAMP)
	@for f in spec/*.yaml spec/rst/*.yaml; do \
		[ -f "$$f" ] || continue; \
		out=$$($(REDOCLY) lint "$$f" --format=summary 2>&1); status=$$?; \
		echo "$$out" | grep -E "^(error|warning)|validating"; \
		[ $$status -eq 0 ] || exit 1; \
	done

# Every spec against its own mock (on a free loopback port), every operation, writes included.
CONTRACT_EXAMPLES ?= 5
contract: spec
	@for f in spec/*.yaml spec/rst/*.yaml; do \
		[ -f "$$f" ] || continue; \
		$(BIN)/doc2openapi contract "$$f" --mock --allow-writes --workers 2 \
			--max-examples $(CONTRACT_EXAMPLES) --header "X-Auth-Token: mock-token" || exit 1; \
	done

# Stage times and ratios against raw parsing, warm re-runs, a 10x scale run (a few minutes).
bench: $(STAMP)
	$(BIN)/python bench/run.py "$(CORPUS)"

lint-code: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint-code $(NODE_STAMP)
	$(BIN)/pytest

# Refresh the lock file after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock

clean:
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache .cache
