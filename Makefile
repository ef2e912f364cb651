# Área Cliente: the two commands a newcomer runs are `make run` and `make test`.
# Both install what they need (uv and the Python workspace, the web client's npm packages,
# Debian's Chromium for the browser tests).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(PYTHON) -m uv
PYTEST_ARGS ?=

.PHONY: run test install web chromium lint protos charts bench clean

## run: start the whole platform on embedded defaults with demo data (prints URL and logins)
run: install web
	$(PY) tools/devsystem.py

## test: every test: unit, integration (PostgreSQL, RabbitMQ), charts, web, browser, e2e
test: install web chromium
	$(PY) -m ruff check .
	$(PY) -m mypy shared/clientarea_shared
	cd web && npm test --silent
	$(PY) -m pytest $(PYTEST_ARGS)

## install: uv and the Python workspace (every service, the gateway, the dev tools)
install:
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --quiet

## web: install the web client's packages (again when the lock changed) and build web/dist
web:
	cd web && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }
	cd web && npm run build --silent

## chromium: Debian's Chromium for the browser tests (/usr/bin/chromium)
chromium:
	@[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(PY) -m ruff check .
	$(PY) -m mypy shared/clientarea_shared
	cd web && npm run lint --silent

## protos: regenerate the Python code of protos/ into shared/clientarea
protos: install
	$(PY) tools/gen_protos.py

## charts: render, lint and validate the Helm charts (default and production values)
charts: install
	$(PY) deploy/render.py
	$(PY) deploy/render.py --production

## bench: the gateway under open-loop load beside its baselines; JSON in bench/results/
bench: install web
	$(PY) bench/run.py

clean:
	rm -rf var web/dist
