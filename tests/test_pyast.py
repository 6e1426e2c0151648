"""The parser's spurious SystemError on CPython 3.11.7 (python/cpython#106905) costs one more try, not a crash."""

from __future__ import annotations

import ast
import builtins

import pytest

from aspire_tui import pyast


def _once(real):
    calls = []

    def flaky(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise SystemError("AST constructor recursion depth mismatch (before=69, after=59)")
        return real(*args, **kwargs)

    return flaky, calls


def test_parse_and_compile_try_again_after_the_spurious_error(monkeypatch):
    flaky, calls = _once(ast.parse)
    monkeypatch.setattr(ast, "parse", flaky)
    assert isinstance(pyast.parse("x = 1\n").body[0], ast.Assign) and len(calls) == 2
    flaky, calls = _once(builtins.compile)
    monkeypatch.setattr(builtins, "compile", flaky)
    assert pyast.compile_source("x = 1\n", "program.py") is not None and len(calls) == 2


def test_a_syntax_error_is_still_a_syntax_error():
    with pytest.raises(SyntaxError):
        pyast.parse("def run(:\n")


def test_literal_eval_tries_again_too(monkeypatch):
    flaky, calls = _once(ast.literal_eval)
    monkeypatch.setattr(ast, "literal_eval", flaky)
    assert pyast.literal_eval("{'a': 1}") == {"a": 1} and len(calls) == 2
