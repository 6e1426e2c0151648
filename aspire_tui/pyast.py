"""Python's own parser, made safe to call from several threads on CPython 3.11.7.

CPython before 3.11.8 may raise ``SystemError: AST constructor recursion depth
mismatch`` from ``ast.parse`` or ``compile`` while another thread builds a
syntax tree (python/cpython#106905); the seeds of a validation batch are
checked in threads. The error is spurious: the same call made again succeeds.
Every parse of Python text in aspire goes through here (``literal_eval`` of a
text parses too).
"""

from __future__ import annotations

import ast
from typing import Any


def parse(source: str, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse``, made once more after that spurious ``SystemError``."""
    try:
        return ast.parse(source, filename)
    except SystemError:
        return ast.parse(source, filename)


def compile_source(source: str, filename: str) -> Any:
    """``compile(source, filename, "exec")``, made once more after that spurious ``SystemError``."""
    try:
        return compile(source, filename, "exec", dont_inherit=True)
    except SystemError:
        return compile(source, filename, "exec", dont_inherit=True)


def literal_eval(source: str) -> Any:
    """``ast.literal_eval`` of a text, made once more after that spurious ``SystemError``."""
    try:
        return ast.literal_eval(source)
    except SystemError:
        return ast.literal_eval(source)
