# Two entry points: `make run` and `make test`. Both create the virtual environment on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run sandbox test test-postgres lint types unit unit-postgres i18n bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/checkin-bot start

# The real bot on a pretend Telegram, in this terminal (no token needed; see `:help` there).
demo: $(STAMP)
	$(BIN)/python -m bot.sandbox.demo

sandbox: $(STAMP)
	$(BIN)/checkin-bot sandbox

# Every check, and the whole suite on both databases at once (two cores): SQLite here, and a
# throwaway PostgreSQL server started from the system's binaries (PATH, PG_BIN or
# /usr/lib/postgresql/*/bin) beside it, its report printed after. The PostgreSQL half runs the
# tests that open a database (the rest would only repeat the SQLite half). Both halves always
# run; the target fails if either does.
test: lint types
	@status=0; log=$$(mktemp); \
	$(BIN)/pytest --backend=postgresql -p no:cacheprovider > $$log 2>&1 & pg=$$!; \
	$(BIN)/pytest --backend=sqlite || status=1; \
	wait $$pg || status=1; \
	echo; echo "======== the same suite on PostgreSQL ========"; cat $$log; rm -f $$log; \
	exit $$status

test-postgres: lint types unit-postgres

lint: $(STAMP)
	$(BIN)/ruff check bot handlers tests bench scripts
	$(BIN)/ruff format --check bot handlers tests bench scripts

types: $(STAMP)
	$(BIN)/mypy bot handlers

unit: $(STAMP)
	$(BIN)/pytest --backend=sqlite

unit-postgres: $(STAMP)
	$(BIN)/pytest --backend=postgresql

# Re-extract messages and merge them into every catalogue (see docs/i18n.md).
i18n: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-by-file -k _ -k N_ -k n_:1,2 \
		-o locales/messages.pot --project=checkin-bot bot handlers
	$(BIN)/pybabel update --no-fuzzy-matching -i locales/messages.pot -d locales -D messages

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
