"""``make bench``'s choice of databases (``--backend``); the benchmarks themselves are not run."""

from __future__ import annotations

import pytest

from bench.backend import choose


def test_both_backends_by_default_and_the_rest_kept_in_order() -> None:
    assert choose(["1", "tick"], None) == (["sqlite", "postgresql"], ["1", "tick"], "")
    assert choose([], None) == (["sqlite", "postgresql"], [], "")


@pytest.mark.parametrize(
    ("args", "backends"),
    [
        (["--backend", "sqlite", "3"], ["sqlite"]),
        (["3", "--backend=postgresql"], ["postgresql"]),
        (["--backend", "both", "3"], ["sqlite", "postgresql"]),
    ],
)
def test_backend_option_either_spelling(args: list[str], backends: list[str]) -> None:
    assert choose(args, None) == (backends, ["3"], "")


def test_without_postgresql_sqlite_only_with_a_note() -> None:
    wanted, rest, note = choose(["taps"], "no initdb")
    assert (wanted, rest) == (["sqlite"], ["taps"])
    assert "SQLite only" in note and "no initdb" in note
    assert choose(["--backend", "sqlite"], "no initdb") == (["sqlite"], [], "")


def test_unknown_backend_or_postgresql_missing_is_refused() -> None:
    with pytest.raises(ValueError, match="one of sqlite, postgresql, both"):
        choose(["--backend", "mysql"], None)
    with pytest.raises(ValueError, match="one of"):
        choose(["--backend"], None)
    with pytest.raises(ValueError, match="not available: no initdb"):
        choose(["--backend=postgresql"], "no initdb")
