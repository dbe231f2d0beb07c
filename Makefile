# The two commands: `make run` and `make test`. Everything else is documented in README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/campaign_portal
TEST_BROKER_URL ?= redis://127.0.0.1:6379/14

.PHONY: run test install assets system-run system-test services lint messages migrate demo bench clean

run: install system-run assets
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
	$(PY) manage.py seed_demo
	@echo "Cổng thi đua: http://127.0.0.1:8000  (dừng bằng Ctrl+C)"
	$(PY) manage.py runserver 127.0.0.1:8000 --insecure

test: install system-test assets services
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
	$(MAKE) lint
	DATABASE_URL=$(TEST_DATABASE_URL) TEST_BROKER_URL=$(TEST_BROKER_URL) \
		$(PY) -m pytest $(PYTEST_ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock requirements-test.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.lock
	touch $@

assets: static/vendor/.installed

static/vendor/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent --ignore-scripts
	rm -rf static/vendor && mkdir -p static/vendor/bootstrap static/vendor/bootstrap-icons static/vendor/chartjs
	cp -r node_modules/bootstrap/dist/css node_modules/bootstrap/dist/js static/vendor/bootstrap/
	cp -r node_modules/bootstrap-icons/font/bootstrap-icons.min.css node_modules/bootstrap-icons/font/fonts static/vendor/bootstrap-icons/
	cp node_modules/chart.js/dist/chart.umd.min.js static/vendor/chartjs/
	touch $@

system-run:
	scripts/ensure_system.sh run

system-test:
	scripts/ensure_system.sh test

services:
	scripts/ensure_services.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check --quiet .
	$(VENV)/bin/lint-imports --no-logo
	$(PY) manage.py makemigrations --check --dry-run -v 0

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=static/vendor
	$(PY) manage.py makemessages -d djangojs -l en --ignore=.venv --ignore=node_modules --ignore=static/vendor

# Performance at province scale, against the targets of issue 18 (bench/README.md): synthetic data on
# PostgreSQL (database cp_bench, dropped and recreated), Redis db 11, two Celery workers, gunicorn and wrk.
# BENCH_ARGS="--sizes 1 --quick" to try it; BENCH_ARGS="--compare OLD.json" adds a "before" column.
bench: install services
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; \
		else echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; fi; }
	$(PY) -m bench.run $(BENCH_ARGS)

clean:
	rm -rf var staticfiles static/vendor test-artifacts
