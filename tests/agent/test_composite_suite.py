"""The composite suite's task files (bench/composite/, issue 17) load and say their kind; no loop runs here."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.composite import KINDS, SUITE, suite_files
from sim.taskspec import load_task_file

FILES = suite_files()


def test_the_suite_has_at_least_60_files_and_every_kind_at_least_8():
    kinds = Counter(kind for kind, _ in FILES)
    assert len(FILES) >= 60
    assert {k: n for k, n in kinds.items() if n < 8} == {}
    assert set(kinds) == set(KINDS)


def test_every_task_file_sits_in_a_kind_folder():
    """The folder is the kind the bench reports it under; a file anywhere else would be silently skipped."""
    stray = [p.relative_to(SUITE) for p in SUITE.rglob("*.toml") if p.parent.name not in KINDS
             or p.parent.parent != SUITE]
    assert stray == []


@pytest.mark.parametrize("kind,path", FILES, ids=[p.stem for _, p in FILES])
def test_the_task_file_loads_and_is_named_after_itself(kind, path):
    spec = load_task_file(path)
    assert spec.name == path.stem
    assert spec.instructions and spec.success is not None


def test_task_names_are_unique():
    names = Counter(p.stem for _, p in FILES)
    assert [n for n, c in names.items() if c > 1] == []
