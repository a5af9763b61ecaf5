# `make` sets everything up and builds the specs; `make test` runs every check CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CORPUS ?= $(or $(DOC2OPENAPI_CORPUS),../shared/corpus)
# Where the outputs go: override to build elsewhere (`make check` builds a fresh copy this way).
SPEC ?= spec
GENERATED ?= generated
SITE ?= site

NODE_STAMP := node_modules/.installed-stamp
REDOCLY := REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly

.PHONY: all install spec generate check ts docs lint contract bench accuracy constraint-accuracy test lint-code lock clean golden

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
		$(BIN)/doc2openapi scrape "$(CORPUS)/otc-html" --out-dir $(SPEC) && \
		$(BIN)/doc2openapi scrape "$(CORPUS)/otc-rst" --out-dir $(SPEC)/rst; \
	else \
		echo "no corpus at $(CORPUS): building the fixture pages"; \
		$(BIN)/doc2openapi scrape tests/fixtures/pages --service widget -o $(SPEC)/widget.yaml; \
	fi

# $(SPEC)/<service>.yaml -> $(GENERATED)/otc_<service>/ (an installable package each).
# $(SPEC)/rst/<service>.yaml -> $(GENERATED)/rst/otc_<service>/ likewise. A package newer than
# its spec and than the generator's code is up to date (a spec whose content did not change
# keeps its time: outputs are only rewritten when they differ).
generate: spec
	@for f in $(SPEC)/*.yaml $(SPEC)/rst/*.yaml; do \
		[ -f "$$f" ] || continue; \
		name=$$(basename "$$f" .yaml); \
		dir=$$(dirname "$${f#$(SPEC)}"); \
		out="$(GENERATED)$$dir/otc_$$name"; \
		if [ "$$out/pyproject.toml" -nt "$$f" ] && \
			[ -z "$$(find codegen templates -newer "$$out/pyproject.toml" -type f | head -1)" ]; then \
			continue; \
		fi; \
		$(BIN)/doc2openapi generate "$$f" -o "$$out" || exit 1; \
	done

# For CI: rebuild everything in a scratch folder and compare with $(SPEC) and $(GENERATED).
# Succeeds when up to date; fails, listing the differing files, when the docs changed them.
# The folders' own README.md (committed, not built) is carried over to the scratch build.
check: $(STAMP)
	@scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	$(MAKE) --no-print-directory generate SPEC="$$scratch/spec" GENERATED="$$scratch/generated" \
		> "$$scratch/log" 2>&1 || { cat "$$scratch/log"; exit 2; }; \
	[ ! -f "$(SPEC)/README.md" ] || cp "$(SPEC)/README.md" "$$scratch/spec/"; \
	[ ! -f "$(GENERATED)/README.md" ] || cp "$(GENERATED)/README.md" "$$scratch/generated/"; \
	status=0; \
	diff -rq -x __pycache__ "$(SPEC)" "$$scratch/spec" || status=1; \
	diff -rq -x __pycache__ -x ts "$(GENERATED)" "$$scratch/generated" || status=1; \
	if [ $$status -eq 0 ]; then echo "$(SPEC)/ and $(GENERATED)/ are up to date"; \
	else echo "the docs change $(SPEC)/ or $(GENERATED)/: run make and commit the result"; fi; \
	exit $$status

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Redocly's recommended rules on every spec: errors fail, warnings are counted.
lint: spec $(NODE_STAMP)
	@for f in $(SPEC)/*.yaml $(SPEC)/rst/*.yaml; do \
		[ -f "$$f" ] || continue; \
		out=$$($(REDOCLY) lint "$$f" --format=summary 2>&1); status=$$?; \
		echo "$$out" | grep -E "^(error|warning)|validating"; \
		[ $$status -eq 0 ] || exit 1; \
	done

# TypeScript types for other language teams: $(GENERATED)/ts/<service>.d.ts, checked by tsc.
ts: spec $(NODE_STAMP)
	@mkdir -p $(GENERATED)/ts
	@for f in $(SPEC)/*.yaml $(SPEC)/rst/*.yaml; do \
		[ -f "$$f" ] || continue; \
		name=$$(echo "$${f#$(SPEC)/}" | sed 's|/|-|g; s|\.yaml$$||'); \
		node_modules/.bin/openapi-typescript "$$f" -o "$(GENERATED)/ts/$$name.d.ts" --silent || exit 1; \
	done
	node_modules/.bin/tsc --noEmit --strict --skipLibCheck false $(GENERATED)/ts/*.d.ts
	@echo "$(GENERATED)/ts: $$(ls $(GENERATED)/ts/*.d.ts | wc -l) type files, tsc clean"

# A static API reference per spec: $(SITE)/<service>.html (Redocly build-docs), one
# self-contained file each: Redoc's script is inlined, not fetched from a CDN.
docs: spec $(NODE_STAMP)
	@mkdir -p $(SITE)
	@for f in $(SPEC)/*.yaml $(SPEC)/rst/*.yaml; do \
		[ -f "$$f" ] || continue; \
		name=$$(echo "$${f#$(SPEC)/}" | sed 's|/|-|g; s|\.yaml$$||'); \
		out=$$($(REDOCLY) build-docs "$$f" -o "$(SITE)/$$name.html" --inlineBundle 2>&1) || \
			{ echo "$$out"; exit 1; }; \
		echo "$(SITE)/$$name.html"; \
	done

# Every spec against its own mock (on a free loopback port), every operation, writes included.
CONTRACT_EXAMPLES ?= 5
contract: spec
	@for f in $(SPEC)/*.yaml $(SPEC)/rst/*.yaml; do \
		[ -f "$$f" ] || continue; \
		$(BIN)/doc2openapi contract "$$f" --mock --allow-writes --workers 2 \
			--max-examples $(CONTRACT_EXAMPLES) --header "X-Auth-Token: mock-token" || exit 1; \
	done

# Every spec with SDK truth scored by ../shared/truth/score.py (a measure, never an input):
# recall on documented names, wrong share, type and required agreement, the examples' coverage
# by the schema, the 20 worst operations; then the constraint keywords on the judged sample.
# The specs are built with --provenance into .cache/accuracy (the scorer finds each
# operation's page by it), as the corpus tests build them.
TRUTH ?= $(CORPUS)/../truth
ACCURACY_SPEC := .cache/accuracy
accuracy: $(STAMP)
	$(BIN)/doc2openapi scrape "$(CORPUS)/otc-html" --out-dir $(ACCURACY_SPEC) --provenance > /dev/null
	$(BIN)/doc2openapi scrape "$(CORPUS)/otc-rst" --out-dir $(ACCURACY_SPEC)/rst --provenance > /dev/null
	$(BIN)/python bench/accuracy.py --spec-dir $(ACCURACY_SPEC) --corpus "$(CORPUS)" --truth "$(TRUTH)"
	$(BIN)/python bench/constraint_accuracy.py "$(CORPUS)"

# Precision, recall and F1 of the constraint keywords on the judged sample
# (tests/fixtures/constraints_judged.json), per keyword kind and overall.
constraint-accuracy: $(STAMP)
	$(BIN)/python bench/constraint_accuracy.py "$(CORPUS)"

# Stage times and ratios against raw parsing, warm re-runs, a 10x scale run (a few minutes);
# then how guessable the names are (bench/names.py: digits, acronyms, long schema names, SDK).
bench: $(STAMP)
	$(BIN)/python bench/run.py "$(CORPUS)"
	$(BIN)/python bench/names.py "$(CORPUS)"

# Regenerate the golden outputs of tests/test_golden.py after an intended change; review the diff.
golden: $(STAMP)
	DOC2OPENAPI_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py tests/test_corpus_snapshots.py

lint-code: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python .ci/structure.py

# Debian's Chromium for the browser test of `make docs` (root: CI and fresh machines).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# The tests on TEST_WORKERS processes, each module whole on one (its fixtures built once);
# corpus scrapes are shared through a cache (tests/conftest.py).
TEST_WORKERS ?= 2
test: lint-code $(NODE_STAMP) $(CHROMIUM)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

# Refresh the lock file after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock

clean:
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache .cache $(SITE) dist
