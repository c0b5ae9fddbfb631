# Commentary notebooks: `make run` builds the site, `make test` checks everything.
# Each target bootstraps its Python environment: an activated conda env made from
# environment.yml is used as is; otherwise .venv is created with the standard library's venv.
# pip installs the locked versions (constraints.txt) and re-installs only when pyproject.toml
# or the lock changes; the bootstrap also installs the notebooks' kernel, commentary-notebooks.

ENV_NAME := commentary-notebooks
ifeq ($(CONDA_DEFAULT_ENV),$(ENV_NAME))
  PY    := $(CONDA_PREFIX)/bin/python
  STAMP := $(CONDA_PREFIX)/.$(ENV_NAME).installed
else
  PY    := .venv/bin/python
  STAMP := .venv/.installed
endif
ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help run test lint format strip lab upgrade bench bench-1k eval eval-heldout corpus clean distclean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

PIP := $(PY) -m pip install --quiet --disable-pip-version-check
CODE := src tests notebooks benchmarks scripts hatch_build.py

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || python3 -m venv .venv
	$(PIP) -c constraints.txt -e '.[dev]'
	$(PY) -m helpers.kernel
	@touch $@

run: $(STAMP) ## run the notebooks and publish reports/ (ARGS="--only 02_tokenize -p min_count=3 --force")
	$(PY) -m helpers.pipeline $(ARGS)

test: lint ## lint, then run the test suite
	$(PY) -m pytest $(ARGS)

lint: $(STAMP) ## check code and notebooks with ruff (lint rules and formatting)
	$(PY) -m ruff check $(CODE)
	$(PY) -m ruff format --check $(CODE)

format: $(STAMP) ## format code and notebooks with ruff
	$(PY) -m ruff format $(CODE)

strip: $(STAMP) ## remove outputs and run metadata from notebooks/*.ipynb (also a pre-commit hook)
	$(PY) scripts/strip_notebooks.py

lab: $(STAMP) ## JupyterLab rooted at the workspace (ARGS="--root DIR --port 8890"; --allow-root added as root)
	$(PY) -m helpers.cli lab $(ARGS)

upgrade: ## upgrade all packages, rewrite constraints.txt and environment.yml; then make test
	@test -x $(PY) || python3 -m venv .venv
	$(PIP) --upgrade -e '.[dev]'
	$(PY) scripts/lock.py
	@touch $(STAMP)

bench: $(STAMP) ## every benchmark: make run on 1k and 10k articles per executor, ratio, no-op, pages (about an hour)
	$(PY) -m benchmarks.run_all

bench-1k: $(STAMP) ## the end-to-end scale benchmark on 1,000 articles only (ARGS="--schedulers pool")
	$(PY) -m benchmarks.scale_run --sizes 1000 $(ARGS)

eval: $(STAMP) ## score the rules against the gold of data/dev and the seeds (ARGS=--verbose)
	$(PY) -m benchmarks.eval $(ARGS)

eval-heldout: $(STAMP) ## score the rules on data/heldout: report only, never tune rules to it
	$(PY) -m benchmarks.eval --set heldout $(ARGS)

N ?= 1000
SEED ?= 0
corpus: $(STAMP) ## write a seeded synthetic workspace: make corpus N=1000 DIR=/tmp/ws [SEED=0]
	@test -n "$(DIR)" || { echo "error: make corpus needs DIR=<workspace root>" >&2; exit 2; }
	$(PY) -m helpers.synthetic --n $(N) --dir $(DIR) --seed $(SEED)

clean: ## remove generated files (data/interim, data/processed, build/, reports/, caches)
	rm -rf data/interim data/processed build reports .reports.staging .reports.previous .reports.ready \
	       .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +

distclean: clean ## also remove .venv
	rm -rf .venv
