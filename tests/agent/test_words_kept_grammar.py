"""The phrase grammar's rules kept between commands (`words.kept_grammar`): read back equal to lark's, used
without building them again, and a broken or missing file only means they are built."""

from __future__ import annotations

import pytest
from lark import Lark

from aspire_tui.agent.words import grammar, kept_grammar
from aspire_tui.agent.words.chart import Chart


def _fields(rules) -> list[tuple]:
    return [(r.origin.name, [(s.name, s.is_term) for s in r.expansion], r.order, r.options.priority,
             bool(r.options.expand1)) for r in rules]


def _built():
    return Lark(grammar.GRAMMAR, parser=None, lexer=grammar._Tokens).rules


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ASPIRE_CACHE", str(tmp_path))
    return tmp_path


def test_rules_read_back_are_lark_s_own(cache):
    first = kept_grammar.rules(grammar.GRAMMAR, _built)
    assert kept_grammar.rules_file(grammar.GRAMMAR).is_file()

    def never():
        raise AssertionError("the kept rules should have been read")

    again = kept_grammar.rules(grammar.GRAMMAR, never)
    assert _fields(again) == _fields(first) == _fields(_built())
    # and they parse as lark's: the same trees for the runs of tags the reader makes most
    for tags in [("COLOR", "KIND"), ("ALL", "KINDS"), ("NUM", "UNIT", "SIDE", "OF", "COLOR", "KIND"),
                 ("SIZEMOST", "KIND", "AND", "COLOR", "ONE")]:
        tree = Chart(again).parse(tags)
        assert tree is not None and tree == Chart(first).parse(tags)


def test_a_changed_grammar_is_kept_apart(cache):
    assert kept_grammar.rules_file(grammar.GRAMMAR) != kept_grammar.rules_file(grammar.GRAMMAR + "\n// changed")


def test_a_broken_file_only_means_the_rules_are_built(cache):
    path = kept_grammar.rules_file(grammar.GRAMMAR)
    path.write_bytes(b"not marshal data")
    built = []
    rules = kept_grammar.rules(grammar.GRAMMAR, lambda: built.append(1) or _built())
    assert built and _fields(rules) == _fields(_built())
    assert kept_grammar.rules(grammar.GRAMMAR, lambda: pytest.fail("rebuilt")) is not None  # written afresh
