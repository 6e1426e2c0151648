# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-slow bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/aspire

test: $(STAMP)
	$(BIN)/pytest

# The long end-to-end suites (marked slow) that `make test` leaves out; CI runs both.
test-slow: $(STAMP)
	$(BIN)/pytest -m slow

# The figures the issues ask for; each module's docstring shows more options.
bench: $(STAMP)
	$(BIN)/python -m bench.foundation
	$(BIN)/python -m bench.fairness
	$(BIN)/python -m bench.retrieval quality
	$(BIN)/python -m bench.retrieval speed --sizes 1000,10000
	$(BIN)/python -m bench.tui
	$(BIN)/python -m bench.agent --quick
	$(BIN)/python -m bench.search throughput
	$(BIN)/aspire bench --quick --out bench-report

clean:
	rm -rf $(VENV) build *.egg-info
