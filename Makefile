# The collection's commands. Each one first builds .venv from the pinned requirements.txt
# when it is missing or older than requirements.txt, so a new machine needs only
# Python 3.11, git and make.
STORY ?= meta-scale-ai
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
SHELL := /bin/bash

.PHONY: run test lab new-story bench notebooks evaluate clean help

help:
	@echo "make run [STORY=name]     run the four notebooks for data/<name>/ (default: $(STORY))"
	@echo "make test                 unit tests and the notebooks under nbval"
	@echo "make new-story STORY=name scaffold data/<name>/ for a new story"
	@echo "make bench [CORPUS=path]  extraction throughput, and a whole run on a generated 400-article folder"
	@echo "make lab                  open JupyterLab on the collection"
	@echo "make notebooks            re-execute the committed notebooks on the default story"
	@echo "make evaluate DIR=path    score every story folder under path that holds a gold.csv"

$(READY): requirements.txt pyproject.toml
	@test -x $(PY) || { echo "Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing pinned requirements into $(VENV) (first run takes a few minutes)"
	@set -o pipefail; $(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt 2>&1 \
	  | { grep -v -e 'is ignored: it is neither a file nor a directory' -e "does not provide the extra 'html_clean'" || true; }
	@# the project itself, editable: `import helpers` and `import figcheck` work from any folder
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(READY)

run: $(READY)
	@$(PY) scripts/run_story.py $(STORY)

test: $(READY)
	@$(PY) -m pytest -q

# JupyterLab on the repository, file browser on notebooks/, with the lab settings in
# jupyter-config/ (no "get notified about Jupyter news?" popup). The browser test
# (tests/browser/) starts JupyterLab through this target, adding its own LAB_OPTS
# (port, token, no browser).
LAB_OPTS ?=
lab: $(READY)
	JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
	  $(VENV)/bin/jupyter lab --notebook-dir="$(CURDIR)" --ContentsManager.preferred_dir=notebooks \
	  $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_OPTS)

new-story: $(READY)
	@test "$(origin STORY)" = "command line" || { echo "usage: make new-story STORY=<name>"; exit 2; }
	@$(PY) scripts/new_story.py $(STORY)

bench: $(READY)
	@$(PY) scripts/bench.py $(if $(CORPUS),--corpus $(CORPUS)) $(if $(N),--n $(N)) \
	  $(if $(FOLDER),--folder $(FOLDER)) $(if $(KEEP),--keep-all)

notebooks: $(READY)
	@$(PY) scripts/refresh_notebooks.py
	@cp output/meta-scale-ai/charts/dots_deal_amount.png docs/img/meta-scale-ai-deal-amount.png

evaluate: $(READY)
	@test -n "$(DIR)" || { echo "usage: make evaluate DIR=<folder of stories, each with gold.csv> [SHOW=1] [SOURCES=1]"; exit 2; }
	@$(PY) -m figcheck.evaluate.run $(DIR) $(if $(SHOW),--show) $(if $(SOURCES),--sources)

clean:
	rm -rf output/$(STORY)
