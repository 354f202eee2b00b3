# Two commands set everything up on a fresh machine:
#   make run    the app on the bundled sample, with a local Neo4j (unless NEO4J_URI is set)
#   make test   the whole suite against a real, throwaway Neo4j
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LAUNCHER := docker/neo4j-local
LAUNCHER_STAMP := $(LAUNCHER)/target/.built
VENV_STAMP := $(VENV)/.installed

.PHONY: run test lint format neo4j neo4j-stop browser bench clean

run: $(VENV_STAMP) $(LAUNCHER_STAMP)
	$(BIN)/explorer serve

test: $(VENV_STAMP) $(LAUNCHER_STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/pytest

$(VENV_STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# The no-Docker Neo4j: built once; starting it needs only java.
$(LAUNCHER_STAMP): $(LAUNCHER)/pom.xml $(wildcard $(LAUNCHER)/src/main/java/explorer/neo4jlocal/*.java)
	cd $(LAUNCHER) && mvn -q -B package dependency:copy-dependencies
	touch $@

# Browser tests drive Debian's chromium through Playwright (browser downloads do not work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

neo4j: $(VENV_STAMP) $(LAUNCHER_STAMP)
	$(BIN)/explorer neo4j start

neo4j-stop:
	$(BIN)/explorer neo4j stop

lint: $(VENV_STAMP)
	$(BIN)/ruff check .

format: $(VENV_STAMP)
	$(BIN)/ruff format .

bench: $(VENV_STAMP) $(LAUNCHER_STAMP)
	for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(LAUNCHER)/target .neo4j-local .pytest_cache .ruff_cache
