# Thin wrapper: the work is done by the scripts in scripts/ (read them first).
#   make demo       serve Odoo 18.0 + vrac addons with demo data on :8069
#   make test       lint, pure tests, Odoo install/upgrade and pytest-odoo suite
#   make lint       only the lint suite (after a first demo/test bootstrap): ruff,
#                   pylint-odoo, OCA XML checks, eslint, prettier --check
#                   (eslint/prettier: npm ci into node_modules/ the first time)
#   make format     rewrite files as the lint wants them (prettier, ruff format)
#   make bench      benchmarks: the figures the issues ask for, as tables
#   make demo-stop  stop the private PostgreSQL cluster (.pg/)
#   make clean      remove .venv, .pg, .odoo-src, node_modules (databases included!)

SHELL := /bin/bash

# Official Odoo 18.0 sources, used only when neither $ODOO_SRC nor the
# machine's python3 (or $VRAC_PYTHON) provides Odoo 18.0.
ODOO_ARCHIVE_URL ?= https://github.com/odoo/odoo/archive/refs/heads/18.0.tar.gz
export ODOO_ARCHIVE_URL

.PHONY: demo test lint format bench demo-stop pg-status clean

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

lint:
	bash scripts/lint.sh

format:
	bash scripts/format.sh

bench:
	bash scripts/bench.sh

demo-stop:
	bash scripts/pg.sh stop

pg-status:
	bash scripts/pg.sh status

clean: demo-stop
	rm -rf .venv .pg .odoo-src node_modules build dist *.egg-info
